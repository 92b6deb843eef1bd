package tui

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// Accessible mode asks the same steps as plain prompts and writes the same
// draft; a piped answer file works line by line.
func TestAccessibleModeWritesTheDraft(t *testing.T) {
	t.Setenv("TZ", "UTC")
	// Answered by prompt: a prompt not named here gets Enter (keep, or
	// no to "Add …?").
	p := newPrompted(
		answer{"Title", []string{"Checkout failed"}},
		answer{"Severity", []string{"SEV1"}},
		answer{"Audience", []string{"2"}}, // 2 = public
		answer{"Authors", []string{"Ada, Grace"}},
		answer{"What failed, in plain words", []string{"We broke checkout for 47 minutes."}},
		answer{"Time zone", []string{"UTC"}},
		answer{"Started", []string{"2026-11-23 14:05"}},
		answer{"Detected", []string{"soon", "14:12"}}, // a bad time first, then a good one
		answer{"Mitigated", []string{"14:40"}},
		answer{"Ended", []string{"14:52"}},
		answer{"Add an event?", []string{"y"}},
		answer{"Event 1 · when", []string{"14:03"}},
		answer{"Event 1 · what happened", []string{"Config push"}},
		answer{"Who was affected", []string{"EU card payers"}},
		answer{"What they could not do", []string{"Could not pay"}},
		answer{"How much", []string{"12,400 orders"}},
		answer{"What went wrong", []string{"Timeout set to 0 ms"}},
		answer{"How you found it", []string{"Config diff"}},
		answer{"Add a why?", []string{"y"}}, // its question left empty
		answer{"Why 1 · because", []string{"A typo"}},
		answer{"Add a lesson?", []string{"y"}},
		answer{"Lesson 1", []string{"Review config like code"}},
		answer{"Add a technology?", []string{"y"}},
		answer{"Technology 1", []string{"Envoy"}},
		answer{"The people side", []string{"Paged at 14:12"}},
		answer{"What others can learn", []string{"Validate config"}},
		answer{"Add a channel?", []string{"y"}},
		answer{"Channel 1 · name", []string{"Status page"}},
		answer{"Channel 1 · URL", []string{"https://status.example.com"}},
		answer{"Status", []string{"2"}}, // 2 = review
	)
	s := newFakeSaver()
	d, err := RunAccessible(context.Background(), model.New("", testNow), Options{Input: p, Output: p, Saver: s, Now: func() time.Time { return testNow }})
	p.Close()
	if err != nil {
		t.Fatal(err)
	}
	if left := p.unanswered(); len(left) > 0 {
		t.Errorf("never asked: %q", left)
	}
	o := p.String()
	if strings.Contains(o, "\x1b") {
		t.Errorf("accessible output has escape sequences")
	}
	n := len(steps)
	for _, want := range []string{fmt.Sprintf("Step 1 of %d: Basics", n), fmt.Sprintf("Step %d of %d: Review", n, n), "Add an event?", "is not a time", "Score ",
		// The durations, as the wizard and `pmwiz score` give them.
		"Time to detect 7m · Time to mitigate 35m · Time to resolve 47m.",
		// The Why's question is asked with the answer it follows.
		"Follows from Root cause: Timeout set to 0 ms",
		"Admit failure: partial. ", "  Because of “We broke checkout for 47 minutes.” (Summary)"} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q:\n%s", want, o)
		}
	}
	check := []struct{ got, want string }{
		{d.Title, "Checkout failed"},
		{d.Severity, "SEV1"},
		{string(d.Audience), "public"},
		{strings.Join(d.Authors, "|"), "Ada|Grace"},
		{d.Summary, "We broke checkout for 47 minutes."},
		{d.Timeline.Detected.Format("15:04"), "14:12"},
		{d.Timeline.Events[0].Text, "Config push"},
		{d.Timeline.Events[0].At.Format("15:04"), "14:03"},
		{d.Impact.Extent, "12,400 orders"},
		{d.FiveWhys[0].Why, ""}, // never pre-filled: the writer asks it
		{d.FiveWhys[0].Because, "A typo"},
		{d.Lessons[0], "Review config like code"},
		{d.Technologies[0], "Envoy"},
		{d.OthersCanLearn, "Validate config"},
		{d.Communication.Channels[0].URL, "https://status.example.com"},
		{string(d.Status), "review"},
	}
	for _, c := range check {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if len(d.ActionItems) != 0 || len(d.RootCause.ContributingFactors) != 0 {
		t.Errorf("entries were added that were declined")
	}
	if s.flushes < len(steps) {
		t.Errorf("saved %d times, want after every step", s.flushes)
	}
	if last := s.last(); last == nil || last.Title != "Checkout failed" {
		t.Error("the saver did not get the draft")
	}
}

// Enter keeps an answer; "-" clears it; an entry left empty goes away.
func TestAccessibleKeepAndClear(t *testing.T) {
	d := filledDraft()
	// Keep the title, clear severity; Enter keeps the rest.
	out := newPrompted(answer{"Title", []string{""}}, answer{"Severity", []string{"-"}})
	got, err := RunAccessible(context.Background(), d, Options{Input: out, Output: out})
	out.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Checkout failed for 47 minutes after a config push" || got.Severity != "" {
		t.Fatalf("title %q, severity %q", got.Title, got.Severity)
	}
	if got.Summary != filledDraft().Summary || len(got.Timeline.Events) != 3 {
		t.Fatal("EOF changed answers it should keep")
	}
	if !strings.Contains(out.String(), "(now: Checkout failed for 47 minutes") {
		t.Error("the current answer is not read out")
	}
}

// A read-only draft is read out, not asked about.
func TestAccessibleReadOnlyReadsOut(t *testing.T) {
	var out bytes.Buffer
	s := newFakeSaver()
	d, err := RunAccessible(context.Background(), filledDraft(), Options{
		Input: strings.NewReader("Changed title\n"), Output: &out, Saver: s,
		ReadOnly: true, ReadOnlyReason: "draft is open in another pmwiz (pid 42)",
	})
	if err != nil {
		t.Fatal(err)
	}
	o := out.String()
	for _, want := range []string{"read-only: draft is open in another pmwiz (pid 42)", "Title: Checkout failed for 47 minutes", "Event 2 · what happened: Alert fired", "Score "} {
		if !strings.Contains(o, want) {
			t.Errorf("read-out lacks %q", want)
		}
	}
	if d.Title != filledDraft().Title || len(s.changed) != 0 || s.flushes != 0 {
		t.Fatal("a read-only run changed or saved the draft")
	}
}

// Text the full-screen wizard could not store is read out with its field,
// and goes from the draft's pending text once the field is answered;
// Enter (keep) keeps it.
func TestAccessiblePendingText(t *testing.T) {
	d := filledDraft()
	d.Pending = map[string]string{"title": "Checkout down", "severity": "sev-ish"}
	var out bytes.Buffer
	got, err := RunAccessible(context.Background(), d, Options{Input: strings.NewReader("Checkout down for 47 minutes\n\n"), Output: &out})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"(typed before, not stored yet: Checkout down)", "(typed before, not stored yet: sev-ish)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if got.Title != "Checkout down for 47 minutes" || len(got.Pending) != 1 || got.Pending["severity"] != "sev-ish" {
		t.Fatalf("title %q, pending %q", got.Title, got.Pending)
	}
}
