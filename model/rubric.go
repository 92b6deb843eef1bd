package model

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// The rubric: four principles, four must-haves and four nice-to-haves
// from the guideline for post-incident communication. Each item is judged
// yes (full points), partial (half) or no; the score is out of 100.

// minWords is how many words make an answer more than a placeholder.
const minWords = 8

// minFreeWords is how much free text it takes to sound like a person.
const minFreeWords = 40

// minConcrete is how many concrete details make a post-mortem credible.
const minConcrete = 3

// RubricItem describes one item of the rubric.
type RubricItem struct {
	ID     string
	Tier   Tier
	Title  string
	Points int
}

// Rubric lists the twelve items in order. The points add up to 100.
var Rubric = []RubricItem{
	{ItemAdmitFailure, TierPrinciple, "Admit failure", 5},
	{ItemSoundHuman, TierPrinciple, "Sound like a human", 5},
	{ItemChannel, TierPrinciple, "Communication channel", 5},
	{ItemAuthentic, TierPrinciple, "Be authentic", 5},
	{ItemStartEnd, TierMust, "Start and end time", 15},
	{ItemImpact, TierMust, "Who and what was impacted", 15},
	{ItemRootCause, TierMust, "What went wrong, and how you found it", 15},
	{ItemLessons, TierMust, "Lessons and action items", 15},
	{ItemTechnologies, TierNice, "Technologies involved", 5},
	{ItemFiveWhys, TierNice, "Five Whys", 5},
	{ItemHumanElements, TierNice, "Human elements", 5},
	{ItemOthersLearn, TierNice, "What others can learn", 5},
}

// RubricItemByID finds an item of the rubric.
func RubricItemByID(id string) (RubricItem, bool) {
	for _, it := range Rubric {
		if it.ID == id {
			return it, true
		}
	}
	return RubricItem{}, false
}

// verdict is an automatic judgement before points are attached.
type verdict struct {
	status       Verdict
	reason, next string
}

// facts are what several items share, computed once per score.
type facts struct {
	freeWords   int
	findings    []Finding
	boilerplate int
	hedging     int
	concrete    int
}

// textStats is what the rubric needs from one piece of free text.
type textStats struct {
	words, digits int
	findings      []Finding // Field left empty: the same text may stand in several fields
}

func statsOf(text string) *textStats {
	st := &textStats{findings: CheckToneText("", text)}
	st.words, st.digits = countTokens(text)
	return st
}

// Scorer scores a draft again and again, as the wizard does on every
// keystroke. It remembers the stats of each text it has read, so a
// keystroke re-reads only the field being typed in; the rest is a map
// lookup. Texts no longer in the draft are forgotten on the next score.
// A Scorer is not safe for concurrent use.
type Scorer struct {
	memo map[string]*textStats
}

// NewScorer returns a Scorer with an empty memory.
func NewScorer() *Scorer { return &Scorer{memo: map[string]*textStats{}} }

// Score rates a draft against the 12-item rubric. It is a pure function of
// the draft, cheap enough to run on every keystroke (see
// docs/performance.md); use a Scorer to score the same draft repeatedly.
func Score(d *Draft) Report { return (&Scorer{}).Score(d) }

func (s *Scorer) gatherFacts(d *Draft) facts {
	var f facts
	next := make(map[string]*textStats, len(s.memo))
	eachFreeText(d, func(ref fieldRef, text string) {
		st, ok := s.memo[text]
		if !ok {
			if st, ok = next[text]; !ok {
				st = statsOf(text)
			}
		}
		next[text] = st
		f.freeWords += st.words
		f.concrete += st.digits
		for _, fd := range st.findings {
			fd.Field = ref.String()
			f.findings = append(f.findings, fd)
			switch fd.Kind {
			case Boilerplate:
				f.boilerplate++
			case Hedging:
				f.hedging++
			}
		}
	})
	if s.memo != nil {
		s.memo = next
	}
	tl := d.Timeline
	for _, t := range []*time.Time{tl.Start, tl.Detected, tl.Mitigated, tl.End} {
		if t != nil {
			f.concrete++
		}
	}
	f.concrete += len(tl.Events) + countNonBlank(d.Technologies)
	return f
}

