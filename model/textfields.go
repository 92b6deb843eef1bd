package model

// textField is one free-text field of the draft, or one list of them: the
// words the tone check, the "sound human" and "authentic" items and the
// rubric's evidence read. textFields is the one place such a field is
// wired: a text field added to the draft is one row here, beside its Path…
// constant, and fieldpaths_test.go fails until it is (or is excluded there
// with a reason).
type textField struct {
	path  string   // PathSummary; for a list, the list: PathFiveWhys
	label string   // how evidence names the place: "Five Whys"
	cat   category // what part of a post-mortem it is, which decides what a reader takes from it
	// text is a single field's text; nil for a list.
	text func(d *Draft) string
	// entries hands each text of a list to v, entry by entry, in reader
	// order: key is the entry's field (KeyWhy), "" for a list of strings.
	entries func(d *Draft, v *textVisit)
}

// textFields lists every free-text field in reader order (the order
// evidence is quoted in).
var textFields = [...]textField{
	{path: PathSummary, label: "Summary", cat: catOpening, text: func(d *Draft) string { return d.Summary }},
	{path: PathImpactWho, label: "Impact: who", cat: catImpact, text: func(d *Draft) string { return d.Impact.Who }},
	{path: PathImpactWhat, label: "Impact: what", cat: catImpact, text: func(d *Draft) string { return d.Impact.What }},
	{path: PathImpactExtent, label: "Impact: extent", cat: catImpact, text: func(d *Draft) string { return d.Impact.Extent }},
	{path: PathEvents, label: "Timeline", cat: catTimeline, entries: func(d *Draft, v *textVisit) {
		for i, e := range d.Timeline.Events {
			v.entry(i, KeyText, e.Text)
		}
	}},
	{path: PathWhatWentWrong, label: "What went wrong", cat: catCause, text: func(d *Draft) string { return d.RootCause.WhatWentWrong }},
	{path: PathAnalysis, label: "How it was found", cat: catAnalysis, text: func(d *Draft) string { return d.RootCause.Analysis }},
	{path: PathContributingFactors, label: "Contributing factors", cat: catFactors, entries: func(d *Draft, v *textVisit) {
		for i, f := range d.RootCause.ContributingFactors {
			v.entry(i, "", f)
		}
	}},
	// A why is read before its answer, entry by entry.
	{path: PathFiveWhys, label: "Five Whys", cat: catWhys, entries: func(d *Draft, v *textVisit) {
		for i, w := range d.FiveWhys {
			v.entry(i, KeyWhy, w.Why)
			v.entry(i, KeyBecause, w.Because)
		}
	}},
	{path: PathLessons, label: "Lessons", cat: catLessons, entries: func(d *Draft, v *textVisit) {
		for i, l := range d.Lessons {
			v.entry(i, "", l)
		}
	}},
	{path: PathActionItems, label: "Action items", cat: catActions, entries: func(d *Draft, v *textVisit) {
		for i, a := range d.ActionItems {
			v.entry(i, KeyWhat, a.What)
		}
	}},
	{path: PathHumanElements, label: "Human elements", cat: catHuman, text: func(d *Draft) string { return d.HumanElements }},
	{path: PathOthersCanLearn, label: "What others can learn", cat: catOthers, text: func(d *Draft) string { return d.OthersCanLearn }},
	// Sections import could not map are still the author's words: the
	// tone check and the rubric read them like any field. Evidence names
	// each by its heading (otherLabel); "Other" when it has none.
	{path: PathOther, label: "Other", cat: catOther, entries: func(d *Draft, v *textVisit) {
		for i, o := range d.Other {
			v.entry(i, KeyBody, o.Body)
		}
	}},
}

// textVisit is one walk of eachFreeText: a list row hands it its texts.
// (A struct rather than a closure per row: the walk runs on every
// keystroke and a closure passed to a row would be allocated each time.)
type textVisit struct {
	field *textField
	fn    func(ref fieldRef, text string)
}

func (v *textVisit) entry(i int, key, text string) {
	if !blank(text) {
		v.fn(fieldRef{v.field, i, key}, text)
	}
}
