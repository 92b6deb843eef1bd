package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
	"github.com/spf13/cobra"
)

func newStatusCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "status",
		Short:   "List drafts with merge conflicts still to resolve",
		Example: "  pmwiz status\n  git pull && pmwiz status",
		Long: "List the drafts whose \"conflicts\" key still holds fields two people changed\n" +
			"differently (left by \"pmwiz merge-driver\"), and, when the drafts directory is in\n" +
			"a git repository, the drafts git itself still marks as unmerged.\n" +
			"Exit status: 0 nothing to resolve, 1 something to resolve, 2 could not look.",
		Args: cobra.NoArgs,
		RunE: runStatus,
	}
}

func runStatus(cmd *cobra.Command, _ []string) error {
	s, err := openStore(cmd)
	if err != nil {
		return err
	}
	// Conflicts are what status looks for, not scores: nothing is scored.
	entries, err := s.ListWith(store.ListOptions{Scored: 0})
	if err != nil {
		return exitCode(2, "cannot list %s: %v", s.Dir(), err)
	}
	out := cmd.OutOrStdout()
	todo := 0
	withConflicts := map[string]bool{} // file names, as git lists them
	for _, e := range entries {
		if e.Err != nil {
			continue // listed below when git has it unmerged; "pmwiz list" says why
		}
		l, err := s.Load(e.Path)
		if err != nil || len(l.Draft.Conflicts) == 0 {
			continue
		}
		if todo == 0 {
			fmt.Fprintln(out, "Drafts with conflicts to resolve (both versions are in each draft's \"conflicts\" key):")
		}
		todo++
		withConflicts[filepath.Base(e.Path)] = true
		paths := make([]string, 0, len(l.Draft.Conflicts))
		for _, c := range l.Draft.Conflicts {
			paths = append(paths, model.SafeLine(c.Path))
		}
		noun := "conflict"
		if len(paths) != 1 {
			noun = "conflicts"
		}
		fmt.Fprintf(out, "  %s  %d %s: %s\n", model.SafeLine(e.Name), len(paths), noun, strings.Join(limitList(paths, 6), ", "))
	}
	if todo > 0 {
		fmt.Fprintln(out, "See and settle them with: pmwiz resolve NAME (--ours, --theirs or --text TEXT), then git add.")
	}
	// Drafts listed above are git-unmerged too until they are added; the
	// rest are files pmwiz could not merge, left with git's own markers.
	var unmerged []string
	for _, p := range gitUnmerged(s.Dir()) {
		if !withConflicts[p] {
			unmerged = append(unmerged, p)
		}
	}
	if len(unmerged) > 0 {
		fmt.Fprintln(out, "git could not merge these as drafts (fix them by hand, then git add them):")
		for _, p := range unmerged {
			fmt.Fprintf(out, "  %s\n", model.SafeLine(p))
		}
	}
	if todo == 0 && len(unmerged) == 0 {
		fmt.Fprintf(out, "No conflicts: every draft in %s is merged.\n", s.Dir())
		return nil
	}
	return exitCode(1, "%d to resolve", todo+len(unmerged))
}

// gitUnmerged lists files in dir that git marks as unmerged, relative to
// dir; nothing when dir is not in a repository.
func gitUnmerged(dir string) []string {
	names, err := gitOutput(dir, "diff", "--name-only", "--diff-filter=U", "--relative", "--", ".")
	if err != nil || names == "" {
		return nil
	}
	var out []string
	for _, n := range strings.Split(names, "\n") {
		out = append(out, filepath.FromSlash(n))
	}
	return out
}