// Score rates a draft against the 12-item rubric.
func (s *Scorer) Score(d *Draft) Report {
	f := s.gatherFacts(d)
	r := Report{Max: 100, Findings: f.findings, Metrics: ComputeMetrics(d.Timeline), Problems: d.Validate()}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Problems == nil {
		r.Problems = []Problem{}
	}
	for _, it := range Rubric {
		v := judges[it.ID](d, f)
		res := ItemResult{ID: it.ID, Tier: it.Tier, Title: it.Title, Max: it.Points, Source: SourceAuto, Status: v.status, Reason: v.reason, Next: v.next}
		if a, ok := d.Assessments[it.ID]; ok && validVerdict(a.Status) {
			res.Source, res.Status, res.Note = SourceReviewer, a.Status, a.Note
			res.Reason = "A reviewer marked this " + string(a.Status)
			if a.Note != "" {
				res.Reason += ": " + oneLine(a.Note)
			}
			switch {
			case a.Status == Yes:
				res.Next = ""
			case res.Next == "" && a.Note != "":
				res.Next = "Address the reviewer's note: " + oneLine(a.Note)
			case res.Next == "":
				res.Next = "Ask the reviewer what is missing here."
			}
		}
		res.Points = points(res.Status, it.Points)
		r.Score += res.Points
		r.Items = append(r.Items, res)
	}
	return r
}

// judges decide each item automatically, before reviewer overrides.
var judges = map[string]func(*Draft, facts) verdict{
	ItemAdmitFailure:  judgeAdmitFailure,
	ItemSoundHuman:    judgeSoundHuman,
	ItemChannel:       judgeChannel,
	ItemAuthentic:     judgeAuthentic,
	ItemStartEnd:      judgeStartEnd,
	ItemImpact:        judgeImpact,
	ItemRootCause:     judgeRootCause,
	ItemLessons:       judgeLessons,
	ItemTechnologies:  judgeTechnologies,
	ItemFiveWhys:      judgeFiveWhys,
	ItemHumanElements: judgeHumanElements,
	ItemOthersLearn:   judgeOthersLearn,
}

func points(v Verdict, max int) float64 {
	switch v {
	case Yes:
		return float64(max)
	case Partial:
		return float64(max) / 2
	}
	return 0
}

func validVerdict(v Verdict) bool { return v == Yes || v == Partial || v == No }

// Next is the single most valuable thing to add: the item that is not yet
// "yes" and would gain the most points, earliest in rubric order on a tie.
func (r Report) Next() (ItemResult, bool) {
	best, found := ItemResult{}, false
	for _, it := range r.Items {
		if it.Status == Yes {
			continue
		}
		if !found || float64(it.Max)-it.Points > float64(best.Max)-best.Points {
			best, found = it, true
		}
	}
	return best, found
}

// MissingMustHaves lists the must-have items that are not yet "yes", in
// rubric order: what publishing without would leave a reader missing.
func (r Report) MissingMustHaves() []ItemResult {
	var out []ItemResult
	for _, it := range r.Items {
		if it.Tier == TierMust && it.Status != Yes {
			out = append(out, it)
		}
	}
	return out
}

func judgeAdmitFailure(d *Draft, _ facts) verdict {
	switch n := Words(d.Summary); {
	case n == 0:
		return verdict{No, "There is no summary yet.", "Write the summary: what failed, in your own words, starting with \"We\"."}
	case n < minWords:
		return verdict{Partial, fmt.Sprintf("The summary has %s; a reader needs a full sentence.", plural(n, "word")), "Say in a full sentence what failed and for whom."}
	case !IsFirstPerson(d.Summary):
		return verdict{Partial, "The summary does not say \"we\": it reads as if it happened to someone else.", "Own it: \"We broke checkout for 40 minutes\", not \"checkout was unavailable\"."}
	}
	return verdict{Yes, "The summary admits what failed, in the first person.", ""}
}

