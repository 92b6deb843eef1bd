package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
	"github.com/spf13/cobra"
)

// Exit codes of "pmwiz merge-driver", as git reads them: 0 merged cleanly,
// anything else (up to 128) a conflict for the user to resolve.
const (
	mergeClean     = 0
	mergeConflicts = 1 // merged; conflicts recorded in the draft's "conflicts" key
	mergeRefused   = 2 // not merged as drafts; git's usual conflict is left
)

func newMergeDriverCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "merge-driver BASE OURS THEIRS [PATH]",
		Short:   "Merge two edits of a draft field by field (run by git)",
		Example: "  # what pmwiz git setup writes to .git/config:\n  # driver = pmwiz merge-driver %O %A %B %P",
		Long: "git runs this during a merge, rebase or pull when a draft changed on both sides\n" +
			"(set it up with \"pmwiz git setup\"): BASE, OURS and THEIRS are git's %O %A %B,\n" +
			"PATH its %P. The merged draft is written to OURS.\n\n" +
			"Fields only one side changed take that change; lists merge entry by entry.\n" +
			"A field both sides changed differently keeps ours, and both versions go into\n" +
			"the draft's \"conflicts\" key. Exit status: 0 merged cleanly; 1 merged with\n" +
			"conflicts to resolve; 2 not merged as drafts (a side is broken, not a draft,\n" +
			"or written by a newer pmwiz): git's usual conflict is left and nothing is lost.",
		Args: cobra.RangeArgs(3, 4),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[1]
			if len(args) == 4 && args[3] != "" {
				path = args[3]
			}
			return mergeDriver(args[0], args[1], args[2], model.SafeLine(path))
		},
	}
}

// mergeDriver merges the drafts in base, ours and theirs into ours.
func mergeDriver(basePath, oursPath, theirsPath, path string) error {
	sides := []struct {
		name, file string
		data       []byte
		draft      *model.Draft
		err        error
	}{{name: "base", file: basePath}, {name: "ours", file: oursPath}, {name: "theirs", file: theirsPath}}
	for i := range sides {
		sides[i].data, sides[i].err = readSide(sides[i].file)
		if sides[i].err != nil {
			return exitCode(mergeRefused, "cannot merge %s: cannot read %s (%s): %v; the file is left as it was", path, sides[i].name, sides[i].file, sides[i].err)
		}
	}
	// The three decodes are most of a merge's time: run them side by side.
	decoded := make([]struct {
		d   *model.Draft
		err error
	}, len(sides))
	var wg sync.WaitGroup
	for i := range sides {
		wg.Go(func() { decoded[i].d, decoded[i].err = model.Decode(sides[i].data) })
	}
	wg.Wait()
	// A base that is empty means both sides added the draft.
	anyDraft := false
	var broken []string
	for i := range sides {
		s := &sides[i]
		if i == 0 && len(bytes.TrimSpace(s.data)) == 0 {
			continue
		}
		if model.LooksLikeDraft(s.data) {
			anyDraft = true
		}
		d, err := decoded[i].d, decoded[i].err
		var de *model.DecodeError
		if err != nil && !errors.As(err, &de) {
			var se *model.SchemaError
			if errors.As(err, &se) && se.Found > model.SchemaVersion {
				return exitCode(mergeRefused, "cannot merge %s: %s %s\n"+
					"Git keeps every version: the file holds ours, unchanged; theirs is \"git show :3:%s\" and the\n"+
					"common base \"git show :1:%s\". Upgrade pmwiz and merge again, or resolve it by hand, then git add it.",
					path, sideLabel(s.name), strings.TrimPrefix(se.Error(), "schema: "), path, path)
			}
			broken = append(broken, model.SafeLine(fmt.Sprintf("%s: %v", sideLabel(s.name), err)))
			continue
		}
		s.draft = d
	}
	if len(broken) > 0 {
		return textMerge(sides[1].file, sides[0].file, sides[2].file, sides[1].data, path, anyDraft, broken)
	}
	merged, conflicts, err := model.Merge(sides[0].draft, sides[1].draft, sides[2].draft)
	if err != nil {
		return exitCode(mergeRefused, "cannot merge %s: %v; the file is left as it was", path, err)
	}
	out, err := model.Encode(merged)
	if err != nil {
		return exitCode(mergeRefused, "cannot merge %s: %v; the file is left as it was", path, err)
	}
	if len(out) > store.MaxDraftSize {
		return exitCode(mergeRefused, "cannot merge %s: the merged draft would be over pmwiz's %d MB limit; the file is left as it was", path, store.MaxDraftSize>>20)
	}
	if err := os.WriteFile(oursPath, out, 0o600); err != nil {
		return exitCode(mergeRefused, "cannot merge %s: cannot write the result to %s: %v", path, oursPath, unwrapPath(err))
	}
	if len(conflicts) == 0 {
		return nil
	}
	var b strings.Builder
	noun := "conflict"
	if len(conflicts) != 1 {
		noun = "conflicts"
	}
	fmt.Fprintf(&b, "%s: merged, with %d %s: both sides changed ", path, len(conflicts), noun)
	paths := make([]string, 0, len(conflicts))
	for _, c := range conflicts {
		paths = append(paths, model.SafeLine(c.Path))
	}
	b.WriteString(strings.Join(limitList(paths, 8), ", "))
	fmt.Fprintf(&b, ".\nThe draft keeps ours in each field and both versions under \"conflicts\".\n"+
		"See them with \"pmwiz resolve %s\", settle each (--ours, --theirs or --text), then git add the file.", shellQuote(path))
	return exitCode(mergeConflicts, "%s", b.String())
}

