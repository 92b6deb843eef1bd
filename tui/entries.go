package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// List entries in the wizard: add, delete (ctrl+z puts one back) and move
// the entries of the draft's lists (lists.go); text pmwiz could not store
// moves with its entry (pending.go).

// deletedEntry is the last entry deleted, so ctrl+z can put it back:
// nothing a user typed is lost to one wrong key.
type deletedEntry struct {
	list  *listSpec
	index int
	item  any
	held  heldText // its text pmwiz could not store, put back with it
}

// entryOf is the list and entry index the focused field belongs to.
func (m *Model) entryOf() (*listSpec, int, bool) {
	f := m.focused()
	if f == nil || f.list == nil {
		return nil, 0, false
	}
	return f.list, f.index, true
}

func (m *Model) addEntry() tea.Cmd {
	l, i, ok := m.entryOf()
	if !ok {
		m.status.Say("nothing to add here: lists have a “" + GlyphAdd + " add” row")
		return nil
	}
	f := m.focused()
	at := i + 1
	if f.kind == kindAdd {
		at = i
	}
	return m.insertEntry(l, at)
}

func (m *Model) insertEntry(l *listSpec, at int) tea.Cmd {
	if l.max > 0 && l.length(m.draft) >= l.max {
		m.status.Say(fmt.Sprintf("at most %d %ss", l.max, l.noun))
		return nil
	}
	l.insert(m.draft, at, nil)
	m.reindexPending(l, insertedAt(at))
	return tea.Batch(m.touch(), m.buildFields(m.firstPathOf(l, at)))
}

// firstPathOf is the path of the first field of entry i of l on this step.
func (m *Model) firstPathOf(l *listSpec, i int) string {
	for _, b := range steps[m.step].fields(m.draft) {
		if b.list == l && b.index == i && b.kind != kindAdd {
			return b.path
		}
	}
	return l.path + "+"
}

func (m *Model) deleteEntry() tea.Cmd {
	l, i, ok := m.entryOf()
	if !ok || m.focused().kind == kindAdd {
		return nil
	}
	item := l.remove(m.draft, i)
	m.undo = &deletedEntry{list: l, index: i, item: item, held: m.reindexPending(l, deletedAt(i))}
	cmd := m.touch()
	m.status.Say(fmt.Sprintf("deleted %s %d: ctrl+z puts it back", l.noun, i+1))
	n := l.length(m.draft)
	return tea.Batch(cmd, m.buildFields(m.firstPathOf(l, min(i, n))))
}

func (m *Model) undoDelete() tea.Cmd {
	u := m.undo
	if u == nil {
		return nil
	}
	m.undo = nil
	u.list.insert(m.draft, u.index, u.item)
	m.reindexPending(u.list, insertedAt(u.index))
	m.restoreHeld(u.list, u.index, u.held)
	cmd := m.touch()
	m.step = stepOfList(u.list, m.draft)
	m.status.Say(fmt.Sprintf("restored %s %d", u.list.noun, u.index+1))
	return tea.Batch(cmd, m.buildFields(m.firstPathOf(u.list, u.index)))
}

func (m *Model) moveEntry(delta int) tea.Cmd {
	l, i, ok := m.entryOf()
	if !ok || m.focused().kind == kindAdd {
		return nil
	}
	j := i + delta
	if j < 0 || j >= l.length(m.draft) {
		return nil
	}
	offset := 0
	path := m.FocusedPath()
	for _, b := range steps[m.step].fields(m.draft) {
		if b.list == l && b.index == i {
			if b.path == path {
				break
			}
			offset++
		}
	}
	l.move(m.draft, i, j)
	m.reindexPending(l, swapped(i, j))
	cmd := tea.Batch(m.touch(), m.buildFields(""))
	// Focus the same field of the moved entry.
	n := 0
	for k, f := range m.fields {
		if f.list == l && f.index == j {
			if n == offset {
				m.fields[m.focus].Blur()
				m.focus = k
				return tea.Batch(cmd, f.Focus())
			}
			n++
		}
	}
	return cmd
}

// stepOfList is the step that shows list l.
func stepOfList(l *listSpec, d *model.Draft) int {
	for si, st := range steps {
		for _, b := range st.fields(d) {
			if b.list == l {
				return si
			}
		}
	}
	return 0
}
