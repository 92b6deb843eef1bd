package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// The form: the focused step's fields, which one has focus, and the text
// that could not be stored yet (pending.go). The wizard builds it from the
// draft on every step change and structural edit.

// form is the state of the step's fields; the wizard embeds it.
type form struct {
	fields []*field
	focus  int
	// pending keeps text that did not parse (a bad time), by field path,
	// so it stays on screen while the draft keeps its last good value.
	pending map[string]string
	errs    map[string]error
}

func (m *form) focused() *field {
	if m.focus >= 0 && m.focus < len(m.fields) {
		return m.fields[m.focus]
	}
	return nil
}

// buildFields makes the fields of the current step from the draft and
// focuses the one at path (or the first).
func (m *Model) buildFields(path string) tea.Cmd {
	if f := m.focused(); f != nil {
		f.Blur()
	}
	bs := steps[m.step].fields(m.draft)
	m.fields = make([]*field, len(bs))
	m.focus = 0
	styles := m.styles // one copy shared by the step's fields
	for i, b := range bs {
		text := b.get(m.draft)
		counted := strings.TrimSpace(text) != ""
		switch b.kind {
		case kindText:
			text = model.SafeText(text)
		case kindLine, kindTime:
			text = model.SafeLine(text)
		}
		if p, ok := m.pending[b.path]; ok {
			text = p
		}
		f := newField(b, text, styles)
		f.err, f.counted = m.errs[b.path], counted
		m.fields[i] = f
		if b.path == path {
			m.focus = i
		}
	}
	m.layoutFields()
	// Only an edit of this step's entries changes a mark: the others are
	// as New (or the last visit) left them.
	m.refreshMark()
	if f := m.focused(); f != nil {
		// Read-only too: the focused field's cursor is how a reader
		// scrolls through a long answer.
		return f.Focus()
	}
	return nil
}

func (m *Model) moveFocus(delta int) tea.Cmd {
	if len(m.fields) == 0 {
		return nil
	}
	next := m.focus + delta
	if next < 0 || next >= len(m.fields) {
		return nil
	}
	m.fields[m.focus].Blur()
	prev := m.focus
	m.focus = next
	m.sizeText(prev)
	m.sizeText(next)
	if m.readOnly {
		return m.fields[m.focus].Focus()
	}
	return m.fields[m.focus].Focus()
}

func (m *Model) updateField(msg tea.Msg) tea.Cmd {
	f := m.focused()
	if f == nil || m.readOnly {
		return nil
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		// A paste is neutralised on the way in, as text loaded from a file
		// is when its field is built: the focused input shows what it
		// holds as it is, and a bidi override or a carriage return in it
		// would make the field read differently from what it holds.
		if f.kind == kindText {
			p.Content = model.SafeText(p.Content)
		} else {
			p.Content = model.SafeLine(p.Content)
		}
		msg = p
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && k.Text != "" {
		// Without bracketed paste, a terminal sends a paste as keys.
		if safe := model.SafeLine(k.Text); safe != k.Text {
			if k.Text = strings.TrimSpace(safe); k.Text == "" {
				return nil
			}
			msg = k
		}
	}
	if p, ok := msg.(tea.PasteMsg); ok && f.kind == kindText &&
		f.area.LineCount()+strings.Count(p.Content, "\n") >= maxPasteLines {
		f.pasteLarge(p.Content)
		cmd := m.changed(f)
		m.layoutFields()
		return cmd
	}
	cmd, changed := f.Update(msg)
	if changed {
		cmd = tea.Batch(cmd, m.changed(f))
		m.sizeText(m.focus)
	}
	return cmd
}

// layoutFields sizes inputs to the form column.
func (m *Model) layoutFields() {
	w := max(m.layout().form-2, 1)
	for i, f := range m.fields {
		f.SetWidth(w)
		m.sizeText(i)
	}
}

// sizeText gives the focused text field the room its step has left
// (textRoom) and the others a three-line glimpse.
func (m *Model) sizeText(i int) {
	if i < 0 || i >= len(m.fields) || m.fields[i].kind != kindText {
		return
	}
	f := m.fields[i]
	h := 3
	if i == m.focus {
		body := m.layout().body
		// Up to half the body, at least four rows, but never more than
		// the body holds beside the label: the cursor must stay on screen.
		h = min(m.textRoom(i, body), max(body-1, 1))
	}
	if old := f.area.Height(); old != h {
		f.area.SetHeight(h)
		if h > old {
			// The textarea keeps its scroll offset when it grows: after a
			// paste that left the cursor on the bottom row of a small
			// field, it would show that row at the top and empty rows
			// under it. Scroll again so the rows above the cursor show.
			f.scrollToCursor()
		}
	}
}
