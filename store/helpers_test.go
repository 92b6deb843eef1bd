package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

var t0 = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

func tp(t time.Time) *time.Time { return &t }

// fullDraft is a realistic, complete post-mortem of about 12 KB: every
// section filled, a timeline of events, five whys and action items.
func fullDraft(i int) *model.Draft {
	d := model.New(fmt.Sprintf("Checkout outage #%d: payments failed for 85 minutes", i), t0.Add(-time.Duration(i)*time.Minute))
	d.Updated = tp(t0.Add(-time.Duration(i) * time.Minute))
	para := strings.Repeat("We shipped a config change that halved the connection pool, and under the Monday peak the pool ran dry. ", 6)
	d.Summary = para
	d.Severity = "SEV1"
	d.Audience = model.AudiencePublic
	d.Authors = []string{"Ana", "Ben"}
	d.Timeline.TimeZone = "Europe/Paris"
	d.Timeline.Start = tp(t0.Add(-3 * time.Hour))
	d.Timeline.Detected = tp(t0.Add(-170 * time.Minute))
	d.Timeline.Mitigated = tp(t0.Add(-2 * time.Hour))
	d.Timeline.End = tp(t0.Add(-95 * time.Minute))
	for j := range 20 {
		d.Timeline.Events = append(d.Timeline.Events, model.Event{At: tp(t0.Add(time.Duration(j-180) * time.Minute)), Text: fmt.Sprintf("Event %d: the on-call engineer checked the dashboards and paged the database team.", j)})
	}
	d.Impact = model.Impact{Who: "Every customer paying by card in Europe", What: "Checkout returned errors", Extent: "12% of orders failed over 85 minutes"}
	d.RootCause = model.RootCause{WhatWentWrong: para, Analysis: para, ContributingFactors: []string{"No load test", "Alert threshold too high"}}
	for j := range 5 {
		d.FiveWhys = append(d.FiveWhys, model.Why{Why: fmt.Sprintf("Why %d did it fail?", j), Because: "Because the pool was too small for the peak and nobody had load tested the change."})
	}
	d.Lessons = []string{para, "Config changes need the same review as code."}
	for j := range 8 {
		d.ActionItems = append(d.ActionItems, model.ActionItem{What: fmt.Sprintf("Action %d: load test every pool change", j), Owner: "Ana", Due: "2026-12-15", Type: model.ActionPrevent})
	}
	d.Technologies = []string{"PostgreSQL 16", "PgBouncer", "Kubernetes"}
	d.HumanElements = para
	d.OthersCanLearn = para
	d.Communication.Channels = []model.Channel{{Name: "Status page", URL: "https://status.example.com"}}
	return d
}

func mustOpen(t testing.TB, opts ...Option) *Store {
	t.Helper()
	s, err := Open(t.TempDir(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
