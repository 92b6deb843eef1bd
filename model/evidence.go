package model

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Evidence is what a verdict rests on: a quote from the draft, verbatim
// (white space collapsed), and where it stands, so a reader who doubts
// the verdict can find it. Line is the line in the scored file, when
// there is one; the model knows no files, so cmd fills it in.
type Evidence struct {
	Where string `json:"where"`
	Quote string `json:"quote"`
	Line  int    `json:"line,omitempty"`
}

// maxQuote is about how long a quote may be, in bytes; longer sentences
// are cut at a word boundary, so the quote is still a verbatim prefix.
const maxQuote = 200

// maxEvidence is how many quotes a verdict keeps, best first.
const maxEvidence = 3

// Quote cuts a sentence to a quote: white space collapsed, at most about
// maxQuote bytes, cut between words.
func Quote(s string) string {
	if q, ok := quotePlain(s); ok {
		return q
	}
	for _, n := range quotePrefixes {
		if len(s) <= n {
			break
		}
		// Cleaning and collapsing a prefix gives a prefix of what the
		// whole would give: when it is longer than a quote, it is all a
		// quote needs (a field may hold a 5 MB paste, and a paragraph
		// quoted is most often longer than its quote).
		if p := collapse(SafeLine(runePrefix(s, n))); len(p) > maxQuote {
			return quoteCut(p)
		}
	}
	return quoteCut(collapse(SafeLine(s)))
}

// quotePlain is Quote of a text whose quote is plain ASCII, most text:
// SafeLine would change nothing in it but line breaks and tabs, which
// collapse makes spaces anyway. Its words are copied into a buffer only
// as far as a quote reads (quoteCut looks at maxQuote+1 bytes); ok is
// false when they are not plain.
func quotePlain(s string) (q string, ok bool) {
	var buf [maxQuote + 1]byte
	n, space := 0, false
	for i := 0; i < len(s) && n < len(buf); i++ {
		switch c := s[i]; {
		case c == ' ' || c == '\n' || c == '\t':
			space = n > 0
		case c < 0x20 || c >= 0x7f:
			return "", false
		default:
			if space {
				buf[n], n, space = ' ', n+1, false
				if n == len(buf) {
					break // the switch; the buffer is full, so the loop ends
				}
			}
			buf[n] = c
			n++
		}
	}
	return quoteCut(string(buf[:n])), true
}

// quotePrefixes are how much of a long text Quote reads first: a
// quote's worth and some, then more for a text that is mostly white
// space or markup.
var quotePrefixes = [...]int{2 * maxQuote, quotePrefix}

// quotePrefix is how much of a long text firstSentence reads first.
const quotePrefix = 8 << 10

// runePrefix is about the first n bytes of s, cut before a character.
func runePrefix(s string, n int) string {
	if n >= len(s) {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func quoteCut(s string) string {
	if len(s) <= maxQuote {
		return s
	}
	cut := strings.LastIndexByte(s[:maxQuote], ' ')
	if cut < maxQuote/2 {
		cut = maxQuote
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:")
}

// category is what part of a post-mortem a text is, which decides what
// a careful reader takes from it.
type category uint16

const (
	catOpening category = 1 << iota // the summary
	catImpact
	catTimeline
	catCause    // what went wrong
	catAnalysis // how it was found
	catFactors
	catWhys
	catLessons
	catActions
	catHuman
	catOthers
	catOther // a section import could not map

	// narrative is the account of what happened: where an admission, an
	// impact, a cause or how it was found is told in passing.
	narrative = catOpening | catImpact | catTimeline | catCause | catAnalysis | catFactors | catWhys | catOther
	// reflective adds what the team took from it.
	reflective = narrative | catLessons | catHuman | catOthers
	everywhere = reflective | catActions
)

// judgedText is one text of the draft with what was noticed in it.
type judgedText struct {
	cat   category
	where string
	text  string
	st    *textStats
}

// seen is one noticed sentence and the text it is in.
type seen struct {
	t *judgedText
	s *sentence
}

func (x seen) evidence() Evidence {
	q := x.s.text
	if x.s.answer != "" {
		q += " " + x.s.answer // a why is read with its answer
	}
	return Evidence{Where: x.t.where, Quote: Quote(q)}
}

// byPlace orders sentences by the part of the post-mortem they are in,
// in the order given (a reader trusts the Impact section over a passing
// timeline row), keeping reader order within a part.
func byPlace(xs []seen, order ...category) []seen {
	out := make([]seen, 0, len(xs))
	for _, c := range order {
		for _, x := range xs {
			if x.t.cat&c != 0 {
				out = append(out, x)
			}
		}
	}
	var all category
	for _, c := range order {
		all |= c
	}
	for _, x := range xs {
		if x.t.cat&all == 0 {
			out = append(out, x)
		}
	}
	return out
}

// perPlace is how many sentences find keeps from each part of the
// post-mortem: enough to rank evidence and name what was found, without
// listing thousands on every keystroke in a long draft.
const perPlace = 8

// find lists the sentences in texts of the given categories that pred
// accepts, in reader order, at most perPlace from each category; quoted
// sentences (blockquotes) only when withQuoted, since they are someone
// else's words.
func (f *facts) find(cats category, withQuoted bool, pred func(*sentence) bool) []seen {
	var out []seen
	var kept [16]int // per category bit
	for i := range f.texts {
		t := &f.texts[i]
		if t.cat&cats == 0 {
			continue
		}
		slot := bits.TrailingZeros16(uint16(t.cat))
		for j := range t.st.sig.sentences {
			if kept[slot] >= perPlace {
				break
			}
			s := &t.st.sig.sentences[j]
			if (withQuoted || !s.quoted) && pred(s) {
				out = append(out, seen{t, s})
				kept[slot]++
			}
		}
	}
	return out
}

// evidenceOf quotes the best few sentences: the order given is best first.
func evidenceOf(xs ...[]seen) []Evidence {
	var out []Evidence
	for _, list := range xs {
		for _, x := range list {
			if len(out) == maxEvidence {
				return out
			}
			e := x.evidence()
			dup := false
			for _, o := range out {
				dup = dup || o.Quote == e.Quote
			}
			if !dup && e.Quote != "" {
				out = append(out, e)
			}
		}
	}
	return out
}

// fieldEvidence quotes a field of the draft.
func fieldEvidence(where, text string) Evidence { return Evidence{Where: where, Quote: Quote(text)} }

// phrasesOf lists the distinct phrases of a kind in the sentences, as
// written, for a reason: "coincidentally, paternity leave".
func phrasesOf(xs []seen, kind cue, limit int) []string {
	var out []string
	for _, x := range xs {
		for _, h := range x.s.hits {
			if h.kind != kind {
				continue
			}
			p := strings.ToLower(x.s.phrase(h))
			if !containsFold(out, p) && len(out) < limit {
				out = append(out, p)
			}
		}
	}
	return out
}

// quoteList writes phrases for a reason: "a", "b" and "c".
func quoteList(ps []string) string {
	q := make([]string, len(ps))
	for i, p := range ps {
		q[i] = "\"" + p + "\""
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}
