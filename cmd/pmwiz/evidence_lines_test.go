package main

import "testing"

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
