package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// typicalDraft builds a full draft with about kb kilobytes of free text,
// spread over the fields a real post-mortem fills.
func typicalDraft(kb int) *Draft {
	para := "We rolled out config 4127 to the EU edge at 14:05 and it dropped 12% of requests; " +
		"the on-call engineer saw the error rate climb on the dashboard within two minutes. "
	text := func(n int) string { return strings.TrimSpace(strings.Repeat(para, n)) }
	start := time.Date(2026, 11, 23, 14, 5, 0, 0, time.UTC)
	end := start.Add(47 * time.Minute)
	d := &Draft{Schema: 1, Title: "Checkout failures", Summary: text(2),
		Timeline:       Timeline{Start: &start, End: &end},
		Impact:         Impact{Who: text(1), What: text(1), Extent: text(1)},
		RootCause:      RootCause{WhatWentWrong: text(2), Analysis: text(2)},
		HumanElements:  text(1),
		OthersCanLearn: text(1),
		Technologies:   []string{"Envoy", "Kafka", "PostgreSQL"},
	}
	for i := 0; i < 5; i++ {
		d.FiveWhys = append(d.FiveWhys, Why{Why: "Why did it fail?", Because: text(1)})
	}
	for i := 0; len(FreeTextBytes(d)) < kb*1024; i++ {
		d.Timeline.Events = append(d.Timeline.Events, Event{At: &start, Text: fmt.Sprintf("Step %d: %s", i, para)})
		d.Lessons = append(d.Lessons, fmt.Sprintf("Lesson %d: %s", i, para))
	}
	return d
}

// FreeTextBytes is the size of a draft's free text.
func FreeTextBytes(d *Draft) string {
	var b strings.Builder
	for _, tf := range FreeText(d) {
		b.WriteString(tf.Text)
	}
	return b.String()
}

func BenchmarkScore5KB(b *testing.B) {
	d := typicalDraft(5)
	b.SetBytes(int64(len(FreeTextBytes(d))))
	b.ReportAllocs()
	for b.Loop() {
		Score(d)
	}
}

func BenchmarkScore200KB(b *testing.B) {
	d := typicalDraft(200)
	b.SetBytes(int64(len(FreeTextBytes(d))))
	b.ReportAllocs()
	for b.Loop() {
		Score(d)
	}
}

func BenchmarkDecodeEncode(b *testing.B) {
	data, _ := Encode(typicalDraft(5))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d, _ := Decode(data)
		_, _ = Encode(d)
	}
}

// BenchmarkScorerKeystroke200KB is the wizard's case: one field changes by
// a character, the whole 200 KB draft is rescored.
func BenchmarkScorerKeystroke200KB(b *testing.B) {
	d := typicalDraft(200)
	s := NewScorer()
	s.Score(d)
	base := d.Summary
	i := 0
	for b.Loop() {
		i++
		d.Summary = base + strings.Repeat("x", i%50)
		s.Score(d)
	}
}

// BenchmarkScorerKeystroke5MBField is a letter typed into, then deleted
// from, the middle of a 5 MB summary (issue 11): the Scorer re-reads the
// piece that changed.
func BenchmarkScorerKeystroke5MBField(b *testing.B) {
	d := typicalDraft(5)
	para := "The payment service retried against the stale primary while the replica caught up, and every retry made the queue longer.\n"
	base := strings.Repeat(para, 5_000_000/len(para))
	d.Summary = base
	s := NewScorer()
	s.Score(d)
	mid := len(base) / 2
	typed := base[:mid] + "a" + base[mid:]
	i := 0
	for b.Loop() {
		i++
		if i%2 == 1 {
			d.Summary = typed
		} else {
			d.Summary = base
		}
		s.Score(d)
	}
}

// BenchmarkScore5MBField is the same draft scored from cold.
func BenchmarkScore5MBField(b *testing.B) {
	d := typicalDraft(5)
	para := "The payment service retried against the stale primary while the replica caught up, and every retry made the queue longer.\n"
	d.Summary = strings.Repeat(para, 5_000_000/len(para))
	for b.Loop() {
		Score(d)
	}
}

// BenchmarkEncode5MBField is the autosave's encode of a draft whose
// summary is a 5 MB paste.
func BenchmarkEncode5MBField(b *testing.B) {
	d := typicalDraft(5)
	para := "The payment service retried against the stale primary while the replica caught up, and every retry made the queue longer.\n"
	d.Summary = strings.Repeat(para, 5_000_000/len(para))
	b.SetBytes(int64(len(d.Summary)))
	for b.Loop() {
		if _, err := Encode(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScorerKeystroke1MB is a letter typed into the 60 KB summary
// of a 1 MB draft (issue 12's), and deleted again.
func BenchmarkScorerKeystroke1MB(b *testing.B) {
	d := typicalDraft(1000)
	para := "The payment service retried against the stale primary while the replica caught up, and every retry made the queue longer.\n"
	base := strings.Repeat(para, 60_000/len(para))
	d.Summary = base
	s := NewScorer()
	s.Score(d)
	i := 0
	for b.Loop() {
		i++
		d.Summary = base[:len(base)/2] + strings.Repeat("a", i%2) + base[len(base)/2:]
		s.Score(d)
	}
}
