package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// fakeActions records what a step asked of the wizard.
type fakeActions struct {
	said    []string
	touched int
	built   []string
	reread  []string
	pasted  int
	toTop   int
}

func (f *fakeActions) say(msg string)                      { f.said = append(f.said, msg) }
func (f *fakeActions) touch() tea.Cmd                      { f.touched++; return nil }
func (f *fakeActions) buildFields(path string) tea.Cmd     { f.built = append(f.built, path); return nil }
func (f *fakeActions) rereadClocks(start *field)           { f.reread = append(f.reread, start.path) }
func (f *fakeActions) offerPastedEvents(tea.PasteMsg) bool { f.pasted++; return true }
func (f *fakeActions) previewToTop()                       { f.toTop++ }

// stepCtxFor is a step's context over d with no wizard behind it.
func stepCtxFor(d *model.Draft, readOnly bool) (stepCtx, *fakeActions) {
	r := model.Score(d)
	st := NewStyles(true, true)
	keys := defaultKeyMap()
	act := &fakeActions{}
	now := func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }
	return stepCtx{draft: d, report: &r, styles: &st, keys: &keys, readOnly: readOnly, now: now, do: act}, act
}

func stepByID(t *testing.T, id string) step {
	t.Helper()
	i := stepIndex(id)
	if i < 0 {
		t.Fatalf("no step %q", id)
	}
	return steps[i]
}

// A step's own behaviour runs on a draft and a context, without a wizard:
// ctrl+y on Technologies adds the systems the text names, says so, and
// asks for a save and new fields; read-only, the key is not taken.
func TestTechnologiesStepAddsNamedSystemsWithoutAWizard(t *testing.T) {
	tech := stepByID(t, "technologies")
	d := &model.Draft{Summary: "We failed over to the PostgreSQL replica and Kafka fell behind."}
	c, act := stepCtxFor(d, false)
	if head := strings.Join(tech.header(c, 80), "\n"); !strings.Contains(head, "ctrl+y adds") || !strings.Contains(head, "PostgreSQL") {
		t.Fatalf("header = %q, want the ctrl+y offer naming PostgreSQL", head)
	}
	if _, taken := tech.intercept(c, keyMsg("ctrl+y")); !taken {
		t.Fatal("ctrl+y was not taken by the Technologies step")
	}
	if !slices.Contains(d.Technologies, "PostgreSQL") {
		t.Errorf("technologies = %q, want PostgreSQL added", d.Technologies)
	}
	if act.touched != 1 || !slices.Equal(act.built, []string{""}) || len(act.said) != 1 || !strings.HasPrefix(act.said[0], "added ") {
		t.Errorf("asked of the wizard: touched %d, built %q, said %q", act.touched, act.built, act.said)
	}

	ro := &model.Draft{Summary: d.Summary}
	c, act = stepCtxFor(ro, true)
	if _, taken := tech.intercept(c, keyMsg("ctrl+y")); taken || len(ro.Technologies) != 0 || act.touched != 0 {
		t.Errorf("read-only: ctrl+y taken=%v, technologies %q, touched %d", taken, ro.Technologies, act.touched)
	}
	if head := tech.header(c, 80); head != nil {
		t.Errorf("read-only header = %q, want no offer", head)
	}
}

// The Timeline re-reads bare clock times when its start changes and
// rebuilds its fields, focus kept, when its zone does.
func TestTimelineStepFollowsUpStartAndZoneWithoutAWizard(t *testing.T) {
	tl := stepByID(t, "timeline")
	c, act := stepCtxFor(&model.Draft{}, false)
	tl.afterSet(c, &field{binding: binding{path: model.PathStart}})
	tl.afterSet(c, &field{binding: binding{path: model.PathTimeZone}})
	tl.afterSet(c, &field{binding: binding{path: model.PathEnd}})
	if !slices.Equal(act.reread, []string{model.PathStart}) || !slices.Equal(act.built, []string{model.PathTimeZone}) {
		t.Errorf("re-read after %q, rebuilt focusing %q; want after the start, and the zone", act.reread, act.built)
	}
	if _, taken := tl.intercept(c, tea.PasteMsg{Content: "14:05 paged"}); !taken || act.pasted != 1 {
		t.Errorf("a paste on the Timeline: taken=%v, offered %d times", taken, act.pasted)
	}
}
