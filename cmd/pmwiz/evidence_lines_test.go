package main

import (
	"bytes"
	"testing"
)

func TestEvidenceLines(t *testing.T) {
	src := []byte("# Title\n\nWe **missed** the\nwarning because it\nwent to an inbox.\n\n| 14:05 | `pg_dump` fails |\n\nSSH keys, not SSHD.\n")
	idx := newTextIndex(src)
	for quote, want := range map[string]int{
		"We missed the warning because it went to an inbox.": 3, // hard-wrapped, emphasis dropped
		"14:05 | pg_dump fails":                              7, // a table row as the draft keeps it
		"Went wrong: warning because it went to an inbox":    4, // a label the draft added
		"SSH":            9,
		"SSHD":           9,
		"nowhere to see": 0,
	} {
		if got := idx.line(quote); got != want {
			t.Errorf("line(%q) = %d, want %d", quote, got, want)
		}
	}
}

// FuzzEvidenceLines: any file, any quote: no panic, and a line found is a
// line of the file that holds the quote's first word.
func FuzzEvidenceLines(f *testing.F) {
	f.Add([]byte("a **b**\nc `d` e\n\n| x | y |\n"), "b c d")
	f.Add([]byte("Went well: ok\n"), "Went well: ok")
	f.Add([]byte("SSH\n"), "SSH")
	f.Fuzz(func(t *testing.T, src []byte, quote string) {
		n := newTextIndex(src).line(quote)
		lines := bytes.Count(src, []byte{'\n'}) + 1
		if n < 0 || n > lines {
			t.Fatalf("line %d of a %d-line file", n, lines)
		}
	})
}
