package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// step is one screen of the wizard: an id, a title, one line saying why a
// reader needs it, the fields it shows for the draft as it is now, and
// whatever it does beyond plain fields. Everything particular to a step
// lives here, so a step is added or moved in this table alone.
type step struct {
	id     string // stable name: tests and code address a step by it, never by position
	title  string
	guide  string
	fields func(d *model.Draft) []binding
	review bool
	// item is the rubric item that judges the step: the step list shows
	// its verdict, so the list and the score panel never disagree.
	item string
	// header is the lines shown under the guide (the Timeline's zone and
	// durations). In a short window the lines after the first go first.
	header func(c stepCtx, w int) []string
	// afterSet runs once a field of the step was stored in the draft.
	afterSet func(c stepCtx, f *field) tea.Cmd
	// intercept takes the step's own keys and pastes before the form
	// does, and says whether it took the message.
	intercept func(c stepCtx, msg tea.Msg) (tea.Cmd, bool)
	// onEnter runs when the step comes on screen.
	onEnter func(c stepCtx)
	// recap is said after the step in accessible mode ("" for nothing).
	recap func(r model.Report) string
}

// steps is the wizard, in reader order. Users move freely between them.
// A step's hooks see the wizard only through a stepCtx (stepctx.go), so
// the table depends on no wizard code and is initialised as it stands.
var steps = []step{
	{id: "basics", title: "Basics", guide: "A plain title and who wrote it: readers decide from the title whether to read on.", fields: basicsFields},
	{id: "summary", title: "Summary", guide: "Admit what failed, in your own words: readers trust a team that says it plainly.", fields: summaryFields},
	{id: "timeline", title: "Timeline", guide: "Start, detection, mitigation and end tell readers how long it hurt and how fast you reacted.", fields: timelineFields,
		item: model.ItemStartEnd, header: timelineHeader, afterSet: timelineAfterSet, intercept: timelinePaste, recap: timelineRecap},
	{id: "impact", title: "Impact", guide: "Say who was affected and how: a reader first wants to know whether it was them.", fields: impactFields, item: model.ItemImpact},
	{id: "root-cause", title: "Root cause", guide: "What went wrong and how you found it shows you understand the failure, not just the fix.", fields: rootCauseFields, item: model.ItemRootCause},
	{id: "five-whys", title: "Five Whys", guide: "Ask why until you reach something you can change; each answer becomes the next question.", fields: whysFields, item: model.ItemFiveWhys},
	{id: "lessons", title: "Lessons & actions", guide: "What you learned and what you will do, with owners and dates, is what restores faith.", fields: lessonsFields, item: model.ItemLessons},
	{id: "technologies", title: "Technologies", guide: "Naming the systems involved lets other engineers map it onto their own stack.", fields: techFields,
		item: model.ItemTechnologies, header: technologiesHeader, intercept: technologiesKeys},
	{id: "human-elements", title: "Human elements", guide: "Who was paged, what was hard, how people felt: it is people who fix outages.", fields: humanFields, item: model.ItemHumanElements},
	{id: "others-can-learn", title: "Others can learn", guide: "What should another team take from this? That makes the write-up worth reading.", fields: learnFields, item: model.ItemOthersLearn},
	{id: "communication", title: "Communication", guide: "Where customers got updates during the incident: a status page, a channel, a feed.", fields: commFields, item: model.ItemChannel},
	{id: "review", title: "Review", guide: "Check the score and the tone, preview the document, then export it.", fields: reviewFields, review: true,
		onEnter: func(c stepCtx) { c.do.previewToTop() }},
}

// stepIndex is the position of the step with id, or -1.
func stepIndex(id string) int {
	for i, st := range steps {
		if st.id == id {
			return i
		}
	}
	return -1
}

func str(path, label, placeholder string, kind fieldKind, p func(d *model.Draft) *string) binding {
	return binding{
		path: path, label: label, placeholder: placeholder, kind: kind,
		get: func(d *model.Draft) string { return *p(d) },
		set: func(d *model.Draft, v string) error { *p(d) = v; return nil },
	}
}

