package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A long text (a pasted analysis, a 5 MB summary) is read in pieces, so a
// keystroke in it re-reads one piece, a few kilobytes, and finds the rest
// in the Scorer's memory by the pieces' text. Joining the pieces' signals
// gives exactly what reading the whole text gives (FuzzPiecesReadAsWhole,
// TestPiecesReadAsWholeAfterEdits): a text is only cut where nothing a
// reader notices can straddle the cut.
//
//   - The cut is at a line break where a sentence ends (splitSentences would
//     split the joined paragraph there), or where the paragraph ends anyway.
//   - No tone phrase can start near the cut: a phrase matched across it, a
//     negation looked for before it ("not … human error") or a number after
//     it ("possibly 3 hours") would read differently in two pieces.
//   - What eachUnit carries from line to line (an open fence, a quote, a
//     paragraph still open) is handed from piece to piece, and is part of
//     what a piece is remembered by.

// Sizes of the pieces; variables so tests can cut small texts often.
var (
	piecesFrom = 24 << 10 // texts shorter than this are read whole
	pieceMin   = 8 << 10  // no cut before this many bytes of a piece
	pieceMax   = 32 << 10 // cut at the first safe line break after this many
	cutRetry   = 1 << 10  // after a line break fails the tone check, look again this far on
)

// toneReach is how many words before a cut no tone phrase may start:
// the longest a phrase can stretch, plus the two words numberFollows
// looks at after it. Set once the catalogue is read (tone.go).
var toneReach int

// cutWindows are how many bytes either side of a cut are tokenised to
// check that it is safe: a few words' worth first, more when they hold
// too few words.
var cutWindows = [...]int{160, 1024}

// scanState is what reading a piece leaves for the next.
type scanState struct {
	fence      string
	quoted     bool
	continuing bool
}

type pieceKey struct {
	in   scanState
	text string
}

// pieceStats is one piece read as part of a longer text.
type pieceStats struct {
	words, digits int
	tone          []Finding // every match, offsets from the piece's start, before dedupe
	sig           textSignals
	sentences     int  // sentences read (noticed or not)
	leadAnswers   bool // its first sentence would answer a why-question left open before it
	leadText      string
	answered      []int // indexes in sig.sentences of why-questions answered inside the piece
	pendingWhy    int   // index in sig.sentences of its last sentence when that is an open why-question; -1 otherwise
	out           scanState
}

func readPiece(in scanState, text string) *pieceStats {
	p := &pieceStats{}
	p.tone, p.words, p.digits = toneCounted("", text)
	b := sigBuilder{sig: &p.sig, pendingWhy: -1, sc: getScratch()}
	defer putScratch(b.sc)
	sc := unitScanner{fence: in.fence, curQuoted: in.quoted, continuing: in.continuing}
	for line := range strings.SplitSeq(text, "\n") {
		sc.line(line, b.unit)
	}
	// The paragraph may go on in the next piece; its sentences so far are
	// complete (the cut is where one ends), so read them now.
	open := sc.continuing || len(sc.cur) > 0
	sc.flush(b.unit)
	p.out = scanState{fence: sc.fence, quoted: sc.curQuoted, continuing: open}
	p.sentences, p.leadAnswers, p.leadText = b.n, b.leadAnswers, b.leadText
	p.answered, p.pendingWhy = b.answered, b.pendingWhy
	return p
}

// pieceMemo remembers pieces for a Scorer: those of the last score and
// of the one before, so typing a letter and deleting it reads nothing.
type pieceMemo struct {
	cur, last map[pieceKey]*pieceStats
}

func (m *pieceMemo) get(k pieceKey) *pieceStats {
	if m.cur == nil {
		m.cur = map[pieceKey]*pieceStats{}
	}
	p, ok := m.cur[k]
	if !ok {
		if p, ok = m.last[k]; !ok {
			p = readPiece(k.in, k.text)
		}
		m.cur[k] = p
	}
	return p
}

// age starts a new generation after a score: pieces no score has used
// for two are forgotten (a 5 MB paste deleted is let go).
func (m *pieceMemo) age() {
	m.last, m.cur = m.cur, nil
}

