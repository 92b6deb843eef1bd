package main

import "github.com/spf13/cobra"

// newScoreCmd is filled in by the foundation issue.
func newScoreCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "score DRAFT",
		Short: "Score a post-mortem draft against the 12-item rubric",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return exitCode(2, "score: not built yet")
		},
	}
}