func basicsFields(d *model.Draft) []binding {
	aud := binding{
		path: model.PathAudience, label: "Audience", kind: kindChoice, options: []string{"", string(model.AudiencePublic), string(model.AudienceInternal)},
		get: func(d *model.Draft) string { return string(d.Audience) },
		set: func(d *model.Draft, v string) error { d.Audience = model.Audience(v); return nil },
	}
	authors := binding{
		path: model.PathAuthors, label: "Authors (comma-separated)", placeholder: "Ada Lovelace, Grace Hopper", kind: kindLine,
		get: func(d *model.Draft) string { return strings.Join(d.Authors, ", ") },
		set: func(d *model.Draft, v string) error {
			d.Authors = nil
			for _, a := range strings.Split(v, ",") {
				if a = strings.TrimSpace(a); a != "" {
					d.Authors = append(d.Authors, a)
				}
			}
			return nil
		},
	}
	sev := str(model.PathSeverity, "Severity", "SEV1", kindLine, func(d *model.Draft) *string { return &d.Severity })
	sev.optional = true
	return []binding{
		str(model.PathTitle, "Title", "Checkout failed for 47 minutes after a config push", kindLine, func(d *model.Draft) *string { return &d.Title }),
		sev, aud, authors,
	}
}

func summaryFields(*model.Draft) []binding {
	return []binding{str(model.PathSummary, "What failed, in plain words", "On 23 November our checkout rejected every card payment for 47 minutes…", kindText, func(d *model.Draft) *string { return &d.Summary })}
}

// timeField binds a time of the timeline. ref is the time a bare "14:05"
// is read against.
func timeField(path, label string, p func(d *model.Draft) **time.Time, ref func(d *model.Draft) *time.Time, nearest bool) binding {
	return binding{
		path: path, label: label, placeholder: "2026-11-23 14:05 or 14:05", kind: kindTime,
		get: func(d *model.Draft) string {
			if t := *p(d); t != nil {
				return formatTime(*t, draftLocation(d.Timeline.TimeZone))
			}
			return ""
		},
		set: func(d *model.Draft, v string) error {
			if strings.TrimSpace(v) == "" {
				*p(d) = nil
				return nil
			}
			t, err := parseTime(v, draftLocation(d.Timeline.TimeZone), ref(d), nearest)
			if err != nil {
				return err // the draft keeps its last good time; the field keeps the text
			}
			*p(d) = &t
			return nil
		},
	}
}

// startRef is what a bare clock time is read against: the incident start,
// else when the draft was created.
func startRef(d *model.Draft) *time.Time {
	if d.Timeline.Start != nil {
		return d.Timeline.Start
	}
	return d.Created
}

func timelineFields(d *model.Draft) []binding {
	tz := binding{
		path: model.PathTimeZone, label: "Time zone (IANA name; empty: this machine's)", placeholder: "Europe/Berlin", kind: kindLine, optional: true,
		get: func(d *model.Draft) string { return d.Timeline.TimeZone },
		set: func(d *model.Draft, v string) error {
			v = strings.TrimSpace(v)
			if v != "" {
				if _, err := loadLocation(v); err != nil {
					return fmt.Errorf("unknown time zone %q: use an IANA name such as Europe/Berlin or UTC", v)
				}
			}
			d.Timeline.TimeZone = v
			return nil
		},
	}
	// The zone comes first: the times below are read in it, so a writer
	// who sets it after typing them would see them shift by hours.
	out := []binding{
		tz,
		timeField(model.PathStart, "Started", func(d *model.Draft) **time.Time { return &d.Timeline.Start }, startRef, true),
		timeField(model.PathDetected, "Detected", func(d *model.Draft) **time.Time { return &d.Timeline.Detected }, startRef, false),
		timeField(model.PathMitigated, "Mitigated", func(d *model.Draft) **time.Time { return &d.Timeline.Mitigated }, startRef, false),
		timeField(model.PathEnd, "Ended", func(d *model.Draft) **time.Time { return &d.Timeline.End }, startRef, false),
	}
	for i := range d.Timeline.Events {
		at := timeField(model.EntryFieldPath(model.PathEvents, i, model.KeyAt), fmt.Sprintf("Event %d · when", i+1),
			func(d *model.Draft) **time.Time { return &d.Timeline.Events[i].At }, startRef, true)
		txt := str(model.EntryFieldPath(model.PathEvents, i, model.KeyText), fmt.Sprintf("Event %d · what happened", i+1), "Rolled back the config push", kindLine,
			func(d *model.Draft) *string { return &d.Timeline.Events[i].Text })
		out = append(out, entry(listEvents, i, at, txt)...)
	}
	return append(out, addRow(listEvents, len(d.Timeline.Events)))
}

