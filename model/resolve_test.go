package model

import (
	"strings"
	"testing"
)

// conflicted is a merged draft with conflicts of every shape: a text, an
// event's text, a time, an entry one side removed, a flag.
func conflicted(t *testing.T) *Draft {
	t.Helper()
	b := mergeBase()
	o, th := b.Clone(), b.Clone()
	o.Summary, th.Summary = "Ours summary.", "Theirs summary."
	o.Timeline.Events[1].Text, th.Timeline.Events[1].Text = "Ours alert.", "Theirs alert."
	o.Timeline.Events[2].At, th.Timeline.Events[2].At = at("2026-11-23T14:41:00+01:00"), at("2026-11-23T14:42:00+01:00")
	o.ActionItems = nil
	th.ActionItems[0].Owner = "bo"
	d, conflicts := mustMerge(t, b, o, th)
	if len(conflicts) != 4 {
		t.Fatalf("%d conflicts: %+v", len(conflicts), conflicts)
	}
	return d
}

func conflictAt(d *Draft, path string) int {
	for i, c := range d.Conflicts {
		if c.Path == path {
			return i
		}
	}
	return -1
}

func TestResolveConflictPutsTheChosenVersionInItsField(t *testing.T) {
	tests := []struct {
		path  string
		value func(c Conflict) string
		check func(d *Draft) bool
	}{
		{"summary", func(c Conflict) string { return c.Theirs }, func(d *Draft) bool { return d.Summary == "Theirs summary." }},
		{"summary", func(c Conflict) string { return c.Ours + " " + c.Theirs }, func(d *Draft) bool { return d.Summary == "Ours summary. Theirs summary." }},
		{"summary", func(Conflict) string { return "" }, func(d *Draft) bool { return d.Summary == "" }},
		{"timeline.events[1].text", func(c Conflict) string { return c.Theirs }, func(d *Draft) bool { return d.Timeline.Events[1].Text == "Theirs alert." }},
		{"timeline.events[2].at", func(c Conflict) string { return c.Theirs }, func(d *Draft) bool { return d.Timeline.Events[2].At.Minute() == 42 }},
		{"action_items[0]", func(c Conflict) string { return c.Theirs }, func(d *Draft) bool { return len(d.ActionItems) == 1 && d.ActionItems[0].Owner == "bo" }},
		{"action_items[0]", func(c Conflict) string { return c.Ours }, func(d *Draft) bool { return len(d.ActionItems) == 0 }},
	}
	for _, tt := range tests {
		d := conflicted(t)
		i := conflictAt(d, tt.path)
		if i < 0 {
			t.Fatalf("no conflict at %s: %+v", tt.path, d.Conflicts)
		}
		id := ""
		if len(d.ActionItems) > 0 {
			id = d.ActionItems[0].ID
		}
		got, err := ResolveConflict(d, i, tt.value(d.Conflicts[i]))
		if err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		if !tt.check(got) {
			t.Errorf("%s: not settled as chosen: %+v", tt.path, got)
		}
		if len(got.Conflicts) != 3 || conflictAt(got, tt.path) >= 0 {
			t.Errorf("%s: conflicts left %+v", tt.path, got.Conflicts)
		}
		if len(got.ActionItems) == 1 && got.ActionItems[0].ID != id {
			t.Errorf("the entry chosen whole lost its id: %q, had %q", got.ActionItems[0].ID, id)
		}
		if len(d.Conflicts) != 4 {
			t.Error("ResolveConflict changed the draft it was given")
		}
	}
}

func TestResolveConflictRefusesAValueThatDoesNotFit(t *testing.T) {
	d := conflicted(t)
	_, err := ResolveConflict(d, conflictAt(d, "timeline.events[2].at"), "half past two")
	if err == nil || !strings.Contains(err.Error(), "timeline.events[2].at") {
		t.Errorf("err = %v", err)
	}
	if _, err := ResolveConflict(d, 9, "x"); err == nil {
		t.Error("no error for a conflict that does not exist")
	}
}

func TestResolveConflictRenumbersConflictsBelowARemovedEntry(t *testing.T) {
	b := mergeBase()
	b.ActionItems = append(b.ActionItems, ActionItem{What: "Second"})
	AssignIDs(b)
	o, th := b.Clone(), b.Clone()
	o.ActionItems = o.ActionItems[1:]
	th.ActionItems[0].Owner = "bo"
	o.ActionItems[0].Owner, th.ActionItems[1].Owner = "ours", "theirs"
	d, _ := mustMerge(t, b, o, th)
	i := conflictAt(d, "action_items[0]")
	if i < 0 || conflictAt(d, "action_items[1].owner") < 0 {
		t.Fatalf("conflicts %+v", d.Conflicts)
	}
	got, err := ResolveConflict(d, i, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.ActionItems) != 1 || conflictAt(got, "action_items[0].owner") < 0 {
		t.Errorf("items %+v, conflicts %+v", got.ActionItems, got.Conflicts)
	}
}

func TestSplitPath(t *testing.T) {
	for in, want := range map[string]string{
		"summary":                 "summary",
		"timeline.events[3].text": "timeline events [3] text",
		"a[1][2]":                 "a [1] [2]",
	} {
		steps, err := splitPath(in)
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, s := range steps {
			if s.index >= 0 {
				parts = append(parts, "["+itoa(s.index)+"]")
			} else {
				parts = append(parts, s.key)
			}
		}
		if got := strings.Join(parts, " "); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
	for _, bad := range []string{"", "a[x]", "a[-1]", "a[1"} {
		if _, err := splitPath(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// FuzzResolveConflict settles a conflict whose path and value come from a
// file, so they may be anything: never a panic, and either an error or a
// draft that reads back with that conflict gone.
func FuzzResolveConflict(f *testing.F) {
	f.Add("summary", "text")
	f.Add("timeline.events[1].text", "")
	f.Add("action_items[0]", `{"what":"x"}`)
	f.Add("pending.timeline.end", "soon")
	f.Add("a[99999999999999999999].b", "x")
	f.Add("summary[0]", "x")
	f.Add("conflicts", "")
	f.Add("conflicts[1]", "")
	f.Add("assessments.impact", `{"status":"yes"}`)
	f.Add("timeline.events[0].at", "2026-11-23T14:05:00Z")
	f.Fuzz(func(t *testing.T, path, value string) {
		d := mergeBase()
		d.Conflicts = []Conflict{{Path: path, Ours: value}, {Path: "summary", Ours: "x", Theirs: "y"}}
		got, err := ResolveConflict(d, 0, value)
		if err != nil {
			return
		}
		if len(got.Conflicts) != 1 || got.Conflicts[0].Path != "summary" {
			t.Fatalf("conflicts after settling %q: %+v", path, got.Conflicts)
		}
		data, err := Encode(got)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(data); err != nil {
			t.Fatalf("settling %q with %q gave a draft that does not read: %v", path, value, err)
		}
	})
}
