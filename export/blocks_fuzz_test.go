package export

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// FuzzSplitBlocks: cutting a document into blocks loses and adds nothing
// but blank lines, and leaves no block empty.
func FuzzSplitBlocks(f *testing.F) {
	for _, s := range []string{"# T\n\nA.\n\n- a\n\n- b\n", "```\n\n```\n\nx", "    code\n\ny", "[x]: https://e\n\nz", "1. a\n\n2) b\n\n+\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		blocks := splitBlocks(md)
		if len(blocks) == 0 {
			t.Fatal("no blocks")
		}
		for i, b := range blocks {
			if len(blocks) > 1 && strings.TrimSpace(b) == "" {
				t.Fatalf("block %d of %d is blank: %q", i, len(blocks), blocks)
			}
		}
		squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
		if got, want := squash(strings.Join(blocks, "\n")), squash(md); got != want {
			t.Fatalf("blocks %q do not join back to %q", blocks, md)
		}
	})
}

// FuzzTrimPadding: trimming padding never changes the visible words, and
// never makes a line longer.
func FuzzTrimPadding(f *testing.F) {
	for _, s := range []string{"  \x1b[38;5;252mword\x1b[m\x1b[38;5;252m \x1b[m", "x\x1b[48;5;236m  \x1b[m", "a \nb  \n", "\x1b[m", "m\x1b[1m \x1b[0m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("glamour writes UTF-8; ansi.Strip reads bytes after an invalid one differently")
		}
		out := TrimPadding(s)
		if len(out) > len(s) {
			t.Fatalf("longer: %q → %q", s, out)
		}
		if a, b := strings.Fields(ansi.Strip(out)), strings.Fields(ansi.Strip(s)); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Fatalf("visible text changed: %q → %q", s, out)
		}
	})
}
