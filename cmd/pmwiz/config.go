package main

// pmwiz config, and the settings every command reads: flag > environment
// > .pmwiz.toml (found upward) > $XDG_CONFIG_HOME/pmwiz/config.toml >
// default. The config package reads the files and the environment; flags
// are applied here, where they are known.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/config"
	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/store"
)

// configHome is $XDG_CONFIG_HOME when it is absolute (the XDG spec says
// to ignore a relative one), else the platform's default.
func configHome() string {
	if base := os.Getenv("XDG_CONFIG_HOME"); filepath.IsAbs(base) {
		return base
	}
	return xdg.ConfigHome
}

// loadConfig reads the settings in effect for cmd, its flags applied.
func loadConfig(cmd *cobra.Command) (*config.Config, error) {
	wd, _ := os.Getwd()
	c, err := config.Load(config.Options{WorkDir: wd, ConfigHome: configHome(), Layouts: export.Layouts})
	if err != nil {
		return nil, exitCode(2, "%v", err)
	}
	if f := cmd.Flags().Lookup(draftsDirFlag); f != nil && f.Changed {
		c.Drafts = config.Value[string]{Value: f.Value.String(), Source: "--" + draftsDirFlag}
	}
	return c, nil
}

// unflaggedDraftsDir is where drafts live without --drafts-dir: what a
// plain "pmwiz resume NAME" typed here would open.
func unflaggedDraftsDir() (string, error) {
	wd, _ := os.Getwd()
	c, err := config.Load(config.Options{WorkDir: wd, ConfigHome: configHome(), Layouts: export.Layouts})
	if err != nil {
		return "", err
	}
	return store.DefaultDir(c.Drafts.Value)
}

func newConfigCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "config [--json]",
		Short: "Show the settings in effect and where each comes from",
		Long: "Print every setting pmwiz uses, its value and where it came from. Highest first:\n" +
			"a flag, an environment variable, the team file .pmwiz.toml (in this folder or the\n" +
			"nearest parent), your file $XDG_CONFIG_HOME/pmwiz/config.toml, the default.\n\n" +
			"Settings (TOML; paths in a file are relative to that file's folder):\n" +
			"  authors = [\"Ana\", \"Ben\"]      authors of a new draft          $PMWIZ_AUTHORS (a,b)\n" +
			"  timezone = \"Europe/Berlin\"    time zone of a new draft        $PMWIZ_TIMEZONE\n" +
			"  layout = \"google\"             export and publish layout       $PMWIZ_LAYOUT\n" +
			"  template = \"pm.tmpl\"          export and publish template     $PMWIZ_TEMPLATE\n" +
			"  front_matter = true           export with YAML front matter   $PMWIZ_FRONT_MATTER\n" +
			"  publish_min = 80              the score publish asks for      $PMWIZ_PUBLISH_MIN\n" +
			"  drafts = \"postmortems/drafts\" the drafts directory            $PMWIZ_DRAFTS_DIR\n" +
			"  [front_matter_fields]         extra front matter keys, e.g. draft = false,\n" +
			"                                tags = [\"postmortem\"], description = \"…\"",
		Example: "  pmwiz config\n  PMWIZ_LAYOUT=google pmwiz config --json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			entries := c.Entries()
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(struct {
					SchemaVersion int            `json:"schema_version"`
					Settings      []config.Entry `json:"settings"`
					Files         []string       `json:"files"`
				}{1, entries, append([]string{}, c.Files...)})
			}
			rows := [][]string{{"KEY", "VALUE", "SOURCE"}}
			for _, e := range entries {
				rows = append(rows, []string{e.Key, e.Value, e.Source})
			}
			w0, w1 := 0, 0
			for _, r := range rows {
				w0, w1 = max(w0, ansi.StringWidth(r[0])), max(w1, ansi.StringWidth(r[1]))
			}
			for _, r := range rows {
				line := r[0] + strings.Repeat(" ", w0-ansi.StringWidth(r[0])+2) + r[1] + strings.Repeat(" ", w1-ansi.StringWidth(r[1])+2) + r[2]
				fmt.Fprintln(out, strings.TrimRight(line, " "))
			}
			user := filepath.Join(configHome(), "pmwiz", config.UserFileName)
			fmt.Fprintf(out, "\nUser file: %s%s\n", user, missing(user))
			wd, _ := os.Getwd()
			if repo := config.FindRepoFile(wd); repo != "" {
				fmt.Fprintf(out, "Team file: %s\n", repo)
			} else {
				fmt.Fprintf(out, "Team file: none (%s in this folder or a parent)\n", config.RepoFileName)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print {schema_version, settings: [{key, value, source}], files}")
	return cmd
}

func missing(path string) string {
	if _, err := os.Stat(path); err != nil {
		return " (not there)"
	}
	return ""
}
