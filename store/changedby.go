package store

import (
	"strings"
	"time"
)

// ChangeSource says where a listing learnt who changed a draft last.
type ChangeSource string

const (
	// FromCommit: the author of the last commit that touched the file
	// (as .mailmap spells the name).
	FromCommit ChangeSource = "commit"
	// FromWorkTree: the file differs from its last commit, or was never
	// committed, so the last change is this machine's: the local git
	// user.name, or "you" when none is set.
	FromWorkTree ChangeSource = "uncommitted"
	// FromAuthors: no git history for the file (no repository, git not
	// installed, ignored, or too far back to look): the last name in the
	// draft's "authors".
	FromAuthors ChangeSource = "authors"
)

// ChangedBy is who changed a draft last. The name comes from a file or
// from git: make it safe (model.SafeLine) before printing it.
type ChangedBy struct {
	Name   string       // "" when nobody is known (no git history, no authors)
	Source ChangeSource // "" when Name is ""
	When   time.Time    // the commit's time for FromCommit; zero otherwise
}

// youName stands for the local user when git has no user.name.
const youName = "you"

// changedBy decides who changed the draft file named file (NAME.json)
// last: git when it knows, else the draft's last author.
func (g *gitChanges) changedBy(file, lastAuthor string) ChangedBy {
	if g != nil {
		if g.dirty[file] {
			return ChangedBy{Name: g.user, Source: FromWorkTree}
		}
		if c, ok := g.commits[file]; ok {
			return c
		}
	}
	if lastAuthor != "" {
		return ChangedBy{Name: lastAuthor, Source: FromAuthors}
	}
	return ChangedBy{}
}

// lastAuthor is the last non-blank name in authors, or "".
func lastAuthor(authors []string) string {
	for i := len(authors) - 1; i >= 0; i-- {
		if a := strings.TrimSpace(authors[i]); a != "" {
			return a
		}
	}
	return ""
}