func judgeSoundHuman(_ *Draft, f facts) verdict {
	switch {
	case f.freeWords == 0:
		return verdict{No, "There is no free text yet.", "Start with the summary: say what happened as you would to a colleague."}
	case f.boilerplate >= 3:
		return verdict{No, fmt.Sprintf("%s read like a press release.", plural(f.boilerplate, "boilerplate phrase")), "Rewrite the flagged phrases in plain words; each has a suggestion."}
	case f.boilerplate > 0:
		return verdict{Partial, fmt.Sprintf("%s: %q.", plural(f.boilerplate, "boilerplate phrase"), firstOf(f.findings, Boilerplate)), "Replace the flagged phrase with what actually happened to people."}
	case f.freeWords < minFreeWords:
		return verdict{Partial, fmt.Sprintf("Only %s of free text so far.", plural(f.freeWords, "word")), "Tell more of the story in your own words: what people saw, what you did."}
	}
	return verdict{Yes, fmt.Sprintf("%s of plain text, no boilerplate.", plural(f.freeWords, "word")), ""}
}

func judgeChannel(d *Draft, _ facts) verdict {
	named := 0
	for _, ch := range d.Communication.Channels {
		if IsWebURL(ch.URL) {
			return verdict{Yes, fmt.Sprintf("Customers could follow updates at %s.", oneLine(ch.URL)), ""}
		}
		if !blank(ch.Name) || !blank(ch.URL) {
			named++
		}
	}
	if named > 0 {
		return verdict{Partial, "Channels are named, but none has a working link.", "Add the full link, with https://, so readers can follow the next incident there."}
	}
	return verdict{No, "No communication channel.", "Add where customers got updates: a status page, a support thread, a social account."}
}

// IsWebURL reports whether s is an absolute http or https URL with a host.
func IsWebURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func judgeAuthentic(_ *Draft, f facts) verdict {
	if f.freeWords == 0 {
		return verdict{No, "There is no free text yet.", "Write what happened with specifics: times, numbers, systems."}
	}
	if f.boilerplate+f.hedging > 0 {
		kind := Hedging
		if f.boilerplate > 0 {
			kind = Boilerplate
		}
		return verdict{Partial, fmt.Sprintf("%s: %q.", plural(f.boilerplate+f.hedging, "vague or stock phrase"), firstOf(f.findings, kind)), "Say what you know plainly, and what you are still finding out."}
	}
	if f.concrete < minConcrete {
		return verdict{Partial, fmt.Sprintf("%s so far.", plural(f.concrete, "concrete detail")), "Add specifics: timeline times, numbers (requests, minutes, users), the systems involved."}
	}
	return verdict{Yes, fmt.Sprintf("Plain and specific: %s.", plural(f.concrete, "concrete detail")), ""}
}

func judgeStartEnd(d *Draft, _ facts) verdict {
	start, end := d.Timeline.Start, d.Timeline.End
	switch {
	case start == nil && end == nil:
		return verdict{No, "Neither start nor end time is set.", "Add when the incident started and ended: readers want the duration."}
	case start == nil:
		return verdict{Partial, "The end is set but not the start.", "Add when the incident started: readers want the duration."}
	case end == nil:
		return verdict{Partial, "The start is set but not the end.", "Add when the incident ended: readers want the duration."}
	case end.Before(*start):
		return verdict{Partial, "The end is before the start.", "Fix the start or end time: the end must come after the start."}
	}
	return verdict{Yes, "Start and end are set: it lasted " + HumanDuration(end.Sub(*start)) + ".", ""}
}

func judgeImpact(d *Draft, _ facts) verdict {
	who, what := !blank(d.Impact.Who), !blank(d.Impact.What)
	switch {
	case who && what:
		return verdict{Yes, "Says who was affected and what they could not do.", ""}
	case who:
		return verdict{Partial, "Says who was affected, not what broke for them.", "Add what they could not do, in their terms: \"could not pay\", \"saw stale prices\"."}
	case what:
		return verdict{Partial, "Says what broke, not who was affected.", "Add who was affected: which customers, regions, plans, how many."}
	}
	return verdict{No, "The impact is empty.", "Add who was affected and what they could not do."}
}

