package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// other builds a draft that holds only sections import could not map, as
// an imported blog post does.
func other(sections ...string) Draft {
	var d Draft
	for i := 0; i+1 < len(sections); i += 2 {
		d.Other = append(d.Other, Section{Heading: sections[i], Body: sections[i+1]})
	}
	return d
}

// TestWholeTextRules: what a careful reader finds in passing, in text no
// field was made for. Every document here is written for this test.
func TestWholeTextRules(t *testing.T) {
	cases := []struct {
		name  string
		id    string
		draft Draft
		want  Verdict
	}{
		{"admit: a stock apology owns nothing", ItemAdmitFailure, Draft{Summary: "We apologize for any inconvenience this may have caused to our valued customers."}, Partial},
		{"admit: owned in an unmapped section", ItemAdmitFailure, other("What happened", "Checkout was down. We missed the expiry warning because it went to an inbox nobody reads."), Yes},
		{"admit: a victim is not an owner", ItemAdmitFailure, other("What happened", "The storm of retries brought us to a standstill and failed every job."), Partial},
		{"admit: mentioning the outage owns nothing", ItemAdmitFailure, other("Recovery", "We restored every service within an hour of the outage and kept watching."), Partial},
		{"admit: an outage owned", ItemAdmitFailure, other("Summary", "On Monday we had a two-hour outage of the checkout service."), Yes},
		{"admit: a question admits nothing", ItemAdmitFailure, other("Why", "Why did we fail to notice the expiry warning for so long?"), Partial},
		{"admit: blaming a culprit lowers it", ItemAdmitFailure, other("What happened", "We failed to stop the import in time for everyone involved. The culprit was a tenant's runaway script."), Partial},

		{"channel: updates with a link", ItemChannel, other("Communication", "We posted updates every 30 minutes on our status page (https://status.example.com)."), Yes},
		{"channel: the link is the outlet", ItemChannel, other("Updates", "We posted updates throughout on https://status.example.com."), Yes},
		{"channel: updates, no link", ItemChannel, other("Communication", "We kept customers updated on Mastodon throughout."), Partial},
		{"channel: someone else's status page", ItemChannel, other("Timeline", "14:02 The provider updated their status page to report an outage."), No},
		{"channel: a support address", ItemChannel, other("Timeline", "14:10 A customer wrote to help@example.com about missing invoices."), Partial},
		{"channel: a system updated is no update to people", ItemChannel, other("Resolution", "Once we saw the index was updated again, we asked the reporter to upload their crates again."), No},
		{"channel: a plan is not a channel", ItemChannel, Draft{ActionItems: []ActionItem{{What: "We will post updates to a status page for customers"}}}, No},

		{"impact: who and what in passing", ItemImpact, other("The outage", "For 40 minutes customers could not log in to the dashboard."), Yes},
		{"impact: one paragraph naming who and what", ItemImpact, Draft{Impact: Impact{What: "Customers in the EU could not pay for 40 minutes."}}, Yes},
		{"impact: a count in the impact section", ItemImpact, Draft{Impact: Impact{What: "About 1,200 invoices failed to send."}}, Yes},
		{"impact: an effect without who", ItemImpact, other("Summary", "One of the effects was that the workers failed to ship their logs."), Partial},
		{"impact: an idiom is no harm", ItemImpact, other("Intro", "Before we get stuck in, thanks to everyone who wrote to us."), No},
		{"impact: a broken system is not an impact", ItemImpact, other("Summary", "Our storefront became slow and then unreachable during the launch."), No},

		{"root: cause and finding in prose", ItemRootCause, other("Root cause", "The queue filled up because the consumer crashed on a malformed message.", "Investigation", "We found the malformed message by replaying the dead-letter queue."), Yes},
		{"root: a culprit named, not explained", ItemRootCause, other("Summary", "The primary culprit was identified and terminated after the node failed."), Partial},
		{"root: a cause ruled out is not the cause", ItemRootCause, other("Summary", "This outage was not due to a bug in the protocol itself."), Partial},
		{"root: a pointer is not a finding", ItemRootCause, other("Links", "More about this problem can be found in the issue tracker."), Partial},
		{"root: found in a timeline row", ItemRootCause, Draft{RootCause: RootCause{WhatWentWrong: "Disk throttling slowed every write until the nodes panicked."}, Timeline: Timeline{Events: []Event{{Text: "Ana finds the throttling in the disk graphs"}}}}, Yes},

		{"start: a span in the text with no year to store it", ItemStartEnd, other("What happened", "On Saturday 12 April from 20:10 to 22:45 CEST most players could not log in."), Yes},
		{"root: answered whys are the analysis", ItemRootCause, Draft{RootCause: RootCause{WhatWentWrong: "The staging database ran out of disk because old WAL files were never removed."}, FiveWhys: []Why{{Why: "Why was the disk full?", Because: "WAL files were kept."}, {Why: "Why were they kept?", Because: "A stale replication slot held them."}, {Why: "Why was the slot there?", Because: "The runbook forgot it."}}}, Yes},
		{"start: a weekday named, no date", ItemStartEnd, Draft{Summary: "Staging was unusable on Monday for most of the day."}, Partial},
		{"human: a hyphenated phrase matches", ItemHumanElements, other("Thanks", "A big shout-out to Jonas, who joined the call from his sister's wedding."), Yes},
		{"others: advice to maintainers", ItemOthersLearn, other("Advice", "If you maintain a project on GitHub Actions, register every credential as a secret."), Yes},
		{"sound: a form letter", ItemSoundHuman, Draft{Summary: "We would like to inform you that a technical issue affected the dashboard. Please do not hesitate to contact support. We are continuously working to improve our services."}, No},
		{"lessons: several concrete actions say what is being done", ItemLessons, Draft{ActionItems: []ActionItem{{What: "Alert on failover rate"}, {What: "Soak every Terraform change to Redis in staging"}}}, Yes},
		{"lessons: one action is a start", ItemLessons, Draft{ActionItems: []ActionItem{{What: "Alert on failover rate"}}}, Partial},
		{"lessons: promises are not actions", ItemLessons, Draft{ActionItems: []ActionItem{{What: "We are working closely with our vendor on this."}, {What: "Thank you for your patience and understanding."}}}, No},
		{"lessons: changes under way in prose", ItemLessons, other("Summary", "We're changing how upgrades drain a node first."), Partial},
		{"lessons: actions and a lesson in prose", ItemLessons, Draft{ActionItems: []ActionItem{{What: "Alert on queue depth"}}, Summary: "In the future we will page on queue depth, not only on errors."}, Yes},

		{"tech: named in prose", ItemTechnologies, other("Setup", "Our API runs on Kubernetes in front of a PostgreSQL primary."), Yes},
		{"tech: one name where the cause is explained", ItemTechnologies, Draft{RootCause: RootCause{ContributingFactors: []string{"The new Elasticsearch index was still being filled by the backfill job."}}}, Yes},
		{"tech: one name is a start", ItemTechnologies, other("Setup", "The cron job runs on one host."), Partial},
		{"tech: ordinary words are not names", ItemTechnologies, other("FAQ", "Go to your project and rust will not form. See https://example.com/x."), No},
		{"tech: code spans that name software", ItemTechnologies, other("Debugging", "We ran `strace` and then the `pgbench` tool against the replica."), Yes},

		{"whys: five answered in prose", ItemFiveWhys, other("Root cause analysis", fiveWhysText(5)), Yes},
		{"whys: two answered", ItemFiveWhys, other("Root cause analysis", fiveWhysText(2)), Partial},
		{"whys: one rhetorical question", ItemFiveWhys, other("Musings", "Why does this keep happening? Nobody knows."), No},
		{"whys: questions without answers", ItemFiveWhys, other("Open questions", "- Why did the cache fill?\n- Why was nobody paged?\n- Why was the alert muted?"), No},

		{"human: luck", ItemHumanElements, other("Where we got lucky", "We were lucky that the one engineer who knew the billing code was awake."), Yes},
		{"human: someone on leave", ItemHumanElements, other("Response", "The only admin was on parental leave and fixed it while the baby slept."), Yes},
		{"human: code is not a person asleep", ItemHumanElements, other("Fix", "The worker now calls `time.sleep` between retries and we added `nap_ms` to the config."), No},
		{"human: only a handover", ItemHumanElements, other("Timeline", "03:00 Fix handed over to the team in Oslo for testing."), Partial},

		{"others: advice to readers", ItemOthersLearn, other("Takeaways", "If you run a message queue, you should alert on consumer lag, not only on errors."), Yes},
		{"others: a principle", ItemOthersLearn, other("Takeaways", "An ideal setup is one where you can roll back any config in a minute."), Partial},
		{"others: telling customers what to expect is no principle", ItemOthersLearn, other("Next steps", "Your invoices should arrive by Friday."), No},
		{"others: the team's own to-do", ItemOthersLearn, other("Takeaways", "We should alert on consumer lag."), No},

		{"start_end: a date in the text", ItemStartEnd, other("Summary", "On 3 March 2026 the importer stopped."), Partial},
		{"start_end: a day without times", ItemStartEnd, Draft{Timeline: Timeline{Day: "2026-03-03"}}, Partial},
		{"start_end: the start is unknown", ItemStartEnd, Draft{Timeline: Timeline{Start: at("2026-03-03T13:26:00Z"), End: at("2026-03-03T19:00:00Z"), Events: []Event{{Text: "[???] load crosses the limit"}, {At: at("2026-03-03T13:26:00Z"), Text: "first report"}}}}, Partial},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := item(Score(&c.draft), c.id)
			if got.Status != c.want {
				t.Fatalf("%s = %s (%s), want %s; evidence %+v", c.id, got.Status, got.Reason, c.want, got.Evidence)
			}
			if got.Status != No && len(got.Evidence) == 0 {
				t.Errorf("%s is %s without evidence", c.id, got.Status)
			}
		})
	}
}

