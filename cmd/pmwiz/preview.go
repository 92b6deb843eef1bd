package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/tui"
	"github.com/spf13/cobra"
)

func newPreviewCmd() *cobra.Command {
	var width int
	var style string
	cmd := &cobra.Command{
		Use:   "preview [--width N] [--style auto|dark|light|notty] DRAFT",
		Short: "Read the exported post-mortem as it will look, in the terminal",
		Long: "Render the draft's Markdown export with glamour. On a terminal it opens a pager\n" +
			"(↑/↓, space/b to scroll, q to quit), or $PMWIZ_PAGER, else $PAGER, when set;\n" +
			"piped, it prints the rendered text. DRAFT - reads standard input.\n\n" +
			"--style auto picks dark or light from the terminal's background (dark when the\n" +
			"terminal does not say), and plain text (notty) when piped.",
		Example:           "  pmwiz preview checkout-outage\n  pmwiz preview --style notty --width 72 checkout-outage | less",
		Args:              argsBetween(1, 1, draftArg),
		ValidArgsFunction: completeDrafts(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(previewStyles, style) {
				return exitCode(2, "--style %q: use auto, dark, light or notty", style)
			}
			if cmd.Flags().Changed("width") && width < 20 {
				return exitCode(2, "--width %d is too narrow to read: use 20 or more", width)
			}
			// glamour pads every line to the width: --width 100000 printed
			// 100 KB of spaces per line.
			if width > maxPreviewWidth {
				return exitCode(2, "--width %d is wider than any screen: use at most %d", width, maxPreviewWidth)
			}
			src, err := openPreviewSource(cmd, args[0])
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			pager, pagerEnv, err := pagerCommand()
			if err != nil {
				return exitCode(2, "%v", err)
			}
			if isTerminal(out) && pager != nil {
				// The user's pager: glamour's colours (dark unless --style
				// says), wrapped to the terminal.
				if style == "auto" {
					style = "dark"
				}
				r, err := src.render(cmp.Or(width, terminalWidth(out), 80), style)
				if err != nil {
					return err
				}
				return runPager(cmd, pager, pagerEnv, r)
			}
			if isTerminal(out) && isTerminal(cmd.InOrStdin()) {
				md, err := src.markdown()
				if err != nil {
					return err
				}
				p := tea.NewProgram(tui.NewPager(src.d.Title, md, style, width),
					tea.WithInput(cmd.InOrStdin()), tea.WithOutput(out), tea.WithContext(cmd.Context()))
				_, err = p.Run()
				return err
			}
			if style == "auto" {
				style = "notty"
			}
			if width == 0 {
				width = cmp.Or(terminalWidth(out), columnsEnv(), 80)
			}
			r, err := src.render(width, style)
			if err != nil {
				return err
			}
			if style == "notty" {
				// Even notty output carries OSC 8 link escapes: plain text
				// is what a pipe or a file wants.
				r = ansi.Strip(r)
			}
			_, err = fmt.Fprintln(out, strings.TrimRight(r, "\n"))
			return err
		},
	}
	cmd.Flags().IntVar(&width, "width", 0, "wrap at N columns (default: the terminal's width, or 80)")
	cmd.Flags().StringVar(&style, "style", "auto", "glamour style: auto, dark, light or notty")
	_ = cmd.RegisterFlagCompletionFunc("style", cobra.FixedCompletions(previewStyles, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// previewStyles are export.Render's styles, and "auto": dark or light from
// the terminal's background, notty when piped.
var previewStyles = append([]string{"auto"}, export.Styles...)

// maxPreviewWidth is wider than any screen people read on.
const maxPreviewWidth = 1000
