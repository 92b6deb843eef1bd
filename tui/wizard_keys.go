package tui

import (
	bkey "charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// handleKey routes a key press through the keymap, in order of priority:
// the keys that work whatever is on screen, the help overlay, the
// wizard's commands, the step's own keys, the list commands, then the
// focused field. Each stage says whether it took the key.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	m.status.Say("")
	if !bkey.Matches(msg, m.keys.Quit) {
		// Anything else the user does first re-arms the warning about
		// text that cannot be saved: it may have changed.
		m.quitUnsaved = false
	}
	for _, stage := range []func(tea.KeyPressMsg) (tea.Cmd, bool){
		m.quitKey, m.helpKey, m.commandKey, m.stepKey, m.listKey,
	} {
		if cmd, ok := stage(msg); ok {
			return cmd
		}
	}
	return m.fieldKey(msg)
}

// quitKey: ctrl+c, and ctrl+s after a quit was refused because the save
// failed.
func (m *Model) quitKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case bkey.Matches(msg, m.keys.Quit):
		return m.quit(), true
	case m.quitArmed && bkey.Matches(msg, m.keys.Save):
		m.quitArmed = false
		return m.saveNow(), true
	}
	return nil, false
}

// helpKey gives the help screen its keys (helpscreen.go); opening or
// closing it changes the room the form has.
func (m *Model) helpKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	f := m.focused()
	typing := f != nil && f.typing() && !m.readOnly
	was := m.helpScreen.Open()
	m.helpScreen.keys = m.keys
	var taken bool
	var note string
	m.helpScreen, taken, note = m.helpScreen.Update(msg, typing)
	m.status.Say(note)
	if m.helpScreen.Open() != was {
		m.layoutFields()
	}
	return nil, taken
}

// commandKey takes the wizard's commands that work on every step, even
// read-only: moving, saving, the preview, export.
func (m *Model) commandKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.keys
	switch {
	case m.showPreview && bkey.Matches(msg, k.Close):
		m.showPreview = false
		return nil, true
	case bkey.Matches(msg, k.NextStep):
		return m.goStep(m.step + 1), true
	case bkey.Matches(msg, k.PrevStep):
		return m.goStep(m.step - 1), true
	case bkey.Matches(msg, k.NextField):
		return m.tabFocus(1), true
	case bkey.Matches(msg, k.PrevField):
		return m.tabFocus(-1), true
	case bkey.Matches(msg, k.Save):
		return m.saveNow(), true
	case bkey.Matches(msg, k.Preview):
		return m.togglePreview(), true
	case m.previewShown() && bkey.Matches(msg, k.PreviewDown):
		m.preview.HalfPageDown()
		return nil, true
	case m.previewShown() && bkey.Matches(msg, k.PreviewUp):
		m.preview.HalfPageUp()
		return nil, true
	case bkey.Matches(msg, k.Export):
		return m.doExport(), true
	case m.readOnly && bkey.Matches(msg, k.AddEntry, k.DelEntry, k.Undo, k.MoveUp, k.MoveDown, k.Editor, k.Quote, k.AddNamed):
		m.status.Say("read-only: " + m.banner)
		return nil, true
	}
	return nil, false
}

// stepKey gives the step on screen its own keys (steps.go).
func (m *Model) stepKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if take := steps[m.step].intercept; take != nil {
		return take(m.stepCtx(), msg)
	}
	return nil, false
}

// listKey takes the commands that edit the draft's lists and text.
func (m *Model) listKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.keys
	switch {
	case bkey.Matches(msg, k.AddEntry):
		return m.addEntry(), true
	case bkey.Matches(msg, k.DelEntry):
		return m.deleteEntry(), true
	case bkey.Matches(msg, k.Undo):
		return m.undoDelete(), true
	case bkey.Matches(msg, k.MoveUp):
		return m.moveEntry(-1), true
	case bkey.Matches(msg, k.MoveDown):
		return m.moveEntry(1), true
	case bkey.Matches(msg, k.Editor):
		return m.openEditor(), true
	case bkey.Matches(msg, k.Quote):
		return m.quoteCode(), true
	case bkey.Matches(msg, k.AddNamed):
		return nil, true // off the step that offers names, it does nothing
	}
	return nil, false
}

// fieldKey gives the key to the focused field: enter and the arrows move
// between fields that hold one line, the arrows and toggle change a
// choice, and everything else is typed.
func (m *Model) fieldKey(msg tea.KeyPressMsg) tea.Cmd {
	f := m.focused()
	if f == nil {
		return nil
	}
	if f.kind == kindAdd && msg.Text != "" && msg.Mod&^tea.ModShift == 0 && !m.readOnly {
		// Typing on "+ add …" starts the entry with what was typed,
		// rather than dropping the keys on a row that holds no text.
		cmd := m.insertEntry(f.list, f.index)
		if g := m.focused(); g != nil && g.typing() && g.list == f.list {
			return tea.Batch(cmd, m.updateField(msg))
		}
		return cmd
	}
	if cmd, ok := m.moveKey(f, msg); ok {
		return cmd
	}
	if m.readOnly {
		return m.readOnlyKey(f, msg)
	}
	return m.updateField(msg)
}

// moveKey: enter, the arrows and toggle on the focused field.
func (m *Model) moveKey(f *field, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.keys
	choice := f.kind == kindChoice || f.kind == kindToggle
	switch {
	case bkey.Matches(msg, k.Enter) && f.kind == kindAdd:
		if m.readOnly {
			return nil, true
		}
		return m.insertEntry(f.list, f.index), true
	case bkey.Matches(msg, k.Enter) && (choice || f.kind == kindLine || f.kind == kindTime):
		return m.moveFocus(1), true
	case bkey.Matches(msg, k.ScrollUp, k.ScrollDown):
		delta := 1
		if bkey.Matches(msg, k.ScrollUp) {
			delta = -1
		}
		if steps[m.step].review && f.kind == kindChoice {
			m.review.Scroll(delta)
			return nil, true
		}
		if f.kind != kindText {
			return m.moveFocus(delta), true
		}
	case choice && !m.readOnly && bkey.Matches(msg, k.Left, k.Right, k.Toggle):
		delta := 1
		if bkey.Matches(msg, k.Left) {
			delta = -1
		}
		if f.cycle(delta) {
			return m.changed(f), true
		}
		return nil, true
	}
	return nil, false
}

// readOnlyKey: moving the cursor reads on through a long answer; the
// text cannot change, and typing says so.
func (m *Model) readOnlyKey(f *field, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if bkey.Matches(msg, k.ScrollUp, k.ScrollDown, k.Left, k.Right, k.Home, k.End) {
		if f.typing() {
			before := f.Value()
			cmd, _ := f.Update(msg)
			if f.Value() != before {
				f.SetValue(before)
			}
			return cmd
		}
		return nil
	}
	if msg.Text != "" {
		m.status.Say("read-only, nothing typed is kept: " + m.banner)
	}
	return nil
}