func fiveWhysText(n int) string {
	var b strings.Builder
	steps := []string{"the cache fill up", "the eviction stop", "the config change go out", "the review miss it", "the test pass"}
	for i := 0; i < n; i++ {
		b.WriteString("1. **Why did " + steps[i] + "?** - Because the step before it let it happen, as the logs show.\n")
	}
	return b.String()
}

// TestHedgingIsWeighed: one hedge in a long, specific text is not
// vagueness; a hedge before a number is a bound.
func TestHedgingIsWeighed(t *testing.T) {
	if f := CheckToneText("x", "The subnet could potentially have 250 nodes."); len(f) != 0 {
		t.Errorf("a hedge before a number is a bound, got %+v", f)
	}
	long := strings.Repeat("At 14:05 the importer on db2 dropped 40 rows because the schema check was off. ", 30) + "It possibly started earlier."
	d := Draft{Summary: long, RootCause: RootCause{WhatWentWrong: "The schema check was switched off in a config change last week."}}
	if got := item(Score(&d), ItemAuthentic); got.Status != Yes {
		t.Errorf("one hedge in %d words: authentic = %s (%s), want yes", Words(long), got.Status, got.Reason)
	}
	d.Summary = "It possibly started at 14:05 on db2 and may have been the importer."
	if got := item(Score(&d), ItemAuthentic); got.Status != Partial {
		t.Errorf("a short text that hedges: authentic = %s (%s), want partial", got.Status, got.Reason)
	}
}

