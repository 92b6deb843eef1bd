package tui

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/model/drafttest"
)

// bigDraft is a 200 KB post-mortem: long free text and hundreds of
// entries, the worst a real one gets.
func bigDraft() *model.Draft {
	d := filledDraft()
	long := drafttest.BigText
	d.Summary = long(15_000)
	d.RootCause.Analysis = long(40_000)
	d.HumanElements = long(25_000)
	d.OthersCanLearn = long(15_000)
	d.Impact.What = long(10_000)
	at := time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)
	for i := range 400 {
		t := at.Add(time.Duration(i) * time.Minute)
		d.Timeline.Events = append(d.Timeline.Events, model.Event{At: &t, Text: fmt.Sprintf("Step %d of the rollback: drained node %d and watched the error rate", i, i)})
	}
	for i := range 150 {
		d.Lessons = append(d.Lessons, fmt.Sprintf("Lesson %d: a config value needs the same review as the code that reads it", i))
		d.ActionItems = append(d.ActionItems, model.ActionItem{What: fmt.Sprintf("Action %d: validate every timeout in the pipeline", i), Owner: "payments", Due: "2026-12-15", Type: model.ActionPrevent})
	}
	return d
}

func TestBigDraftIs200KB(t *testing.T) {
	b, err := model.Encode(bigDraft())
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 200_000 {
		t.Fatalf("bigDraft encodes to %d bytes, want ≥ 200 KB", len(b))
	}
}

// benchKeystroke measures one typed character (Update, with rescoring,
// tone check and the autosave hand-over) plus the frame it draws (View).
func benchKeystroke(b *testing.B, step string, path string, preview ...bool) {
	d := bigDraft()
	dark := true
	m := New(d, Options{Saver: nopSaver{}, Dark: &dark, Now: func() time.Time { return testNow }})
	nm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = nm.(Model)
	for m.StepID() != step {
		nm, _ = m.Update(keyMsg("pgdown"))
		m = nm.(Model)
	}
	for range len(m.fields) {
		if m.FocusedPath() == path {
			break
		}
		nm, _ = m.Update(keyMsg("tab"))
		m = nm.(Model)
	}
	if m.FocusedPath() != path {
		b.Fatalf("no field %s", path)
	}
	if len(preview) > 0 && preview[0] {
		nm, _ = m.Update(keyMsg("ctrl+p"))
		m = nm.(Model)
	}
	keys := []tea.KeyPressMsg{{Code: 'a', Text: "a"}, {Code: tea.KeyBackspace}}
	b.ResetTimer()
	for i := range b.N {
		nm, _ = m.Update(keys[i%2])
		m = nm.(Model)
		_ = m.View()
	}
}

type nopSaver struct{}

func (nopSaver) Changed(*model.Draft)       {}
func (nopSaver) Results() <-chan SaveResult { return nil }
func (nopSaver) Flush() error               { return nil }

func BenchmarkKeystroke200KB_Summary(b *testing.B) { benchKeystroke(b, "summary", "summary") }
func BenchmarkKeystroke200KB_Analysis(b *testing.B) {
	benchKeystroke(b, "root-cause", "root_cause.analysis")
}
func BenchmarkKeystroke200KB_Event(b *testing.B) {
	benchKeystroke(b, "timeline", "timeline.events[0].text")
}
func BenchmarkKeystroke200KB_Title(b *testing.B) { benchKeystroke(b, "basics", "title") }

// With the preview open, each keystroke also exports the draft to compare
// with what is shown (the glamour render itself runs in a tea.Cmd).
func BenchmarkKeystroke200KB_SummaryWithPreview(b *testing.B) {
	benchKeystroke(b, "summary", "summary", true)
}
func BenchmarkScore200KB(b *testing.B) {
	d := bigDraft()
	for b.Loop() {
		model.Score(d)
	}
}
