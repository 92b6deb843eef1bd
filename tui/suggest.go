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
func suggestedTechnologies(c stepCtx) []string {
	s := model.SuggestTechnologies(c.draft, *c.report)
	if len(s) > maxSuggested {
		s = s[:maxSuggested]
	}
	return s
}

// technologiesHeader is the offer shown under the Technologies step's
// guide, when there is something to add.
func technologiesHeader(c stepCtx, w int) []string {
	if c.readOnly {
		return nil
	}
	names := suggestedTechnologies(c)
	if len(names) == 0 {
		return nil
	}
	// The key and the names come first: on a narrow form the explanation
	// is cut, not them.
	line := c.keys.AddNamed.Help().Key + " adds " + model.SafeLine(strings.Join(names, ", ")) + " (named in your text)"
	return []string{c.styles.Muted.Render(ansi.Truncate(line, max(w, 1), "…"))}
}

// technologiesKeys takes the key that adds the names the text mentions.
func technologiesKeys(c stepCtx, msg tea.Msg) (tea.Cmd, bool) {
	if k, ok := msg.(tea.KeyPressMsg); ok && !c.readOnly && bkey.Matches(k, c.keys.AddNamed) {
		return addNamedTechnologies(c), true
	}
	return nil, false
}

// addNamedTechnologies appends the names the text mentions to the list.
func addNamedTechnologies(c stepCtx) tea.Cmd {
	names := suggestedTechnologies(c)
	if len(names) == 0 {
		c.do.say("the text names no technology the list lacks")
		return nil
	}
	c.draft.Technologies = append(c.draft.Technologies, names...)
	cmd := c.do.touch()
	c.do.say("added " + model.SafeLine(strings.Join(names, ", ")) + " from the text")
	return tea.Batch(cmd, c.do.buildFields(""))
}
