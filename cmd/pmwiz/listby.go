package main

import (
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// maxByWidth bounds the BY column of pmwiz list: a name is a few words,
// and one from a file or a commit must not push the title off the line.
const maxByWidth = 24

// changedByCell is the BY column of pmwiz list, in at most width cells
// (0: no limit but maxByWidth for the name): who changed the draft last,
// marked when the change is not committed yet. The mark outlives the
// name when the column is narrow: it says whose the name is.
func changedByCell(c store.ChangedBy, width int) string {
	if c.Name == "" {
		return ""
	}
	mark := ""
	if c.Source == store.FromWorkTree {
		mark = " (uncommitted)"
	}
	room := maxByWidth
	if width > 0 {
		room = min(room, width-ansi.StringWidth(mark))
		if room < 3 { // no room for a name and the mark: the name only
			room, mark = width, ""
		}
	}
	return ansi.Truncate(model.SafeLine(c.Name), room, "…") + mark
}

// listChangedBy is who changed a draft last in pmwiz list --json, or nil
// when nobody is known.
type listChangedBy struct {
	Name string `json:"name"`
	// Source: "commit" (the author of the last commit that touched the
	// file), "uncommitted" (changed since, or never committed: the local
	// git user.name, or "you"), "authors" (no git history: the draft's
	// last author).
	Source string `json:"source"`
	// At is the commit's time for "commit", else absent.
	At string `json:"at,omitempty"`
}

func newListChangedBy(c store.ChangedBy) *listChangedBy {
	if c.Name == "" {
		return nil
	}
	l := &listChangedBy{Name: c.Name, Source: string(c.Source)}
	if !c.When.IsZero() {
		l.At = c.When.UTC().Format(time.RFC3339)
	}
	return l
}
