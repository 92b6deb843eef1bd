package model

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// countTokensByRune is countTokens as it was before its byte table: the
// reference the fast one must agree with.
func countTokensByRune(s string) (words, digits int) {
	for _, tok := range strings.FieldsFunc(s, unicode.IsSpace) {
		alnum, digit := false, false
		for _, r := range tok {
			alnum = alnum || unicode.IsLetter(r) || unicode.IsDigit(r)
			digit = digit || unicode.IsDigit(r)
		}
		if alnum {
			words++
		}
		if digit {
			digits++
		}
	}
	return words, digits
}

var countSeeds = []string{
	"", " ", "a", "We rolled back at 14:05 UTC.", "  two\tspaces  and\nlines ",
	"— - 12% 3/4 v2.1", "naïve café ½ ٣ users", "a\u00a0b\u2003c", "\xff\xfe bad bytes 9",
	"trailing ", " leading", "x\vy\fz\r",
}

func FuzzCountTokens(f *testing.F) {
	for _, s := range countSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, d := countTokens(s)
		rw, rd := countTokensByRune(s)
		if w != rw || d != rd {
			t.Fatalf("countTokens(%q) = %d, %d; by rune %d, %d", s, w, d, rw, rd)
		}
	})
}

func FuzzCollapse(f *testing.F) {
	for _, s := range countSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		if got := collapse(s); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
		// Exactly: a line it calls not collapsed is copied for nothing.
		if got := isCollapsed(s); got != (want == s) {
			t.Fatalf("isCollapsed(%q) = %v", s, got)
		}
	})
}

// The byte test before wordMatches' ’ replacement must see every word
// that holds one.
func FuzzWordMatches(f *testing.F) {
	f.Add("we're", "we’re")
	f.Add("fail*", "Failover")
	f.Add("k", "\u212a")
	f.Add("don't", "don’t’")
	f.Fuzz(func(t *testing.T, pattern, word string) {
		if !utf8.ValidString(pattern) {
			return
		}
		want := false
		if p, ok := strings.CutSuffix(pattern, "*"); ok {
			want = len(word) >= len(p) && strings.EqualFold(word[:len(p)], p)
		} else {
			want = strings.EqualFold(pattern, strings.ReplaceAll(word, "’", "'"))
		}
		if got := wordMatches(pattern, word); got != want {
			t.Fatalf("wordMatches(%q, %q) = %v, want %v", pattern, word, got, want)
		}
	})
}

// isAgentByLowering is isAgent without its quick rejections.
func isAgentByLowering(w string) bool {
	if w == "I" || strings.HasPrefix(w, "I'") || strings.HasPrefix(w, "I’") {
		return true
	}
	switch strings.ToLower(strings.ReplaceAll(w, "’", "'")) {
	case "we", "we're", "we've", "we'd", "we'll", "our", "ours", "ourselves", "my", "myself":
		return true
	}
	return false
}

func FuzzIsAgent(f *testing.F) {
	for _, s := range []string{"We", "we’re", "OURSELVES", "Our’s", "my", "Myself", "I’d", "was", "İ", "\u212aa", "ourselves’", "w"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := isAgent(w), isAgentByLowering(w); got != want {
			t.Fatalf("isAgent(%q) = %v, want %v", w, got, want)
		}
	})
}

// isMonthByLowering is isMonth as it was, lower-casing copies.
func isMonthByLowering(w string) bool {
	if len(w) < 3 || len(w) > 9 {
		return false
	}
	return months[strings.ToLower(w[:3])] && (len(w) == 3 || strings.HasPrefix(strings.ToLower(monthNames[strings.ToLower(w[:3])]), strings.ToLower(w)) || strings.EqualFold(w, "sept"))
}

