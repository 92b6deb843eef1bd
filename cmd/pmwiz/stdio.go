package main

// "-" is standard input or output wherever pmwiz reads or writes a file,
// the way cat, git and gh take it.

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// stdio is the argument that stands for standard input or output.
const stdio = "-"

// readStdin reads standard input, bounded like any draft file.
func readStdin(cmd *cobra.Command) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(cmd.InOrStdin(), store.MaxDraftSize+1))
	if err != nil {
		return nil, exitCode(2, "cannot read standard input: %v", err)
	}
	if len(data) > store.MaxDraftSize {
		return nil, exitCode(2, "standard input is larger than %d MB: is it really a post-mortem?", store.MaxDraftSize>>20)
	}
	return data, nil
}

// draftFromStdin reads a draft from standard input: a pmwiz draft (JSON
// with a "schema") or any Markdown post-mortem, imported on the fly.
func draftFromStdin(cmd *cobra.Command) (*model.Draft, error) {
	data, err := readStdin(cmd)
	if err != nil {
		return nil, err
	}
	if model.LooksLikeDraft(data) {
		return decodeStdinDraft(data)
	}
	return importMarkdown(cmd, "standard input", data)
}

// decodeStdinDraft decodes a draft read from standard input.
func decodeStdinDraft(data []byte) (*model.Draft, error) {
	d, err := model.Decode(data)
	if err != nil {
		return nil, exitCode(2, "standard input: %v", err)
	}
	return d, nil
}

// importMarkdown imports Markdown read from name, telling stderr what the
// import guessed.
func importMarkdown(cmd *cobra.Command, name string, data []byte) (*model.Draft, error) {
	d, warnings, err := export.Import(data)
	if err != nil {
		return nil, exitCode(2, "%s: %v", name, err)
	}
	for _, w := range warnings {
		fmt.Fprintf(cmd.ErrOrStderr(), "import: %s\n", model.SafeLine(w))
	}
	return d, nil
}
