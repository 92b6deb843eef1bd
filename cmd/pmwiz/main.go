// Command pmwiz helps an engineer write an honest, complete incident
// post-mortem. This package only wires the CLI: every behaviour lives in
// model, store, export and tui.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/fang"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…";
// without it, currentVersion reads the build info (version.go).
var version string

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes pmwiz with args and returns the process exit code, so tests
// can drive the whole CLI in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	opts := []fang.Option{fang.WithErrorHandler(printError), fang.WithVersion(currentVersion()), fang.WithoutManpage()}
	if err := fang.Execute(ctx, root, opts...); err != nil {
		var coded *exitError
		if errors.As(err, &coded) {
			return coded.code
		}
		return 2
	}
	return 0
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "pmwiz",
		Short: "Write an honest, complete incident post-mortem",
		Long: "pmwiz walks you through an incident post-mortem step by step, scores it live\n" +
			"against a 12-item rubric, autosaves your draft, and exports clean Markdown.",
		Example: "  pmwiz                       # pick a draft, or start one\n" +
			"  pmwiz new --title \"Checkout outage\"\n" +
			"  pmwiz score --min 80 postmortems/",
		SilenceUsage: true,
		Args:         rootArgs,
		RunE:         runDefault,
	}
	root.PersistentFlags().String(draftsDirFlag, "", "where drafts live (default $PMWIZ_DRAFTS_DIR, else drafts in .pmwiz.toml or your config, else $XDG_DATA_HOME/pmwiz/drafts)")
	addWizardFlags(root)
	root.AddCommand(
		newScoreCmd(),
		newListCmd(),
		newNewCmd(),
		newResumeCmd(),
		newRmCmd(),
		newExportCmd(),
		newPreviewCmd(),
		newPublishCmd(),
		newImportCmd(),
		newMergeDriverCmd(),
		newGitCmd(),
		newStatusCmd(),
		newResolveCmd(),
		newTimelineCmd(),
		// Issue 14: tool chain.
		newActionsCmd(),
		newConfigCmd(),
		newManCmd(),
	)
	return root
}

// exitError carries a specific exit code through cobra and fang: 1 means
// "ran, but the answer is no" (a score below --min), 2 "could not run".
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func exitCode(code int, format string, a ...any) error {
	return &exitError{code: code, err: fmt.Errorf(format, a...)}
}
