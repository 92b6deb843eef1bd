package export

import (
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// Headings are matched by meaning, not spelling.
func TestHeadingsByMeaning(t *testing.T) {
	cases := []struct{ heading, want string }{
		{"Issue Summary", keySummary},
		{"TL;DR", keySummary},
		{"Timeline (all times PST)", keyTimeline},
		{"Incident timeline", keyTimeline},
		{"Root cause", groupRootCause},
		{"Root cause of the outage", groupRootCause},
		{"2. Root Cause(s):", groupRootCause},
		{"How did it happen?", groupRootCause},
		{"**The underlying issue**", groupRootCause},
		{"Resolution and recovery", groupSupport},
		{"Corrective and Preventative Measures", keyActions},
		{"What we're doing about it", keyActions},
		{"Improving Recovery Procedures", keyActions},
		{"Follow-ups", keyActions},
		{"Affected crates", groupImpact},
		{"Data Loss Impact", groupImpact},
		{"Impact on GitLab Itself", groupImpact},
		{"Customer impact", groupImpact},
		{"Publication of the outage", keyUpdates},
		{"Where we got lucky", keyHuman},
		{"Lessons learned", groupLessons},
		{"Conclusion", groupLessons},
		{"How'd We Do?", groupLessons},
		{"Contributing Factors", keyFactors},
		{"Trigger", keyWrong},
		{"5 Whys", keyWhys},
		{"Technologies involved", keyTech},
		{"Lessons and action items", groupLessons},
		{"Countermeasures", keyActions},
		{"What we are changing", keyActions},
		{"Root cause and how we found it", groupRootCause},
		{"What you can learn from this", keyOthers},
		{"What others can learn", keyOthers},
		{"Date", metaDate},
		{"Authors", metaAuthors},
		{"Supporting information", groupSupport},
		{"Recovering GitLab.com", ""},
		{"Database Setup", ""},
		{"Affectedness", ""}, // a pattern's words are whole words
		{"Publications", ""},
	}
	for _, c := range cases {
		if got := sectionKey(c.heading); got != c.want {
			t.Errorf("sectionKey(%q) = %q, want %q (normalised %q)", c.heading, got, c.want, normHeading(c.heading))
		}
	}
	sub := []struct{ group, heading, want string }{
		{groupLessons, "What went wrong", lessonWrong},
		{groupLessons, "Where we got lucky", keyHuman},
		{groupLessons, "What others can learn", keyOthers},
		{groupImpact, "Who was affected", keyWho},
		{groupRootCause, "How we found it", keyAnalysis},
		{groupRootCause, "Why was the site down?", ""},
	}
	for _, c := range sub {
		if got := subKey(c.group, c.heading); got != c.want {
			t.Errorf("subKey(%s, %q) = %q, want %q", c.group, c.heading, got, c.want)
		}
	}
	if sectionKey("What went wrong") != groupRootCause {
		t.Error("on its own, \"What went wrong\" is the root cause")
	}
}

// Every phrase in headings.txt maps to its own part: no phrase is
// shadowed by an earlier one for a different part.
func TestSynonymTableIsConsistent(t *testing.T) {
	ctx, key := "", ""
	for _, line := range strings.Split(headingsText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			c, k, found := strings.Cut(line[1:len(line)-1], ">")
			if !found {
				c, k = "", c
			}
			ctx, key = strings.TrimSpace(c), strings.TrimSpace(k)
			continue
		}
		if strings.Contains(line, "*") {
			continue
		}
		got := synonyms[ctx].lookup(normHeading(line))
		if got != key {
			t.Errorf("[%s] %q maps to %q, not %q: another phrase normalises the same", ctx, line, got, key)
		}
	}
}

