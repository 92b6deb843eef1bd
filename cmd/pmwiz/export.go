package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
	"github.com/spf13/cobra"
)

// loadDraft reads the draft a command works on, for reading only (no
// lock), and returns it with the file it came from: a name in the drafts
// directory or a path, through the store, whose errors say what to do
// when a draft cannot be read (and name a good backup when there is one).
//
// A Markdown file (.md, .markdown) is imported on the fly, so any
// post-mortem can be previewed or re-exported in another layout.
//
// "-" reads standard input: a draft's JSON or Markdown.
func loadDraft(cmd *cobra.Command, ref string) (*model.Draft, string, error) {
	if ref == stdio {
		d, err := draftFromStdin(cmd)
		return d, "", err
	}
	if isMarkdownPath(ref) {
		d, err := readMarkdownDraft(cmd, ref)
		return d, ref, err
	}
	s, err := openStore(cmd)
	if err != nil {
		return nil, "", err
	}
	load := s.Load
	if strings.HasSuffix(ref, ".json.bak") {
		load = s.LoadBackup // a backup, read where it is
	}
	l, err := load(ref)
	if err != nil {
		return nil, "", &exitError{code: 2, err: err}
	}
	if w := l.Warning(); w != "" {
		fmt.Fprintf(cmd.ErrOrStderr(), "warning: %s: %s\n", l.Path, w)
	}
	return l.Draft, l.Path, nil
}

// exportFlags are shared by export and publish.
type exportFlags struct {
	out         string
	frontMatter bool
	layout      string
	template    string
	force       bool
}

func (f *exportFlags) register(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&f.frontMatter, "front-matter", false, "start with YAML front matter (title, date, severity, status, score, authors, start, end) for static site generators")
	cmd.Flags().StringVar(&f.layout, "layout", "pmwiz", "section order and headings: "+strings.Join(export.Layouts, ", "))
	cmd.Flags().StringVar(&f.template, "template", "", "a Go text/template FILE to write instead of a layout (see docs/export.md)")
	cmd.MarkFlagsMutuallyExclusive("layout", "template")
	_ = cmd.RegisterFlagCompletionFunc("layout", cobra.FixedCompletions(export.Layouts, cobra.ShellCompDirectiveNoFileComp))
}

// options turns the flags into export options, reading the template file.
// export.Markdown parses it, and reports a mistake with its line, before
// any output is written.
//
// What a flag leaves unset comes from the config (pmwiz config): layout,
// template, front matter and its extra fields.
func (f *exportFlags) options(cmd *cobra.Command, d *model.Draft) (export.Options, error) {
	score := model.Score(d).Score
	opts := export.Options{FrontMatter: f.frontMatter, Layout: f.layout, Score: &score}
	c, err := loadConfig(cmd)
	if err != nil {
		return opts, err
	}
	template, templateFrom := f.template, "--template"
	if !cmd.Flags().Changed("layout") && !cmd.Flags().Changed("template") {
		opts.Layout = c.Layout.Value
		if c.Template.Value != "" {
			template, templateFrom = c.Template.Value, "template (from "+c.Template.Source+")"
		}
	}
	if !cmd.Flags().Changed("front-matter") {
		opts.FrontMatter = c.FrontMatter.Value
	}
	opts.FrontMatterFields = c.FrontMatterFields.Value
	if template != "" {
		b, err := os.ReadFile(template)
		if err != nil {
			return opts, fmt.Errorf("%s %s: cannot read it: %w", templateFrom, template, unwrapPath(err))
		}
		opts.Template, opts.Layout, opts.TemplateName = string(b), "", template
	}
	return opts, nil
}

