package tui

import (
	"regexp"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// markdownGuide stands under a focused text field: answers are Markdown,
// and a writer should know it before a regex turns into italics.
const markdownGuide = "Markdown works: `code`, *emphasis*, - lists"

// inlineMarkdown are the one-line fields exported as inline Markdown
// (lessons, whys, events, factors, action items' "what"); the others
// (titles, names, owners) are exported literally and read as typed.
var inlineMarkdown = regexp.MustCompile(`^(` + regexp.QuoteMeta(model.PathLessons) + `|` + regexp.QuoteMeta(model.PathFiveWhys) +
	`|` + regexp.QuoteMeta(model.PathEvents) + `|` + regexp.QuoteMeta(model.PathContributingFactors) + `)\[` +
	`|^` + regexp.QuoteMeta(model.PathActionItems) + `\[\d+\]\.` + model.KeyWhat + `$`)

// isMarkdownField reports whether f's text is exported as Markdown.
func isMarkdownField(f *field) bool {
	return f.kind == kindText || f.kind == kindLine && inlineMarkdown.MatchString(f.path)
}

// hazardMemo remembers a field's last markup check: a frame asks for it
// two or three times (sizing, layout, drawing) and a key changes it once.
type hazardMemo struct {
	text    string
	hazards []model.MarkupHazard
	ok      bool
}

func (h *hazardMemo) of(text string) []model.MarkupHazard {
	if !h.ok || h.text != text {
		h.text, h.hazards, h.ok = text, model.MarkupHazards(text), true
	}
	return h.hazards
}

// quoteCode wraps what Markdown would mangle in the focused field in
// backticks, so the export reads as typed.
func (m *Model) quoteCode() tea.Cmd {
	f := m.focused()
	if f == nil || m.readOnly || !isMarkdownField(f) {
		return nil
	}
	before := f.Value()
	after := model.QuoteHazards(before)
	if after == before {
		m.status.Say("nothing here that Markdown would change")
		return nil
	}
	if f.kind == kindText {
		row, col := len(f.pre)+f.area.Line(), f.area.Column()
		f.loadWindow(strings.Split(after, "\n"), row, col)
	} else {
		f.input.SetValue(after)
		f.input.CursorEnd()
	}
	cmd := m.changed(f)
	m.sizeText(m.focus)
	return cmd
}