func TestImportReadsRealShapes(t *testing.T) {
	t.Run("lede is the summary; a trailing H1 does not swallow the document", func(t *testing.T) {
		d, _ := mustImport(t, "# Disk full on db-2\n\nWe filled the disk and writes failed for 20 minutes.\n\n## Impact\n\nCheckout was down.\n\n## Lessons learned\n\n- Alert on disk use.\n\n# Stats\n\nTime to detect: 5m\n")
		if d.Title != "Disk full on db-2" || !strings.HasPrefix(d.Summary, "We filled the disk") || d.Impact.What != "Checkout was down." || len(d.Lessons) != 1 {
			t.Errorf("got title %q summary %q impact %q lessons %q", d.Title, d.Summary, d.Impact.What, d.Lessons)
		}
		if len(d.Other) != 1 || d.Other[0].Heading != "Stats" {
			t.Errorf("the trailing H1 is its own section under Other: %+v", d.Other)
		}
	})
	t.Run("TOML front matter", func(t *testing.T) {
		d, w := mustImport(t, "+++\ntitle = \"Cache stampede\"\nauthors = [\"Ida\", \"Ola\"]\ndate = 2024-03-02\n[extra]\nteam = \"web\"\n+++\n\nKeys expired together.\n")
		if d.Title != "Cache stampede" || strings.Join(d.Authors, ",") != "Ida,Ola" || d.Timeline.Day != "2024-03-02" {
			t.Errorf("got %q %q day %q", d.Title, d.Authors, d.Timeline.Day)
		}
		if len(d.Other) != 1 || !strings.Contains(d.Other[0].Body, "```toml") || !strings.Contains(d.Other[0].Body, "team = \"web\"") || !strings.Contains(strings.Join(w, "\n"), "extra") {
			t.Errorf("keys pmwiz does not use are kept with a warning: %+v %q", d.Other, w)
		}
	})
	t.Run("JSON front matter", func(t *testing.T) {
		d, _ := mustImport(t, "{\n  \"title\": \"From JSON\",\n  \"severity\": \"SEV-3\"\n}\n\nBody.\n")
		if d.Title != "From JSON" || d.Severity != "SEV-3" || d.Summary != "Body." {
			t.Errorf("got %q %q %q", d.Title, d.Severity, d.Summary)
		}
	})
	t.Run("a table in a code block is never the timeline; rows and items beside a real table are kept", func(t *testing.T) {
		d, _ := mustImport(t, "# T\n\nOn 2026-05-04 the queue stalled.\n\n## Timeline\n\nAll times UTC.\n\n```\n| Time | Event |\n|---|---|\n| 09:00 | not an event |\n```\n\n| Time | Event |\n|---|---|\n| 10:05 | queue stalls |\n\n- 10:20 consumers restarted, queue restored\n")
		var texts []string
		for _, e := range d.Timeline.Events {
			texts = append(texts, e.Text)
		}
		if len(d.Timeline.Events) != 2 || texts[0] != "queue stalls" || texts[1] != "consumers restarted, queue restored" {
			t.Fatalf("events %q", texts)
		}
		if at := d.Timeline.Events[0].At; at == nil || !at.Equal(time.Date(2026, 5, 4, 10, 5, 0, 0, time.UTC)) {
			t.Errorf("the row's time takes the day from the opening text: %v", at)
		}
		if len(d.Other) != 1 || !strings.Contains(d.Other[0].Body, "not an event") {
			t.Errorf("the code block is kept verbatim under Other: %+v", d.Other)
		}
		if d.Timeline.End == nil || d.Timeline.End.Hour() != 10 || d.Timeline.End.Minute() != 20 {
			t.Errorf("\"restored\" marks the end: %v", d.Timeline.End)
		}
	})
	t.Run("bold lead-ins and question lines are headings", func(t *testing.T) {
		d, _ := mustImport(t, "# T\n\n## Summary\n\nThe API was slow.\n\n**The underlying issue**:  \nA missing index.\n\nWhat we're doing about it?\n\n- Add the index.\n")
		if d.Summary != "The API was slow." || d.RootCause.WhatWentWrong != "A missing index." || len(d.ActionItems) != 1 {
			t.Errorf("summary %q, cause %q, actions %+v", d.Summary, d.RootCause.WhatWentWrong, d.ActionItems)
		}
	})
	t.Run("times as people write them; midnight; the day from the title", func(t *testing.T) {
		d, _ := mustImport(t, "# May 30th, 2019 CI flakiness\n\nAll times PDT.\n\n## Timeline\n\n* [???] load began to climb\n* [13:26] someone reports on chat that\n  builds are failing\n* [23:55] migration completes\n* [07:00] merging is once again at its usual rate\n")
		ev := d.Timeline.Events
		if len(ev) != 4 || ev[0].At != nil || ev[1].Text != "someone reports on chat that builds are failing" {
			t.Fatalf("events %+v", ev)
		}
		la, _ := time.LoadLocation("America/Los_Angeles")
		if !ev[1].At.Equal(time.Date(2019, 5, 30, 13, 26, 0, 0, la)) || !ev[3].At.Equal(time.Date(2019, 5, 31, 7, 0, 0, 0, la)) {
			t.Errorf("times %v %v", ev[1].At, ev[3].At)
		}
		if d.Timeline.Start != nil || d.Timeline.End == nil || !d.Timeline.End.Equal(*ev[3].At) || d.Timeline.Day != "2019-05-30" {
			t.Errorf("an untimed first event leaves the start unknown (the day is kept): start %v end %v day %q", d.Timeline.Start, d.Timeline.End, d.Timeline.Day)
		}
		if d.Timeline.Detected == nil || !d.Timeline.Detected.Equal(*ev[1].At) || d.Timeline.TimeZone != "America/Los_Angeles" {
			t.Errorf("detected %v zone %q", d.Timeline.Detected, d.Timeline.TimeZone)
		}
	})
	t.Run("paragraph timelines, 12-hour clocks and region zones", func(t *testing.T) {
		d, _ := mustImport(t, "# Outage of March 3, 2025\n\n## Timeline\n\n**± 2:05 PM Eastern:** the deploy starts.\nIt takes ten minutes.\n\nLater we saw it was the wrong build.\n\n**20:58 UTC** - fix deployed\n")
		ev := d.Timeline.Events
		if len(ev) != 2 || !strings.Contains(ev[0].Text, "Later we saw") || ev[1].Text != "fix deployed" {
			t.Fatalf("events %q", ev)
		}
		ny, _ := time.LoadLocation("America/New_York")
		if !ev[0].At.Equal(time.Date(2025, 3, 3, 14, 5, 0, 0, ny)) || !ev[1].At.Equal(time.Date(2025, 3, 3, 20, 58, 0, 0, time.UTC)) {
			t.Errorf("times %v %v", ev[0].At, ev[1].At)
		}
		if d.Timeline.Start == nil || !d.Timeline.Start.Equal(*ev[0].At) || d.Timeline.End == nil || !d.Timeline.End.Equal(*ev[1].At) {
			t.Errorf("start %v end %v: the first timed event and the fix", d.Timeline.Start, d.Timeline.End)
		}
	})
	t.Run("the end from a sentence that says service came back", func(t *testing.T) {
		d, _ := mustImport(t, "# Database outage\n\nOn March 9th 2025 we lost the primary.\n\n## Timeline\n\n**± 19:00 UTC:** the site starts experiencing slow writes.\n\n**± 23:30 UTC:** the data directory is wiped.\n\n## Recovery\n\nOn March 10th at 17:00 UTC we managed to restore the database.\n\nAround 18:00 UTC we finished the final restoration of webhooks.\n")
		tl := d.Timeline
		if tl.Start == nil || !tl.Start.Equal(time.Date(2025, 3, 9, 19, 0, 0, 0, time.UTC)) || tl.End == nil || !tl.End.Equal(time.Date(2025, 3, 10, 18, 0, 0, 0, time.UTC)) {
			t.Errorf("start %v end %v", tl.Start, tl.End)
		}
	})
	t.Run("a day with no time is the day only", func(t *testing.T) {
		d, _ := mustImport(t, "On 31st July 2018 a token leaked.\n\n### What we're doing about it\n\n- Rotate tokens.\n")
		if d.Timeline.Day != "2018-07-31" || d.Timeline.Start != nil {
			t.Errorf("day %q start %v", d.Timeline.Day, d.Timeline.Start)
		}
		out := mustExport(t, d, Options{})
		back, _, _ := Import([]byte(out))
		if back.Timeline.Day != "2018-07-31" || !strings.Contains(out, "**Date:** 31 July 2018") {
			t.Errorf("the day survives an export: %q\n%s", back.Timeline.Day, out)
		}
	})
	t.Run("a section mixing a list and prose gives entries from the list only", func(t *testing.T) {
		d, w := mustImport(t, "# T\n\n## What we're doing about it\n\nWe changed three things:\n\n- Rotate tokens.\n- Require 2FA.\n\nThanks for reading!\n")
		if len(d.ActionItems) != 2 || d.ActionItems[1].What != "Require 2FA." {
			t.Errorf("actions %+v", d.ActionItems)
		}
		if len(d.Other) != 1 || !strings.Contains(d.Other[0].Body, "Thanks for reading!") || !strings.Contains(strings.Join(w, "\n"), "mixes lists and prose") {
			t.Errorf("the whole text is kept, with a warning: %+v %q", d.Other, w)
		}
		d, _ = mustImport(t, "# T\n\n## Improving recovery procedures\n\n- [Hourly snapshots (#12)](https://tracker.example.com/12)\n")
		if len(d.ActionItems) != 1 || d.ActionItems[0].What != "Hourly snapshots (#12)" || d.ActionItems[0].Link != "https://tracker.example.com/12" {
			t.Errorf("an item that is a link is the action and its link: %+v", d.ActionItems)
		}
		d, _ = mustImport(t, "# T\n\n## Lessons learned\n\nMonitor the disk.\n\nPage on it.\n")
		if len(d.Lessons) != 2 || len(d.Other) != 0 {
			t.Errorf("prose alone gives one lesson a paragraph: %q %+v", d.Lessons, d.Other)
		}
	})
	t.Run("a hard line break is a newline", func(t *testing.T) {
		d, _ := mustImport(t, "# T\n\n## Lessons learned\n\n- first line\\\n  second line\n- one  \n  two\n- soft\n  wrap\n")
		if strings.Join(d.Lessons, "|") != "first line\nsecond line|one\ntwo|soft wrap" {
			t.Errorf("lessons %q", d.Lessons)
		}
	})
}

