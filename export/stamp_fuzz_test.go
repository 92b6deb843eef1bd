package export

import (
	"slices"
	"testing"
)

// FuzzFindStamp: looking for the stamp at the end of a file finds what
// the regexp finds over the whole file, so Owner and Import read every
// file as before.
func FuzzFindStamp(f *testing.F) {
	body := "# Outage\n\nIt broke.\n"
	for _, s := range []string{
		Stamp(body),
		Stamp(body) + "\n\n\n",
		body + "\n" + stampPrefix + "0123456789abcdef. x -->",
		"text " + stampPrefix + "0123456789abcdef. -->\n",
		stampPrefix + "0123456789abcdef. " + stampPrefix + "fedcba9876543210. -->\n",
		Stamp(body) + "an edit after the stamp\n",
		"\n\n\n",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := findStamp(s), stampRe.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Fatalf("findStamp(%q) = %v, the regexp over the whole text finds %v", s, got, want)
		}
	})
}
