package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
)

// previewPane adapts the export engineer's Preview (a value with
// copy-on-write methods) to the wizard's PreviewPane. The wizard owns one
// and only touches it from Update, so a pointer is safe.
type previewPane struct{ p Preview }

// newPreviewPane is the glamour preview of the draft's export.
func newPreviewPane(dark bool) *previewPane { return &previewPane{p: NewPreview(dark)} }

func (a *previewPane) SetSize(w, h int) tea.Cmd {
	var cmd tea.Cmd
	a.p, cmd = a.p.SetSize(w, h) // a new width exports again: tables may fit now, or no longer
	return cmd
}

// SetDraft shows d's export, its tables as lists when the pane is too
// narrow to read them; the export and the render run off the Update loop
// (Preview's render job).
func (a *previewPane) SetDraft(d *model.Draft) tea.Cmd {
	var cmd tea.Cmd
	a.p, cmd = a.p.SetDraft(d)
	return cmd
}

func (a *previewPane) SetDark(dark bool) tea.Cmd {
	var cmd tea.Cmd
	a.p, cmd = a.p.SetDark(dark)
	return cmd
}

func (a *previewPane) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	a.p, cmd = a.p.Update(msg)
	return cmd
}

func (a *previewPane) View() string { return a.p.View() }

// Warm exports a snapshot of d in the background once the first frame is
// up, and throws the result away: the export remembers every field it
// escaped, so the first ctrl+p on a big draft exports from memory (a
// 1 MB draft: ~10 ms instead of ~300 ms) and shows its first screen at
// once. Small drafts skip it.
func (a *previewPane) Warm(d *model.Draft) tea.Cmd {
	if d == nil || roughSize(d) < warmFrom {
		return nil
	}
	snap := d.Clone()
	return tea.Tick(warmDelay, func(time.Time) tea.Msg {
		_, _ = export.Markdown(snap, export.Options{NoStamp: true})
		return nil
	})
}

// warmFrom is the draft size from which an export costs more than a
// frame when nothing is remembered.
const warmFrom = 64 << 10

// warmDelay lets the first frame draw on a free core before warming.
const warmDelay = 300 * time.Millisecond

// roughSize is about how many bytes of text d holds.
func roughSize(d *model.Draft) int {
	n := len(d.Summary) + len(d.RootCause.Analysis) + len(d.HumanElements) + len(d.OthersCanLearn) + len(d.Impact.What)
	n += 80 * (len(d.Timeline.Events) + len(d.Lessons) + len(d.ActionItems))
	return n
}

// Top scrolls back to the start: a preview opened again starts at the
// top, not where it was left steps ago.
func (a *previewPane) Top() { a.p.vp.GotoTop() }

// HalfPageDown and HalfPageUp scroll by half the pane's height.
// Scrolling down may bring blocks a typing render left as they were into
// view: the next render (the settle tick's, at the latest) draws them all.
func (a *previewPane) HalfPageDown() {
	a.p.vp.HalfPageDown()
	a.p.full = a.p.full || a.p.deferred
}

// HalfPageUp shows only lines drawn right: a typing render draws every
// block down to the screen's foot.
func (a *previewPane) HalfPageUp() { a.p.vp.HalfPageUp() }
