package tui

import (
	"strings"

	bkey "charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// One rubric for typed and imported drafts: when the text names systems
// the Technologies list lacks ("we failed over to the PostgreSQL
// replica"), the Technologies step offers to add them with one key.

// maxSuggested bounds how many names one key adds.
const maxSuggested = 8

// suggestedTechnologies are the names the text mentions that the list
// lacks, at most maxSuggested.
func (m Model) suggestedTechnologies() []string {
	s := model.SuggestTechnologies(m.draft, m.report)
	if len(s) > maxSuggested {
		s = s[:maxSuggested]
	}
	return s
}

// technologiesHeader is the offer shown under the Technologies step's
// guide, when there is something to add.
func technologiesHeader(m *Model, w int) []string {
	names := m.suggestedTechnologies()
	if len(names) == 0 || m.readOnly {
		return nil
	}
	// The key and the names come first: on a narrow form the explanation
	// is cut, not them.
	line := m.keys.AddNamed.Help().Key + " adds " + model.SafeLine(strings.Join(names, ", ")) + " (named in your text)"
	return []string{m.styles.Muted.Render(ansi.Truncate(line, max(w, 1), "…"))}
}

// technologiesKeys takes the key that adds the names the text mentions.
func technologiesKeys(m *Model, msg tea.Msg) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyPressMsg); ok && !m.readOnly && bkey.Matches(k, m.keys.AddNamed) {
		return m.addNamedTechnologies(), true
	}
	return nil, false
}

// addNamedTechnologies appends the names the text mentions to the list.
func (m *Model) addNamedTechnologies() tea.Cmd {
	names := m.suggestedTechnologies()
	if len(names) == 0 {
		m.status.flash = "the text names no technology the list lacks"
		return nil
	}
	m.draft.Technologies = append(m.draft.Technologies, names...)
	cmd := m.touch()
	m.status.flash = "added " + model.SafeLine(strings.Join(names, ", ")) + " from the text"
	return tea.Batch(cmd, m.buildFields(""))
}