func FuzzIsMonth(f *testing.F) {
	for _, s := range []string{"Jan", "January", "SEPT", "Sept", "septem", "Mayday", "marc", "déc", "\u212aan", "Octobers", "jun"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := isMonth(w), isMonthByLowering(w); got != want {
			t.Fatalf("isMonth(%q) = %v, want %v", w, got, want)
		}
	})
}

// FuzzPhraseIndexEach checks the indexed matcher against trying every
// phrase at every token, for both catalogues.
func FuzzPhraseIndexEach(f *testing.F) {
	for _, s := range []string{
		"We apologize for any inconvenience this may have caused.",
		"The outage was caused by human error; it’s possibly fixed.",
		"due to this incident we failed over, potentially 250 nodes",
		"WE’RE SORRY for the trouble — root cause: a bad config push",
	} {
		f.Add(s)
	}
	// Every phrase of both catalogues, as written and shouted, with its
	// gaps filled, so the fuzzer starts from text that matches.
	for _, words := range append(slices.Clone(cueIndex.words), toneIndex.words...) {
		s := strings.ReplaceAll(strings.ReplaceAll(strings.Join(words, " "), "…", "the big"), "*", "ed")
		f.Add("So " + s + " then.")
		f.Add(strings.ToUpper(s))
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		toks := tokenize(text, nil)
		for name, x := range map[string]*phraseIndex{"cue": cueIndex, "tone": toneIndex} {
			got := map[[3]int]bool{}
			x.each(text, toks, func(id, first, last int) { got[[3]int{id, first, last}] = true })
			want := map[[3]int]bool{}
			for i := range toks {
				for id, words := range x.words {
					if last, ok := matchWords(words, text, toks, i); ok {
						want[[3]int{id, i, last}] = true
					}
				}
			}
			for k := range want {
				if !got[k] {
					t.Fatalf("%s: %q: phrase %v at %d..%d missed", name, text, x.words[k[0]], k[1], k[2])
				}
			}
			for k := range got {
				if !want[k] {
					t.Fatalf("%s: %q: phrase %v at %d..%d is not a match", name, text, x.words[k[0]], k[1], k[2])
				}
			}
			// The order matters too: it is the order of hits and findings.
			var seq, ref [][3]int
			x.each(text, toks, func(id, first, last int) { seq = append(seq, [3]int{id, first, last}) })
			x.eachRef(text, toks, func(id, first, last int) { ref = append(ref, [3]int{id, first, last}) })
			if !slices.Equal(seq, ref) {
				t.Fatalf("%s: %q: matches %v, the reference %v", name, text, seq, ref)
			}
			// And as each was before the one pass (onepass_before_test.go).
			var before [][3]int
			x.eachBefore(text, toks, func(id, first, last int) { before = append(before, [3]int{id, first, last}) })
			if !slices.Equal(seq, before) {
				t.Fatalf("%s: %q: matches %v, before the one pass %v", name, text, seq, before)
			}
		}
	})
}

// tokenizeByRune is tokenize as it was, a rune at a time.
func tokenizeByRune(text string) []token {
	var toks []token
	start := -1
	for i, r := range text { // a bad byte reads as U+FFFD: neither letter nor digit
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
		if inWord && start < 0 {
			start = i
		}
		if !inWord && start >= 0 {
			toks = append(toks, token{start, i})
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, token{start, len(text)})
	}
	return toks
}

func FuzzTokenize(f *testing.F) {
	for _, s := range countSeeds {
		f.Add(s)
	}
	f.Add("we’re at 14:05 — don't, naïve\xffx")
	f.Fuzz(func(t *testing.T, text string) {
		got, want := tokenize(text, nil), tokenizeByRune(text)
		if len(got) != len(want) {
			t.Fatalf("tokenize(%q) = %v, by rune %v", text, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("tokenize(%q) = %v, by rune %v", text, got, want)
			}
		}
	})
}

