package model

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// weekdayRe is a day of the week named in prose ("on Monday").
var weekdayRe = regexp.MustCompile(`\b(?:on|last|this|since|until) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)

// The four must-haves: start and end, who and what was hit, what went
// wrong and how it was found, lessons and action items.

func judgeStartEnd(d *Draft, f *facts) verdict {
	start, end := d.Timeline.Start, d.Timeline.End
	ev := timeEvidence(d, f, start, "Start")
	ev = append(ev, timeEvidence(d, f, end, "End")...)
	switch {
	case start == nil && end == nil && !blank(d.Timeline.Day):
		ev := evidenceOf(f.find(narrative, false, func(s *sentence) bool { return s.date }))
		if len(ev) == 0 {
			ev = []Evidence{fieldEvidence("Timeline: day", d.Timeline.Day)}
		}
		return verdict{Partial, "Only the day is known (" + oneLine(d.Timeline.Day) + "), not when it started and ended.", "Add when the incident started and ended, to the minute: readers want the duration.", ev}
	case start == nil && end == nil:
		// "On Saturday 12 April from 20:10 to 22:45 CEST": the text gives
		// both clocks even where no date with a year lets pmwiz store them.
		if spans := f.find(narrative, false, func(s *sentence) bool { _, _, ok := FindClockRange(s.text); return ok }); len(spans) > 0 {
			return verdict{Yes, "The text says when it started and ended.", "Put the start and end in the Timeline step, so the durations can be worked out.", evidenceOf(spans)}
		}
		dated := f.find(narrative, false, func(s *sentence) bool { return s.date })
		if len(dated) > 0 {
			return verdict{Partial, "The text gives a date, but no start and end time.", "Add when the incident started and ended, to the minute: readers want the duration.", evidenceOf(dated)}
		}
		// "The staging database ran out of disk on Monday": the day is
		// named, if not dated.
		if named := f.find(catOpening|catCause|catImpact, false, func(s *sentence) bool { return weekdayRe.MatchString(s.text) }); len(named) > 0 {
			return verdict{Partial, "The text names the day, but gives no date or times.", "Add the date, and when the incident started and ended, to the minute.", evidenceOf(named)}
		}
		return verdict{No, "Neither start nor end time is set.", "Add when the incident started and ended: readers want the duration.", nil}
	case start == nil:
		return verdict{Partial, "The end is set but not the start.", "Add when the incident started: readers want the duration.", ev}
	case end == nil:
		return verdict{Partial, "The start is set but not the end.", "Add when the incident ended: readers want the duration.", ev}
	case end.Before(*start):
		return verdict{Partial, "The end is before the start.", "Fix the start or end time: the end must come after the start.", ev}
	case startUnknown(d):
		return verdict{Partial, "The timeline says the start is not known: its first event has no time.", "Say when it began, or how you bound it (\"no later than 13:26\").", ev}
	}
	return verdict{Yes, "Start and end are set: it lasted " + HumanDuration(end.Sub(*start)) + ".", "", ev}
}

// startUnknown: the timeline opens with an event whose time the authors
// say they do not know ("[???] IOPS reached a critical point",
// "--:-- load began to climb"), so a start taken from the first timed
// event is only a bound. An untimed opening paragraph is not that.
func startUnknown(d *Draft) bool {
	ev := d.Timeline.Events
	if len(ev) < 2 || ev[0].At != nil {
		return false
	}
	t := strings.ToLower(strings.TrimLeft(ev[0].Text, " *_"))
	for _, mark := range []string{"[?", "??", "?:", "--:--", "unknown", "[unknown", "tbd", "[tbd"} {
		if strings.HasPrefix(t, mark) {
			return true
		}
	}
	return false
}

// timeEvidence quotes the timeline event at t, else a sentence of the
// narrative that gives its clock time ("Around 18:00 UTC we finished…"),
// else the time itself.
func timeEvidence(d *Draft, f *facts, t *time.Time, label string) []Evidence {
	if t == nil {
		return nil
	}
	for _, e := range d.Timeline.Events {
		if e.At != nil && e.At.Equal(*t) && !blank(e.Text) {
			return []Evidence{fieldEvidence("Timeline", e.Text)}
		}
	}
	// The clock as people write it: "23:40", "11:40 PM", "11:40pm".
	clocks := []string{t.Format("15:04"), t.Format("3:04 PM"), t.Format("3:04PM"), t.Format("3:04 pm"), t.Format("3:04pm")}
	says := func(s *sentence) bool {
		// Every clock holds a colon: most sentences hold none.
		if s.digits == 0 || strings.IndexByte(s.text, ':') < 0 {
			return false
		}
		for _, c := range clocks {
			if strings.Contains(s.text, c) {
				return true
			}
		}
		return false
	}
	if said := f.find(narrative, false, says); len(said) > 0 {
		return []Evidence{said[0].evidence()}
	}
	return []Evidence{fieldEvidence("Timeline: "+strings.ToLower(label), t.Format("2006-01-02 15:04 MST"))}
}

// hurt: a sentence that names people and what happened to them.
func hurt(s *sentence) bool { return s.cues.has(cueWho | cueHarm) }

// counted: a sentence that counts what was hit ("700 users", "60 PRs
// stuck"): how many is the reader's first question.
func counted(s *sentence) bool { return s.count && s.cues.has(cueHarm) }

func judgeImpact(d *Draft, f *facts) verdict {
	who, what := !blank(d.Impact.Who), !blank(d.Impact.What)
	if who && what {
		return verdict{Yes, "Says who was affected and what they could not do.", "", []Evidence{fieldEvidence("Impact: who", d.Impact.Who), fieldEvidence("Impact: what", d.Impact.What)}}
	}
	inField := f.find(catImpact, false, func(s *sentence) bool { return hurt(s) || counted(s) })
	told := byPlace(f.find(narrative, false, hurt), catOpening, catImpact, catOther)
	if len(inField) > 0 || len(told) > 0 {
		best := countedFirst(append(inField, told...))
		return verdict{Yes, "Says who or how much was hit, and how, in " + best[0].t.where + ".", "", evidenceOf(best)}
	}
	effects := f.find(narrative, false, func(s *sentence) bool {
		return s.cues.has(cueEffect|cueHarm) || s.cues.has(cueWho|cueEffect)
	})

	switch {
	case who:
		return verdict{Partial, "Says who was affected, not what broke for them.", "Add what they could not do, in their terms: \"could not pay\", \"saw stale prices\".", []Evidence{fieldEvidence("Impact: who", d.Impact.Who)}}
	case what:
		return verdict{Partial, "Says what broke, not who was affected.", "Add who was affected: which customers, regions, plans, how many.", []Evidence{fieldEvidence("Impact: what", d.Impact.What)}}
	case len(effects) > 0:
		return verdict{Partial, "Names an effect, but not who was hit or how many.", "Say who was affected (which customers, how many) and what they could not do.", evidenceOf(effects)}
	}
	return verdict{No, "The impact is empty.", "Add who was affected and what they could not do.", nil}
}

// countedFirst puts sentences that say how many first: "Around 1,800
// customers did not get their invoices" tells more than "a customer
// wrote in".
func countedFirst(xs []seen) []seen {
	out := make([]seen, 0, len(xs))
	for _, x := range xs {
		if x.s.count {
			out = append(out, x)
		}
	}
	for _, x := range xs {
		if !x.s.count {
			out = append(out, x)
		}
	}
	return out
}

// explains: a sentence that gives a cause for a failure, at length.
func explains(s *sentence) bool {
	return s.cues.has(cueCause|cueFailure) && wordsUpTo(s.text, minWords) >= minWords
}

// causeExplained: the draft says what went wrong at some length, in its
// field, its contributing factors, or a sentence that gives a cause.
func causeExplained(d *Draft, f *facts) bool {
	factors := 0
	for _, c := range d.RootCause.ContributingFactors {
		factors += Words(c)
	}
	return f.wordsIn(d.RootCause.WhatWentWrong) >= minWords || factors >= minWords || len(f.find(narrative, false, explains)) > 0
}

// findsOut: how the cause was found — a finding, an instrument, an alert.
func findsOut(s *sentence) bool { return s.cues.has(cueFound) }

func judgeRootCause(d *Draft, f *facts) verdict {
	wwg, an := f.wordsIn(d.RootCause.WhatWentWrong), f.wordsIn(d.RootCause.Analysis)
	factors := 0
	for _, c := range d.RootCause.ContributingFactors {
		factors += Words(c)
	}
	var ev []Evidence
	if wwg > 0 {
		ev = append(ev, fieldEvidence("What went wrong", d.RootCause.WhatWentWrong))
	}
	if an > 0 {
		ev = append(ev, fieldEvidence("How it was found", d.RootCause.Analysis))
	}
	causes := f.find(narrative, false, explains)
	finds := f.find(narrative, false, findsOut)
	explained := causeExplained(d, f)
	// A chain of answered whys is the analysis: each answer is how the
	// one before it was found out.
	found := an >= minWords || len(finds) > 0 || answeredWhys(d) >= 3
	both := f.find(narrative, false, func(s *sentence) bool { return findsOut(s) && explains(s) })
	ev = append(ev, evidenceOf(both, byPlace(causes, catCause, catFactors, catWhys, catOpening), finds)...)
	if len(ev) > maxEvidence {
		ev = ev[:maxEvidence]
	}
	switch {
	case wwg >= minWords && an >= minWords:
		return verdict{Yes, "Says what went wrong and how you found it.", "", ev}
	case explained && found:
		how := "the analysis"
		switch {
		case an >= minWords:
		case len(finds) > 0:
			how = fmt.Sprintf("%q in %s", finds[0].s.firstHit(cueFound), finds[0].t.where)
		default:
			how = "the Five Whys"
		}
		return verdict{Yes, "Says what went wrong and how it was found (" + how + ").", "", ev}
	case explained && an == 0:
		return verdict{Partial, "Says what went wrong, but not how you found it.", "Add how you found the cause: the graphs, logs or experiments that showed it.", ev}
	case explained:
		return verdict{Partial, fmt.Sprintf("How you found it has %s.", plural(an, "word")), "Say more about how you found the cause: the graphs, logs or experiments that showed it.", ev}
	case found || wwg > 0:
		if wwg > 0 {
			return verdict{Partial, fmt.Sprintf("What went wrong has %s.", plural(wwg, "word")), "Explain what went wrong in a few sentences: the failure, not just its name.", ev}
		}
		return verdict{Partial, "Says how it was found, but not what caused it.", "Explain what went wrong in a few sentences: the failure, not just its name.", ev}
	}
	failures := f.find(narrative, false, func(s *sentence) bool { return s.cues.has(cueFailure) })
	if factors > 0 || len(failures) > 0 {
		return verdict{Partial, "Names the failure, but not its cause or how it was found.", "Explain what went wrong, then how you found it: readers trust the analysis, not the verdict.", evidenceOf(failures)}
	}
	return verdict{No, "The root cause is empty.", "Explain what went wrong, then how you found it: readers trust the analysis, not the verdict.", nil}
}

func judgeLessons(d *Draft, f *facts) verdict {
	lessons := countNonBlank(d.Lessons)
	actions := 0
	var ev []Evidence
	for _, l := range d.Lessons {
		if !blank(l) && len(ev) < 1 {
			ev = append(ev, fieldEvidence("Lessons", l))
		}
	}
	for _, a := range d.ActionItems {
		// "We are working closely with our provider to ensure this does
		// not happen again" is a promise, not an action a reader can
		// check: boilerplate is not counted as something being done.
		if !blank(a.What) && !boilerplateOnly(a.What) {
			if actions == 0 {
				ev = append(ev, fieldEvidence("Action items", a.What))
			}
			actions++
		}
	}
	cats := reflective &^ catTimeline
	learned := f.find(cats&^catLessons, false, func(s *sentence) bool { return s.cues.has(cueLesson) })
	planned := f.find(cats, false, func(s *sentence) bool { return s.cues.has(cuePlan) })
	switch {
	case lessons > 0 && actions > 0:
		return verdict{Yes, fmt.Sprintf("%s and %s.", plural(lessons, "lesson"), plural(actions, "action item")), "", ev}
	case actions > 0 && len(learned) > 0:
		return verdict{Yes, fmt.Sprintf("%s, and the lesson in %s.", plural(actions, "action item"), learned[0].t.where), "", append(ev, evidenceOf(learned)...)}
	case lessons > 0 && len(planned) > 0:
		return verdict{Yes, fmt.Sprintf("%s, and what you will do in %s.", plural(lessons, "lesson"), planned[0].t.where), "", append(ev, evidenceOf(planned)...)}
	case lessons == 0 && actions == 0 && len(learned) > 0 && len(planned) > 0:
		return verdict{Yes, fmt.Sprintf("What you learned (%s) and what you will do (%s).", learned[0].t.where, planned[0].t.where), "", evidenceOf(learned, planned)}
	case lessons > 0:
		return verdict{Partial, "Lessons, but no action items.", "Add what you will do about it: an action item with an owner and a due date.", ev}
	case actions > 1:
		// Several concrete actions say what is being done, and each
		// carries its lesson ("alert on failover rate" is one): a reader
		// does not ask for the lesson spelled out again.
		return verdict{Yes, fmt.Sprintf("%s: what is being done.", plural(actions, "action item")), "", ev}
	case actions > 0:
		return verdict{Partial, "One action item, and no lessons.", "Add what you learned, and what else you are doing about it.", ev}
	case len(learned) > 0 || len(planned) > 0:
		return verdict{Partial, "Mentions what you learned or will do, but lists no action items.", "List what you will do about it: action items with owners.", evidenceOf(learned, planned)}
	}
	return verdict{No, "No lessons or action items.", "Add what you learned and what you are doing so it does not happen again.", nil}
}

// boilerplateOnly reports text the tone check flags as boilerplate.
func boilerplateOnly(text string) bool {
	for _, f := range CheckToneText("", text) {
		if f.Kind == Boilerplate {
			return true
		}
	}
	return false
}

// answeredWhys counts the whys that have an answer.
func answeredWhys(d *Draft) int {
	n := 0
	for _, w := range d.FiveWhys {
		if !blank(w.Because) {
			n++
		}
	}
	return n
}