// entry marks bindings as the fields of entry i of list.
func entry(l *listSpec, i int, bs ...binding) []binding {
	for j := range bs {
		bs[j].list, bs[j].index, bs[j].first = l, i, j == 0
	}
	return bs
}

func addRow(l *listSpec, n int) binding {
	return binding{path: l.path + "+", label: GlyphAdd + " add " + article(l.noun), kind: kindAdd, list: l, index: n, optional: true,
		get: func(*model.Draft) string { return "" }, set: func(*model.Draft, string) error { return nil }}
}

func article(noun string) string {
	if strings.ContainsAny(noun[:1], "aeiou") {
		return "an " + noun
	}
	return "a " + noun
}

func impactFields(*model.Draft) []binding {
	return []binding{
		str(model.PathImpactWho, "Who was affected", "Every customer paying by card in the EU", kindText, func(d *model.Draft) *string { return &d.Impact.Who }),
		str(model.PathImpactWhat, "What they could not do", "Checkout failed with “payment declined”", kindText, func(d *model.Draft) *string { return &d.Impact.What }),
		str(model.PathImpactExtent, "How much (numbers)", "12,400 failed orders, 3 % of the day's revenue", kindText, func(d *model.Draft) *string { return &d.Impact.Extent }),
	}
}

func rootCauseFields(d *model.Draft) []binding {
	out := []binding{
		str(model.PathWhatWentWrong, "What went wrong", "A config push set the payment timeout to 0 ms", kindText, func(d *model.Draft) *string { return &d.RootCause.WhatWentWrong }),
		str(model.PathAnalysis, "How you found it", "Error rates rose with the deploy; a diff of the config showed…", kindText, func(d *model.Draft) *string { return &d.RootCause.Analysis }),
	}
	for i := range d.RootCause.ContributingFactors {
		out = append(out, entry(listFactors, i, str(model.EntryPath(model.PathContributingFactors, i), fmt.Sprintf("Contributing factor %d", i+1), "No validation of timeout values", kindLine,
			func(d *model.Draft) *string { return &d.RootCause.ContributingFactors[i] }))...)
	}
	return append(out, addRow(listFactors, len(d.RootCause.ContributingFactors)))
}

func whysFields(d *model.Draft) []binding {
	var out []binding
	for i := range d.FiveWhys {
		q := str(model.EntryFieldPath(model.PathFiveWhys, i, model.KeyWhy), fmt.Sprintf("Why %d · question", i+1), "Why did checkout fail?", kindLine, func(d *model.Draft) *string { return &d.FiveWhys[i].Why })
		q.context = whyContext(d, i)
		a := str(model.EntryFieldPath(model.PathFiveWhys, i, model.KeyBecause), fmt.Sprintf("Why %d · because", i+1), "Because the payment timeout was 0 ms", kindLine, func(d *model.Draft) *string { return &d.FiveWhys[i].Because })
		out = append(out, entry(listWhys, i, q, a)...)
	}
	if len(d.FiveWhys) < model.MaxWhys {
		out = append(out, addRow(listWhys, len(d.FiveWhys)))
	}
	return out
}

