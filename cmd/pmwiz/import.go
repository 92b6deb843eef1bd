package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
	"github.com/spf13/cobra"
)

// saveNewDraft stores an imported draft as a new draft and returns its
// name. TEMPORARY: the lead switches it to the store (a new draft in the
// drafts directory) at merge. Until then it writes
// $XDG_DATA_HOME/pmwiz/drafts/NAME.json, never replacing a draft.
func saveNewDraft(d *model.Draft) (string, error) {
	base := os.Getenv("XDG_DATA_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		base = filepath.Join(home, ".local", "share")
	}
	dir := filepath.Join(base, "pmwiz", "drafts")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	b, err := model.Encode(d)
	if err != nil {
		return "", err
	}
	slug := draftSlug(d.Title)
	for i := 1; i < 1000; i++ {
		name := slug
		if i > 1 {
			name += "-" + strconv.Itoa(i)
		}
		f, err := os.OpenFile(filepath.Join(dir, name+".json"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, werr := f.Write(b)
		serr := f.Sync()
		cerr := f.Close()
		if err := errors.Join(werr, serr, cerr); err != nil {
			_ = os.Remove(f.Name())
			return "", err
		}
		return name, nil
	}
	return "", fmt.Errorf("too many drafts named %s", slug)
}

var slugRe = regexp.MustCompile(`[^a-z0-9]+`)

func draftSlug(title string) string {
	s := strings.Trim(slugRe.ReplaceAllString(strings.ToLower(model.SafeLine(title)), "-"), "-")
	if len(s) > 50 {
		s = strings.TrimRight(s[:50], "-")
	}
	if s == "" {
		s = "imported"
	}
	return s
}

func newImportCmd() *cobra.Command {
	var out string
	var force bool
	cmd := &cobra.Command{
		Use:   "import [-o DRAFT.json] FILE.md",
		Short: "Turn a Markdown post-mortem into a draft",
		Long: "Import reads a Markdown post-mortem into a new draft. A pmwiz export comes back\n" +
			"exactly. Other post-mortems (Google SRE, Atlassian, PagerDuty shapes and their\n" +
			"variants) are mapped by their headings, and timelines by their times; a section\n" +
			"that maps to nothing is kept word for word under \"Other\", so nothing is lost.\n" +
			"Warnings say what was guessed.\n\n" +
			"Without -o the draft is saved in the drafts directory and its name printed.",
		Example: "  pmwiz import old-postmortem.md\n  pmwiz import -o checkout.json checkout.md",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := readLimited(args[0])
			if err != nil {
				return exitCode(2, "cannot read %s: %v", args[0], err)
			}
			d, warnings, err := export.Import(data)
			if err != nil {
				return exitCode(2, "%s: %v", args[0], err)
			}
			for _, w := range warnings {
				fmt.Fprintf(cmd.ErrOrStderr(), "import: %s\n", model.SafeLine(w))
			}
			now := time.Now()
			d.Created, d.Updated = &now, &now
			if d.Status == "" {
				d.Status = model.StatusDraft
			}
			if out != "" {
				if _, err := os.Stat(out); err == nil && !force {
					return exitCode(2, "%s exists: not replacing a draft; choose another name, or add --force", out)
				}
				b, err := model.Encode(d)
				if err != nil {
					return exitCode(2, "%v", err)
				}
				if err := writeFileAtomic(out, b, 0o600); err != nil {
					return exitCode(2, "cannot write %s: %v", out, err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s\n", out)
				return nil
			}
			name, err := saveNewDraft(d)
			if err != nil {
				return exitCode(2, "cannot save the imported draft: %v", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s\n", name)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the draft to `DRAFT.json` instead of the drafts directory")
	cmd.Flags().BoolVar(&force, "force", false, "replace DRAFT.json if it exists")
	return cmd
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxDraftBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxDraftBytes {
		return nil, fmt.Errorf("larger than 10 MB: is it really a post-mortem?")
	}
	return data, nil
}