// eachRef is phraseIndex.each before it looked at a phrase's second
// word: the reference for which phrases match, and in what order.
func (x *phraseIndex) eachRef(text string, toks []token, fn func(id, first, last int)) {
	var buf [32]byte
	try := func(id, i int) {
		if last, ok := matchWords(x.words[id], text, toks, i); ok {
			fn(id, i, last)
		}
	}
	// tryRest is try for a phrase whose first word is the token's
	// lower-cased ASCII key: that word matches already.
	tryRest := func(id, i int) {
		if last, ok := matchWordsFrom(x.words[id], 1, text, toks, i+1); ok {
			fn(id, i, last)
		}
	}
	for i, t := range toks {
		w := text[t.start:t.end]
		if key, ok := lowerKey(w, &buf); ok {
			// The bitsets read the bytes: a string(key) passed to a
			// function is a copy on the heap, where a map index of one is
			// not.
			if len(key) > 0 && x.firstLens[firstSlotIndex(key)]&(1<<min(len(key), 63)) != 0 {
				for _, id := range x.byFirstWord[string(key)] { // no allocation: a map lookup
					tryRest(id, i)
				}
			}
			if len(key) >= headLen && x.mayHaveHeadBytes(key[0], key[1], key[2]) {
				for _, id := range x.prefixByHead[string(key[:headLen])] {
					try(id, i)
				}
			}
		} else {
			lw := strings.ToLower(w)
			if x.mayHaveFirst(lw) {
				for _, id := range x.byFirstWord[lw] {
					try(id, i)
				}
			}
			if len(lw) >= headLen && x.mayHaveHead(lw[:headLen]) {
				for _, id := range x.prefixByHead[lw[:headLen]] {
					try(id, i)
				}
			}
		}
		for _, id := range x.prefixFirsts {
			try(id, i)
		}
	}
}

// TestMonthNameIsTheMap: the switch holds the map's twelve months.
func TestMonthNameIsTheMap(t *testing.T) {
	for head, full := range monthNames {
		if got := monthName(head[0], head[1], head[2]); got != full {
			t.Errorf("monthName(%q) = %q, want %q", head, got, full)
		}
	}
	if got := monthName('x', 'y', 'z'); got != "" {
		t.Errorf("monthName(xyz) = %q", got)
	}
}

// TestIsAgentAllocatesNothing: isAgent runs on every word.
func TestIsAgentAllocatesNothing(t *testing.T) {
	for _, w := range []string{"We", "ourselves", "Outage", "was"} {
		if n := testing.AllocsPerRun(100, func() { isAgent(w) }); n != 0 {
			t.Errorf("isAgent(%q): %v allocations", w, n)
		}
	}
}

// FuzzTokenizeCounting holds the one pass to its two references:
// tokenize's tokens and countTokens' counts.
func FuzzTokenizeCounting(f *testing.F) {
	for _, s := range countSeeds {
		f.Add(s)
	}
	f.Add("we’re at 14:05 — don't, naïve\xffx ' '' 9' -- x\u00a0y\u0085z ٣")
	f.Fuzz(func(t *testing.T, text string) {
		toks, words, digits := tokenizeCounting(text, nil)
		wantWords, wantDigits := countTokens(text)
		if want := tokenize(text, nil); !slices.Equal(toks, want) {
			t.Fatalf("tokenizeCounting(%q) tokens %v, tokenize %v", text, toks, want)
		}
		if words != wantWords || digits != wantDigits {
			t.Fatalf("tokenizeCounting(%q) counts %d words, %d digits; countTokens %d, %d", text, words, digits, wantWords, wantDigits)
		}
	})
}

// FuzzWordsUpTo: the bounded count is Words, capped.
func FuzzWordsUpTo(f *testing.F) {
	for _, s := range countSeeds {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		limit = limit%8 + 4 // -3 … 11
		if got, want := wordsUpTo(s, limit), min(Words(s), max(limit, 0)); got != want {
			t.Fatalf("wordsUpTo(%q, %d) = %d, want %d", s, limit, got, want)
		}
	})
}
