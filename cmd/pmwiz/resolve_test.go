package main

import (
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// mergedWithConflicts saves, as "pm", a merge of two edits that both
// changed the summary and the second event's text.
func mergedWithConflicts(t *testing.T, dir string) {
	t.Helper()
	b := model.New("Checkout", testNow)
	b.Summary = "Base summary."
	b.Timeline.Events = []model.Event{{Text: "First."}, {Text: "Second."}}
	model.AssignIDs(b)
	o, th := b.Clone(), b.Clone()
	o.Summary, th.Summary = "Ours summary.", "Theirs \x1b[31msummary."
	o.Timeline.Events[1].Text, th.Timeline.Events[1].Text = "Ours second.", "Theirs second."
	d, conflicts, err := model.Merge(b, o, th)
	if err != nil || len(conflicts) != 2 {
		t.Fatalf("%v %+v", err, conflicts)
	}
	s, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save("pm", d); err != nil {
		t.Fatal(err)
	}
}

func TestResolveShowsThenSettlesConflicts(t *testing.T) {
	dir := t.TempDir()
	mergedWithConflicts(t, dir)
	out, errOut, code := pmwiz(t, dir, "resolve", "pm")
	if code != 1 || !strings.Contains(out, "2. timeline.events[1].text") || !strings.Contains(out, "theirs: Theirs second.") || !strings.Contains(errOut, "2 to resolve") {
		t.Errorf("show: exit %d\n%s\n%s", code, out, errOut)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("an escape sequence from the draft reached the terminal: %q", out)
	}
	out, _, code = pmwiz(t, dir, "resolve", "pm", "--path", "timeline.events[1].text", "--theirs")
	if code != 0 || !strings.Contains(out, "1 left: summary") {
		t.Errorf("--theirs: exit %d\n%s", code, out)
	}
	out, _, code = pmwiz(t, dir, "resolve", "pm", "--ours")
	if code != 0 || !strings.Contains(out, "No conflicts left") {
		t.Errorf("--ours: exit %d\n%s", code, out)
	}
	s, _ := store.Open(dir)
	l, err := s.Load("pm")
	if err != nil {
		t.Fatal(err)
	}
	if l.Draft.Summary != "Ours summary." || l.Draft.Timeline.Events[1].Text != "Theirs second." || len(l.Draft.Conflicts) != 0 {
		t.Errorf("draft: %q, %q, %+v", l.Draft.Summary, l.Draft.Timeline.Events[1].Text, l.Draft.Conflicts)
	}
	if out, _, code := pmwiz(t, dir, "resolve", "pm"); code != 0 || !strings.Contains(out, "no conflicts") {
		t.Errorf("after: exit %d\n%s", code, out)
	}
}

func TestResolveRefusesTwoChoicesAndUnknownPaths(t *testing.T) {
	dir := t.TempDir()
	mergedWithConflicts(t, dir)
	if _, errOut, code := pmwiz(t, dir, "resolve", "pm", "--ours", "--theirs"); code != 2 || !strings.Contains(errOut, "choose one") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if _, errOut, code := pmwiz(t, dir, "resolve", "pm", "--ours", "--path", "impact.who"); code != 2 || !strings.Contains(errOut, "no conflict at impact.who") || !strings.Contains(errOut, "summary") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