// sideLabel names a side for a person in the middle of a merge.
func sideLabel(side string) string {
	switch side {
	case "ours":
		return "ours (the branch being merged into)"
	case "theirs":
		return "theirs (the branch being merged in)"
	}
	return "the common base"
}

func limitList(items []string, n int) []string {
	if len(items) <= n {
		return items
	}
	return append(items[:n:n], fmt.Sprintf("and %d more", len(items)-n))
}

// readSide reads one of git's temporary files: a regular file, bounded.
func readSide(path string) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", fi.Mode().Type())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, store.MaxDraftSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > store.MaxDraftSize {
		return nil, fmt.Errorf("over pmwiz's %d MB limit for a draft", store.MaxDraftSize>>20)
	}
	return data, nil
}

// textMerge hands a file pmwiz cannot merge as a draft to git's own
// line-by-line merge, so the user gets the conflict git would have given
// without pmwiz. When any side was a draft, the result is never reported
// clean: a line merge of JSON can be valid text and a broken draft.
func textMerge(ours, base, theirs string, oursData []byte, path string, anyDraft bool, why []string) error {
	git := exec.Command("git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs)
	var out bytes.Buffer
	git.Stdout, git.Stderr = &out, &out
	err := git.Run()
	var exit *exec.ExitError
	switch {
	case err == nil && !anyDraft:
		return nil // not a draft, and git merged it cleanly
	case errors.As(err, &exit) && exit.ExitCode() > 0 && exit.ExitCode() < 128:
		if !anyDraft {
			return exitCode(mergeConflicts, "%s: not a pmwiz draft; merged line by line by git, with conflicts", path)
		}
		return exitCode(mergeRefused, "cannot merge %s field by field: %s.\n"+
			"Left git's usual line-by-line conflict in the file (<<<<<<< ours … >>>>>>> theirs); nothing is lost.\n"+
			"Fix the draft by hand so it reads again (\"pmwiz resume\" names what is wrong), then git add it.",
			path, strings.Join(why, "; "))
	case err == nil:
		if merged, rerr := os.ReadFile(ours); rerr == nil {
			if _, derr := model.Decode(merged); derr != nil && !errors.As(derr, new(*model.DecodeError)) {
				// A clean line merge that is no draft (one side emptied
				// the file, say) must not replace ours in the work tree.
				if werr := os.WriteFile(ours, oursData, 0o600); werr == nil {
					return exitCode(mergeRefused, "cannot merge %s field by field: %s.\n"+
						"The file holds ours, unchanged; theirs is \"git show :3:%s\", the common base \"git show :1:%s\".",
						path, strings.Join(why, "; "), path, path)
				}
			}
		}
		return exitCode(mergeRefused, "cannot merge %s field by field: %s.\n"+
			"git merged its lines without a conflict, but check the draft before you git add it (\"pmwiz resume\" names what is wrong).",
			path, strings.Join(why, "; "))
	}
	detail := strings.TrimSpace(out.String())
	if detail == "" && err != nil {
		detail = err.Error()
	}
	return exitCode(mergeRefused, "cannot merge %s: %s; git could not merge it line by line either (%s).\n"+
		"The file holds ours, unchanged; theirs is \"git show :3:%s\", the common base \"git show :1:%s\".",
		path, strings.Join(why, "; "), model.SafeLine(detail), path, path)
}
