package drafttest

import (
	"fmt"
	"strings"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// Listing is draft i of a large folder, as the listing benchmarks and
// scripts/bigdraft -kind drafts write it: a complete post-mortem of
// about 10 KB (every section filled, 20 timeline events, five whys,
// eight action items), created and last changed i minutes before at.
// Drafts differ in their title and timeline, so no two are the same file.
func Listing(i int, at time.Time) *model.Draft {
	tp := func(t time.Time) *time.Time { return &t }
	d := model.New(fmt.Sprintf("Checkout outage #%d: payments failed for 85 minutes", i), at.Add(-time.Duration(i)*time.Minute))
	d.Updated = tp(at.Add(-time.Duration(i) * time.Minute))
	para := strings.Repeat("We shipped a config change that halved the connection pool, and under the Monday peak the pool ran dry. ", 6)
	d.Summary = para
	d.Severity = "SEV1"
	d.Audience = model.AudiencePublic
	d.Authors = []string{"Ana", "Ben"}
	d.Timeline.TimeZone = "Europe/Paris"
	d.Timeline.Start = tp(at.Add(-3 * time.Hour))
	d.Timeline.Detected = tp(at.Add(-170 * time.Minute))
	d.Timeline.Mitigated = tp(at.Add(-2 * time.Hour))
	d.Timeline.End = tp(at.Add(-95 * time.Minute))
	for j := range 20 {
		d.Timeline.Events = append(d.Timeline.Events, model.Event{At: tp(at.Add(time.Duration(j-180) * time.Minute)), Text: fmt.Sprintf("Event %d: the on-call engineer checked the dashboards and paged the database team.", j)})
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
