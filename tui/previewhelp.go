package tui

import bkey "charm.land/bubbles/v2/key"

// previewToTop scrolls the preview back to its start, when the pane can.
func (m *Model) previewToTop() {
	if m.preview != nil {
		m.preview.Top()
	}
}

// previewHelp is the short help while the preview is open on request:
// how to scroll it and how to close it (esc, or ctrl+p again).
func (k keyMap) previewHelp() []bkey.Binding {
	short := func(b bkey.Binding, keys, desc string) bkey.Binding {
		b.SetHelp(keys, desc)
		return b
	}
	return []bkey.Binding{
		short(k.PreviewDown, "shift+↓/↑", "scroll"),
		short(k.Close, "esc", "close preview"),
		short(k.NextStep, "pgdn/pgup", "step"),
		k.Help,
		short(k.Quit, "ctrl+c", "quit"),
	}
}
