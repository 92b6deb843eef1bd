package model

import (
	"strings"
	"testing"
	"time"
)

func words(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }

func at(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func item(r Report, id string) ItemResult {
	for _, it := range r.Items {
		if it.ID == id {
			return it
		}
	}
	panic("no item " + id)
}

func TestRubricBoundaries(t *testing.T) {
	cases := []struct {
		name  string
		id    string
		draft Draft
		want  Verdict
	}{
		{"admit: no summary", ItemAdmitFailure, Draft{}, No},
		{"admit: blank summary is none", ItemAdmitFailure, Draft{Summary: "  \n "}, No},
		{"admit: 7 words in first person", ItemAdmitFailure, Draft{Summary: "We broke checkout for forty long minutes"}, Partial},
		{"admit: 8 words in first person", ItemAdmitFailure, Draft{Summary: "We broke checkout for forty long minutes today"}, Yes},
		{"admit: 8 words, not first person", ItemAdmitFailure, Draft{Summary: "Checkout was unavailable for forty long minutes today"}, Partial},
		{"admit: US is the country", ItemAdmitFailure, Draft{Summary: "Checkout was down in the US for forty minutes"}, Partial},
		{"admit: I counts", ItemAdmitFailure, Draft{Summary: "I pushed a config that broke checkout for everyone"}, Yes},
		{"admit: dashes are not words", ItemAdmitFailure, Draft{Summary: "We broke checkout — for forty long minutes"}, Partial},

		{"human: no text", ItemSoundHuman, Draft{}, No},
		{"human: 39 words", ItemSoundHuman, Draft{Summary: words(39)}, Partial},
		{"human: 40 words", ItemSoundHuman, Draft{Summary: words(40)}, Yes},
		{"human: 40 words over fields", ItemSoundHuman, Draft{Summary: words(20), Lessons: []string{words(20)}}, Yes},
		{"human: one boilerplate", ItemSoundHuman, Draft{Summary: words(40) + " sorry for the inconvenience"}, Partial},
		{"human: two boilerplate", ItemSoundHuman, Draft{Summary: words(40) + " we regret the inconvenience"}, Partial},
		{"human: three boilerplate", ItemSoundHuman, Draft{Summary: words(40) + " rest assured we regret the inconvenience"}, No},
		{"human: hedging does not count", ItemSoundHuman, Draft{Summary: words(40) + " possibly"}, Yes},

		{"channel: none", ItemChannel, Draft{}, No},
		{"channel: named only", ItemChannel, Draft{Communication: Communication{Channels: []Channel{{Name: "Status page"}}}}, Partial},
		{"channel: URL without scheme", ItemChannel, Draft{Communication: Communication{Channels: []Channel{{Name: "Status", URL: "status.example.com"}}}}, Partial},
		{"channel: ftp is not the web", ItemChannel, Draft{Communication: Communication{Channels: []Channel{{URL: "ftp://example.com/x"}}}}, Partial},
		{"channel: https", ItemChannel, Draft{Communication: Communication{Channels: []Channel{{Name: "Status", URL: "https://status.example.com"}}}}, Yes},
		{"channel: http", ItemChannel, Draft{Communication: Communication{Channels: []Channel{{URL: "http://status.example.com/incidents/42"}}}}, Yes},
		{"channel: scheme but no host", ItemChannel, Draft{Communication: Communication{Channels: []Channel{{URL: "https://"}}}}, Partial},

		{"authentic: no text", ItemAuthentic, Draft{}, No},
		{"authentic: 2 details", ItemAuthentic, Draft{Summary: "We lost 40 requests at 14:05", Timeline: Timeline{}}, Partial},
		{"authentic: 3 details", ItemAuthentic, Draft{RootCause: RootCause{WhatWentWrong: "A config push emptied the pool because nothing validated the file"}, Summary: "We lost 40 requests at 14:05", Technologies: []string{"Postgres"}}, Yes},
		{"authentic: specific, but the cause only named", ItemAuthentic, Draft{Summary: "We lost 40 requests at 14:05", Technologies: []string{"Postgres"}}, Partial},
		{"authentic: times count", ItemAuthentic, Draft{RootCause: RootCause{WhatWentWrong: "A config push emptied the pool because nothing validated the file"}, Summary: "We broke it", Timeline: Timeline{Start: at("2026-11-23T14:00:00Z"), Detected: at("2026-11-23T14:05:00Z"), End: at("2026-11-23T15:00:00Z")}}, Yes},
		{"authentic: events count", ItemAuthentic, Draft{RootCause: RootCause{WhatWentWrong: "A config push emptied the pool because nothing validated the file"}, Summary: "We broke it", Timeline: Timeline{Events: []Event{{Text: "a"}, {Text: "b"}, {Text: "c"}}}}, Yes},
		{"authentic: hedging", ItemAuthentic, Draft{Summary: "It appears that we lost 40 requests at 14:05 on db1"}, Partial},
		{"authentic: boilerplate", ItemAuthentic, Draft{Summary: "We lost 40 requests at 14:05 on db1, rest assured"}, Partial},
		{"authentic: blame is not scored", ItemAuthentic, Draft{RootCause: RootCause{WhatWentWrong: "A config push emptied the pool because nothing validated the file"}, Summary: "We lost 40 requests at 14:05 on db1 through human error"}, Yes},

		{"start_end: neither", ItemStartEnd, Draft{}, No},
		{"start_end: start only", ItemStartEnd, Draft{Timeline: Timeline{Start: at("2026-11-23T14:00:00Z")}}, Partial},
		{"start_end: end only", ItemStartEnd, Draft{Timeline: Timeline{End: at("2026-11-23T14:00:00Z")}}, Partial},
		{"start_end: end before start", ItemStartEnd, Draft{Timeline: Timeline{Start: at("2026-11-23T14:05:00Z"), End: at("2026-11-23T13:50:00Z")}}, Partial},
		{"start_end: end == start", ItemStartEnd, Draft{Timeline: Timeline{Start: at("2026-11-23T14:05:00Z"), End: at("2026-11-23T14:05:00Z")}}, Yes},
		{"start_end: offsets compared as instants", ItemStartEnd, Draft{Timeline: Timeline{Start: at("2026-11-23T14:05:00+01:00"), End: at("2026-11-23T13:10:00Z")}}, Yes},

		{"impact: neither", ItemImpact, Draft{}, No},
		{"impact: who", ItemImpact, Draft{Impact: Impact{Who: "EU customers"}}, Partial},
		{"impact: what", ItemImpact, Draft{Impact: Impact{What: "could not pay"}}, Partial},
		{"impact: extent alone", ItemImpact, Draft{Impact: Impact{Extent: "12%"}}, No},
		{"impact: both", ItemImpact, Draft{Impact: Impact{Who: "EU customers", What: "could not pay"}}, Yes},

		{"root: neither", ItemRootCause, Draft{}, No},
		{"root: 8 and 7 words", ItemRootCause, Draft{RootCause: RootCause{WhatWentWrong: words(8), Analysis: words(7)}}, Partial},
		{"root: 7 and 8 words", ItemRootCause, Draft{RootCause: RootCause{WhatWentWrong: words(7), Analysis: words(8)}}, Partial},
		{"root: 8 and 8 words", ItemRootCause, Draft{RootCause: RootCause{WhatWentWrong: words(8), Analysis: words(8)}}, Yes},
		{"root: analysis only", ItemRootCause, Draft{RootCause: RootCause{Analysis: words(20)}}, Partial},

		{"lessons: neither", ItemLessons, Draft{}, No},
		{"lessons: lesson only", ItemLessons, Draft{Lessons: []string{"Canaries matter"}}, Partial},
		{"lessons: action only", ItemLessons, Draft{ActionItems: []ActionItem{{What: "Add a canary"}}}, Partial},
		{"lessons: blank entries do not count", ItemLessons, Draft{Lessons: []string{" "}, ActionItems: []ActionItem{{Owner: "ana"}}}, No},
		{"lessons: both", ItemLessons, Draft{Lessons: []string{"Canaries matter"}, ActionItems: []ActionItem{{What: "Add a canary"}}}, Yes},

		{"tech: none", ItemTechnologies, Draft{}, No},
		{"tech: blank", ItemTechnologies, Draft{Technologies: []string{""}}, No},
		{"tech: one", ItemTechnologies, Draft{Technologies: []string{"Kafka"}}, Yes},

		{"whys: none", ItemFiveWhys, Draft{}, No},
		{"whys: 4 answered", ItemFiveWhys, Draft{FiveWhys: fiveWhys(4, 4)}, Partial},
		{"whys: 5 answered", ItemFiveWhys, Draft{FiveWhys: fiveWhys(5, 5)}, Yes},
		{"whys: 5, one unanswered", ItemFiveWhys, Draft{FiveWhys: fiveWhys(5, 4)}, Partial},
		{"whys: 1", ItemFiveWhys, Draft{FiveWhys: fiveWhys(1, 0)}, Partial},

		{"human elements: empty", ItemHumanElements, Draft{}, No},
		{"human elements: 7 words", ItemHumanElements, Draft{HumanElements: words(7)}, Partial},
		{"human elements: 8 words", ItemHumanElements, Draft{HumanElements: words(8)}, Yes},
		{"others: empty", ItemOthersLearn, Draft{}, No},
		{"others: 7 words", ItemOthersLearn, Draft{OthersCanLearn: words(7)}, Partial},
		{"others: 8 words", ItemOthersLearn, Draft{OthersCanLearn: words(8)}, Yes},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := item(Score(&c.draft), c.id)
			if got.Status != c.want {
				t.Fatalf("%s = %s (%s), want %s", c.id, got.Status, got.Reason, c.want)
			}
			if got.Reason == "" {
				t.Errorf("%s has no reason", c.id)
			}
			if (got.Next == "") != (got.Status == Yes) {
				t.Errorf("%s: next step %q does not fit status %s", c.id, got.Next, got.Status)
			}
		})
	}
}

