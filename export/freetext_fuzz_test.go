package export

import "testing"

// FuzzNeutraliseHTMLQuickTest: text the quick test lets through
// unparsed is text the parse would leave as it is.
func FuzzNeutraliseHTMLQuickTest(f *testing.F) {
	for _, s := range []string{"14:05 paged the on-call", "see https://status.example.com", "mail ops@example.com", "<b>bold</b>", "WWW.example.com", "ftp://x.y", "a: b", "http:x", "<http:x>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !mayHoldHTMLOrLink(s) {
			if got := neutraliseHTMLParsed(s); got != s {
				t.Fatalf("%q passed the quick test unparsed, but the parse makes it %q", s, got)
			}
		}
	})
}
