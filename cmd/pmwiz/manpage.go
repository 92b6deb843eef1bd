package main

// The man page: fang's own (mango-cobra over the command tree) plus the
// sections a man page reader looks for and cobra knows nothing of.

import (
	"fmt"
	"strings"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

var manSections = []struct{ name, text string }{
	{"Exit Status", "0 success.\n" +
		"1 ran, but the answer is no: a score below --min, a publish that was declined or refused.\n" +
		"2 could not run: a bad argument or flag, a file or draft that cannot be read or written, a bad config file.\n" +
		"130 (or 128 + the signal) the wizard was interrupted; the draft was saved first."},
	{"Environment", "PMWIZ_DRAFTS_DIR where drafts live (else drafts in the config, else $XDG_DATA_HOME/pmwiz/drafts).\n" +
		"PMWIZ_AUTHORS, PMWIZ_TIMEZONE, PMWIZ_LAYOUT, PMWIZ_TEMPLATE, PMWIZ_FRONT_MATTER, PMWIZ_PUBLISH_MIN override the config files (see pmwiz config).\n" +
		"XDG_CONFIG_HOME, XDG_DATA_HOME where the user config and the drafts live.\n" +
		"VISUAL, EDITOR the editor ctrl+e opens (split like a shell: quote a path with spaces).\n" +
		"PMWIZ_PAGER, PAGER the pager pmwiz preview pipes to on a terminal (the built-in pager when neither is set).\n" +
		"NO_COLOR plain output. ACCESSIBLE=1 line prompts instead of the full-screen wizard. COLUMNS the width of piped output."},
	{"Files", "$XDG_CONFIG_HOME/pmwiz/config.toml your settings.\n" +
		".pmwiz.toml the team's settings, in the working directory or the nearest parent; its paths are relative to its folder.\n" +
		"$XDG_DATA_HOME/pmwiz/drafts/NAME.json drafts, NAME.json.bak the previous version, .trash/ removed drafts."},
	{"Examples", "pmwiz new --title \"Checkout outage\"\n" +
		"pmwiz score --min 80 postmortems/\n" +
		"pmwiz score --format github --min 80 $(git diff --name-only origin/main -- '*.md')\n" +
		"pmwiz export --front-matter -o site/content/checkout.md checkout-outage\n" +
		"pmwiz actions --format gh checkout-outage > issues.sh\n" +
		"pmwiz export checkout-outage | pmwiz score -"},
	{"See Also", "pmwiz config, and the docs folder of the source: rubric.md, export.md, score-json.md."},
}

func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:                   "man",
		Short:                 "Print the man page",
		Example:               "  pmwiz man | man -l -",
		Hidden:                true,
		DisableFlagsInUseLine: true,
		Args:                  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			page, err := mcobra.NewManPage(1, cmd.Root())
			if err != nil {
				return exitCode(2, "man page: %v", err)
			}
			for _, s := range manSections {
				page = page.WithSection(s.name, s.text)
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), page.Build(roff.NewDocument()))
			return err
		},
	}
}

// rootArgs refuses arguments to plain pmwiz, naming the commands a typo
// was most likely meant to be (cobra.NoArgs does not suggest).
func rootArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2 // cobra's own default, set only on its other path
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += "\n\nDid you mean this?\n\t" + strings.Join(s, "\n\t")
	}
	return exitCode(2, "%s", msg)
}