func lessonsFields(d *model.Draft) []binding {
	var out []binding
	for i := range d.Lessons {
		out = append(out, entry(listLessons, i, str(model.EntryPath(model.PathLessons, i), fmt.Sprintf("Lesson %d", i+1), "Config changes need the same review as code", kindLine,
			func(d *model.Draft) *string { return &d.Lessons[i] }))...)
	}
	out = append(out, addRow(listLessons, len(d.Lessons)))
	for i := range d.ActionItems {
		n := i + 1
		p := func(d *model.Draft) *model.ActionItem { return &d.ActionItems[i] }
		what := str(model.EntryFieldPath(model.PathActionItems, i, model.KeyWhat), fmt.Sprintf("Action %d · what", n), "Validate timeouts in the config pipeline", kindLine, func(d *model.Draft) *string { return &p(d).What })
		owner := str(model.EntryFieldPath(model.PathActionItems, i, model.KeyOwner), fmt.Sprintf("Action %d · owner", n), "payments team", kindLine, func(d *model.Draft) *string { return &p(d).Owner })
		due := binding{path: model.EntryFieldPath(model.PathActionItems, i, model.KeyDue), label: fmt.Sprintf("Action %d · due (YYYY-MM-DD)", n), placeholder: "2026-12-15", kind: kindLine,
			get: func(d *model.Draft) string { return p(d).Due },
			set: func(d *model.Draft, v string) error {
				v = strings.TrimSpace(v)
				if v != "" {
					if _, err := time.Parse(model.DueLayout, v); err != nil {
						return fmt.Errorf("%q is not a date: use YYYY-MM-DD, e.g. 2026-12-15", v)
					}
				}
				p(d).Due = v
				return nil
			}}
		typ := binding{path: model.EntryFieldPath(model.PathActionItems, i, model.KeyType), label: fmt.Sprintf("Action %d · type", n), kind: kindChoice, options: actionTypeOptions(),
			get: func(d *model.Draft) string { return string(p(d).Type) },
			set: func(d *model.Draft, v string) error { p(d).Type = model.ActionType(v); return nil }}
		link := str(model.EntryFieldPath(model.PathActionItems, i, model.KeyLink), fmt.Sprintf("Action %d · link", n), "https://tracker.example.com/PAY-123", kindLine, func(d *model.Draft) *string { return &p(d).Link })
		link.optional = true
		done := binding{path: model.EntryFieldPath(model.PathActionItems, i, model.KeyDone), label: fmt.Sprintf("Action %d · done", n), kind: kindToggle, optional: true,
			get: func(d *model.Draft) string { return yesNo(p(d).Done) },
			set: func(d *model.Draft, v string) error { p(d).Done = v == "yes"; return nil }}
		out = append(out, entry(listActions, i, what, owner, due, typ, link, done)...)
	}
	return append(out, addRow(listActions, len(d.ActionItems)))
}

func actionTypeOptions() []string {
	out := []string{""}
	for _, t := range model.ActionTypes {
		out = append(out, string(t))
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func techFields(d *model.Draft) []binding {
	var out []binding
	for i := range d.Technologies {
		out = append(out, entry(listTechnologies, i, str(model.EntryPath(model.PathTechnologies, i), fmt.Sprintf("Technology %d", i+1), "PostgreSQL 16", kindLine,
			func(d *model.Draft) *string { return &d.Technologies[i] }))...)
	}
	return append(out, addRow(listTechnologies, len(d.Technologies)))
}

func humanFields(*model.Draft) []binding {
	return []binding{str(model.PathHumanElements, "The people side", "Our on-call engineer was paged at 03:10 and…", kindText, func(d *model.Draft) *string { return &d.HumanElements })}
}

func learnFields(*model.Draft) []binding {
	return []binding{str(model.PathOthersCanLearn, "What others can learn", "If you push config through a separate pipeline, validate it like code…", kindText, func(d *model.Draft) *string { return &d.OthersCanLearn })}
}

func commFields(d *model.Draft) []binding {
	var out []binding
	for i := range d.Communication.Channels {
		p := func(d *model.Draft) *model.Channel { return &d.Communication.Channels[i] }
		name := str(model.EntryFieldPath(model.PathChannels, i, model.KeyName), fmt.Sprintf("Channel %d · name", i+1), "Status page", kindLine, func(d *model.Draft) *string { return &p(d).Name })
		url := str(model.EntryFieldPath(model.PathChannels, i, model.KeyURL), fmt.Sprintf("Channel %d · URL", i+1), "https://status.example.com", kindLine, func(d *model.Draft) *string { return &p(d).URL })
		out = append(out, entry(listChannels, i, name, url)...)
	}
	return append(out, addRow(listChannels, len(d.Communication.Channels)))
}

func reviewFields(*model.Draft) []binding {
	return []binding{{
		path: model.PathStatus, label: "Status", kind: kindChoice, optional: true,
		options: []string{string(model.StatusDraft), string(model.StatusReview), string(model.StatusPublished)},
		get:     func(d *model.Draft) string { return string(d.Status) },
		set:     func(d *model.Draft, v string) error { d.Status = model.Status(v); return nil },
	}}
}

// stepMark is a step's completion: "yes" when every field that counts is
// filled (and every list has an entry), "partial" when some are, "" when
// none are. Lists with no entries count as one empty field.
func stepMark(st step, d *model.Draft) string {
	if st.review {
		return ""
	}
	total, filled := 0, 0
	for _, b := range st.fields(d) {
		if b.kind == kindAdd {
			if b.index == 0 {
				total++ // an empty list
			}
			continue
		}
		if b.optional {
			continue
		}
		total++
		if strings.TrimSpace(b.get(d)) != "" {
			filled++
		}
	}
	return markOf(total, filled)
}
