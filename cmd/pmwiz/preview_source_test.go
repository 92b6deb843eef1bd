package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
)

// `pmwiz preview FILE.md` shows what pmwiz reads in the file, in pmwiz's
// layout: exactly the preview of the draft `pmwiz import` makes of it,
// whether the file is a pmwiz export as written (whose own blocks are
// drawn while it is imported), one edited since, one exported in another
// layout with front matter, or someone else's post-mortem; and the
// import's warnings are on stderr.
func TestPreviewOfAMarkdownFileIsThePreviewOfItsImport(t *testing.T) {
	dir := isolate(t)
	draft := "../../export/testdata/drafts/typical.json"
	exported := filepath.Join(dir, "as-exported.md")
	if code, _, errOut := runCLI(t, "export", "-o", exported, draft); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	google := filepath.Join(dir, "google.md")
	if code, _, errOut := runCLI(t, "export", "--layout", "google", "--front-matter", "-o", google, draft); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	edited := filepath.Join(dir, "edited.md")
	text := readFile(t, exported)
	i := strings.Index(text, "\n## ")
	if i < 0 {
		t.Fatalf("no section in the export:\n%s", text)
	}
	text = text[:i] + "\n\nA paragraph added by hand after the export.\n" + text[i:]
	if err := os.WriteFile(edited, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	files := []string{exported, edited, google, "../../export/testdata/postmortems/atlassian.md"}
	for _, style := range []string{"notty", "dark"} {
		_, fromDraft, _ := runCLI(t, "preview", "--width", "60", "--style", style, draft)
		for _, file := range files {
			// What the import makes of the file, as a draft on standard
			// input: previewed without any Markdown in sight.
			d, warnings, err := export.Import([]byte(readFile(t, file)))
			if err != nil {
				t.Fatalf("import %s: %v", file, err)
			}
			enc, err := model.Encode(d)
			if err != nil {
				t.Fatal(err)
			}
			var wantOut, wantErr bytes.Buffer
			if code := run(context.Background(), []string{"preview", "--width", "60", "--style", style, "-"}, bytes.NewReader(enc), &wantOut, &wantErr); code != 0 {
				t.Fatalf("preview of the imported draft: %s", wantErr.String())
			}
			want := wantOut.String()
			code, got, errOut := runCLI(t, "preview", "--width", "60", "--style", style, file)
			if code != 0 || got != want {
				t.Errorf("%s, %s: exit %d, %s; the preview differs from its import's:\n%s", filepath.Base(file), style, code, errOut, firstDifferentLine(got, want))
			}
			for _, w := range warnings {
				if !strings.Contains(errOut, "import: "+model.SafeLine(w)+"\n") {
					t.Errorf("%s: preview's stderr %q misses the import's warning %q", filepath.Base(file), errOut, w)
				}
			}
			if file == exported && got != fromDraft {
				t.Errorf("%s: the preview of an export differs from its draft's:\n%s", style, firstDifferentLine(got, fromDraft))
			}
			if file == edited && !strings.Contains(got, "A paragraph added by hand") {
				t.Errorf("%s: the preview of an edited export misses the edit:\n%s", style, got)
			}
		}
	}
	// The same from standard input.
	var out, errOut bytes.Buffer
	_, want, _ := runCLI(t, "preview", "--width", "60", edited)
	if code := run(context.Background(), []string{"preview", "--width", "60", "-"}, strings.NewReader(text), &out, &errOut); code != 0 || out.String() != want {
		t.Errorf("preview - of the edited export: exit %d, %s:\n%s", code, errOut.String(), firstDifferentLine(out.String(), want))
	}
}

func firstDifferentLine(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n got  %q\n want %q", i+1, a, b)
		}
	}
	return "(same lines)"
}