// An export that writes one Enter as a hard break (a trailing backslash or
// two spaces) gives the newline back.
func TestImportOfOurHardBreaks(t *testing.T) {
	d := &model.Draft{Schema: 1, Title: "T", Summary: "line one\nline two\nline three", HumanElements: "a\nb"}
	plain := mustExport(t, d, Options{NoStamp: true})
	for _, brk := range []string{"\\\n", "  \n"} {
		md := strings.Replace(plain, "line one\nline two\n", "line one"+brk+"line two"+brk, 1)
		md = strings.Replace(md, "a\nb", "a"+brk+"b", 1)
		back, _, err := Import([]byte(Stamp(md)))
		if err != nil {
			t.Fatal(err)
		}
		if back.Summary != d.Summary || back.HumanElements != d.HumanElements {
			t.Errorf("break %q: summary %q, human %q", brk, back.Summary, back.HumanElements)
		}
	}
	// Someone else's Markdown is kept as written.
	back, _, _ := Import([]byte("# T\n\n## Summary\n\nline one\\\nline two\n"))
	if back.Summary != "line one\\\nline two" {
		t.Errorf("foreign summary %q", back.Summary)
	}
}

// Warnings say what happened, once, however many headings there are.
func TestImportWarningsAreTrue(t *testing.T) {
	d, w := mustImport(t, "# A\n# B\n# C\n")
	if d.Title != "A" || len(d.Other) != 2 || d.Other[0].Heading != "B" || d.Other[1].Heading != "C" {
		t.Fatalf("title %q other %+v", d.Title, d.Other)
	}
	if len(w) != 1 || !strings.Contains(w[0], `"B", "C"`) {
		t.Errorf("warnings %q", w)
	}
	var b strings.Builder
	for i := range 10000 {
		b.WriteString("# H" + itoa(i) + "\n")
	}
	d, w = mustImport(t, b.String())
	if len(d.Other) != 9999 || len(w) != 1 || !strings.Contains(w[0], "9999 sections") || !strings.Contains(w[0], "and 9994 more") {
		t.Errorf("%d kept, warnings %q", len(d.Other), w)
	}
	_, w = mustImport(t, "# T\n\n## Resolution\n\nRolled back.\n")
	if len(w) != 1 || strings.Contains(w[0], "matches no part") || !strings.Contains(w[0], "no field of its own") {
		t.Errorf("a recognised section with no field is not \"unknown\": %q", w)
	}
}

