package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/model/drafttest"
)

// hugeDraft is a 1 MB post-mortem: a timeline imported from a chat log
// (3,000 events), long pasted analyses and hundreds of list entries. It is
// what issue 12 measured; TestHugeDraftIs1MB keeps it that size.
func hugeDraft() *model.Draft { return drafttest.GrowToMegabyte(filledDraft()) }

func TestHugeDraftIs1MB(t *testing.T) {
	b, err := model.Encode(hugeDraft())
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 1_000_000 || len(b) > 1_400_000 {
		t.Fatalf("hugeDraft encodes to %d bytes, want about 1 MB", len(b))
	}
}

// sized is a wizard on d at 100×30 with a fixed dark style.
func sized(tb testing.TB, d *model.Draft) Model {
	tb.Helper()
	dark := true
	m := New(d, Options{Saver: nopSaver{}, Dark: &dark, Now: func() time.Time { return testNow }})
	nm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return nm.(Model)
}

// BenchmarkStepChange1MB is PgDn from Summary to Timeline (3,000 events)
// and PgUp back, each with the frame it draws: what a user waits for.
func BenchmarkStepChange1MB(b *testing.B) {
	m := sized(b, hugeDraft())
	nm, _ := m.Update(keyMsg("pgdown"))
	m = nm.(Model)
	keys := []tea.KeyPressMsg{keyMsg("pgdown"), keyMsg("pgup")}
	b.ResetTimer()
	for i := range b.N {
		nm, _ = m.Update(keys[i%2])
		m = nm.(Model)
		_ = m.View()
	}
}

// BenchmarkKeystroke1MB_Summary is a letter typed into the 60 KB summary
// of the 1 MB draft, and the frame it draws.
func BenchmarkKeystroke1MB_Summary(b *testing.B) {
	benchKeystrokeIn(b, hugeDraft(), "summary", "summary", false)
}

// BenchmarkKeystroke1MB_Event is a letter typed into an event of the
// 3,000-event timeline.
func BenchmarkKeystroke1MB_Event(b *testing.B) {
	benchKeystrokeIn(b, hugeDraft(), "timeline", "timeline.events[0].text", false)
}

// BenchmarkKeystroke1MB_SummaryWithPreview is the same with the preview
// open: the key and its frame; renders run in commands.
func BenchmarkKeystroke1MB_SummaryWithPreview(b *testing.B) {
	benchKeystrokeIn(b, hugeDraft(), "summary", "summary", true)
}

// BenchmarkKeystroke5MBField is a letter typed into a 5 MB summary
// (issue 11: a big field froze the wizard).
func BenchmarkKeystroke5MBField(b *testing.B) {
	d := filledDraft()
	para := "The payment service retried against the stale primary while the replica caught up.\n"
	d.Summary = strings.Repeat(para, 5_000_000/len(para))
	benchKeystrokeIn(b, d, "summary", "summary", false)
}

func benchKeystrokeIn(b *testing.B, d *model.Draft, step string, path string, preview bool) {
	m := sized(b, d)
	for m.StepID() != step {
		nm, _ := m.Update(keyMsg("pgdown"))
		m = nm.(Model)
	}
	for range len(m.fields) {
		if m.FocusedPath() == path {
			break
		}
		nm, _ := m.Update(keyMsg("tab"))
		m = nm.(Model)
	}
	if m.FocusedPath() != path {
		b.Fatalf("no field %s", path)
	}
	if preview {
		nm, _ := m.Update(keyMsg("ctrl+p"))
		m = nm.(Model)
	}
	keys := []tea.KeyPressMsg{{Code: 'a', Text: "a"}, {Code: tea.KeyBackspace}}
	b.ResetTimer()
	for i := range b.N {
		nm, _ := m.Update(keys[i%2])
		m = nm.(Model)
		_ = m.View()
	}
}

// BenchmarkPreviewFirstScreen1MB is ctrl+p on the 1 MB draft: the first
// job's result (export and the first screen), which is what shows.
func BenchmarkPreviewFirstScreen1MB(b *testing.B) {
	d := hugeDraft()
	for b.Loop() {
		p, _ := NewPreview(true).SetSize(60, 28)
		p, cmd := p.SetDraft(d)
		p, _ = p.Update(cmd())
		if !p.ready {
			b.Fatal("nothing on screen after the first job")
		}
	}
}

// BenchmarkPreviewWhole1MB is the whole first render of the 1 MB draft,
// first screen and rest, from nothing remembered.
func BenchmarkPreviewWhole1MB(b *testing.B) {
	d := hugeDraft()
	for b.Loop() {
		p, _ := NewPreview(true).SetSize(60, 28)
		p, cmd := p.SetDraft(d)
		_ = run(b, p, cmd)
	}
}

// BenchmarkPreviewEdit1MB is what one edit of the event log costs the
// preview once it has rendered: the export and the changed block.
func BenchmarkPreviewEdit1MB(b *testing.B) {
	d := hugeDraft()
	p, _ := NewPreview(true).SetSize(60, 28)
	p.settleAfter = 0 // the edit is off screen: count the pause's render, not the pause
	p, cmd := p.SetDraft(d)
	p = run(b, p, cmd)
	i := 0
	for b.Loop() {
		i++
		d.Timeline.Events[10].Text = fmt.Sprintf("Edited %d times", i)
		p, cmd = p.SetDraft(d)
		p = run(b, p, cmd)
	}
}

// BenchmarkGlamourWhole1MB is glamour's own render of the 1 MB draft's
// export in one piece: what every preview change cost before.
func BenchmarkGlamourWhole1MB(b *testing.B) {
	md, err := export.Markdown(hugeDraft(), export.Options{NoStamp: true})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := export.Render(string(md), 56, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClone1MB is the snapshot a preview job (and the autosave)
// takes on the Update loop.
func BenchmarkClone1MB(b *testing.B) {
	d := hugeDraft()
	for b.Loop() {
		_ = d.Clone()
	}
}

// BenchmarkResumeFirstFrame1MB is what `pmwiz resume` does between reading
// the 1 MB file and its first frame: decode, build the wizard, size it,
// draw.
func BenchmarkResumeFirstFrame1MB(b *testing.B) {
	data, err := model.Encode(hugeDraft())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		d, err := model.Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		_ = sized(b, d).View()
	}
}