// statsInPieces reads text piece by piece through the memo and joins the
// pieces as statsOf would have read the whole.
func statsInPieces(text string, memo *pieceMemo) *textStats {
	st := &textStats{sig: &textSignals{}}
	sig := st.sig
	var tone []Finding
	var in scanState
	pending := -1 // index in sig.sentences of an open why-question
	start := 0
	for start <= len(text) {
		end := nextCut(text, start)
		p := memo.get(pieceKey{in, text[start:end]})
		in = p.out
		st.words += p.words
		st.digits += p.digits
		for _, f := range p.tone {
			f.Offset += start
			tone = append(tone, f)
		}
		if p.sentences > 0 {
			if pending >= 0 && p.leadAnswers {
				sig.whys++
				sig.sentences[pending].answer = p.leadText
			}
			pending = -1
		}
		if sig.first == "" {
			sig.first = p.sig.first
		}
		if sig.opening == "" {
			sig.opening = p.sig.opening
		}
		base := len(sig.sentences)
		kept := min(len(p.sig.sentences), maxSentences-base)
		for _, s := range p.sig.sentences[:kept] {
			sig.addSentence(s)
		}
		for _, i := range p.answered {
			if i < kept {
				sig.whys++
			}
		}
		if p.pendingWhy >= 0 && p.pendingWhy < kept {
			pending = base + p.pendingWhy
		}
		start = end + 1
	}
	st.findings = dedupe(tone)
	return st
}

// nextCut is where the piece starting at start ends: a safe line break
// (the piece leaves it out) at least pieceMin bytes on, chosen by the
// line's own bytes so that an edit moves no cut but its own piece's, or
// the first safe one after pieceMax; len(text) when none is left.
func nextCut(text string, start int) int {
	from := start + pieceMin
	for from < len(text) {
		i := strings.IndexByte(text[from:], '\n')
		if i < 0 {
			break
		}
		c := from + i
		from = c + 1
		if c-start < pieceMax && !lineMark(text, c) {
			continue
		}
		if !sentenceSafe(text, c) {
			continue
		}
		if toneSafe(text, c) {
			return c
		}
		// The tone check costs a kilobyte or two of tokenising: in text
		// with few words (a paste of blank lines or rules) every line
		// fails it, so look again only a window further on, or finding
		// the cuts would cost that much per line.
		from = max(from, c+cutRetry)
	}
	return len(text)
}

// lineMark picks about one line in four as a cut by the last bytes
// before it: content, not position, decides.
func lineMark(text string, c int) bool {
	h := uint32(2166136261)
	for i := max(c-16, 0); i < c; i++ {
		h = (h ^ uint32(text[i])) * 16777619
	}
	return h&3 == 0
}

// safeCut reports whether the text can be cut at the line break at c.
func safeCut(text string, c int) bool { return sentenceSafe(text, c) && toneSafe(text, c) }

// sentenceSafe: no sentence runs across the line break at c.
func sentenceSafe(text string, c int) bool {
	prev := text[strings.LastIndexByte(text[:c], '\n')+1 : c]
	next := text[c+1:]
	if i := strings.IndexByte(next, '\n'); i >= 0 {
		next = next[:i]
	}
	a, b := lineContent(prev), lineContent(next)
	if a != "" && b != "" {
		// Were the two lines one paragraph, a sentence must end between
		// them: the last word of one, the first letter of the other.
		last := a // its last word, as strings.Fields would split it
		if i := strings.LastIndexFunc(a, unicode.IsSpace); i >= 0 {
			_, n := utf8.DecodeRuneInString(a[i:])
			last = a[i+n:]
		}
		_, size := utf8.DecodeRuneInString(b)
		if len(splitSentences(last+" "+b[:size])) != 2 {
			return false
		}
	}
	return true
}

// lineContent is a line as eachUnit reads it: trimmed, quote marks off.
func lineContent(l string) string {
	l = strings.TrimSpace(l)
	for strings.HasPrefix(l, ">") {
		l = strings.TrimSpace(l[1:])
	}
	return l
}

// toneSafe reports whether no tone phrase may start within toneReach
// words before c or negationWindow words after it.
func toneSafe(text string, c int) bool {
	for _, w := range cutWindows {
		if safe, sure := toneSafeIn(text, c, w); sure {
			return safe
		}
	}
	return false
}

// toneSafeIn is toneSafe looking w bytes either side of c; sure is false
// when that holds too few words to tell.
func toneSafeIn(text string, c, w int) (safe, sure bool) {
	lo, hi := max(c-w, 0), min(c+w, len(text))
	win := text[lo:hi]
	var buf [64]token
	toks := tokenize(win, buf[:0])
	// A word cut by the window's edge is not a word of the text.
	if lo > 0 && len(toks) > 0 && toks[0].start == 0 {
		toks = toks[1:]
	}
	if hi < len(text) && len(toks) > 0 && toks[len(toks)-1].end == len(win) {
		toks = toks[:len(toks)-1]
	}
	split := 0
	for split < len(toks) && toks[split].start < c-lo {
		split++
	}
	before, after := toks[:split], toks[split:]
	if len(before) < toneReach && lo > 0 || len(after) < negationWindow && hi < len(text) {
		return false, false
	}
	before = before[max(len(before)-toneReach, 0):]
	after = after[:min(negationWindow, len(after))]
	for _, zone := range [][]token{before, after} {
		for _, t := range zone {
			if toneIndex.mayStart(win[t.start:t.end]) {
				return false, true
			}
		}
	}
	return true, true
}
