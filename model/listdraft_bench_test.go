package model

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// listSentences are the sentence shapes listDraft writes its text from;
// {n}, {t}, {w}, {s} and {p} are filled with a number, a technology, a
// weekday-ish word, a service and a person, so no two drafts (and few
// sentences within one) read alike.
var listSentences = []string{
	"We rolled out build {n} of the {s} service and the error rate climbed to {n}% within minutes.",
	"The on-call engineer, {p}, was paged at {n}:{n} and opened the {t} dashboard.",
	"Around {n} customers could not sign in while the {s} pool was exhausted.",
	"Our deploy tooling did not check the {t} connection limit before the change went out.",
	"Because the retry budget was unbounded, every client retried {n} times and the queue grew.",
	"We apologize for any inconvenience this may have caused to our users.",
	"It is possible that the cache on {t} was cold after the failover on {w}.",
	"{p} noticed that the replica lag on {t} had reached {n} seconds.",
	"The root cause was a missing index on the orders table, which turned a {n} ms query into a full scan.",
	"We learned that alerts on saturation fire too late for a pool this small.",
	"We will add a load test for every change to the {s} configuration by {w}.",
	"Customers in the EU region saw checkout fail for {n} minutes; about {n} orders were lost.",
	"Thanks to {p}, who stayed late and found the stale {t} config by reading the logs line by line.",
	"If you run {t} behind a proxy, check that its timeouts are shorter than the client's.",
	"We posted updates on our status page at https://status.example.com/incidents/{n} every {n} minutes.",
	"The {s} team reverted the change at {n}:{n} UTC and traffic recovered.",
	"Nobody had touched the {t} settings since {w}, so the drift went unnoticed.",
	"Why did the pool run dry? Because {n} workers shared {n} connections under the peak.",
	"This was not human error: the process let a risky change ship without review.",
	"Luckily the backup from {w} was intact, so no data was lost.",
	"We should have caught this in staging, where {t} runs with the same limits.",
	"Support answered {n} tickets and wrote to every affected merchant at support@example.com.",
	"The incident started on {w} 4 March 2026 at {n}:{n} and ended {n} hours later.",
	"Latency on the {s} API went from {n} ms to {n} ms at the 99th percentile.",
	"Going forward, every pool change needs a second reviewer and a canary in one region.",
	"The {t} cluster failed over to a replica that was {n} minutes behind.",
	"Our monitoring missed it because the health check only pinged `{s}` and not its database.",
	"We ran `pg_dump` to confirm that the {s} tables were consistent.",
}

var (
	listTechs    = []string{"PostgreSQL", "Redis", "Kafka", "Kubernetes", "Envoy", "PgBouncer", "Elasticsearch", "MySQL", "nginx", "Terraform"}
	listServices = []string{"payments", "checkout", "search", "billing", "auth", "ledger", "catalog", "shipping"}
	listWords    = []string{"Monday", "Tuesday", "Friday", "the weekend", "last week", "January", "the release"}
	listPeople   = []string{"Ana", "Ben", "Chidi", "Dana", "Emre", "Fatima", "Goran", "Hiro"}
)

// listSentence writes one sentence of listDraft.
func listSentence(r *rand.Rand) string {
	s := listSentences[r.IntN(len(listSentences))]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '{' || i+2 >= len(s) || s[i+2] != '}' {
			b.WriteByte(s[i])
			continue
		}
		switch s[i+1] {
		case 'n':
			fmt.Fprintf(&b, "%d", r.IntN(500)+1)
		case 't':
			b.WriteString(listTechs[r.IntN(len(listTechs))])
		case 's':
			b.WriteString(listServices[r.IntN(len(listServices))])
		case 'w':
			b.WriteString(listWords[r.IntN(len(listWords))])
		case 'p':
			b.WriteString(listPeople[r.IntN(len(listPeople))])
		}
		i += 2
	}
	return b.String()
}

// listText is n sentences; a long one is cut into paragraphs.
func listText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%4 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(listSentence(r))
	}
	return b.String()
}

// listDraft is a complete draft of about 10 KB of free text, shaped like
// the store's listing fixture (every section, 20 events, five whys,
// eight action items), with text that varies from draft to draft.
func listDraft(seed uint64) *Draft {
	r := rand.New(rand.NewPCG(seed, 12))
	start := time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC).Add(time.Duration(seed) * time.Hour)
	end := start.Add(85 * time.Minute)
	d := &Draft{Schema: 1, Title: fmt.Sprintf("Checkout outage #%d", seed), Summary: listText(r, 6),
		Timeline:       Timeline{Start: &start, End: &end},
		Impact:         Impact{Who: listText(r, 1), What: listText(r, 1), Extent: listText(r, 1)},
		RootCause:      RootCause{WhatWentWrong: listText(r, 6), Analysis: listText(r, 6), ContributingFactors: []string{listText(r, 1), listText(r, 1)}},
		HumanElements:  listText(r, 5),
		OthersCanLearn: listText(r, 5),
		Technologies:   []string{"PostgreSQL 16", "PgBouncer"},
		Communication:  Communication{Channels: []Channel{{Name: "Status page", URL: "https://status.example.com"}}},
	}
	for j := range 20 {
		at := start.Add(time.Duration(j*4) * time.Minute)
		d.Timeline.Events = append(d.Timeline.Events, Event{At: &at, Text: listText(r, 1)})
	}
	for range 5 {
		d.FiveWhys = append(d.FiveWhys, Why{Why: "Why " + strings.TrimSuffix(listSentence(r), ".") + "?", Because: listText(r, 1)})
	}
	d.Lessons = []string{listText(r, 5), listText(r, 1)}
	for j := range 8 {
		d.ActionItems = append(d.ActionItems, ActionItem{What: fmt.Sprintf("Action %d: %s", j, listSentence(r)), Owner: "Ana", Due: "2026-12-15"})
	}
	return d
}

// BenchmarkScoreListDraft is `pmwiz list` scoring drafts it has never
// seen (issue 12): each iteration scores the next of 64 different ~10 KB
// drafts from cold.
func BenchmarkScoreListDraft(b *testing.B) {
	drafts := make([]*Draft, 64)
	size := 0
	for i := range drafts {
		drafts[i] = listDraft(uint64(i))
		size += len(FreeTextBytes(drafts[i]))
	}
	b.SetBytes(int64(size / len(drafts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Score(drafts[i%len(drafts)])
		i++
	}
}
