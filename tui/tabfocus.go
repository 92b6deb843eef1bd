package tui

import tea "charm.land/bubbletea/v2"

// tabFocus moves focus by delta like moveFocus, but tab does not stop at
// the edge of a step: past the last field it opens the next step on its
// first field, and shift+tab before the first opens the previous step on
// its last field, so "tab next" in the footer is always true.
func (m *Model) tabFocus(delta int) tea.Cmd {
	next := m.focus + delta
	if len(m.fields) > 0 && next >= 0 && next < len(m.fields) {
		return m.moveFocus(delta)
	}
	target := m.step + delta
	if target < 0 || target >= len(steps) {
		return nil
	}
	cmd := m.goStep(target)
	if delta < 0 && len(m.fields) > 0 {
		cmd = tea.Batch(cmd, m.focusField(len(m.fields)-1))
	}
	return cmd
}

// focusField moves focus to field i of the step on screen.
func (m *Model) focusField(i int) tea.Cmd {
	if i < 0 || i >= len(m.fields) || i == m.focus {
		return nil
	}
	return m.moveFocus(i - m.focus)
}
