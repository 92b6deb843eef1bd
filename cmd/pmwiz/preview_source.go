package main

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
)

// previewSource is what `pmwiz preview` shows: the export of a draft, or
// of a Markdown file read into a draft on the fly. The preview shows a
// Markdown file as pmwiz reads it, in pmwiz's layout (docs/export.md:
// "any post-mortem can be previewed or re-exported in another layout"),
// with the import's warnings on stderr, so a user sees what `pmwiz import`
// would make of it.
//
// Reading a megabyte of Markdown back into a draft and exporting it again
// takes a fifth of the CPU of its preview, before any of it can be drawn.
// For a file pmwiz wrote, the export of what it reads is the file itself
// (the import is lossless, see docs/export.md), so the file's own blocks
// are drawn while the import runs (export.RenderAhead), and used where the
// export's blocks turn out to be the same.
type previewSource struct {
	cmd   *cobra.Command
	name  string // the file, or "standard input"
	data  []byte // Markdown to import, if the source is Markdown
	guess string // the Markdown the export will most likely be, or ""
	d     *model.Draft
}

// openPreviewSource reads the draft or Markdown file ref names ("-" is
// standard input), reporting what cannot be read before anything else
// happens. A Markdown source is imported later, by markdown.
func openPreviewSource(cmd *cobra.Command, ref string) (*previewSource, error) {
	s := &previewSource{cmd: cmd}
	var err error
	switch {
	case ref == stdio:
		if s.data, err = readStdin(cmd); err != nil {
			return nil, err
		}
		if model.LooksLikeDraft(s.data) {
			s.d, err = decodeStdinDraft(s.data)
			return s, err
		}
		s.name = "standard input"
	case isMarkdownPath(ref):
		if s.data, err = readMarkdownFile(ref); err != nil {
			return nil, err
		}
		s.name = ref
	default:
		s.d, _, err = loadDraft(cmd, ref)
		return s, err
	}
	s.guess, _ = export.ExportedBody(s.data)
	return s, nil
}

// markdown is the source's export, without the closing stamp: a Markdown
// source is imported first, its warnings told on stderr.
func (s *previewSource) markdown() (string, error) {
	if s.d == nil {
		d, err := importMarkdown(s.cmd, s.name, s.data)
		if err != nil {
			return "", err
		}
		s.d = d
	}
	md, err := export.Markdown(s.d, export.Options{NoStamp: true})
	if err != nil {
		return "", &exitError{code: 2, err: err}
	}
	return string(md), nil
}

// render draws the source's export: a Markdown file pmwiz wrote starts
// drawing while it is imported.
func (s *previewSource) render(width int, style string) (string, error) {
	r, err := export.RenderAhead(s.guess, s.markdown, width, style)
	var exit *exitError
	if err != nil && !errors.As(err, &exit) {
		err = &exitError{code: 2, err: err}
	}
	return r, err
}
