package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// phraseIndex finds catalogue phrases in text by whole words. It is shared
// by the tone check and the rubric's cue catalogue: both run on every
// keystroke over the whole draft, so phrases are indexed by their first
// word and words are compared in place, without allocating.
//
// A phrase is a list of lower-case words; "word*" matches any ending and
// "…" stands for up to maxGap words.
type phraseIndex struct {
	words        [][]string
	second       []nextWord // by id: what a phrase's second word lets through
	byFirstWord  map[string][]int
	firstWords   wordTable        // byFirstWord again, for a plain ASCII word
	prefixByHead map[string][]int // prefix patterns ("fail*") by their first three letters
	prefixFirsts []int            // prefix patterns shorter than that
	// Most words start no phrase; these answer "certainly not" before a
	// map lookup, whose hashing was a fifth of scoring a text cold.
	firstLens [1 << 10]uint64 // by a first word's first two bytes (firstSlot): bit n set when one has n bytes (63: 63 or more)
	heads     [1 << 9]uint64
}

// headBit is where a prefix pattern's first three letters sit in heads.
func headBit(h string) (int, uint64) { return headBitOf(h[0], h[1], h[2]) }

func headBitOf(a, b, c byte) (int, uint64) {
	i := int(a&31)<<10 | int(b&31)<<5 | int(c&31)
	return i >> 6, 1 << (i & 63)
}

// mayHaveHeadBytes is mayHaveHead of a head given by its three bytes.
func (x *phraseIndex) mayHaveHeadBytes(a, b, c byte) bool {
	i, bit := headBitOf(a, b, c)
	return x.heads[i]&bit != 0
}

// mayHaveFirst reports whether some phrase may start with the word key.
func (x *phraseIndex) mayHaveFirst(key string) bool {
	if key == "" {
		return false
	}
	i, bit := firstSlot(key)
	return x.firstLens[i]&bit != 0
}

// firstSlot is where a word sits in a table of first words: its first two
// bytes (five bits of each, so letters of either case share a slot) and
// its length. Two bytes rather than one reject most common words ("the",
// "was") without a map lookup. w is not empty.
func firstSlot[S ~string | ~[]byte](w S) (int, uint64) {
	i := int(w[0]&31) << 5
	if len(w) > 1 {
		i |= int(w[1] & 31)
	}
	return i, 1 << min(len(w), 63)
}

// mayHaveHead reports whether some prefix pattern may start with head.
func (x *phraseIndex) mayHaveHead(head string) bool {
	i, bit := headBit(head)
	return x.heads[i]&bit != 0
}

// firstSlotIndex is firstSlot's index alone, for a call that must stay
// inline in the matcher's loop.
func firstSlotIndex(w []byte) int {
	i := int(w[0]&31) << 5
	if len(w) > 1 {
		i |= int(w[1] & 31)
	}
	return i
}

// headLen is how many letters of a word index prefix patterns.
const headLen = 3

// maxGap is how many words "…" may stand for.
const maxGap = 4

func newPhraseIndex() *phraseIndex {
	return &phraseIndex{byFirstWord: map[string][]int{}, prefixByHead: map[string][]int{}}
}

// add indexes a phrase and returns its id, the order it was added in.
func (x *phraseIndex) add(words []string) int {
	id := len(x.words)
	x.words = append(x.words, words)
	x.second = append(x.second, secondWord(words))
	if p, ok := strings.CutSuffix(words[0], "*"); ok {
		if len(p) >= headLen {
			x.prefixByHead[p[:headLen]] = append(x.prefixByHead[p[:headLen]], id)
			i, bit := headBit(p[:headLen])
			x.heads[i] |= bit
		} else {
			x.prefixFirsts = append(x.prefixFirsts, id)
		}
	} else {
		x.byFirstWord[words[0]] = append(x.byFirstWord[words[0]], id)
		x.firstWords.add(words[0], id)
		if w := words[0]; w != "" {
			i, bit := firstSlot(w)
			x.firstLens[i] |= bit
		}
	}
	return id
}

// phraseWords splits a catalogue phrase into its lower-case words.
func phraseWords(s string) []string {
	var words []string
	// Text is split into words at hyphens ("shout-out" is two words), so
	// phrases are too, or a hyphenated phrase could never match.
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(s, "-", " "))) {
		if w == "..." {
			w = "…"
		}
		words = append(words, w)
	}
	return words
}

// nextWord is a phrase's second word, when it is plain ASCII and no gap:
// with the next token lower-cased, most phrases that start with a common
// word ("we" starts 35 cues) are turned away by a comparison, without
// trying the phrase.
type nextWord struct {
	known  bool // a literal word or prefix pattern, in ASCII
	prefix bool // "fail*": lit is what the word starts with
	lit    string
}