func newExportCmd() *cobra.Command {
	var f exportFlags
	cmd := &cobra.Command{
		Use:   "export [-o FILE] [--front-matter] [--layout L | --template F] DRAFT",
		Short: "Write a post-mortem as publish-ready Markdown",
		Long: "Export a draft as Markdown that reads like people wrote it: sections in reader order,\n" +
			"empty ones left out, times in the draft's time zone, and nothing typed able to break\n" +
			"the document. Prints to stdout unless -o is given.\n\n" +
			"-o writes the file atomically. It replaces an existing file only if pmwiz wrote it\n" +
			"and nobody has edited it since (pmwiz ends each export with a comment holding a\n" +
			"checksum); --force replaces any file except a draft or the file being exported.",
		Example: "  pmwiz export checkout-outage > postmortem.md\n" +
			"  pmwiz export -o site/content/checkout.md --front-matter checkout-outage\n" +
			"  pmwiz export --layout google checkout-outage",
		Args:              argsBetween(1, 1, draftArg),
		ValidArgsFunction: completeDrafts(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, source, err := loadDraft(cmd, args[0])
			if err != nil {
				return err
			}
			opts, err := f.options(cmd, d)
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			md, err := export.Markdown(d, opts)
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			if f.out == "" || f.out == "-" {
				_, err := cmd.OutOrStdout().Write(md)
				return err
			}
			if err := writeExport(f.out, md, f.force, source); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "Wrote %s\n", f.out)
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().StringVarP(&f.out, "output", "o", "", "write to FILE instead of stdout")
	cmd.Flags().BoolVar(&f.force, "force", false, "replace FILE even if pmwiz did not write it, or it was edited since")
	return cmd
}

// writeExport writes md to path atomically, refusing to replace a file
// pmwiz did not write (or one edited since) unless force. It never
// replaces source (the draft or Markdown being exported) or any pmwiz
// draft, even with force: "-o checkout.json --force" would otherwise
// turn an hour of writing into its own Markdown, with no backup.
func writeExport(path string, md []byte, force bool, source string) error {
	target, err := exportTarget(path)
	if err != nil {
		return err
	}
	if source != "" && sameFile(target, source) {
		return exitCode(2, "%s is the file being exported: writing over it would lose it; choose another file, like %s", path, mdName(path))
	}
	// Only a regular file is read, and only so much of it: a draft is at
	// most store.MaxDraftSize, and a file larger than that and our own
	// export is not one pmwiz wrote.
	old, tooBig, err := store.ReadRegular(target, maxExportCheck)
	if err == nil && !tooBig && model.LooksLikeDraft(old) {
		return exitCode(2, "%s is a pmwiz draft: the Markdown would replace it and the draft would be lost (--force does not change that); write to a .md file, like %s", path, mdName(path))
	}
	switch {
	case err == nil && !force:
		if tooBig {
			return exitCode(2, "%s exists and is larger than any export pmwiz writes: not replacing it; choose another file, or add --force to replace it", path)
		}
		switch export.Owner(old) {
		case export.NotOurs:
			return exitCode(2, "%s exists and was not written by pmwiz: not replacing it; choose another file, or add --force to replace it", path)
		case export.Edited:
			return exitCode(2, "%s was edited since pmwiz wrote it: not replacing it, so the edits are not lost; add --force to replace it anyway", path)
		}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return exitCode(2, "cannot read %s to check it is safe to replace: %v", path, unwrapPath(err))
	}
	if dir := filepath.Dir(target); !isDir(dir) {
		return exitCode(2, "cannot write %s: the directory %s does not exist: create it first (mkdir -p %s), or choose another file", path, dir, dir)
	}
	if err := store.WriteFileAtomic(target, md, 0o644); err != nil {
		return exitCode(2, "cannot write %s: %v", path, unwrapPath(err))
	}
	return nil
}

// maxExportCheck bounds what is read of an existing -o file to decide
// whether it may be replaced: more than any draft or export.
const maxExportCheck = 4 * store.MaxDraftSize

// exportTarget is the file -o path names: path itself, or the regular file
// a symlink leads to (the link is kept). Anything but a regular file or a
// new name is refused, --force or not: replacing /dev/null with a file, or
// waiting on a FIFO, is never what was meant.
func exportTarget(path string) (string, error) {
	target := path
	fi, err := os.Lstat(path)
	if err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		resolved, rerr := filepath.EvalSymlinks(path)
		if rerr != nil {
			return "", exitCode(2, "%s is a symbolic link to a file that does not exist (or cannot be reached): pmwiz does not create files through a link; write to the link's target, or remove the link", path)
		}
		target = resolved
		fi, err = os.Lstat(target)
	}
	switch {
	case err != nil:
		return target, nil // a new file (or an error WriteFileAtomic will name)
	case fi.IsDir():
		return "", exitCode(2, "%s is a directory: give a file name, like %s", path, filepath.Join(path, "postmortem.md"))
	case !fi.Mode().IsRegular():
		what := (&store.NotRegularError{Path: target, Mode: fi.Mode()}).Error()
		return "", exitCode(2, "%s: pmwiz writes an export only to a regular file, and never replaces a device, pipe or socket (--force does not change that); to print the Markdown, leave out -o", what)
	}
	return target, nil
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func sameFile(a, b string) bool {
	ai, err1 := os.Stat(a)
	bi, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ai, bi)
}

// mdName suggests a Markdown file name beside path.
func mdName(path string) string {
	if isMarkdownPath(path) {
		return strings.TrimSuffix(path, filepath.Ext(path)) + "-export.md"
	}
	return strings.TrimSuffix(path, filepath.Ext(path)) + ".md"
}
