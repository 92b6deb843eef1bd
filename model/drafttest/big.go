package drafttest

import (
	"fmt"
	"strings"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// The large drafts the performance work measures with: one definition,
// shared by the benchmarks of every package and by scripts/bigdraft,
// which writes them to disk for the tmux scripts (docs/performance.md).
// The text is made up here.

// BigParagraph is one line of the long fields; the keystroke script
// (scripts/perf-tmux.py) looks for its first words.
const BigParagraph = "The payment service retried against the stale primary while the replica caught up, and every retry made the queue longer. "

// BigText is about n bytes of BigParagraph, one per line.
func BigText(n int) string {
	return strings.TrimSpace(strings.Repeat(BigParagraph+"\n", n/len(BigParagraph)+1))
}

// BigBase is the short, complete post-mortem the large drafts grow from.
func BigBase() *model.Draft {
	at := func(h, m int) *time.Time { t := time.Date(2026, 11, 23, h, m, 0, 0, time.UTC); return &t }
	d := model.New("Checkout failed for 47 minutes after a config push", *at(16, 0))
	d.Severity, d.Audience = "SEV1", model.AudiencePublic
	d.Timeline = model.Timeline{TimeZone: "Europe/Berlin", Start: at(14, 5), Detected: at(14, 12), Mitigated: at(14, 40), End: at(14, 52)}
	d.Impact = model.Impact{Who: "Every customer paying by card in the EU", What: "Checkout failed", Extent: "12,400 failed orders"}
	d.RootCause = model.RootCause{WhatWentWrong: "The payment timeout was set to 0 ms", Analysis: "The config diff showed it."}
	d.Technologies = []string{"Envoy", "PostgreSQL"}
	return d
}

// Megabyte is a post-mortem of about 1 MB, issue 12's: long pasted
// analyses, 3,000 timeline events, 600 lessons and as many action items.
func Megabyte() *model.Draft { return GrowToMegabyte(BigBase()) }

// GrowToMegabyte makes d a draft of about 1 MB, as Megabyte is: its long
// fields become pasted analyses, and its events, lessons and action items
// are replaced by 3,000, 600 and 600 of them. A package's benchmarks grow
// their own complete draft with it.
func GrowToMegabyte(d *model.Draft) *model.Draft {
	d.Summary = BigText(60_000)
	d.RootCause.Analysis = BigText(200_000)
	d.HumanElements = BigText(80_000)
	d.OthersCanLearn = BigText(60_000)
	d.Impact.What = BigText(40_000)
	at := time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)
	d.Timeline.Events, d.Lessons, d.ActionItems = nil, nil, nil
	for i := range 3000 {
		t := at.Add(time.Duration(i) * 20 * time.Second)
		d.Timeline.Events = append(d.Timeline.Events, model.Event{At: &t, Text: fmt.Sprintf("Step %d of the rollback: drained node %d and watched the error rate", i, i)})
	}
	for i := range 600 {
		d.Lessons = append(d.Lessons, fmt.Sprintf("Lesson %d: a config value needs the same review as the code that reads it", i))
		d.ActionItems = append(d.ActionItems, model.ActionItem{What: fmt.Sprintf("Action %d: validate every timeout in the pipeline", i), Owner: "payments", Due: "2026-12-15", Type: model.ActionPrevent})
	}
	return d
}
