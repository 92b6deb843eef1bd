package export

import (
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// export → import → export must give the same bytes, for every layout and
// with front matter, including drafts that try to break the document.
func TestRoundTrip(t *testing.T) {
	score := 50.0
	drafts := map[string]*model.Draft{
		"typical": loadTestDraft(t, "typical"),
		"tricky":  loadTestDraft(t, "tricky"),
		"minimal": loadTestDraft(t, "minimal"),
		"empty":   {Schema: 1},
	}
	for _, c := range trickyValues {
		drafts["value:"+c] = draftWithEverywhere(c)
	}
	opts := map[string]Options{"front matter": {FrontMatter: true, Score: &score}}
	for _, l := range Layouts {
		opts[l] = Options{Layout: l}
	}
	for dn, d := range drafts {
		for on, o := range opts {
			first := mustExport(t, d, o)
			back, warnings, err := Import([]byte(first))
			if err != nil {
				t.Fatalf("%s/%s: import: %v", dn, on, err)
			}
			second := mustExport(t, back, o)
			if first != second {
				t.Errorf("%s/%s: export → import → export differs (warnings %q)\n--- first\n%s\n--- second\n%s", dn, on, warnings, first, second)
			}
		}
	}
}

// trickyValues are typed into every field by draftWithEverywhere.
var trickyValues = []string{
	"pipe | in | text",
	"line one\nline two",
	"# leading hash",
	"## Summary",
	"> quote",
	"- dash",
	"1. number",
	"1) paren",
	"\tleading tab",
	"    four spaces",
	"<b>html</b> and <!-- comment",
	"<script>alert(1)</script>",
	"[ref]: http://example.com",
	"```go\nunclosed fence",
	"~~~\ntilde fence",
	"Title\n=====",
	"text\n---",
	"trailing backslash \\",
	"**Why?** looks like a label",
	"**Because:** another label",
	"**Impact began**",
	"* star\n+ plus",
	"escape \x1b[31mred\x1b[0m and \u202ebidi",
	"www.example.com and a@b.co and https://x.y/z",
	"_under_ *star* `code` ~strike~",
	"[x] task box",
	"&amp; &#123; entities",
	"C# and F#",
	"trailing hash #",
	"",
}

func draftWithEverywhere(v string) *model.Draft {
	at := time.Date(2026, 11, 23, 14, 5, 30, 0, time.FixedZone("", 5*3600+1800))
	later := at.Add(90 * time.Minute)
	return &model.Draft{
		Schema: 1, Title: v, Severity: v, Status: model.Status(v), Authors: []string{v, "Ana"},
		Summary: v,
		Impact:  model.Impact{Who: v, What: v, Extent: v},
		Timeline: model.Timeline{Start: &at, End: &later, Events: []model.Event{
			{At: &at, Text: v}, {Text: v},
		}},
		RootCause:      model.RootCause{WhatWentWrong: v, Analysis: v, ContributingFactors: []string{v, "plain"}},
		FiveWhys:       []model.Why{{Why: v, Because: v}, {Why: "Why " + v}, {Because: v}},
		Lessons:        []string{v},
		ActionItems:    []model.ActionItem{{What: v, Owner: v, Due: v, Type: model.ActionType(v), Link: v, Done: true}, {What: "plain"}},
		Technologies:   []string{v},
		HumanElements:  v,
		OthersCanLearn: v,
		Communication:  model.Communication{Channels: []model.Channel{{Name: v, URL: v}, {Name: v, URL: "https://status.example.com/" + v}, {URL: "https://x.example.com"}}},
		Other:          []model.Section{{Heading: v, Body: v}},
	}
}

func TestImportOfExportRestoresTheDraft(t *testing.T) {
	d := loadTestDraft(t, "typical")
	back, warnings, err := Import([]byte(mustExport(t, d, Options{})))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("a pmwiz export should import without warnings, got %q", warnings)
	}
	checks := []struct{ name, got, want string }{
		{"title", back.Title, d.Title},
		{"severity", back.Severity, d.Severity},
		{"status", string(back.Status), string(d.Status)},
		{"authors", strings.Join(back.Authors, "|"), strings.Join(d.Authors, "|")},
		{"summary", back.Summary, d.Summary},
		{"timezone", back.Timeline.TimeZone, d.Timeline.TimeZone},
		{"start", back.Timeline.Start.Format(time.RFC3339), d.Timeline.Start.Format(time.RFC3339)},
		{"end", back.Timeline.End.Format(time.RFC3339), d.Timeline.End.Format(time.RFC3339)},
		{"who", back.Impact.Who, d.Impact.Who},
		{"analysis", back.RootCause.Analysis, d.RootCause.Analysis},
		{"factors", strings.Join(back.RootCause.ContributingFactors, "|"), strings.Join(d.RootCause.ContributingFactors, "|")},
		{"why 3", back.FiveWhys[2].Because, d.FiveWhys[2].Because},
		{"action owner", back.ActionItems[1].Owner, d.ActionItems[1].Owner},
		{"action link", back.ActionItems[2].Link, d.ActionItems[2].Link},
		{"channel", back.Communication.Channels[1].URL, d.Communication.Channels[1].URL},
		{"human", back.HumanElements, d.HumanElements},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
	if len(back.Timeline.Events) != len(d.Timeline.Events) {
		t.Errorf("events: got %d, want %d", len(back.Timeline.Events), len(d.Timeline.Events))
	}
	if !back.ActionItems[0].Done || back.ActionItems[1].Done || back.ActionItems[0].Type != model.ActionPrevent {
		t.Errorf("action items lost status or type: %+v", back.ActionItems)
	}
}
