package main

import (
	"fmt"
	"io"
	"time"

	"charm.land/huh/v2"
	"github.com/pmwiz/pmwiz/config"
	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/tui"
	"github.com/spf13/cobra"
)

func describeMissing(w io.Writer, items []model.ItemResult) {
	noun := "must-have is"
	if len(items) > 1 {
		noun = "must-haves are"
	}
	fmt.Fprintf(w, "%d %s not complete:\n", len(items), noun)
	for _, it := range items {
		fmt.Fprintf(w, "  %s %s (%s): %s\n", tui.VerdictGlyph(it.Status), it.Title, it.Status, model.SafeLine(it.Reason))
		if it.Next != "" {
			fmt.Fprintf(w, "    → %s\n", model.SafeLine(it.Next))
		}
	}
}

func newPublishCmd() *cobra.Command {
	var f exportFlags
	var minScore float64
	cmd := &cobra.Command{
		Use:   "publish -o FILE [--front-matter] [--layout L | --template F] [--force] DRAFT",
		Short: "Mark a post-mortem published and export it",
		Long: "Publish sets the draft's status to published and exports it to FILE. If a must-have\n" +
			"of the rubric (start and end time, impact, what went wrong, lessons and actions) is\n" +
			"not complete, it lists them and asks whether to publish anyway; when not on a\n" +
			"terminal it needs --force. The same goes for a score below --min, or below\n" +
			"publish_min from the team's .pmwiz.toml (see pmwiz config).\n\n" +
			"--force also replaces FILE when pmwiz did not write it (see pmwiz export).",
		Example:           "  pmwiz publish -o site/content/checkout.md --front-matter checkout-outage",
		Args:              argsBetween(1, 1, draftArg),
		ValidArgsFunction: completeDrafts(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ref := args[0]
			if f.out == "" {
				return exitCode(2, "pmwiz publish needs -o FILE, the file to write the published post-mortem to, e.g. pmwiz publish -o postmortem.md %s", ref)
			}
			if isMarkdownPath(ref) {
				return exitCode(2, "%s is a Markdown file, not a draft: publish marks a draft published, so import it first (pmwiz import %s), then publish the name it prints", ref, ref)
			}
			s, err := openStore(cmd)
			if err != nil {
				return err
			}
			// Publishing writes the draft back: hold it, so a wizard editing
			// it cannot save over the new status (or we over its text).
			lock, err := s.Lock(ref)
			if err != nil {
				return exitCode(2, "%v", withLockAdvice(err, "finish or quit there, then publish"))
			}
			defer lock.Unlock()
			loaded, err := s.Load(ref)
			if err != nil {
				return exitCode(2, "%v", err)
			}
			d := loaded.Draft
			gate, err := publishGate(cmd, minScore)
			if err != nil {
				return err
			}
			report := model.Score(d)
			missing := report.MissingMustHaves()
			below := gate.Value > 0 && report.Score < gate.Value
			if (len(missing) > 0 || below) && !f.force {
				errOut := cmd.ErrOrStderr()
				if below {
					fmt.Fprintf(errOut, "The score is %s, below the %s this team publishes at (publish_min, from %s).\n",
						tui.FormatPoints(report.Score), tui.FormatPoints(gate.Value), gate.Source)
				}
				if len(missing) > 0 {
					describeMissing(errOut, missing)
				}
				if !isTerminal(cmd.InOrStdin()) || !isTerminal(errOut) {
					return exitCode(1, "not published: complete what is listed above, or add --force to publish anyway")
				}
				publish := false
				form := huh.NewForm(huh.NewGroup(huh.NewConfirm().
					Title("Publish anyway?").
					Description("Readers will notice what is missing.").
					Affirmative("Publish").Negative("Not yet").
					Value(&publish))).
					WithTheme(huh.ThemeFunc(huh.ThemeCharm)).
					WithInput(cmd.InOrStdin()).WithOutput(errOut)
				if err := form.RunWithContext(cmd.Context()); err != nil || !publish {
					return exitCode(1, "not published: the draft is unchanged")
				}
			}
			pub := d.Clone()
			pub.Status = model.StatusPublished
			at := now().Truncate(time.Second)
			pub.Updated = &at
			opts, err := f.options(cmd, pub)
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			md, err := export.Markdown(pub, opts)
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			if err := writeExport(f.out, md, f.force, loaded.Path); err != nil {
				return err
			}
			if err := s.Save(ref, pub); err != nil {
				return exitCode(2, "wrote %s, but could not mark %s published: %v", f.out, ref, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "Published %s (score %s/100)\n", f.out, tui.FormatPoints(*opts.Score))
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().Float64Var(&minScore, "min", 0, "the score to publish at (default publish_min from pmwiz config)")
	cmd.Flags().StringVarP(&f.out, "output", "o", "", "write the published post-mortem to FILE")
	cmd.Flags().BoolVar(&f.force, "force", false, "publish even with must-haves missing, and replace FILE even if pmwiz did not write it")
	return cmd
}

// publishGate is the score publish asks for: --min, else publish_min from
// the config, with where it came from.
func publishGate(cmd *cobra.Command, flagMin float64) (config.Value[float64], error) {
	if cmd.Flags().Changed("min") {
		if flagMin < 0 || flagMin > 100 {
			return config.Value[float64]{}, exitCode(2, "--min %s: the score runs from 0 to 100", tui.FormatPoints(flagMin))
		}
		return config.Value[float64]{Value: flagMin, Source: "--min"}, nil
	}
	c, err := loadConfig(cmd)
	if err != nil {
		return config.Value[float64]{}, err
	}
	return c.PublishMin, nil
}
