package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// megabyteDraft is a post-mortem of about 1 MB, the shape of
// scripts/bigdraft's "1mb": long pasted analyses, 3,000 timeline events,
// 600 lessons and as many action items.
func megabyteDraft() *model.Draft {
	line := "The payment service retried against the stale primary while the replica caught up, and every retry made the queue longer.\n"
	long := func(n int) string { return strings.TrimSpace(strings.Repeat(line, n/len(line)+1)) }
	at := func(h, m int) *time.Time { t := time.Date(2026, 11, 23, h, m, 0, 0, time.UTC); return &t }
	d := model.New("Checkout failed for 47 minutes after a config push", testNow)
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

// BenchmarkPreviewPiped1MB is `pmwiz preview` with its output piped, as a
// user runs it on the 1 MB draft and on that draft's export (a Markdown
// file, imported on the fly), plain (notty, the default when piped) and
// with --style dark. Figures and the comparison with glow are in
// docs/performance.md.
func BenchmarkPreviewPiped1MB(b *testing.B) {
	dir := b.TempDir()
	s, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	d := megabyteDraft()
	if err := s.Save("huge", d); err != nil {
		b.Fatal(err)
	}
	md, err := export.Markdown(d, export.Options{})
	if err != nil {
		b.Fatal(err)
	}
	mdPath := filepath.Join(dir, "huge.md")
	if err := os.WriteFile(mdPath, md, 0o600); err != nil {
		b.Fatal(err)
	}
	for _, src := range []struct{ name, ref string }{{"draft", "huge"}, {"markdown", mdPath}} {
		for _, style := range []string{"notty", "dark"} {
			b.Run(src.name+"/"+style, func(b *testing.B) {
				args := []string{"--drafts-dir", dir, "preview", "--width", "80", "--style", style, src.ref}
				for b.Loop() {
					var out, errb bytes.Buffer
					if code := run(context.Background(), args, strings.NewReader(""), &out, &errb); code != 0 || out.Len() < len(md)/2 {
						b.Fatalf("exit %d, %d bytes out: %s", code, out.Len(), errb.String())
					}
				}
			})
		}
	}
}
