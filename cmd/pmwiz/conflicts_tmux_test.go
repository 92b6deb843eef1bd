package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/store"
)

// A draft a merge left with conflicts opens on them: the person takes
// theirs for one, combines the other, and the wizard follows.
func TestTmuxConflictsResolvedBeforeTheWizard(t *testing.T) {
	bin := buildPmwiz(t)
	dir := t.TempDir()
	mergedWithConflicts(t, dir)

	tm := startTmux(t, dir, bin+" resume pm")
	scr := tm.waitFor("Merge conflict 1 of 2")
	if !strings.Contains(scr, "Ours summary.") || !strings.Contains(scr, "Theirs") || strings.Contains(scr, "\x1b[31m") {
		t.Fatalf("conflict screen:\n%s", scr)
	}
	tm.keys("t")
	tm.waitFor("Merge conflict 1 of 1")
	tm.keys("c")
	tm.waitFor("Combined")
	tm.keys("End", " (both)")
	tm.waitFor("(both)")
	tm.keys("C-s")
	tm.waitFor("Steps") // the wizard, with no conflict left
	tm.keys("C-c")
	tm.waitFor("EXIT=0")

	s, _ := store.Open(dir)
	l, err := s.Load(filepath.Join(dir, "pm.json"))
	if err != nil {
		t.Fatal(err)
	}
	d := l.Draft
	if len(d.Conflicts) != 0 || !strings.HasPrefix(d.Summary, "Theirs") || d.Timeline.Events[1].Text != "Ours second.\nTheirs second. (both)" {
		t.Errorf("summary %q, event %q, conflicts %+v", d.Summary, d.Timeline.Events[1].Text, d.Conflicts)
	}
}
