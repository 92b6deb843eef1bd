package tui

import (
	"errors"
	"path/filepath"
	"strings"

	bkey "charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// The draft changed on disk under the wizard (another pmwiz opened it
// after its lock file was removed, a sync tool replaced it). The store
// saved nothing over it: our version went to a copy beside it. The wizard
// says so in a banner and asks what to do; typing waits for the answer,
// and quitting works as always (both versions are on disk).

// conflictPrompt is the conflict being shown, if any.
type conflictPrompt struct {
	err    *store.ConflictError
	asking bool // the question is on screen; keys answer it
}

// keepMiner is the part of the store's Autosaver that resolves a conflict
// the user's way. A Saver without it cannot, and the question says so.
type keepMiner interface {
	KeepMine() (otherCopy string, err error)
}

// noteConflict takes a save result that reports a conflict: our work is
// saved (in the copy), so the status line says saved, and the banner asks.
func (m *Model) noteConflict(r SaveResult) bool {
	var c *store.ConflictError
	if !errors.As(r.Err, &c) {
		return false
	}
	m.conflict = conflictPrompt{err: c, asking: true}
	m.status.Saved(SaveResult{At: r.At}) // ours is saved, in the copy
	m.layoutFields()
	return true
}

// conflictKey answers the question: o makes ours the draft (the other
// version kept as a copy), k keeps both and goes on saving ours to the
// copy. Other keys wait, but for quitting.
func (m *Model) conflictKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if !m.conflict.asking || bkey.Matches(msg, m.keys.Quit) {
		return nil, false
	}
	switch {
	case bkey.Matches(msg, m.answers.KeepMine):
		km, ok := m.saver.(keepMiner)
		if !ok {
			return nil, true
		}
		other, err := km.KeepMine()
		if err != nil {
			m.status.Say("could not make yours the draft: " + model.SafeLine(err.Error()))
			return nil, true
		}
		m.status.Say("yours is the draft again")
		if other != "" {
			m.status.SayMore("; the other version is kept as " + model.SafeLine(other))
		}
		m.conflict = conflictPrompt{}
		m.layoutFields()
	case bkey.Matches(msg, m.answers.KeepBoth):
		m.conflict.asking = false
		m.layoutFields()
	}
	return nil, true
}

// conflictLines is the banner: what happened, where each version is, and
// (while asking) the choice.
func (m Model) conflictLines() []string {
	c := m.conflict.err
	if c == nil {
		return nil
	}
	text := "! " + model.SafeLine(filepath.Base(c.Draft)) + " changed on disk (" + model.SafeLine(c.Reason) + "). Nothing was saved over it: your version is saved as " +
		model.SafeLine(c.CopyName()) + "."
	if m.conflict.asking {
		text = "! " + model.SafeLine(filepath.Base(c.Draft)) + " changed on disk; yours is saved as " + model.SafeLine(c.CopyName()) +
			". " + m.answers.KeepMine.Help().Key + ": " + m.answers.KeepMine.Help().Desc +
			" · " + m.answers.KeepBoth.Help().Key + ": " + m.answers.KeepBoth.Help().Desc + " · (" + model.SafeLine(c.Reason) + ")"
	} else {
		text += " Both are kept; compare them when you are done (pmwiz resume " + model.SafeLine(c.CopyName()) + ")."
	}
	w := max(m.width, 1)
	lines := strings.Split(lipgloss.NewStyle().Width(w).Render(text), "\n")
	if n := 2 + 2*b2i(m.height >= 20); len(lines) > n {
		lines = lines[:n]
		lines[n-1] = ansi.Truncate(lines[n-1], max(w-1, 1), "") + "…"
	}
	return lines
}
