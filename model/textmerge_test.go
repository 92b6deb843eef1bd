package model

import (
	"strings"
	"testing"
)

func TestMergeLines(t *testing.T) {
	base := "Para one.\nPara two.\nPara three.\nPara four."
	tests := []struct {
		name, ours, theirs, want string
		ok                       bool
	}{
		{"different paragraphs", "Para one, edited.\nPara two.\nPara three.\nPara four.", "Para one.\nPara two.\nPara three.\nPara four, edited.", "Para one, edited.\nPara two.\nPara three.\nPara four, edited.", true},
		{"one adds, one deletes elsewhere", "Para one.\nNew para.\nPara two.\nPara three.\nPara four.", "Para one.\nPara two.\nPara four.", "Para one.\nNew para.\nPara two.\nPara four.", true},
		{"the same edit on both sides", "Para one.\nPara 2.\nPara three.\nPara four.", "Para one.\nPara 2.\nPara three.\nPara four.", "Para one.\nPara 2.\nPara three.\nPara four.", true},
		{"the same paragraph, differently", "Para one.\nOurs two.\nPara three.\nPara four.", "Para one.\nTheirs two.\nPara three.\nPara four.", "", false},
		{"both add at the same place", "Para one.\nPara two.\nPara three.\nPara four.\nOurs.", "Para one.\nPara two.\nPara three.\nPara four.\nTheirs.", "", false},
		{"one line each", "Ours", "Theirs", "", false},
	}
	for _, tt := range tests {
		b := base
		if tt.name == "one line each" {
			b = "Base"
		}
		got, ok := mergeLines(b, tt.ours, tt.theirs)
		if ok != tt.ok || got != tt.want {
			t.Errorf("%s: got %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMergeOfTheSameTextInDifferentParagraphsIsClean(t *testing.T) {
	b := mergeBase()
	b.RootCause.Analysis = "We read the lock graphs.\nThen pg_locks.\nThen the migration log."
	o, th := b.Clone(), b.Clone()
	o.RootCause.Analysis = "We read the lock-wait graphs at 14:05.\nThen pg_locks.\nThen the migration log."
	th.RootCause.Analysis = "We read the lock graphs.\nThen pg_locks.\nThen the migration log, which showed the exclusive lock."
	d, conflicts := mustMerge(t, b, o, th)
	want := "We read the lock-wait graphs at 14:05.\nThen pg_locks.\nThen the migration log, which showed the exclusive lock."
	if len(conflicts) != 0 || d.RootCause.Analysis != want {
		t.Errorf("analysis %q, conflicts %+v", d.RootCause.Analysis, conflicts)
	}
}

func TestMergeLinesGivesUpOnHugeTextsAsAConflict(t *testing.T) {
	var a, o, th strings.Builder
	for i := range 3000 {
		a.WriteString("base line\n")
		o.WriteString("ours line " + itoa(i) + "\n")
		th.WriteString("theirs line " + itoa(i) + "\n")
	}
	if _, ok := mergeLines(a.String(), o.String(), th.String()); ok {
		t.Error("a rewrite of every line on both sides cannot merge")
	}
}
