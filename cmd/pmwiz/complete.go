package main

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/store"
)

// completeDrafts offers draft names from the drafts directory to the
// shell's tab completion, so nobody has to type 2026-11-24-checkout-outage.
// When no name matches, the shell completes file paths instead (a DRAFT
// may be a path). It only reads the directory: completing never creates
// it. max is how many DRAFT arguments the command takes (< 0: any).
func completeDrafts(max int) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if max >= 0 && len(args) >= max {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		flag, _ := cmd.Flags().GetString(draftsDirFlag)
		dir, err := store.DefaultDir(flag)
		if err != nil {
			return nil, cobra.ShellCompDirectiveDefault
		}
		des, err := os.ReadDir(dir)
		if err != nil {
			return nil, cobra.ShellCompDirectiveDefault
		}
		var names []cobra.Completion
		for _, de := range des {
			n := de.Name()
			if de.IsDir() || strings.HasPrefix(n, ".") || !strings.HasSuffix(n, ".json") {
				continue
			}
			if name := strings.TrimSuffix(n, ".json"); strings.HasPrefix(name, toComplete) {
				names = append(names, name)
			}
		}
		return names, cobra.ShellCompDirectiveDefault
	}
}
