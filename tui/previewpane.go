package tui

import (
	tea "charm.land/bubbletea/v2"

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
	a.p, cmd = a.p.SetSize(w, h)
	return cmd
}

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

// Top scrolls back to the start: a preview opened again starts at the
// top, not where it was left steps ago.
func (a *previewPane) Top() { a.p.vp.GotoTop() }
