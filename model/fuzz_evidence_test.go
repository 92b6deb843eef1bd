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
					if it.ID != ItemStartEnd && it.ID != ItemTechnologies && !strings.Contains(all, squeeze.Replace(e.Quote)) {
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