// TestEvidenceQuotesTheText: every quote is verbatim from the draft (white
// space collapsed), at most about 200 characters, and names where it is.
func TestEvidenceQuotesTheText(t *testing.T) {
	d := other("What happened", "We missed the expiry warning because it went to an inbox nobody reads. For 40 minutes customers could not log in to the dashboard running on Kubernetes and PostgreSQL. "+strings.Repeat("A very long sentence goes on and on ", 20)+"and ends.")
	d.Summary = "We broke login for forty minutes on a Monday morning."
	var all strings.Builder
	for _, tf := range FreeText(&d) {
		all.WriteString(collapse(tf.Text) + " ")
	}
	r := Score(&d)
	for _, it := range r.Items {
		for _, e := range it.Evidence {
			if e.Where == "" || e.Quote == "" || len(e.Quote) > maxQuote+4 {
				t.Errorf("%s: bad evidence %+v", it.ID, e)
			}
			if !strings.Contains(all.String(), e.Quote) {
				t.Errorf("%s: quote %q is not in the text", it.ID, e.Quote)
			}
		}
	}
	tech := item(r, ItemTechnologies)
	if !strings.Contains(tech.Reason, "Kubernetes") || !strings.Contains(tech.Reason, "PostgreSQL") {
		t.Errorf("the reason must name what was found: %q", tech.Reason)
	}
	if q := Quote(strings.Repeat("word ", 100)); len(q) > maxQuote || strings.HasSuffix(q, " ") {
		t.Errorf("Quote cuts between words, at most %d bytes: %q", maxQuote, q)
	}
}

