package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// settleNewDraft runs when the wizard closes on a draft this session
// created. A draft holding nothing the user wrote is not kept (plain
// `pmwiz` quit at once used to leave an empty "(untitled)" draft); one
// that got a title is named after it ("2026-11-29-postmortem-2" becomes
// "2026-11-29-cdn-outage"), never over another draft. l.Name and l.Path
// follow the rename, so what is printed next is the new name. It reports
// whether the draft was kept.
func settleNewDraft(cmd *cobra.Command, s *store.Store, l *store.Loaded, final, created *model.Draft) bool {
	out := cmd.OutOrStdout()
	if final == nil {
		final = l.Draft
	}
	if untouched(final, created) {
		if err := s.Discard(l.Path); err != nil {
			fmt.Fprintf(cmd.ErrOrStderr(), "The new draft holds nothing yet, but removing %s failed: %v\n", l.Path, err)
			return true
		}
		fmt.Fprintln(out, "Nothing was written, so the new draft was not kept.")
		return false
	}
	if final.Title == created.Title || created.Created == nil {
		return true // named after this title already
	}
	path, lock, err := s.RenameToTitle(l.Path, final.Title, *created.Created)
	if err != nil {
		fmt.Fprintf(cmd.ErrOrStderr(), "The draft keeps its name %s: naming it after its title failed: %v\n", l.Name, err)
		return true
	}
	if lock != nil {
		defer lock.Unlock()
	}
	if path != l.Path {
		if nl, err := s.Load(path); err == nil {
			*l = *nl
		}
	}
	return true
}

// untouched reports whether final holds nothing anybody wrote: it is a
// blank draft (a title given with `new --title` counts as written), and
// only the bookkeeping (when it was saved, where the cursor was) moved.
func untouched(final, created *model.Draft) bool {
	if created.Created == nil {
		return false
	}
	// What the draft started with, less its title: the authors and time
	// zone a config file gave are pmwiz's doing, not the writer's.
	b := created.Clone()
	b.Title = ""
	a := final.Clone()
	for _, d := range []*model.Draft{a, b} {
		d.Updated, d.ResumeAt = nil, ""
	}
	x, err1 := model.Encode(a)
	y, err2 := model.Encode(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}