// Nesting is bounded before the parser, whose cost grows with its square.
func TestImportNestingIsBounded(t *testing.T) {
	deep := []string{
		strings.Repeat(">", 400000) + " x\n",
		"ok\n" + strings.Repeat("- ", 100000) + "x\n",
		strings.Repeat("1. ", 200) + "x\n",
	}
	for i, src := range deep {
		_, _, err := Import([]byte(src))
		if err == nil || !strings.Contains(err.Error(), "levels") || !strings.Contains(err.Error(), "line") {
			t.Errorf("case %d: want an error naming the line and the limit, got %v", i, err)
		}
	}
	if _, _, err := Import([]byte("ok\n" + strings.Repeat("- x\n", 100000))); err != nil {
		t.Errorf("100,000 list items are not nesting: %v", err)
	}
	if _, _, err := Import([]byte(strings.Repeat("> ", 50) + "fine\n")); err != nil {
		t.Errorf("50 levels are allowed: %v", err)
	}
	if err := checkNesting(strings.Repeat(">", 101) + " x"); err == nil || !strings.Contains(err.Error(), "line 1 nests") {
		t.Errorf("101 levels: %v", err)
	}
}

func mustImport(t *testing.T, src string) (*model.Draft, []string) {
	t.Helper()
	d, w, err := Import([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return d, w
}
