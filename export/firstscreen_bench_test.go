package export

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// megabyteDraft is a post-mortem of about 1 MB, the shape of
// scripts/bigdraft's "1mb": long pasted analyses, 3,000 timeline events,
// 600 lessons and as many action items.
func megabyteDraft() *model.Draft {
	line := "The payment service retried against the stale primary while the replica caught up, and every retry made the queue longer.\n"
	long := func(n int) string { return strings.TrimSpace(strings.Repeat(line, n/len(line)+1)) }
	at := func(h, m int) *time.Time { t := time.Date(2026, 11, 23, h, m, 0, 0, time.UTC); return &t }
	d := model.New("Checkout failed for 47 minutes after a config push", *at(16, 0))
	d.Severity = "SEV1"
	d.Timeline = model.Timeline{TimeZone: "Europe/Berlin", Start: at(14, 5), Detected: at(14, 12), Mitigated: at(14, 40), End: at(14, 52)}
	d.Summary, d.HumanElements, d.OthersCanLearn = long(60_000), long(80_000), long(60_000)
	d.Impact = model.Impact{Who: "Every customer paying by card in the EU", What: long(40_000), Extent: "12,400 failed orders"}
	d.RootCause = model.RootCause{WhatWentWrong: "The payment timeout was set to 0 ms", Analysis: long(200_000)}
	for i := range 3000 {
		t := at(14, 0).Add(time.Duration(i) * 20 * time.Second)
		d.Timeline.Events = append(d.Timeline.Events, model.Event{At: &t, Text: fmt.Sprintf("Step %d of the rollback: drained node %d and watched the error rate", i, i)})
	}
	for i := range 600 {
		d.Lessons = append(d.Lessons, fmt.Sprintf("Lesson %d: a config value needs the same review as the code that reads it", i))
		d.ActionItems = append(d.ActionItems, model.ActionItem{What: fmt.Sprintf("Action %d: validate every timeout in the pipeline", i), Owner: "payments", Due: "2026-12-15", Type: model.ActionPrevent})
	}
	return d
}

// BenchmarkFirstScreen1MB is the export side of the first preview of a
// 1 MB draft: its export, and the blocks that fill the first screen of
// a 40-line pane at 76 columns (BlockRenderer.RenderTop), with a new
// renderer. "warm": the escapes remembered, as in the wizard, which
// exports a big draft once after its first frame; "cold": nothing
// remembered, as in `pmwiz preview DRAFT`, a new process.
func BenchmarkFirstScreen1MB(b *testing.B) {
	d := megabyteDraft()
	if _, err := Markdown(d, Options{NoStamp: true}); err != nil {
		b.Fatal(err)
	}
	for _, memory := range []string{"warm", "cold"} {
		b.Run(memory, func(b *testing.B) {
			for b.Loop() {
				if memory == "cold" {
					escapes.mu.Lock()
					escapes.cur, escapes.old = nil, nil
					escapes.mu.Unlock()
				}
				md, err := Markdown(d, Options{NoStamp: true})
				if err != nil {
					b.Fatal(err)
				}
				br, err := NewBlockRenderer("dark", 76)
				if err != nil {
					b.Fatal(err)
				}
				out, _, err := br.RenderTop(string(md), 40)
				if err != nil || strings.Count(out, "\n") < 40 {
					b.Fatalf("%d lines, %v", strings.Count(out, "\n"), err)
				}
			}
		})
	}
}
