package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
	"github.com/spf13/cobra"
)

func newResolveCmd() *cobra.Command {
	var ours, theirs, base bool
	var text, path string
	cmd := &cobra.Command{
		Use:   "resolve DRAFT [--ours | --theirs | --base | --text TEXT] [--path FIELD]",
		Short: "Show a draft's merge conflicts, or settle one",
		Long: "Without a choice, resolve shows every conflict a merge left in the draft: the\n" +
			"field, and its base, ours and theirs versions. With --ours, --theirs, --base or\n" +
			"--text, it puts that version in the field and removes the conflict: the first\n" +
			"one, or the one at --path. --text is how to combine both (\"\" empties the field,\n" +
			"or removes an entry). Then git add the draft.\n" +
			"Exit status: 0 done (or nothing to resolve); 1 conflicts remain to show;\n" +
			"2 the draft cannot be read or saved.",
		Example: "  pmwiz resolve checkout\n  pmwiz resolve checkout --theirs\n" +
			"  pmwiz resolve checkout --path timeline.events[2].text --text \"14:12 The EU checkout alert fires.\"",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			chosen := 0
			for _, set := range []bool{ours, theirs, base, cmd.Flags().Changed("text")} {
				if set {
					chosen++
				}
			}
			if chosen > 1 {
				return exitCode(2, "choose one of --ours, --theirs, --base and --text")
			}
			s, err := openStore(cmd)
			if err != nil {
				return err
			}
			l, err := s.Load(args[0])
			if err != nil {
				return exitCode(2, "%v", err)
			}
			out := cmd.OutOrStdout()
			d := l.Draft
			if len(d.Conflicts) == 0 {
				fmt.Fprintf(out, "%s has no conflicts to resolve.\n", model.SafeLine(l.Name))
				return nil
			}
			i := 0
			if path != "" {
				i = -1
				for j, c := range d.Conflicts {
					if c.Path == path {
						i = j
						break
					}
				}
				if i < 0 {
					return exitCode(2, "%s has no conflict at %s; its conflicts are at: %s", l.Name, path, conflictPaths(d))
				}
			}
			if chosen == 0 {
				showConflicts(out, l.Name, d)
				return exitCode(1, "%d to resolve: pmwiz resolve %s --ours, --theirs or --text TEXT [--path FIELD]", len(d.Conflicts), resumeRef(s, l))
			}
			c := d.Conflicts[i]
			value := text
			switch {
			case ours:
				value = c.Ours
			case theirs:
				value = c.Theirs
			case base:
				value = c.Base
			}
			settled, err := model.ResolveConflict(d, i, value)
			if err != nil {
				return exitCode(2, "%s: %v", l.Name, err)
			}
			if err := saveLocked(s, l, settled); err != nil {
				return err
			}
			fmt.Fprintf(out, "Resolved %s in %s.", model.SafeLine(c.Path), model.SafeLine(l.Name))
			if n := len(settled.Conflicts); n > 0 {
				fmt.Fprintf(out, " %d left: %s\n", n, conflictPaths(settled))
			} else {
				fmt.Fprintf(out, " No conflicts left: git add %s\n", shellQuote(relToCwd(l.Path)))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&ours, "ours", false, "keep our version (the branch merged into)")
	cmd.Flags().BoolVar(&theirs, "theirs", false, "take their version (the branch merged in)")
	cmd.Flags().BoolVar(&base, "base", false, "go back to the version before both changes")
	cmd.Flags().StringVar(&text, "text", "", "put TEXT in the field: a combination of both")
	cmd.Flags().StringVar(&path, "path", "", "the conflict to settle, by field (default: the first)")
	return cmd
}

// saveLocked saves d as l's draft, unless a wizard has it open: the
// wizard's next save would undo the resolution.
func saveLocked(s *store.Store, l *store.Loaded, d *model.Draft) error {
	lock, err := s.Lock(l.Path)
	if err != nil {
		return exitCode(2, "%v; close it there first", err)
	}
	defer lock.Unlock()
	if err := s.Save(l.Path, d); err != nil {
		return exitCode(2, "%v", err)
	}
	return nil
}

func conflictPaths(d *model.Draft) string {
	paths := make([]string, 0, len(d.Conflicts))
	for _, c := range d.Conflicts {
		paths = append(paths, model.SafeLine(c.Path))
	}
	return strings.Join(limitList(paths, 8), ", ")
}

// showConflicts prints each conflict's versions, text made safe for the
// terminal and indented under its label.
func showConflicts(w io.Writer, name string, d *model.Draft) {
	noun := "conflict"
	if len(d.Conflicts) != 1 {
		noun = "conflicts"
	}
	fmt.Fprintf(w, "%s: %d %s from a merge\n", model.SafeLine(name), len(d.Conflicts), noun)
	for i, c := range d.Conflicts {
		fmt.Fprintf(w, "\n%d. %s\n", i+1, model.SafeLine(c.Path))
		if c.Note != "" {
			fmt.Fprintf(w, "   (%s)\n", model.SafeLine(c.Note))
		}
		for _, v := range []struct{ label, text string }{{"base", c.Base}, {"ours", c.Ours}, {"theirs", c.Theirs}} {
			body := model.SafeText(v.text)
			if body == "" {
				body = "(empty)"
			}
			fmt.Fprintf(w, "   %-7s %s\n", v.label+":", strings.ReplaceAll(body, "\n", "\n           "))
		}
	}
}

// relToCwd is path relative to the working directory when it is below it,
// as a person would type it.
func relToCwd(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}
