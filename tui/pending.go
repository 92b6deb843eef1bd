package tui

import (
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Text typed into a field that cannot be stored there (a time pmwiz
// cannot read, a bad due date) lives in m.pending while the draft keeps
// the field's last good value. It is mirrored into the draft's Pending
// on every change, so every autosave, and the flush on a signal (a
// dropped SSH session) or a crash, carries it; the next run puts it back
// in its field with the same error.

// syncPending mirrors m.pending into the draft before it is handed to
// the saver. It allocates only when the text changed.
func (m *Model) syncPending() {
	if m.readOnly {
		return // shown, never changed
	}
	if len(m.pending) == 0 {
		m.draft.Pending = nil
		return
	}
	if !maps.Equal(m.draft.Pending, m.pending) {
		m.draft.Pending = maps.Clone(m.pending)
	}
}

// restorePending puts the text a previous run could not store back into
// m.pending, with the error its field's own setter gives for it now. Text
// that reads fine now (pmwiz learned to read it, or the time zone it
// needed was set) is stored, unless the draft is read-only. Text for a
// field that no longer exists stays in the draft, never dropped silently.
// It reports how many fields still hold such text.
func (m *Model) restorePending() int {
	d := m.draft
	if len(d.Pending) == 0 {
		return 0
	}
	target := d
	if m.readOnly {
		target = d.Clone() // a scratch copy: the error, not the change
	}
	left := maps.Clone(d.Pending)
	held, stored := 0, false
	for _, st := range steps {
		for _, b := range st.fields(d) {
			text, ok := left[b.path]
			if !ok {
				continue
			}
			delete(left, b.path)
			if strings.TrimSpace(text) == "" {
				continue
			}
			if err := b.set(target, text); err != nil {
				m.pending[b.path], m.errs[b.path] = text, err
				held++
				continue
			}
			if m.readOnly {
				m.pending[b.path] = text
				continue
			}
			stored = true
		}
	}
	for p, text := range left {
		m.pending[p] = text
	}
	if !m.readOnly {
		m.syncPending()
		if stored && m.saver != nil {
			m.saver.Changed(d)
		}
	}
	return held
}

// pendingElsewhere lists, sorted, pending text whose field path matches
// no field of the draft (a hand-edited file, a list entry since removed
// elsewhere), so a quit without it still prints it.
func (m *Model) pendingElsewhere(shown []unsavableText) []unsavableText {
	seen := make(map[string]bool, len(shown))
	for _, u := range shown {
		seen[u.path] = true
	}
	var out []unsavableText
	for _, p := range slices.Sorted(maps.Keys(m.pending)) {
		if t := m.pending[p]; !seen[p] && strings.TrimSpace(t) != "" {
			out = append(out, unsavableText{path: p, where: p, text: t})
		}
	}
	return out
}

// heldText is a list entry's pending text and its error, by the field's
// path inside the entry (".due"), kept with a deleted entry for ctrl+z.
type heldText map[string]struct {
	text string
	err  error
}

// reindexPending follows an edit of list l: text an entry holds that
// could not be stored stays with that entry when entries are added,
// deleted or swapped around it, rather than landing on another entry or
// being dropped. to maps an entry's old index to its new one; false means
// the entry was deleted, and its text is returned to be kept for undo.
func (m *Model) reindexPending(l *listSpec, to func(int) (int, bool)) heldText {
	prefix := l.path + "["
	var gone heldText
	type moved struct {
		path, text string
		err        error
	}
	var keep []moved
	for p, text := range m.pending {
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok {
			continue
		}
		end := strings.IndexByte(rest, ']')
		i, err := strconv.Atoi(rest[:max(end, 0)])
		if end < 0 || err != nil {
			continue
		}
		suffix := rest[end+1:]
		e := m.errs[p]
		delete(m.pending, p)
		delete(m.errs, p)
		j, ok := to(i)
		if !ok {
			if gone == nil {
				gone = heldText{}
			}
			gone[suffix] = struct {
				text string
				err  error
			}{text, e}
			continue
		}
		keep = append(keep, moved{entryPath(l, j, suffix), text, e})
	}
	for _, k := range keep {
		m.pending[k.path] = k.text
		if k.err != nil {
			m.errs[k.path] = k.err
		}
	}
	return gone
}

// restoreHeld puts a deleted entry's pending text back, at index i.
func (m *Model) restoreHeld(l *listSpec, i int, h heldText) {
	for suffix, t := range h {
		p := entryPath(l, i, suffix)
		m.pending[p] = t.text
		if t.err != nil {
			m.errs[p] = t.err
		}
	}
}

func entryPath(l *listSpec, i int, suffix string) string {
	return l.path + "[" + strconv.Itoa(i) + "]" + suffix
}

// Index maps for reindexPending.
func insertedAt(at int) func(int) (int, bool) {
	return func(i int) (int, bool) {
		if i >= at {
			return i + 1, true
		}
		return i, true
	}
}

func deletedAt(at int) func(int) (int, bool) {
	return func(i int) (int, bool) {
		switch {
		case i == at:
			return 0, false
		case i > at:
			return i - 1, true
		}
		return i, true
	}
}

func swapped(a, b int) func(int) (int, bool) {
	return func(i int) (int, bool) {
		switch i {
		case a:
			return b, true
		case b:
			return a, true
		}
		return i, true
	}
}
