package model

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// smallPieces cuts texts of any length into pieces of a few lines, so the
// joins are exercised on texts a test can afford.
func smallPieces(tb testing.TB) {
	tb.Helper()
	from, lo, hi, retry := piecesFrom, pieceMin, pieceMax, cutRetry
	piecesFrom, pieceMin, pieceMax, cutRetry = 1, 40, 200, 40
	tb.Cleanup(func() { piecesFrom, pieceMin, pieceMax, cutRetry = from, lo, hi, retry })
}

// pieceLines are what a post-mortem's long text is made of, including
// what makes a cut unsafe: sentences carried over lines, tone phrases,
// negations and numbers near line ends, why-questions and their answers,
// fences, quotes, lists, headings, tables and abbreviations.
var pieceLines = []string{
	"The payment service retried against the stale primary while the replica caught up.",
	"We apologize for any inconvenience this caused.",
	"We take the reliability of checkout",
	"very seriously.",
	"This was not",
	"human error, and we do not blame the on-call engineer.",
	"It was human error.",
	"Possibly",
	"3 hours of orders were delayed for 700 users in the EU.",
	"possibly the cache.",
	"Why did the deploy fail?",
	"Because the timeout was set to 0 ms in config 4127.",
	"- Why did nobody notice?",
	"- The alert went to an old channel.",
	"## What happened next",
	"```",
	"ERROR: connection refused at 14:05 UTC",
	"```",
	"> We posted updates on https://status.example.com every 30 minutes.",
	"> and kept the incident channel open",
	"| time | what |",
	"|---|---|",
	"| 14:05 | PostgreSQL failover |",
	"e.g.",
	"Dr.",
	"the on-call engineer paged Kafka's owners, i.e.",
	"Mr. Smith wrote to ops@example.com on 2026-11-23.",
	"We rolled out the fix to every region.",
	"Our root cause analysis showed the queue grew without bound.",
	"“Nobody expected it,” said the lead.",
	"",
	"   ",
	"1. We learned to review config like code.",
	"We will add a check to the deploy pipeline by January 31st.",
	"out of an abundance of caution we paused deploys.",
	"Unfortunately, we",
	"may have lost some events.",
}

func randomText(r *rand.Rand, lines int) string {
	var b strings.Builder
	for range lines {
		l := pieceLines[r.IntN(len(pieceLines))]
		if r.IntN(9) == 0 {
			l = "  " + l
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// randomEdit types, deletes or pastes somewhere in text, as a user would.
func randomEdit(r *rand.Rand, text string) string {
	at := r.IntN(len(text) + 1)
	switch r.IntN(4) {
	case 0:
		return text[:at] + string("aZ .?\n#>-`"[r.IntN(10)]) + text[at:]
	case 1:
		if at < len(text) {
			return text[:at] + text[at+1:]
		}
	case 2:
		return text[:at] + randomText(r, 1+r.IntN(3)) + text[at:]
	}
	end := min(at+r.IntN(200), len(text))
	return text[:at] + text[end:]
}

func countPieces(text string) int {
	n := 0
	for start := 0; start <= len(text); start = nextCut(text, start) + 1 {
		n++
	}
	return n
}

func TestPiecesReadAsWholeAfterEdits(t *testing.T) {
	smallPieces(t)
	r := rand.New(rand.NewPCG(11, 12))
	cut := 0
	for round := range 30 {
		text := randomText(r, 40+r.IntN(200))
		var memo pieceMemo
		for edit := range 25 {
			if n := countPieces(text); n > 1 {
				cut++
			}
			got, want := statsInPieces(text, &memo), statsOf(text)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, edit %d: reading in pieces differs from reading whole\ntext:\n%s\ngot  %+v\nwant %+v", round, edit, text, got, want)
			}
			memo.age()
			text = randomEdit(r, text)
		}
	}
	if cut < 500 {
		t.Fatalf("only %d of 750 texts were cut into pieces: the test reads nothing in pieces", cut)
	}
}

// TestScorerReadsLongTextsAsScoreDoes: the wizard's Scorer, typing into
// a long summary, reports exactly what a cold Score does.
func TestScorerReadsLongTextsAsScoreDoes(t *testing.T) {
	smallPieces(t)
	r := rand.New(rand.NewPCG(5, 6))
	d := typicalDraft(5)
	d.Summary = randomText(r, 300)
	d.RootCause.Analysis = randomText(r, 300)
	s := NewScorer()
	for edit := range 60 {
		if got, want := s.Score(d), Score(d); !reflect.DeepEqual(got, want) {
			t.Fatalf("edit %d: the Scorer's report differs from Score's\ngot  %+v\nwant %+v", edit, got, want)
		}
		if edit%2 == 0 {
			d.Summary = randomEdit(r, d.Summary)
		} else {
			d.RootCause.Analysis = randomEdit(r, d.RootCause.Analysis)
		}
	}
}

func TestCutsAreSafe(t *testing.T) {
	smallPieces(t)
	for _, tc := range []struct {
		name, text string
		cut        bool
	}{
		{"sentence ends at the line break", strings.Repeat("The replica caught up with the primary again.\n", 3) + "Then the team deployed the fix everywhere today.\n", true},
		{"sentence goes on", strings.Repeat("The replica caught up with the primary again and\n", 3) + "then we rolled out the fix to every region.\n", false},
		{"next line starts lower case", strings.Repeat("The replica caught up with the primary again.\n", 3) + "then we rolled out the fix to every region.\n", false},
		{"abbreviation", strings.Repeat("The replica caught up with the primary, e.g.\n", 3) + "The second replica did too and we moved on.\n", false},
		{"tone phrase across the break", strings.Repeat("The replica caught up with the primary again.\n", 3) + "We apologize for any\ninconvenience this caused to everyone today.\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The last line break but one is the only candidate past pieceMin.
			c := strings.LastIndexByte(strings.TrimSuffix(tc.text, "\n"), '\n')
			if got := safeCut(tc.text, c); got != tc.cut {
				t.Errorf("safeCut at %q = %v, want %v", tc.text[max(c-20, 0):min(c+20, len(tc.text))], got, tc.cut)
			}
		})
	}
}

func FuzzPiecesReadAsWhole(f *testing.F) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 8 {
		f.Add(randomText(r, 60), uint(r.IntN(4000)), "x")
	}
	f.Add("Why?\n\nBecause it broke badly today.\n", uint(5), "\n")
	f.Fuzz(func(t *testing.T, text string, at uint, insert string) {
		if len(text) > 1<<16 || len(insert) > 1<<10 {
			return
		}
		smallPieces(t)
		var memo pieceMemo
		if got, want := statsInPieces(text, &memo), statsOf(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("reading %q in pieces differs from reading it whole\ngot  %+v\nwant %+v", text, got, want)
		}
		memo.age()
		i := int(at % uint(len(text)+1))
		edited := text[:i] + insert + text[i:]
		if got, want := statsInPieces(edited, &memo), statsOf(edited); !reflect.DeepEqual(got, want) {
			t.Fatalf("after an edit, reading %q in pieces differs from reading it whole\ngot  %+v\nwant %+v", edited, got, want)
		}
	})
}