func fiveWhys(n, answered int) []Why {
	var ws []Why
	for i := 0; i < n; i++ {
		w := Why{Why: "Why did step " + string(rune('a'+i)) + " fail?"}
		if i < answered {
			w.Because = "Because of the step before it"
		}
		ws = append(ws, w)
	}
	return ws
}

func TestScoreAddsUpPoints(t *testing.T) {
	total := 0
	for _, it := range Rubric {
		total += it.Points
	}
	if total != 100 {
		t.Fatalf("rubric points add up to %d, want 100", total)
	}
	if got := Score(&Draft{}).Score; got != 0 {
		t.Errorf("empty draft scores %v, want 0", got)
	}
	d := &Draft{
		Summary:      "We broke checkout for forty long minutes today",                             // admit yes 5
		Impact:       Impact{Who: "EU customers"},                                                  // partial 7.5
		Technologies: []string{"Postgres"},                                                         // yes 5
		Timeline:     Timeline{Start: at("2026-11-23T14:00:00Z"), End: at("2026-11-23T14:40:00Z")}, // yes 15
	}
	// sound_human partial (2.5: < 40 words); authentic partial (2.5: 2
	// times + 1 tech, but no cause given); root_cause partial (7.5: the
	// summary names what broke, not why); the rest no.
	r := Score(d)
	if r.Score != 5+2.5+2.5+15+7.5+7.5+5 {
		t.Fatalf("score = %v, want 45; items: %+v", r.Score, r.Items)
	}
	if len(r.Items) != 12 || r.Items[0].ID != ItemAdmitFailure || r.Items[11].ID != ItemOthersLearn {
		t.Fatalf("items out of order: %+v", r.Items)
	}
}

