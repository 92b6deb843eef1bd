package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/store"
)

// openWizard opens the wizard on a draft; readOnly when the lock is held
// elsewhere. name is the draft's name or path, as store.Resolve takes it.
// The caller holds the draft's lock unless readOnly.
//
// Until the wizard exists (the wizard issue replaces this body), it says
// where the draft is and how to come back to it.
func openWizard(cmd *cobra.Command, s *store.Store, name string, readOnly bool) error {
	l, err := s.Load(name)
	if err != nil {
		return exitCode(2, "%v", err)
	}
	out := cmd.OutOrStdout()
	if readOnly {
		fmt.Fprintf(out, "Draft (read-only): %s\n", l.Path)
	} else {
		fmt.Fprintf(out, "Draft: %s\n", l.Path)
	}
	fmt.Fprintf(out, "Resume it with: pmwiz resume %s\n", resumeRef(s, l))
	return nil
}

// resumeRef is the shortest argument that reopens l.
func resumeRef(s *store.Store, l *store.Loaded) string {
	if p, err := s.Resolve(l.Name); err == nil && p == l.Path {
		return l.Name
	}
	return l.Path
}
