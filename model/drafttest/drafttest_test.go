package drafttest

import (
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// Filled reaches every field Fields lists, and each value it placed is
// found again at its path, under its pattern.
func TestFilledPlacesAValueInEveryField(t *testing.T) {
	d, placed := Filled()
	want := map[string]bool{}
	for _, f := range Fields() {
		want[f.Pattern] = true
	}
	got := map[string]bool{}
	seen := map[any]string{}
	for _, p := range placed {
		got[p.Pattern] = true
		if pat, ok := Pattern(p.Path); !ok || pat != p.Pattern {
			t.Errorf("Pattern(%q) = %q, %v; want %q", p.Path, pat, ok, p.Pattern)
		}
		v, ok := Lookup(d, p.Path)
		if !ok || !Same(v, p.Value) {
			t.Errorf("Lookup(%q) = %v, %v; want %v", p.Path, v, ok, p.Value)
		}
		if s, ok := p.Value.(string); ok && len(s) > 7 && s[:7] == "Marker " {
			if other, dup := seen[s]; dup {
				t.Errorf("%s and %s hold the same marker %q", other, p.Path, s)
			}
			seen[s] = p.Path
		}
	}
	for pat := range want {
		if !got[pat] {
			t.Errorf("Filled left %s empty", pat)
		}
	}
	if len(got) != len(want) {
		t.Errorf("Filled placed %d patterns, Fields lists %d", len(got), len(want))
	}
}

func TestPatternFollowsTheDraftType(t *testing.T) {
	cases := []struct {
		path, want string
		ok         bool
	}{
		{model.PathHumanElements, "human_elements", true},
		{model.EntryFieldPath(model.PathEvents, 12, model.KeyText), "timeline.events[].text", true},
		{model.EntryPath(model.PathLessons, 3), "lessons[]", true},
		{model.MapEntryPath(model.MapEntryPath(model.PathAssessments, model.ItemImpact), model.KeyNote), "assessments.*.note", true},
		{model.MapEntryPath(model.PathPending, model.PathEnd), "pending.*", true},
		{model.PathTimeline, "timeline", true},
		{"timeline.evnets[0].text", "", false},
		{"summary.more", "", false},
		{"lessons.x", "", false},
		{"timeline.start.x", "", false},
	}
	for _, c := range cases {
		got, ok := Pattern(c.path)
		if got != c.want || ok != c.ok {
			t.Errorf("Pattern(%q) = %q, %v; want %q, %v", c.path, got, ok, c.want, c.ok)
		}
	}
}

// Any path, however broken, gives an answer and no panic, and Pattern
// never makes up a pattern: what it accepts is a field of the draft or
// the struct, list or map around one.
func FuzzPattern(f *testing.F) {
	for _, p := range []string{"summary", "timeline.events[1].at", "assessments.impact.note", "pending.timeline.start", "lessons[99]", "five_whys[-1].why", "[0]", ".", "timeline..start", "conflicts[0]path"} {
		f.Add(p)
	}
	d, _ := Filled()
	var known []string
	for _, fl := range Fields() {
		known = append(known, fl.Pattern)
	}
	f.Fuzz(func(t *testing.T, path string) {
		Lookup(d, path)
		pat, ok := Pattern(path)
		if !ok {
			return
		}
		for _, k := range known {
			if k == pat || strings.HasPrefix(k, pat+".") || strings.HasPrefix(k, pat+"[") {
				return
			}
		}
		t.Errorf("Pattern(%q) = %q, which is no field of the draft", path, pat)
	})
}
