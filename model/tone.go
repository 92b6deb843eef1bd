package model

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed tone_catalogue.txt
var toneCatalogueText string

// tonePhrase is one parsed line of the catalogue.
type tonePhrase struct {
	kind       FindingKind
	words      []string // lower case; "*" suffix = any ending; "…" = a gap
	suggestion string
}

// maxGap is how many words "…" may stand for.
const maxGap = 4

// tonePhrases, indexed by their first word for speed: the tone check runs
// on every keystroke over the whole draft.
var (
	tonePhrases  []tonePhrase
	byFirstWord  = map[string][]int{}
	prefixFirsts []int // phrases whose first word is a prefix pattern
)

func init() {
	phrases, err := parseCatalogue(toneCatalogueText)
	if err != nil {
		panic("model: tone catalogue: " + err.Error())
	}
	tonePhrases = phrases
	for i, p := range phrases {
		if strings.HasSuffix(p.words[0], "*") {
			prefixFirsts = append(prefixFirsts, i)
		} else {
			byFirstWord[p.words[0]] = append(byFirstWord[p.words[0]], i)
		}
	}
}

func parseCatalogue(text string) ([]tonePhrase, error) {
	var out []tonePhrase
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) != 3 {
			return nil, fmt.Errorf("line %d: want kind | phrase | suggestion", n+1)
		}
		kind := FindingKind(strings.TrimSpace(parts[0]))
		if kind != Boilerplate && kind != Hedging && kind != Blame {
			return nil, fmt.Errorf("line %d: unknown kind %q", n+1, kind)
		}
		var words []string
		for _, w := range strings.Fields(strings.ToLower(parts[1])) {
			if w == "..." {
				w = "…"
			}
			words = append(words, w)
		}
		if len(words) == 0 || words[0] == "…" || words[len(words)-1] == "…" {
			return nil, fmt.Errorf("line %d: a phrase needs words at both ends", n+1)
		}
		out = append(out, tonePhrase{kind, words, strings.TrimSpace(parts[2])})
	}
	return out, nil
}

// token is one word of a text, by its byte span. Words are compared
// case-insensitively in place (strings.EqualFold) rather than lower-cased
// into new strings: the check runs on every keystroke over the whole
// draft, and allocating a string per word was most of its cost.
type token struct{ start, end int }

// tokenize splits text into words: runs of letters, digits and
// apostrophes. Matching whole tokens is what keeps "possibly" from hitting
// "impossibly".
func tokenize(text string, toks []token) []token {
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		var inWord bool
		size := 1
		if c < utf8.RuneSelf {
			inWord = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\''
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’'
		}
		if inWord && start < 0 {
			start = i
		}
		if !inWord && start >= 0 {
			toks = append(toks, token{start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		toks = append(toks, token{start, len(text)})
	}
	return toks
}

// lowerKey lower-cases an ASCII word into buf for the first-word index;
// ok is false for words that are not plain ASCII or too long to be a
// catalogue word.
func lowerKey(word string, buf *[32]byte) ([]byte, bool) {
	if len(word) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(word)], true
}

func wordMatches(pattern, word string) bool {
	if p, ok := strings.CutSuffix(pattern, "*"); ok {
		return len(word) >= len(p) && strings.EqualFold(word[:len(p)], p)
	}
	if strings.ContainsRune(word, '’') {
		word = strings.ReplaceAll(word, "’", "'")
	}
	return strings.EqualFold(pattern, word)
}

// matchAt tries phrase p at token i; it returns the index of the last
// token matched.
func (p tonePhrase) matchAt(text string, toks []token, i int) (int, bool) {
	word := func(j int) string { return text[toks[j].start:toks[j].end] }
	j := i
	for k := 0; k < len(p.words); k++ {
		w := p.words[k]
		if w == "…" {
			next := p.words[k+1]
			found := false
			for skip := 0; skip <= maxGap && j+skip < len(toks); skip++ {
				if wordMatches(next, word(j+skip)) {
					j += skip
					found = true
					break
				}
			}
			if !found {
				return 0, false
			}
			continue
		}
		if j >= len(toks) || !wordMatches(w, word(j)) {
			return 0, false
		}
		j++
	}
	return j - 1, true
}

// CheckToneText runs the tone check over one field's text; field is the
// path reported in each finding ("summary", "lessons[2]").
func CheckToneText(field, text string) []Finding {
	if text == "" {
		return nil
	}
	toks := tokenize(text, make([]token, 0, len(text)/6+1))
	var out []Finding
	try := func(pi, i int) {
		p := tonePhrases[pi]
		last, ok := p.matchAt(text, toks, i)
		if !ok || p.kind == Blame && negated(text, toks, i) {
			return
		}
		start, end := toks[i].start, toks[last].end
		out = append(out, Finding{Kind: p.kind, Field: field, Phrase: text[start:end], Offset: start, Suggestion: p.suggestion})
	}
	var buf [32]byte
	for i, t := range toks {
		w := text[t.start:t.end]
		if key, ok := lowerKey(w, &buf); ok {
			for _, pi := range byFirstWord[string(key)] { // no allocation: a map lookup
				try(pi, i)
			}
		} else {
			for _, pi := range byFirstWord[strings.ToLower(w)] {
				try(pi, i)
			}
		}
		for _, pi := range prefixFirsts {
			try(pi, i)
		}
	}
	return dedupe(out)
}

// dedupe drops a finding that overlaps an earlier one of the same kind
// ("we apologize for any" and "for any trouble" in one sentence), so one
// slip is one finding.
func dedupe(fs []Finding) []Finding {
	if len(fs) < 2 {
		return fs
	}
	sort.SliceStable(fs, func(a, b int) bool {
		if fs[a].Offset != fs[b].Offset {
			return fs[a].Offset < fs[b].Offset
		}
		return len(fs[a].Phrase) > len(fs[b].Phrase)
	})
	out := fs[:0]
	for _, f := range fs {
		covered := false
		for _, g := range out {
			if g.Kind == f.Kind && f.Offset < g.Offset+len(g.Phrase) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, f)
		}
	}
	return out
}

// CheckTone runs the tone check over every free-text field of the draft,
// in reader order.
func CheckTone(d *Draft) []Finding {
	var out []Finding
	for _, tf := range FreeText(d) {
		out = append(out, CheckToneText(tf.Field, tf.Text)...)
	}
	return out
}
