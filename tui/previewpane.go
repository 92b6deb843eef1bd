package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
)

// previewPane adapts the export engineer's Preview (a value with
// copy-on-write methods) to the wizard's PreviewPane. The wizard owns one
// and only touches it from Update, so a pointer is safe.
type previewPane struct {
	p Preview
	d *model.Draft // the last draft shown, exported again on a new width
}

// newPreviewPane is the glamour preview of the draft's export.
func newPreviewPane(dark bool) *previewPane { return &previewPane{p: NewPreview(dark)} }

func (a *previewPane) SetSize(w, h int) tea.Cmd {
	var cmd tea.Cmd
	width := a.p.width
	a.p, cmd = a.p.SetSize(w, h)
	if a.d != nil && a.p.width != width {
		return tea.Batch(cmd, a.SetDraft(a.d)) // tables may fit now, or no longer
	}
	return cmd
}

// SetDraft shows d's export, its tables as lists when the pane is too
// narrow to read them (export.ListWideTables).
func (a *previewPane) SetDraft(d *model.Draft) tea.Cmd {
	var cmd tea.Cmd
	a.d = d
	md, err := export.Markdown(d, export.Options{NoStamp: true})
	if err != nil || a.p.width == 0 {
		a.p, cmd = a.p.SetDraft(d)
		return cmd
	}
	a.p, cmd = a.p.SetMarkdown(export.ListWideTables(string(md), previewRenderWidth(a.p.width)))
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