// guidelineVerdicts are the verdicts the rubric's source guideline gave the
// post-mortem it evaluated (../shared/corpus/README.md): 62.5/100.
var guidelineVerdicts = map[string]Verdict{
	ItemAdmitFailure: Yes, ItemSoundHuman: Yes, ItemChannel: Partial, ItemAuthentic: Yes,
	ItemStartEnd: No, ItemImpact: No, ItemRootCause: Yes, ItemLessons: Yes,
	ItemTechnologies: Yes, ItemFiveWhys: No, ItemHumanElements: Yes, ItemOthersLearn: Yes,
}

func checkGuideline(t *testing.T, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("%s: %v", path, err)
	}
	d, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	r := Score(d)
	for _, it := range r.Items {
		if it.Status != guidelineVerdicts[it.ID] {
			t.Errorf("%s = %s (%s), the guideline says %s", it.ID, it.Status, it.Reason, guidelineVerdicts[it.ID])
		}
	}
	if r.Score != 62.5 {
		t.Errorf("score %v, want 62.5", r.Score)
	}
}

// TestGuidelineSeed: evidence from the whole text must not invent a start
// time or an impact the guideline's author could not find.
func TestGuidelineSeed(t *testing.T) {
	checkGuideline(t, filepath.Join("..", "..", "shared", "corpus", "seed-example.json"))
}

// TestGuidelineLikeDraft is our own draft of the same shape: times and
// impact left out, channels named without links, no Five Whys.
func TestGuidelineLikeDraft(t *testing.T) {
	checkGuideline(t, filepath.Join("testdata", "launch-slowdown.json"))
}

func TestDatesAndCounts(t *testing.T) {
	for text, want := range map[string][2]bool{ // {names a date, counts things}
		"On 2019-11-29 at 12:00 we scaled up.":             {true, false},
		"On 31st July 2018 a token leaked.":                {true, false},
		"On Apr 4th at 12:32 GMT one of us logged in.":     {true, false},
		"Restored by January 31 at 17:20.":                 {true, false},
		"We lost 5,000 projects and roughly 700 users.":    {false, true},
		"Estimated 1.21B queries lost.":                    {false, true},
		"At peak, 60 PRs were stuck.":                      {false, true},
		"It lasted 40 minutes and used 12 GB.":             {false, false},
		"Error rates reached 12% of requests.":             {false, false},
		"Data may have been lost between 3 and 4 o'clock.": {false, false},
	} {
		s := readSentence(text, false, new(sentenceScratch), new([]cueHit))
		if s.date != want[0] || s.count != want[1] {
			t.Errorf("%q: date %v count %v, want %v %v", text, s.date, s.count, want[0], want[1])
		}
	}
}

// The tone check reads sections import could not map, and a stock phrase
// there costs "sound like a human" as it would in the summary.
func TestToneReadsUnmappedSections(t *testing.T) {
	d := other("Closing words", "We apologize for any inconvenience this may have caused.")
	got := CheckTone(&d)
	if len(got) == 0 || got[0].Field != "other[0].body" {
		t.Fatalf("findings %+v, want one in other[0].body", got)
	}
	if it := item(Score(&d), ItemSoundHuman); it.Status == Yes || len(it.Evidence) == 0 || it.Evidence[0].Where != "Closing words" {
		t.Errorf("sound_human = %s with %+v, want it lowered, quoting the section", it.Status, it.Evidence)
	}
}
