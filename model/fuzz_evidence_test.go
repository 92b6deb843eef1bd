package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWholeTextEvidence feeds arbitrary Markdown to the rubric as an
// unmapped section and as the summary: nothing may panic, every verdict
// but no has a quote, and every quote is verbatim from the text (white
// space collapsed, neutralised for the terminal), at most about 200 bytes.
func FuzzWholeTextEvidence(f *testing.F) {
	f.Add("We missed the alert because it went to an inbox.\n\n1. **Why?** - Because.\n")
	f.Add("> quoted\nlazy line\n\n```\ncode We failed\n```\n| a | b |\n|---|---|\n| 14:05 | `pg_dump` ran |")
	f.Add("On 31st July 2018 we posted updates at https://status.example.com. 5,000 users could not log in.")
	f.Add("- Why did it fail? It did.\n- Why? \n# Heading?\nWhy not?")
	f.Add(strings.Repeat("Kafka PostgreSQL `strace` tool. ", 50))
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, d := range []*Draft{{Summary: text}, {Other: []Section{{Heading: "Notes", Body: text}}}} {
			r := Score(d)
			// Table rows are quoted cell by cell ("14:05 | fix"): compare
			// without white space and pipes.
			squeeze := strings.NewReplacer(" ", "", "|", "")
			all := squeeze.Replace(collapse(SafeLine(text)))
			// A blockquote's lines are quoted without their ">" markers
			// ("> 0" / "> 0" reads as one sentence, "0 0").
			unquoted := squeeze.Replace(collapse(SafeLine(withoutQuoteMarks(text))))
			for _, it := range r.Items {
				// Text that is only an escape sequence leaves nothing to
				// quote once neutralised for the terminal.
				if it.Status != No && len(it.Evidence) == 0 && Words(SafeText(text)) > 0 {
					t.Fatalf("%s is %s without evidence", it.ID, it.Status)
				}
				for _, e := range it.Evidence {
					if len(e.Quote) > maxQuote+4 || e.Where == "" {
						t.Fatalf("%s: bad evidence %+v", it.ID, e)
					}
					if it.ID != ItemStartEnd && it.ID != ItemTechnologies && !strings.Contains(all, squeeze.Replace(e.Quote)) && !strings.Contains(unquoted, squeeze.Replace(e.Quote)) {
						t.Fatalf("%s: quote %q is not in the text %q", it.ID, e.Quote, all)
					}
				}
			}
		}
		for _, name := range TechnologiesIn(text) {
			if name == "" {
				t.Fatal("an empty technology name")
			}
		}
	})
}

// withoutQuoteMarks drops the ">" marks that open each line of a
// blockquote, as the sentence reader does.
func withoutQuoteMarks(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, "> \t")
	}
	return strings.Join(lines, "\n")
}

// quoteWhole is Quote by its definition, reading the whole text: the
// reference for Quote's reading of a prefix.
func quoteWhole(s string) string { return quoteCut(collapse(SafeLine(s))) }

// FuzzQuotePrefix: a quote read from a prefix of the text is the quote
// of the whole, at every length around the prefixes Quote reads.
func FuzzQuotePrefix(f *testing.F) {
	for _, s := range []string{"We broke checkout. ", "a\x1b[31mb  \t c\r\n", "word ", "  \n\n ", "\xe2\x80\x99é\u00a0x", "\x1b]0;t\x07ab ", strings.Repeat("a", 199) + " bc\td", strings.Repeat("ab ", 66) + "\n\nc"} {
		f.Add(s, uint16(40))
	}
	f.Fuzz(func(t *testing.T, s string, n uint16) {
		if s == "" {
			return
		}
		// Repeated to lengths either side of 2*maxQuote and of 8 KB.
		long := strings.Repeat(s, int(n)%(20<<10/len(s)+2)+1)
		for _, x := range []string{s, long} {
			if got, want := Quote(x), quoteWhole(x); got != want {
				t.Fatalf("Quote(%q) = %q, want %q", x, got, want)
			}
		}
	})
}
