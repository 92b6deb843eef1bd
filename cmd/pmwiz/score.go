package main

import (
	"encoding/json"

	"charm.land/lipgloss/v2"
	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/tui"
	"github.com/spf13/cobra"
)

func newScoreCmd() *cobra.Command {
	var asJSON bool
	var minScore float64
	cmd := &cobra.Command{
		Use:   "score [--json] [--min N] DRAFT",
		Short: "Score a post-mortem against the 12-item rubric",
		Long: "Score a draft (a name in the drafts directory, a path to a .json file, or any Markdown\n" +
			"post-mortem, read the way pmwiz import reads it) against the\n" +
			"12-item rubric: each item yes, partial or no, with the reason and the next step,\n" +
			"plus tone findings, durations and problems.\n\n" +
			"Exit status: 0 ok; 1 the score is below --min; 2 the draft cannot be read.",
		Example:           "  pmwiz score checkout-outage\n  pmwiz score --json --min 80 drafts/checkout-outage.json\n  pmwiz score postmortem.md",
		Args:              argsBetween(1, 1, draftArg),
		ValidArgsFunction: completeDrafts(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if minScore < 0 || minScore > 100 {
				return exitCode(2, "--min %s: the score runs from 0 to 100", tui.FormatPoints(minScore))
			}
			d, _, err := loadDraft(cmd, args[0]) // a draft, or any Markdown post-mortem
			if err != nil {
				return err
			}
			report := model.Score(d)
			if isMarkdownPath(args[0]) {
				if src, err := readLimited(args[0]); err == nil {
					locateEvidence(src, &report)
				}
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(report); err != nil {
					return &exitError{code: 2, err: err}
				}
			} else {
				// lipgloss's writer keeps colour on a terminal, and strips it
				// when piped or when NO_COLOR is set.
				// On a terminal, lines wrap at words to its width.
				lipgloss.Fprint(out, tui.RenderReportWidth(d.Title, report, terminalWidth(out)))
			}
			if cmd.Flags().Changed("min") && report.Score < minScore {
				return exitCode(1, "score %s is below --min %s", tui.FormatPoints(report.Score), tui.FormatPoints(minScore))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().Float64Var(&minScore, "min", 0, "exit 1 when the score is below N (0–100)")
	return cmd
}
