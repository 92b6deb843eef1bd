package tui

import (
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// maxChangedByWidth bounds who changed a draft last, in the picker and
// in pmwiz list: a name is a few words, and one from a file or a commit
// must not push the title off the line.
const maxChangedByWidth = 24

// ChangedByText says who changed a draft last in at most width cells (0:
// no limit but maxChangedByWidth for the name), marked when the change
// is not committed yet; "" when nobody is known. The mark outlives the
// name when room is short: it says whose the name is.
func ChangedByText(c store.ChangedBy, width int) string {
	if c.Name == "" {
		return ""
	}
	mark := ""
	if c.Source == store.FromWorkTree {
		mark = " (uncommitted)"
	}
	room := maxChangedByWidth
	if width > 0 {
		room = min(room, width-ansi.StringWidth(mark))
		if room < 3 { // no room for a name and the mark: the name only
			room, mark = width, ""
		}
	}
	return ansi.Truncate(model.SafeLine(c.Name), room, "…") + mark
}