func TestReviewerOverrides(t *testing.T) {
	d := &Draft{
		Impact: Impact{Who: "EU customers", What: "could not pay"},
		Assessments: map[string]Assessment{
			ItemImpact:       {Status: Partial, Note: "say how many customers"},
			ItemTechnologies: {Status: Yes},
			ItemChannel:      {Status: "maybe"}, // not a verdict: ignored, and reported
		},
	}
	r := Score(d)
	imp := item(r, ItemImpact)
	if imp.Status != Partial || imp.Source != SourceReviewer || imp.Points != 7.5 || !strings.Contains(imp.Reason, "say how many customers") || imp.Note != "say how many customers" {
		t.Fatalf("impact override not applied: %+v", imp)
	}
	if imp.Next == "" {
		t.Error("a partial override still needs a next step")
	}
	tech := item(r, ItemTechnologies)
	if tech.Status != Yes || tech.Source != SourceReviewer || tech.Next != "" || tech.Points != 5 {
		t.Fatalf("technologies override not applied: %+v", tech)
	}
	// A verdict a reviewer gave quotes what it rests on: the note, else the
	// text; one overridden to no quotes nothing.
	if len(imp.Evidence) == 0 || len(tech.Evidence) == 0 {
		t.Errorf("reviewer verdicts without evidence: %+v / %+v", imp.Evidence, tech.Evidence)
	}
	d.Assessments[ItemImpact] = Assessment{Status: No}
	if ev := item(Score(d), ItemImpact).Evidence; len(ev) != 0 {
		t.Errorf("a no carries evidence: %+v", ev)
	}
	ch := item(r, ItemChannel)
	if ch.Source != SourceAuto || ch.Status != No {
		t.Fatalf("invalid override must be ignored: %+v", ch)
	}
	found := false
	for _, p := range r.Problems {
		if p.Field == "assessments.channel.status" {
			found = true
		}
	}
	if !found {
		t.Errorf("invalid override not reported: %+v", r.Problems)
	}
}

func TestNextIsTheMostValuable(t *testing.T) {
	d := &Draft{Summary: "We broke checkout for forty long minutes today"}
	next, ok := Score(d).Next()
	if !ok || next.ID != ItemStartEnd {
		t.Fatalf("next = %+v, want start_end (15 points, first must-have)", next)
	}
	d.Timeline.Start = at("2026-11-23T14:00:00Z")
	next, _ = Score(d).Next()
	if next.ID != ItemImpact {
		t.Fatalf("with start_end half done, next = %s, want impact (15 missing beats 7.5)", next.ID)
	}
}

func TestMissingMustHaves(t *testing.T) {
	r := Report{Items: []ItemResult{
		{ID: ItemAdmitFailure, Tier: TierPrinciple, Status: No},
		{ID: ItemStartEnd, Tier: TierMust, Status: Yes},
		{ID: ItemImpact, Tier: TierMust, Status: Partial},
		{ID: ItemRootCause, Tier: TierMust, Status: No},
		{ID: ItemTechnologies, Tier: TierNice, Status: No},
	}}
	var got []string
	for _, it := range r.MissingMustHaves() {
		got = append(got, it.ID)
	}
	if want := ItemImpact + " " + ItemRootCause; strings.Join(got, " ") != want {
		t.Errorf("MissingMustHaves = %v, want %s (must-haves not yes, in order; other tiers ignored)", got, want)
	}
	if got := Score(&Draft{}).MissingMustHaves(); len(got) != 4 {
		t.Errorf("an empty draft misses %d must-haves, want all 4", len(got))
	}
}
