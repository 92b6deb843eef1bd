package main

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/tui"
)

// Output formats of pmwiz score. "report" is the full report of one file,
// "table" one line per file with its failing items.
var scoreFormats = []string{"report", "table", "json", "github"}

func newScoreCmd() *cobra.Command {
	var asJSON bool
	var minScore float64
	var format string
	cmd := &cobra.Command{
		Use:   "score [--min N] [--json | --format F] DRAFT|FILE|DIR|GLOB|- ...",
		Short: "Score post-mortems against the 12-item rubric",
		Long: "Score drafts and Markdown post-mortems against the 12-item rubric: each item yes,\n" +
			"partial or no, with the reason and the next step, plus tone findings, durations and\n" +
			"problems. Each argument is a draft name, a .json draft, a Markdown file, a directory\n" +
			"(every .md and .markdown file in it, recursively), a glob in quotes (\"docs/pm/*.md\"),\n" +
			"or - for standard input. --min applies to each file.\n\n" +
			"Formats: report (the full report; the default for one file), table (a line per file\n" +
			"and the items it misses; the default for several), json (an array with one report per\n" +
			"file, see docs/score-json.md), github (workflow annotations at the lines the rubric\n" +
			"points to).\n\n" +
			"Exit status: 0 ok; 1 a file scores below --min; 2 a file cannot be read.",
		Example: "  pmwiz score checkout-outage\n" +
			"  pmwiz score --min 80 postmortems/\n" +
			"  pmwiz score --json --min 80 'docs/**/postmortem-*.md' > scores.json\n" +
			"  pmwiz score --format github --min 80 $(git diff --name-only origin/main -- '*.md')\n" +
			"  pmwiz export checkout-outage | pmwiz score -",
		Args:              argsBetween(1, -1, draftArg),
		ValidArgsFunction: completeDrafts(-1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if minScore < 0 || minScore > 100 {
				return exitCode(2, "--min %s: the score runs from 0 to 100", tui.FormatPoints(minScore))
			}
			if asJSON {
				if cmd.Flags().Changed("format") && format != "json" {
					return exitCode(2, "--json and --format %s ask for two formats: keep one", format)
				}
				format = "json"
			}
			if format != "" && !slices.Contains(scoreFormats, format) {
				return exitCode(2, "--format %q: use %s", format, strings.Join(scoreFormats, ", "))
			}
			files, err := expandScoreArgs(args)
			if err != nil {
				return err
			}
			var gate *float64
			if cmd.Flags().Changed("min") {
				gate = &minScore
			}
			reports := make([]fileReport, 0, len(files))
			for _, f := range files {
				r, err := scoreFile(cmd, f)
				if err != nil {
					r = fileReport{File: f, Err: err}
				}
				r.judge(gate)
				reports = append(reports, r)
			}
			single := len(args) == 1 && len(files) == 1 && !isDir(args[0])
			if format == "" {
				format = "table"
				if single {
					format = "report"
				}
			}
			if err := writeScores(cmd, format, reports, gate, single); err != nil {
				return &exitError{code: 2, err: err}
			}
			return scoreVerdict(reports, gate)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array with one report per file (same as --format json)")
	cmd.Flags().StringVar(&format, "format", "", "report, table, json or github (default report for one file, table for several)")
	cmd.Flags().Float64Var(&minScore, "min", 0, "exit 1 when a file's score is below N (0–100)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(scoreFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// fileReport is the score of one file, or why it could not be scored.
type fileReport struct {
	File   string
	Title  string
	Report model.Report
	Err    error
	// Pass is nil without --min.
	Pass *bool
}

func (r *fileReport) judge(gate *float64) {
	if gate == nil || r.Err != nil {
		return
	}
	pass := r.Report.Score >= *gate
	r.Pass = &pass
}

// scoreFile reads and scores one file: a draft name or path, a Markdown
// post-mortem, or "-".
func scoreFile(cmd *cobra.Command, ref string) (fileReport, error) {
	d, path, err := loadDraft(cmd, ref)
	if err != nil {
		return fileReport{}, err
	}
	// The file as the user named it (a CI annotation needs the path
	// relative to the repository); a draft name becomes its file.
	if _, err := os.Lstat(ref); err == nil || path == "" {
		path = ref
	}
	report := model.Score(d)
	// Each quote's line in the Markdown file, for the reader and for CI
	// annotations (standard input cannot be read twice).
	if ref != "-" && isMarkdownPath(path) {
		if src, err := readLimited(path); err == nil {
			locateEvidence(src, &report)
		}
	}
	return fileReport{File: path, Title: d.Title, Report: report}, nil
}

// scoreVerdict is the exit status: 2 when a file could not be read, 1
// when one scores below --min.
func scoreVerdict(reports []fileReport, gate *float64) error {
	var unreadable, below []string
	for _, r := range reports {
		switch {
		case r.Err != nil:
			unreadable = append(unreadable, r.File)
		case r.Pass != nil && !*r.Pass:
			below = append(below, fmt.Sprintf("%s (%s)", r.File, tui.FormatPoints(r.Report.Score)))
		}
	}
	switch {
	case len(unreadable) == 1 && len(reports) == 1:
		return &exitError{code: 2, err: reports[0].Err}
	case len(unreadable) > 0:
		return exitCode(2, "cannot score %s", strings.Join(unreadable, ", "))
	case len(below) == 1 && len(reports) == 1:
		return exitCode(1, "score %s is below --min %s", tui.FormatPoints(reports[0].Report.Score), tui.FormatPoints(*gate))
	case len(below) > 0:
		return exitCode(1, "%d of %d below --min %s: %s", len(below), len(reports), tui.FormatPoints(*gate), strings.Join(below, ", "))
	}
	return nil
}
