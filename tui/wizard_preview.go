package tui

// The preview and export from the wizard: ctrl+p shows the export beside
// the form (and Review does when there is room), refreshed a pause after
// typing; ctrl+w exports.

import (
	"time"

	bkey "charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// previewToTop scrolls the preview back to its start, when the pane can.
func (m *Model) previewToTop() {
	if m.preview != nil {
		m.preview.Top()
	}
}

// previewHelp is the short help while the preview is open on request:
// how to scroll it and how to close it (esc, or ctrl+p again).
func (k keyMap) previewHelp() []bkey.Binding {
	return []bkey.Binding{
		short(k.PreviewDown, "shift+↓/↑", "scroll"),
		short(k.Close, "esc", "close preview"),
		short(k.NextStep, "pgdn/pgup", "step"),
		k.Help,
		short(k.Quit, "ctrl+c", "quit"),
	}
}

// previewDelay is how far the preview may trail typing.
const previewDelay = 150 * time.Millisecond

// previewRefreshMsg asks for the preview to catch up with the draft.
type previewRefreshMsg struct{}

func (m *Model) togglePreview() tea.Cmd {
	if m.preview == nil {
		m.status.Say("preview is not available here; run `pmwiz preview " + m.name + "` after quitting")
		return nil
	}
	m.showPreview = !m.showPreview
	m.previewToTop()
	m.layoutFields()
	if !m.previewShown() {
		return nil
	}
	return tea.Batch(m.sizePreview(), m.preview.SetDraft(m.draft))
}

// previewShown: on request, and beside the report in the Review step
// when there is room for both.
func (m Model) previewShown() bool {
	return m.preview != nil && (m.showPreview || (steps[m.step].review && m.width >= wideMin))
}

func (m *Model) doExport() tea.Cmd {
	if m.export == nil {
		m.status.Say("export is not available here: quit and run `pmwiz export " + m.name + "`")
		return nil
	}
	d := m.draft.Clone()
	exp := m.export
	return guard(func() tea.Msg {
		path, err := exp(d)
		return exportDoneMsg{path: path, err: err}
	})
}

type exportDoneMsg struct {
	path string
	err  error
}

func (m *Model) sizePreview() tea.Cmd {
	if m.preview == nil {
		return nil
	}
	l := m.layout()
	w := l.preview
	if l.previewFull {
		w = l.form
	}
	if w <= 0 || l.body <= 0 {
		return nil
	}
	return m.preview.SetSize(w, l.body)
}
