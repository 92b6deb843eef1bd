package main

import (
	"time"

	"github.com/pmwiz/pmwiz/store"
)

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