func judgeRootCause(d *Draft, _ facts) verdict {
	wwg, an := Words(d.RootCause.WhatWentWrong), Words(d.RootCause.Analysis)
	switch {
	case wwg >= minWords && an >= minWords:
		return verdict{Yes, "Says what went wrong and how you found it.", ""}
	case wwg == 0 && an == 0:
		return verdict{No, "The root cause is empty.", "Explain what went wrong, then how you found it: readers trust the analysis, not the verdict."}
	case wwg < minWords:
		return verdict{Partial, fmt.Sprintf("What went wrong has %s.", plural(wwg, "word")), "Explain what went wrong in a few sentences: the failure, not just its name."}
	}
	if an == 0 {
		return verdict{Partial, "Says what went wrong, but not how you found it.", "Add how you found the cause: the graphs, logs or experiments that showed it."}
	}
	return verdict{Partial, fmt.Sprintf("How you found it has %s.", plural(an, "word")), "Say more about how you found the cause: the graphs, logs or experiments that showed it."}
}

func judgeLessons(d *Draft, _ facts) verdict {
	lessons := countNonBlank(d.Lessons)
	actions := 0
	for _, a := range d.ActionItems {
		if !blank(a.What) {
			actions++
		}
	}
	switch {
	case lessons > 0 && actions > 0:
		return verdict{Yes, fmt.Sprintf("%s and %s.", plural(lessons, "lesson"), plural(actions, "action item")), ""}
	case lessons > 0:
		return verdict{Partial, "Lessons, but no action items.", "Add what you will do about it: an action item with an owner and a due date."}
	case actions > 0:
		return verdict{Partial, "Action items, but no lessons.", "Add what you learned: the lesson behind the action items."}
	}
	return verdict{No, "No lessons or action items.", "Add what you learned and what you are doing so it does not happen again."}
}

func judgeTechnologies(d *Draft, _ facts) verdict {
	if n := countNonBlank(d.Technologies); n > 0 {
		return verdict{Yes, fmt.Sprintf("%s named.", plural(n, "technology", "technologies")), ""}
	}
	return verdict{No, "No technologies named.", "Name the systems involved (databases, queues, clouds): engineers reading it want to compare."}
}

func judgeFiveWhys(d *Draft, _ facts) verdict {
	asked, answered := 0, 0
	for _, w := range d.FiveWhys {
		if blank(w.Why) && blank(w.Because) {
			continue
		}
		asked++
		if !blank(w.Because) {
			answered++
		}
	}
	switch {
	case asked == 0:
		return verdict{No, "No Five Whys yet.", "Ask why it happened, then why that happened, five times."}
	case asked >= MaxWhys && answered >= MaxWhys:
		return verdict{Yes, "Five whys, each answered.", ""}
	case answered < asked:
		return verdict{Partial, fmt.Sprintf("%d of %d whys answered.", answered, asked), "Answer each why with a because."}
	}
	return verdict{Partial, fmt.Sprintf("%s of five.", plural(asked, "why", "whys")), "Ask the next why: why did that happen?"}
}

func judgeHumanElements(d *Draft, _ facts) verdict {
	return judgeProse(d.HumanElements, "human elements",
		"Add the human side: who was on call, what they saw, what made it hard.")
}

func judgeOthersLearn(d *Draft, _ facts) verdict {
	return judgeProse(d.OthersCanLearn, "what others can learn",
		"Add what another team could take from this for their own systems.")
}

func judgeProse(text, name, next string) verdict {
	switch n := Words(text); {
	case n == 0:
		return verdict{No, "Nothing on " + name + " yet.", next}
	case n < minWords:
		return verdict{Partial, fmt.Sprintf("%s on %s.", plural(n, "word"), name), "Say a little more: a sentence or two a reader can use."}
	}
	return verdict{Yes, "Covers " + name + ".", ""}
}

func countNonBlank(ss []string) int {
	n := 0
	for _, s := range ss {
		if !blank(s) {
			n++
		}
	}
	return n
}

func firstOf(fs []Finding, kind FindingKind) string {
	for _, f := range fs {
		if f.Kind == kind {
			return oneLine(f.Phrase)
		}
	}
	return ""
}

// plural writes "1 word", "3 words"; give the plural when it is irregular.
func plural(n int, one string, many ...string) string {
	word := one + "s"
	if len(many) > 0 {
		word = many[0]
	}
	if n == 1 {
		word = one
	}
	return fmt.Sprintf("%d %s", n, word)
}

// oneLine squeezes text onto one line for a reason or a note.
func oneLine(s string) string {
	return truncate(strings.Join(strings.Fields(SafeLine(s)), " "), 80)
}
