package export

import "github.com/pmwiz/pmwiz/model"

// A layout is the order and wording of the sections. Every layout carries
// every part of the draft (nothing is dropped for not fitting a template);
// what differs is the order and the headings readers of that template
// expect.

// Part keys: one per piece of the draft that gets its own place. Each is
// the field path of what it holds, spelt once in model; templates see it
// as Section.Key.
const (
	keySummary  = model.PathSummary
	keyWho      = model.PathImpactWho
	keyWhat     = model.PathImpactWhat
	keyExtent   = model.PathImpactExtent
	keyTimeline = model.PathTimeline
	keyWrong    = model.PathWhatWentWrong
	keyAnalysis = model.PathAnalysis
	keyFactors  = model.PathContributingFactors
	keyWhys     = model.PathFiveWhys
	keyLessons  = model.PathLessons
	keyActions  = model.PathActionItems
	keyTech     = model.PathTechnologies
	keyHuman    = model.PathHumanElements
	keyOthers   = model.PathOthersCanLearn
	keyUpdates  = model.PathCommunication
	keyOther    = model.PathOther
)

// proseParts are the parts that hold one free text: each is written as a
// block and read back by import into the same field. A text field added
// to the draft is one row here and its place in the layouts below.
var proseParts = map[string]func(d *model.Draft) *string{
	keySummary:  func(d *model.Draft) *string { return &d.Summary },
	keyWho:      func(d *model.Draft) *string { return &d.Impact.Who },
	keyWhat:     func(d *model.Draft) *string { return &d.Impact.What },
	keyExtent:   func(d *model.Draft) *string { return &d.Impact.Extent },
	keyWrong:    func(d *model.Draft) *string { return &d.RootCause.WhatWentWrong },
	keyAnalysis: func(d *model.Draft) *string { return &d.RootCause.Analysis },
	keyHuman:    func(d *model.Draft) *string { return &d.HumanElements },
	keyOthers:   func(d *model.Draft) *string { return &d.OthersCanLearn },
}

// sectionLevel is the Markdown heading level of a layout's sections.
const sectionLevel = 2

type part struct {
	key string
	sub string // sub-heading, used when the section has more than one part
}

type sectionSpec struct {
	heading string
	parts   []part
}

func (s sectionSpec) multi() bool { return len(s.parts) > 1 }

func one(heading, key string) sectionSpec {
	return sectionSpec{heading: heading, parts: []part{{key: key}}}
}

var impactParts = []part{
	{keyWho, "Who was affected"},
	{keyWhat, "What was affected"},
	{keyExtent, "How bad it was"},
}

// Layouts lists the layout names `--layout` accepts, default first.
var Layouts = []string{"pmwiz", "google", "atlassian", "pagerduty"}

var layouts = map[string][]sectionSpec{
	// Reader order: what happened and to whom, when, why, what we learned
	// and what we will do.
	"pmwiz": {
		one("Summary", keySummary),
		{"Impact", impactParts},
		one("Timeline", keyTimeline),
		{"Root cause", []part{
			{keyWrong, "What went wrong"},
			{keyAnalysis, "How we found it"},
			{keyFactors, "Contributing factors"},
		}},
		one("Five Whys", keyWhys),
		one("Lessons learned", keyLessons),
		one("Action items", keyActions),
		one("Technologies involved", keyTech),
		one("Human elements", keyHuman),
		one("What others can learn", keyOthers),
		one("Where to follow updates", keyUpdates),
	},
	// The example post-mortem in Google's SRE book ("Shakespeare Sonnet++").
	"google": {
		one("Summary", keySummary),
		{"Impact", impactParts},
		{"Root Causes", []part{
			{keyWrong, "What went wrong"},
			{keyAnalysis, "How we found it"},
			{keyFactors, "Contributing factors"},
		}},
		one("Action Items", keyActions),
		{"Lessons Learned", []part{
			{keyLessons, "What we learned"},
			{keyOthers, "What others can learn"},
		}},
		one("Timeline", keyTimeline),
		{"Supporting information", []part{
			{keyWhys, "Five Whys"},
			{keyTech, "Technologies involved"},
			{keyHuman, "Human elements"},
			{keyUpdates, "Where customers got updates"},
		}},
	},
	// Atlassian's incident postmortem template (Incident Handbook).
	"atlassian": {
		one("Incident summary", keySummary),
		one("Fault", keyWrong),
		{"Impact", impactParts},
		one("Timeline", keyTimeline),
		one("Five whys", keyWhys),
		{"Root cause", []part{
			{keyAnalysis, "How we found it"},
			{keyFactors, "Contributing factors"},
		}},
		one("Lessons learned", keyLessons),
		one("Corrective actions", keyActions),
		one("Technologies involved", keyTech),
		one("Human elements", keyHuman),
		one("What others can learn", keyOthers),
		one("Customer communication", keyUpdates),
	},
	// PagerDuty's postmortem template (response.pagerduty.com).
	"pagerduty": {
		one("Overview", keySummary),
		{"What Happened", []part{
			{keyWrong, "What went wrong"},
			{keyAnalysis, "How we found it"},
		}},
		one("Contributing Factors", keyFactors),
		{"Impact", impactParts},
		one("Timeline", keyTimeline),
		one("Five Whys", keyWhys),
		one("How'd We Do?", keyLessons),
		one("Action Items", keyActions),
		one("Messaging", keyUpdates),
		one("Technologies Involved", keyTech),
		one("Human Elements", keyHuman),
		one("What Others Can Learn", keyOthers),
	},
}
