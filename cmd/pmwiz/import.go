package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
	"github.com/spf13/cobra"
)

// saveNewDraft stores an imported draft as a new draft in the drafts
// directory and returns its name. The store claims a fresh name
// atomically: it never replaces a draft.
func saveNewDraft(cmd *cobra.Command, d *model.Draft) (string, error) {
	s, err := openStore(cmd)
	if err != nil {
		return "", err
	}
	return s.CreateFrom(d, now().Truncate(time.Second))
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
			"Without -o the draft is saved in the drafts directory and its name printed.\n" +
			"FILE.md - reads standard input; -o - prints the draft's JSON to standard output.",
		Example: "  pmwiz import old-postmortem.md\n  pmwiz import -o checkout.json checkout.md\n  curl -s https://example.com/pm.md | pmwiz import -",
		Args:    argsBetween(1, 1, importArg),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.EqualFold(filepath.Ext(args[0]), ".json") {
				return exitCode(2, "%s is a draft already (import reads Markdown post-mortems): open it with pmwiz resume %s, or read it with pmwiz preview %s", args[0], args[0], args[0])
			}
			if out != "" && out != stdio && !strings.EqualFold(filepath.Ext(out), ".json") {
				return exitCode(2, "-o %s: a draft's file name ends in .json, or pmwiz cannot open it: use -o %s.json", out, strings.TrimSuffix(out, filepath.Ext(out)))
			}
			d, err := readMarkdownDraft(cmd, args[0])
			if err != nil {
				return err
			}
			at := now().Truncate(time.Second)
			d.Created, d.Updated = &at, &at
			if d.Status == "" {
				d.Status = model.StatusDraft
			}
			if out == stdio {
				data, err := model.Encode(d)
				if err != nil {
					return &exitError{code: 2, err: err}
				}
				_, err = cmd.OutOrStdout().Write(data)
				return err
			}
			if out != "" {
				if err := importTo(cmd, d, out, force); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s\n", out)
				return nil
			}
			name, err := saveNewDraft(cmd, d)
			if err != nil {
				var coded *exitError
				if errors.As(err, &coded) {
					return err
				}
				return exitCode(2, "cannot save the imported draft: %v", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s\n", name)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the draft to DRAFT.json instead of the drafts directory")
	cmd.Flags().BoolVar(&force, "force", false, "replace DRAFT.json if it exists")
	return cmd
}

// isMarkdownPath reports a reference to a Markdown file rather than a
// draft.
func isMarkdownPath(ref string) bool {
	ext := strings.ToLower(filepath.Ext(ref))
	return ext == ".md" || ext == ".markdown"
}

// readMarkdownDraft imports a Markdown post-mortem (for import, and for
// export, preview and score, which read it on the fly), telling stderr what
// the import guessed.
// "-" reads standard input.
func readMarkdownDraft(cmd *cobra.Command, path string) (*model.Draft, error) {
	if path == stdio {
		data, err := readStdin(cmd)
		if err != nil {
			return nil, err
		}
		return importMarkdown(cmd, "standard input", data)
	}
	data, err := readMarkdownFile(path)
	if err != nil {
		return nil, err
	}
	return importMarkdown(cmd, path, data)
}

// readMarkdownFile reads a Markdown file, bounded, saying which file
// cannot be read and why.
func readMarkdownFile(path string) ([]byte, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, exitCode(2, "cannot read %s: %v", path, unwrapPath(err))
	}
	return data, nil
}

func readLimited(path string) ([]byte, error) {
	// Stat first: opening a named pipe would wait for a writer forever.
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return nil, errors.New("it is a directory: pass a Markdown file")
		}
		return nil, fmt.Errorf("not a regular file (%s): pass a Markdown file", fi.Mode().Type())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, store.MaxDraftSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > store.MaxDraftSize {
		return nil, fmt.Errorf("larger than %d MB: is it really a post-mortem?", store.MaxDraftSize>>20)
	}
	return data, nil
}

// importTo saves d as the draft file out. It goes through the store, like
// any save: crash-safe, 0600, and with --force the draft it replaces is
// kept as out.bak; a draft open in another pmwiz is never replaced under
// it.
func importTo(cmd *cobra.Command, d *model.Draft, out string, force bool) error {
	abs, err := filepath.Abs(out) // a path, even without a slash: not a name in the drafts directory
	if err != nil {
		return exitCode(2, "%s: %v", out, err)
	}
	if _, err := os.Stat(abs); err == nil && !force {
		return exitCode(2, "%s exists: not replacing a draft; choose another name, or add --force (the draft it replaces is kept as %s.bak)", out, out)
	}
	if dir := filepath.Dir(abs); !isDir(dir) {
		return exitCode(2, "cannot write %s: the directory %s does not exist: create it first (mkdir -p %s), or choose another file", out, dir, dir)
	}
	s, err := openStore(cmd)
	if err != nil {
		return err
	}
	lock, err := s.Lock(abs)
	if err != nil {
		return exitCode(2, "%v", withLockAdvice(err, "quit there first, so the import does not replace what is being typed"))
	}
	defer lock.Unlock()
	if err := s.Save(abs, d); err != nil {
		return exitCode(2, "%v", err)
	}
	return nil
}
