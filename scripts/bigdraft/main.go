// Command bigdraft writes the large drafts the performance scripts
// measure with (docs/performance.md): "1mb", a post-mortem of about 1 MB
// (3,000 timeline events, long pasted analyses, 600 lessons and action
// items), and "field5mb", a small draft whose summary is a 5 MB paste.
// The text is made up here.
//
//	go run ./scripts/bigdraft -kind 1mb -o DIR/huge.json
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// para is one line of the long fields; the keystroke script looks for
// its first words.
const para = "The payment service retried against the stale primary while the replica caught up, and every retry made the queue longer. "

func main() {
	kind := flag.String("kind", "1mb", "1mb or field5mb")
	out := flag.String("o", "", "file to write")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "bigdraft: -o FILE is required")
		os.Exit(2)
	}
	var d *model.Draft
	switch *kind {
	case "1mb":
		d = huge()
	case "field5mb":
		d = base()
		d.Summary = long(5_000_000)
	default:
		fmt.Fprintf(os.Stderr, "bigdraft: -kind %q: use 1mb or field5mb\n", *kind)
		os.Exit(2)
	}
	b, err := model.Encode(d)
	if err == nil {
		err = os.WriteFile(*out, b, 0o600)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bigdraft:", err)
		os.Exit(1)
	}
}

func long(n int) string { return strings.TrimSpace(strings.Repeat(para+"\n", n/len(para)+1)) }

func base() *model.Draft {
	now := time.Date(2026, 11, 23, 16, 0, 0, 0, time.UTC)
	d := model.New("Checkout failed for 47 minutes after a config push", now)
	at := func(h, m int) *time.Time { t := time.Date(2026, 11, 23, h, m, 0, 0, time.UTC); return &t }
	d.Severity, d.Audience = "SEV1", model.AudiencePublic
	d.Timeline = model.Timeline{TimeZone: "Europe/Berlin", Start: at(14, 5), Detected: at(14, 12), Mitigated: at(14, 40), End: at(14, 52)}
	d.Impact = model.Impact{Who: "Every customer paying by card in the EU", What: "Checkout failed", Extent: "12,400 failed orders"}
	d.RootCause = model.RootCause{WhatWentWrong: "The payment timeout was set to 0 ms", Analysis: "The config diff showed it."}
	d.Technologies = []string{"Envoy", "PostgreSQL"}
	return d
}

func huge() *model.Draft {
	d := base()
	d.Summary = long(60_000)
	d.RootCause.Analysis = long(200_000)
	d.HumanElements = long(80_000)
	d.OthersCanLearn = long(60_000)
	d.Impact.What = long(40_000)
	at := time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)
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