func secondWord(words []string) nextWord {
	if len(words) < 2 || words[1] == "…" {
		return nextWord{}
	}
	lit, prefix := strings.CutSuffix(words[1], "*")
	for i := 0; i < len(lit); i++ {
		if lit[i] >= utf8.RuneSelf {
			return nextWord{} // folding may match it to an ASCII word ("K" is "k")
		}
	}
	return nextWord{known: true, prefix: prefix, lit: lit}
}

// rejects reports whether the phrase cannot go on with a word whose
// lower-cased ASCII is key: what wordMatches would say for that word.
func (n nextWord) rejects(key []byte) bool {
	switch {
	case !n.known:
		return false
	case n.prefix:
		return len(key) < len(n.lit) || string(key[:len(n.lit)]) != n.lit
	}
	return string(key) != n.lit
}

// each calls fn for every phrase that matches at a token, with the
// indexes of the first and last tokens matched.
func (x *phraseIndex) each(text string, toks []token, fn func(id, first, last int)) {
	var buf [32]byte
	for i, t := range toks {
		key, ok := lowerKey(text[t.start:t.end], &buf)
		x.at(text, toks, i, key, ok, nil, fn)
	}
}

// maxSpan is how many words after its first a phrase's match can end.
func (x *phraseIndex) maxSpan() int {
	longest := 0
	for _, words := range x.words {
		span := -1
		for _, w := range words {
			if w == "…" {
				span += maxGap
			} else {
				span++
			}
		}
		longest = max(longest, span)
	}
	return longest
}

// mayStart reports whether some phrase could match from this word on:
// it is the first word of one, or a prefix pattern's. It runs on the words
// around every line break a long text may be cut at (pieces.go).
func (x *phraseIndex) mayStart(w string) bool {
	if len(x.prefixFirsts) > 0 {
		return true
	}
	var buf [32]byte
	if k, h, ok := lowerKeyHash(w, &buf); ok {
		if len(x.firstWords.find(k, h)) > 0 {
			return true
		}
		return len(k) >= headLen && x.mayHaveHeadBytes(k[0], k[1], k[2]) && len(x.prefixByHead[string(k[:headLen])]) > 0
	}
	key := strings.ToLower(w)
	if len(x.byFirstWord[key]) > 0 {
		return true
	}
	return len(key) >= headLen && len(x.prefixByHead[key[:headLen]]) > 0
}

// token is one word of a text, by its byte span. Words are compared
// case-insensitively in place (strings.EqualFold) rather than lower-cased
// into new strings: allocating a string per word was most of the cost.
type token struct{ start, end int }

// tokenize splits text into words: runs of letters, digits and
// apostrophes. Matching whole tokens is what keeps "possibly" from hitting
// "impossibly".
func tokenize(text string, toks []token) []token {
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			// ASCII, most of any text: run through a word's or a gap's
			// bytes in one inner loop.
			if asciiInWord[c] {
				if start < 0 {
					start = i
				}
				for i++; i < len(text) && byteClass[text[i]] == classWordByte; i++ {
				}
			} else {
				if start >= 0 {
					toks = append(toks, token{start, i})
					start = -1
				}
				for i++; i < len(text) && byteClass[text[i]] == classGapByte; i++ {
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’'
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

// asciiInWord: the ASCII bytes tokenize keeps in a word, looked up
// rather than compared (tokenize runs over every sentence).
var asciiInWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\''
	}
	return t
}()

// byteClass is asciiInWord for any byte, for tokenize's inner loops: one
// look-up a byte, which also stops them at a byte of a longer character
// (0x80 and up), left to the rune-by-rune path.
var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = classOtherByte
		case asciiInWord[c]:
			t[c] = classWordByte
		default:
			t[c] = classGapByte
		}
	}
	return t
}()

const (
	classGapByte = iota
	classWordByte
	classOtherByte
)

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
	// ’ is E2 80 99 in UTF-8: most words hold no 0xE2 byte at all, and
	// IndexByte says so quicker than a search for the whole rune.
	if strings.IndexByte(word, 0xE2) >= 0 && strings.Contains(word, "’") {
		word = strings.ReplaceAll(word, "’", "'")
	}
	return strings.EqualFold(pattern, word)
}

// matchWords tries a phrase at token i; it returns the index of the last
// token matched.
func matchWords(words []string, text string, toks []token, i int) (int, bool) {
	return matchWordsFrom(words, 0, text, toks, i)
}

// matchWordsFrom is matchWords from the phrase's word k on, at token j.
func matchWordsFrom(words []string, k int, text string, toks []token, j int) (int, bool) {
	word := func(j int) string { return text[toks[j].start:toks[j].end] }
	for ; k < len(words); k++ {
		w := words[k]
		if w == "…" {
			next := words[k+1]
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
