package export

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// lines is what a reader sees of rendered output: the text of each line
// without colour and without trailing blanks, and no blank lines at the
// ends.
func seen(s string) string {
	ls := strings.Split(ansi.Strip(s), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " ")
	}
	return strings.Trim(strings.Join(ls, "\n"), "\n")
}

func TestSplitBlocksJoinsBackToTheDocument(t *testing.T) {
	cases := map[string]struct {
		md   string
		want int
	}{
		"paragraphs and headings":  {"# T\n\nOne.\n\n## S\n\nTwo\nlines.\n", 4},
		"a fence with blank lines": {"Para.\n\n```\ncode\n\nmore code\n```\n\nAfter.\n", 3},
		"a loose list stays whole": {"- a\n\n- b\n\n  more of b\n\nAfter.\n", 2},
		"a table":                  {"| a | b |\n| - | - |\n| 1 | 2 |\n\nAfter.\n", 2},
		"a reference definition":   {"See [x].\n\n[x]: https://example.com\n", 1},
		"indented code":            {"Para.\n\n    code\n\n    more\n", 1},
		"empty":                    {"", 1},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			bs := splitBlocks(c.md)
			if len(bs) != c.want {
				t.Errorf("%d blocks, want %d: %q", len(bs), c.want, bs)
			}
			if got := strings.Join(bs, "\n"); strings.TrimRight(got, "\n") != strings.TrimRight(c.md, "\n") {
				t.Errorf("joined blocks %q, want %q", got, c.md)
			}
		})
	}
}

// The block renderer must read exactly as glamour's render of the whole
// document, in every style and at narrow and wide widths, for the
// project's own drafts and any published post-mortem in ../shared/corpus.
func TestBlockRenderReadsAsTheWholeRender(t *testing.T) {
	docs := renderTestDocs(t)
	for name, md := range docs {
		for _, style := range Styles {
			for _, w := range []int{30, 76} {
				whole := glamourWhole(t, md, w, style)
				par, err := Render(md, w, style)
				if err != nil {
					t.Fatal(err)
				}
				if seen(par) != seen(whole) {
					t.Errorf("%s, %s at %d: Render (blocks on every core) differs from glamour's:\n%s", name, style, w, firstDiff(seen(par), seen(whole)))
				}
				br, err := NewBlockRenderer(style, w)
				if err != nil {
					t.Fatal(err)
				}
				got, err := br.Render(md)
				if err != nil {
					t.Fatal(err)
				}
				if seen(got) != seen(whole) {
					t.Errorf("%s, %s at %d: block render differs from glamour's:\n%s", name, style, w, firstDiff(seen(got), seen(whole)))
				}
				// Again, from what it remembers: the same.
				if again, _ := br.Render(md); again != got {
					t.Errorf("%s, %s at %d: a second render from memory differs", name, style, w)
				}
			}
		}
	}
}

// renderTestDocs are the documents the block renderers are checked on:
// the exports of our test drafts, a long one of our own (a 400-row table,
// long paragraphs, a long list: over the size Render spreads over cores),
// and up to 12 published post-mortems from ../shared/corpus when present.
func renderTestDocs(t *testing.T) map[string]string {
	t.Helper()
	docs := map[string]string{}
	for _, name := range []string{"typical.json", "tricky.json", "minimal.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", "drafts", name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := model.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		md, err := Markdown(d, Options{NoStamp: true})
		if err != nil {
			t.Fatal(err)
		}
		docs[name] = string(md)
	}
	var long strings.Builder
	long.WriteString("# The queue that never drained\n\n")
	for i := range 12 {
		fmt.Fprintf(&long, "Paragraph %d. %s\n\n", i, strings.Repeat("Workers kept **retrying** against a primary that had already stepped down, and each retry sat behind the last. ", 12))
	}
	long.WriteString("| When | What happened | Who |\n| --- | --- | :-: |\n")
	for i := range 400 {
		fmt.Fprintf(&long, "| 09:%02d | Worker %d gave up after %d retries, see `queue-%d` | on-call %d |\n", i%60, i, i%7, i, i%3)
	}
	long.WriteString("\n## Lessons\n\n")
	for i := range 150 {
		fmt.Fprintf(&long, "- Lesson %d: a retry needs a budget, and the budget needs an alert\n", i)
	}
	docs["long"] = long.String()
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "postmortems", "*.md"))
	for _, p := range corpus[:min(len(corpus), 12)] {
		b, err := os.ReadFile(p)
		if err == nil && len(b) < 200_000 {
			docs[filepath.Base(p)] = string(b)
		}
	}
	return docs
}

// glamourWhole is glamour's own render of md in one piece.
func glamourWhole(t *testing.T, md string, width int, style string) string {
	t.Helper()
	tr, err := termRenderer(style, width)
	if err != nil {
		t.Fatal(err)
	}
	r, err := tr.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n got  %q\n want %q", i+1, x, y)
		}
	}
	return ""
}

// The first screen drawn before the rest shows the document's first
// lines as the whole render does (all but the last line drawn, which may
// come from a cut paragraph), also when a long paragraph opens it.
func TestRenderTopIsTheStartOfTheWholeRender(t *testing.T) {
	long := strings.Repeat("Every retry opened a new connection to the primary database. ", 2000)
	md := "# Outage\n\n" + long + "\n\n## Impact\n\nSome.\n\n- a\n- b\n"
	for _, style := range Styles {
		br, err := NewBlockRenderer(style, 60)
		if err != nil {
			t.Fatal(err)
		}
		top, done, err := br.RenderTop(md, 30)
		if err != nil {
			t.Fatal(err)
		}
		if done {
			t.Errorf("%s: a 120 KB paragraph was drawn whole for a first screen of 30 lines", style)
		}
		whole, err := newBlockRendererMust(t, style, 60).Render(md)
		if err != nil {
			t.Fatal(err)
		}
		tl, wl := strings.Split(seen(top), "\n"), strings.Split(seen(whole), "\n")
		if len(tl) < 30 {
			t.Errorf("%s: first screen has %d lines, want ≥ 30", style, len(tl))
		}
		for i := range len(tl) - 1 {
			if tl[i] != wl[i] {
				t.Errorf("%s: line %d of the first screen %q, whole render %q", style, i+1, tl[i], wl[i])
				break
			}
		}
	}
}

func newBlockRendererMust(t *testing.T, style string, w int) *BlockRenderer {
	t.Helper()
	br, err := NewBlockRenderer(style, w)
	if err != nil {
		t.Fatal(err)
	}
	return br
}

func TestTrimPaddingKeepsWhatShows(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain spaces", "  text   \n   \nmore ", "  text\n\nmore"},
		{"coloured padding", "  \x1b[38;5;252mword\x1b[m\x1b[38;5;252m \x1b[m\x1b[38;5;252m \x1b[m", "  \x1b[38;5;252mword\x1b[m"},
		{"empty colour pairs", "\x1b[38;5;252m\x1b[m\x1b[38;5;252m \x1b[m", ""},
		{"text ending in m", "\x1b[1mitem\x1b[m", "\x1b[1mitem\x1b[m"},
		{"a code block's background stays", "\x1b[38;5;203;48;5;236m   \x1b[m", "\x1b[38;5;203;48;5;236m   \x1b[m"},
		{"a 256-colour foreground numbered like a background", "x\x1b[38;5;45m \x1b[m", "x"},
		{"reverse video stays", "x\x1b[7m \x1b[0m", "x\x1b[7m \x1b[0m"},
	}
	for _, c := range cases {
		if got := TrimPadding(c.in); got != c.want {
			t.Errorf("%s: TrimPadding(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}
