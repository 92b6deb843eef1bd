package model

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// What the rubric notices in one piece of text, sentence by sentence. A
// text is read once and remembered by the Scorer, so rescoring on a
// keystroke re-reads only the field being typed in.

// sentence is one sentence a reader might quote: whitespace collapsed,
// otherwise verbatim, with what a careful reader notices in it.
type sentence struct {
	text   string
	cues   cue
	hits   []cueHit // where each cue phrase matched, for reasons
	techs  []string // technologies it names, in order
	agent  bool     // speaks as we/our/I/my (not "us": that is a victim, not an agent)
	quoted bool     // in a blockquote: someone else's words (a chat log, an email)
	url    bool     // holds a web link
	email  bool     // holds a full email address
	date   bool     // names a calendar day
	count  bool     // counts things: "700 users", "60 PRs", "1.21B queries"
	why    bool     // a "Why …?" question
	answer string   // for a why-question, the answer that follows it
	stock  bool     // holds a boilerplate phrase of the tone catalogue
	hedge  bool     // holds a hedging phrase of the tone catalogue
	digits int      // tokens holding a digit: concrete details
}

// cueHit is one cue phrase found in a sentence, by byte span.
type cueHit struct {
	kind       cue
	start, end int
}

// phrase is the text a hit matched.
func (s *sentence) phrase(h cueHit) string { return s.text[h.start:h.end] }

// firstHit returns the first phrase of a kind in the sentence.
func (s *sentence) firstHit(kind cue) string {
	for _, h := range s.hits {
		if h.kind == kind {
			return s.phrase(h)
		}
	}
	return ""
}

// textSignals is everything noticed in one text.
type textSignals struct {
	sentences []sentence // those with anything noticed, in order
	opening   string     // the text's first sentence of three words or more
	first     string     // its first sentence of any length
	whys      int        // "Why …?" questions answered in the text
	techs     []string   // technologies named, each once, in order
	techAt    []int      // for each, the index in sentences of the first to name it
}

// maxSentences bounds the sentences kept from one text, so a hostile or
// huge paste costs memory in proportion to what a reader could use.
const maxSentences = 5000

// analyseInto reads text into sig. A draft has dozens of short texts:
// the lists a text is read with (its sentences as gathered, a unit's
// sentences, a paragraph's lines) come from a pool and go back to it
// holding no text, and the sentences are copied out once, at their
// number.
func analyseInto(sig *textSignals, text string) {
	sc := getScratch()
	b := sigBuilder{sig: sig, pendingWhy: -1, sc: sc, sents: sc.sents[:0]}
	sig.sentences = sc.sentences[:0]
	us := unitScanner{cur: sc.cur[:0]}
	for line := range strings.SplitSeq(text, "\n") {
		us.line(line, b.unit)
	}
	us.flush(b.unit)
	got := sig.sentences
	sig.sentences = nil
	if len(got) > 0 {
		sig.sentences = slices.Clone(got)
	}
	clear(got)
	clear(b.sents[:cap(b.sents)])
	clear(us.cur[:cap(us.cur)])
	sc.sentences, sc.sents, sc.cur = got[:0], b.sents[:0], us.cur[:0]
	putScratch(sc)
}

// maxPooledSentences bounds the sentences, and the lines, a pooled
// scratch keeps room for.
const maxPooledSentences = 1 << 10

// tokenBufs keeps sentence token buffers from text to text: a draft has
// dozens of short texts, and each allocated its own. No sentence keeps
// its tokens, only byte offsets.
var tokenBufs = sync.Pool{New: func() any { return new(sentenceScratch) }}

// maxPooledTokens bounds what tokenBufs keeps: sentences of ordinary
// length, not a one-sentence megabyte.
const maxPooledTokens = 8 << 10

// maxPooledLowered bounds the lowered copy tokenBufs keeps.
const maxPooledLowered = 64 << 10

func getScratch() *sentenceScratch { return tokenBufs.Get().(*sentenceScratch) }

// putScratch returns sc to the pool, unless a huge paste grew it.
func putScratch(sc *sentenceScratch) {
	if cap(sc.toks)+cap(sc.techToks) <= maxPooledTokens && cap(sc.low.b) <= maxPooledLowered &&
		cap(sc.sentences) <= maxPooledSentences && cap(sc.sents) <= maxPooledSentences && cap(sc.cur) <= maxPooledSentences {
		sc.toks, sc.techToks = sc.toks[:0], sc.techToks[:0]
		tokenBufs.Put(sc)
	}
}

// sigBuilder reads units into a textSignals, sentence by sentence. Besides
// the signals it keeps what a text read in pieces needs to join them
// exactly as a whole reading would (see pieces.go): whether the first
// sentence could answer a why-question left open before it, and which
// why-questions were answered.
type sigBuilder struct {
	sig *textSignals
	// A why-question counts as answered when the next sentence, in the
	// same list item or the paragraph after it, is an answer: not a
	// question, not a heading, at least three words.
	pendingWhy  int // index in sig.sentences of a why-question awaiting its answer
	n           int // sentences read
	leadAnswers bool
	leadText    string
	answered    []int            // indexes in sig.sentences of answered why-questions
	sc          *sentenceScratch // readSentence's, reused from sentence to sentence
	sents       []string         // a unit's sentences, reused from unit to unit
	// hits holds the cue hits of the text's sentences, each a slice of
	// it, so a text allocates them a few times, not once per sentence.
	hits []cueHit
}

func (b *sigBuilder) unit(u unit) {
	sig := b.sig
	b.sents = appendSentences(b.sents[:0], u.text)
	for _, st := range b.sents {
		s := readSentence(st, u.quoted, b.sc, &b.hits)
		// Only whether it has three words matters: counted when first
		// needed, once, and no further than the third.
		words := -1
		if b.n == 0 || b.pendingWhy >= 0 {
			words = wordsUpTo(st, 3)
			answers := !u.heading && !s.why && !isQuestion(st) && words >= 3
			if b.n == 0 {
				b.leadAnswers, b.leadText = answers, st
			}
			if b.pendingWhy >= 0 && answers {
				sig.whys++
				sig.sentences[b.pendingWhy].answer = st
				b.answered = append(b.answered, b.pendingWhy)
			}
		}
		b.n++
		b.pendingWhy = -1
		if s.why && !u.heading && !u.quoted && len(sig.sentences) < maxSentences {
			b.pendingWhy = len(sig.sentences)
		}
		if sig.first == "" {
			sig.first = st
		}
		if sig.opening == "" && !u.heading && !u.quoted {
			if words < 0 {
				words = wordsUpTo(st, 3)
			}
			if words >= 3 {
				sig.opening = st
			}
		}
		if s.noticed() && len(sig.sentences) < maxSentences {
			sig.addSentence(s)
		}
	}
}

// addSentence appends a noticed sentence and notes the technologies it
// is the first to name.
func (sig *textSignals) addSentence(s sentence) {
	for _, name := range s.techs {
		if !containsFold(sig.techs, name) {
			sig.techs = append(sig.techs, name)
			sig.techAt = append(sig.techAt, len(sig.sentences))
		}
	}
	sig.sentences = append(sig.sentences, s)
}

func (s *sentence) noticed() bool {
	return s.cues != 0 || len(s.techs) > 0 || s.url || s.email || s.date || s.count || s.why || s.stock || s.hedge || s.digits > 0
}

// unit is a paragraph, a list item, a table row or a heading: text that
// belongs together. Hard-wrapped lines are joined with a space.
type unit struct {
	text    string
	quoted  bool
	heading bool
}

// listMarker returns the length of a list item's marker ("- ", "1. "),
// or 0 when the line is not a list item.
func listMarker(l string) int {
	i := 0
	if l != "" && strings.IndexByte("-*+", l[0]) >= 0 {
		i = 1
	} else {
		for i < len(l) && i < 9 && l[i] >= '0' && l[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(l) || (l[i] != '.' && l[i] != ')') {
			return 0
		}
		i++
	}
	if i >= len(l) || (l[i] != ' ' && l[i] != '\t') {
		return 0
	}
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	return i
}

// tableRule: the |---|:---:| line under a table's header.
func tableRule(l string) bool {
	return strings.Trim(l, "|-: \t") == "" && strings.Contains(l, "-")
}

// eachUnit splits Markdown text into units; fenced code is skipped (a
// reader does not take log lines or code for the author's words).
func eachUnit(text string, fn func(unit)) {
	var sc unitScanner
	for line := range strings.SplitSeq(text, "\n") {
		sc.line(line, fn)
	}
	sc.flush(fn)
}

// unitScanner is eachUnit's state between lines, so a long text can be
// read in pieces that start where the one before left off.
type unitScanner struct {
	cur       []string
	curQuoted bool
	fence     string
	// continuing: a unit began in an earlier piece and is still open, its
	// sentences already read (see pieces.go).
	continuing bool
}

func (sc *unitScanner) flush(fn func(unit)) {
	if len(sc.cur) > 0 {
		fn(unit{text: strings.Join(sc.cur, " "), quoted: sc.curQuoted})
		sc.cur = sc.cur[:0]
	}
	sc.continuing = false
}

func (sc *unitScanner) line(line string, fn func(unit)) {
	l := strings.TrimSpace(line)
	quoted := false
	for strings.HasPrefix(l, ">") {
		quoted = true
		l = strings.TrimSpace(l[1:])
	}
	if !quoted && sc.curQuoted && (len(sc.cur) > 0 || sc.continuing) && l != "" && listMarker(l) == 0 && !strings.HasPrefix(l, "#") {
		quoted = true // a lazy continuation line: still the quote
	}
	if sc.fence != "" {
		if strings.HasPrefix(l, sc.fence) {
			sc.fence = ""
		}
		return
	}
	if strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
		sc.flush(fn)
		sc.fence = l[:3]
		return
	}
	switch {
	case l == "":
		sc.flush(fn)
	case strings.HasPrefix(l, "#"):
		sc.flush(fn)
		if h := strings.TrimSpace(strings.TrimLeft(l, "#")); h != "" {
			fn(unit{text: h, quoted: quoted, heading: true})
		}
	case strings.HasPrefix(l, "|"):
		sc.flush(fn)
		if !tableRule(l) {
			fn(unit{text: tableRow(l), quoted: quoted})
		}
	case listMarker(l) > 0:
		sc.flush(fn)
		sc.cur = append(sc.cur, collapse(l[listMarker(l):]))
		sc.curQuoted = quoted
	default:
		if quoted != sc.curQuoted {
			sc.flush(fn)
		}
		sc.cur = append(sc.cur, collapse(l))
		sc.curQuoted = quoted
	}
}

// tableRow writes a table row's cells joined by " | ", as the row reads.
func tableRow(l string) string {
	l = strings.TrimSpace(strings.Trim(strings.TrimSpace(l), "|"))
	cells := strings.Split(l, "|")
	for i, c := range cells {
		cells[i] = collapse(c)
	}
	return strings.Join(cells, " | ")
}

// collapse squeezes runs of white space to one space. Most lines are
// already collapsed: those are returned as they are, without the slice
// and the copy strings.Fields and strings.Join would make for each.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isCollapsed reports whether s has single spaces between words, no
// other white space and none at either end: what collapse would return
// unchanged. It runs over every line of every text: two spaces are
// looked for at once (strings.Contains), and then eight bytes at a time
// for a byte below 0x20 or from 0x80 on, where other white space is.
func isCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			const ones, highs = 0x0101010101010101, 0x8080808080808080
			if (x-0x20*ones)&^x&highs == 0 && x&highs == 0 { // all eight in 0x20..0x7f
				i += 8
				continue
			}
		}
		// Byte by byte, to the end of these eight.
		for end := min(i+8, len(s)); i < end; {
			c := s[i]
			if !collapseLook[c] {
				i++
				continue
			}
			switch {
			case c >= utf8.RuneSelf: // ’ and — are common; a non-breaking space is white space
				r, size := utf8.DecodeRuneInString(s[i:])
				if unicode.IsSpace(r) {
					return false
				}
				i += size
			case c == ' ':
				i++
			default: // \t, \n, \v, \f, \r
				return false
			}
		}
	}
	return true
}

// collapseLook: the bytes isCollapsed must look at: a space, the other
// ASCII white space, and the bytes of longer characters.
var collapseLook = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || strings.IndexByte(" \t\n\v\f\r", byte(c)) >= 0
	}
	return t
}()

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{"e.g": true, "i.e": true, "etc": true, "vs": true, "mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "approx": true, "incl": true, "no": true, "inc": true, "ltd": true, "al": true, "cf": true}

// splitSentences splits a unit at a full stop, question or exclamation
// mark (with any closing quote, bracket or emphasis) followed by a space
// and something that starts a sentence.
func splitSentences(s string) []string { return appendSentences(nil, s) }

// appendSentences is splitSentences appending to out.
func appendSentences(out []string, s string) []string {
	start := 0
	// The next full stop, question mark and exclamation mark, each found
	// by IndexByte and looked for again once passed: most of a unit's
	// bytes end nothing.
	next := [3]int{-1, -1, -1}
	for i := 0; i < len(s); i++ {
		at := len(s)
		for m, mark := range [3]byte{'.', '?', '!'} {
			if next[m] < i {
				next[m] = len(s)
				if k := strings.IndexByte(s[i:], mark); k >= 0 {
					next[m] = i + k
				}
			}
			at = min(at, next[m])
		}
		if at == len(s) {
			break
		}
		i = at
		c := s[i]
		j := i + 1
		for j < len(s) && strings.IndexByte(`)]"'*_`, s[j]) >= 0 {
			j++
		}
		if j < len(s) && strings.HasPrefix(s[j:], "”") {
			j += len("”")
		}
		if j >= len(s) || s[j] != ' ' || j+1 >= len(s) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[j+1:])
		if unicode.IsLower(r) {
			continue
		}
		if c == '.' {
			w := s[start:i]
			if k := strings.LastIndexAny(w, " ("); k >= 0 {
				w = w[k+1:]
			}
			if abbreviations[strings.ToLower(w)] || (len(w) == 1 && unicode.IsUpper(rune(w[0]))) {
				continue
			}
		}
		out = append(out, strings.TrimSpace(s[start:j]))
		start = j + 1
		i = j
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// units are what a number measures rather than counts: "40 minutes" is
// how long, "12 GB" how big; "700 users" is who.
var units = map[string]bool{
	"second": true, "seconds": true, "minute": true, "minutes": true, "min": true, "mins": true, "hour": true, "hours": true,
	"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"ms": true, "s": true, "h": true, "am": true, "pm": true, "utc": true, "gmt": true, "cet": true, "pst": true, "pdt": true, "est": true,
	"percent": true, "times": true, "x": true, "gb": true, "mb": true, "tb": true, "kb": true, "bytes": true, "iops": true,
	"cpus": true, "cpu": true, "cores": true, "and": true, "or": true, "to": true, "in": true, "at": true, "on": true, "by": true,
	"a": true, "an": true, "per": true, "from": true, "until": true, "for": true, "was": true, "were": true, "is": true,
	"st": true, "nd": true, "rd": true, "th": true, "the": true, "of": true,
}

// multipliers scale a number: "1.2 million users", "5k requests".
var multipliers = map[string]bool{"k": true, "m": true, "b": true, "thousand": true, "million": true, "billion": true}

var months = map[string]bool{"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true, "jul": true, "aug": true, "sep": true, "oct": true, "nov": true, "dec": true}

func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// isMonth: "Jan", "January", "Sept." — the first three letters of a month.
func isMonth(w string) bool {
	if len(w) < 3 || len(w) > 9 {
		return false
	}
	// Plain ASCII, most words: lower-cased in place, without the three
	// copies strings.ToLower would make.
	var buf [32]byte
	if lw, ok := lowerKey(w, &buf); ok {
		full := monthName(lw[0], lw[1], lw[2])
		return full != "" && (len(w) == 3 || strings.HasPrefix(full, string(lw)) || strings.EqualFold(w, "sept"))
	}
	return months[strings.ToLower(w[:3])] && (len(w) == 3 || strings.HasPrefix(strings.ToLower(monthNames[strings.ToLower(w[:3])]), strings.ToLower(w)) || strings.EqualFold(w, "sept"))
}

// monthName is the month whose name starts with the lower-case letters
// a, b, c, or "": monthNames by a switch, as isMonth runs on every word
// of a sentence with a number in it.
func monthName(a, b, c byte) string {
	switch uint32(a)<<16 | uint32(b)<<8 | uint32(c) {
	case 'j'<<16 | 'a'<<8 | 'n':
		return "january"
	case 'f'<<16 | 'e'<<8 | 'b':
		return "february"
	case 'm'<<16 | 'a'<<8 | 'r':
		return "march"
	case 'a'<<16 | 'p'<<8 | 'r':
		return "april"
	case 'm'<<16 | 'a'<<8 | 'y':
		return "may"
	case 'j'<<16 | 'u'<<8 | 'n':
		return "june"
	case 'j'<<16 | 'u'<<8 | 'l':
		return "july"
	case 'a'<<16 | 'u'<<8 | 'g':
		return "august"
	case 's'<<16 | 'e'<<8 | 'p':
		return "september"
	case 'o'<<16 | 'c'<<8 | 't':
		return "october"
	case 'n'<<16 | 'o'<<8 | 'v':
		return "november"
	case 'd'<<16 | 'e'<<8 | 'c':
		return "december"
	}
	return ""
}

var monthNames = map[string]string{"jan": "january", "feb": "february", "mar": "march", "apr": "april", "may": "may", "jun": "june", "jul": "july", "aug": "august", "sep": "september", "oct": "october", "nov": "november", "dec": "december"}

// dayNumber: "4", "31st", "2nd" — a day of the month.
func dayNumber(w string) bool {
	w = strings.TrimRight(strings.ToLower(w), "stndrh")
	return isDigits(w) && len(w) <= 2 && w != "0" && w != "00"
}

// namesDate reports whether the sentence names a calendar day:
// "2019-11-29", "31st July 2018", "Apr 4th", "January 31".
func namesDate(text string, toks []token) bool {
	word := func(i int) string { return text[toks[i].start:toks[i].end] }
	for i := range toks {
		w := word(i)
		if len(w) == 4 && isDigits(w) && w[0] >= '1' && w[0] <= '2' && i+2 < len(toks) {
			// a year followed by -MM-DD or /MM/DD
			sep := text[toks[i].end:toks[i+1].start]
			if (sep == "-" || sep == "/" || sep == ".") && isDigits(word(i+1)) && len(word(i+1)) <= 2 && isDigits(word(i+2)) && len(word(i+2)) <= 2 {
				return true
			}
		}
		if isMonth(w) {
			if i+1 < len(toks) && dayNumber(word(i+1)) {
				return true
			}
			if i > 0 && dayNumber(word(i-1)) || i > 1 && strings.EqualFold(word(i-1), "of") && dayNumber(word(i-2)) {
				return true
			}
		}
	}
	return false
}

// counts reports whether the sentence counts things: a number followed
// by a plural noun that is not a unit ("700 users", "5,000 projects", "1.21B
// queries", "60 PRs"), not "40 minutes" or "12 GB".
func counts(text string, toks []token) bool {
	word := func(i int) string { return text[toks[i].start:toks[i].end] }
	for i := 0; i < len(toks); i++ {
		w := word(i)
		if w[0] < '0' || w[0] > '9' {
			continue
		}
		j := i
		// 5,000 and 1.21B are one number split at the mark.
		for j+1 < len(toks) && toks[j+1].start == toks[j].end+1 && strings.IndexByte(",.", text[toks[j].end]) >= 0 && word(j + 1)[0] >= '0' && word(j + 1)[0] <= '9' {
			j++
		}
		last := word(j)
		if k := len(last) - 1; last[k] == 'k' || last[k] == 'K' || last[k] == 'M' || last[k] == 'B' {
			last = last[:k]
		}
		if !isDigits(last) || j+1 >= len(toks) {
			i = j
			continue
		}
		if sep := text[toks[j].end:toks[j+1].start]; strings.TrimSpace(sep) != "" {
			i = j // "12%", "3/4": not a count of things
			continue
		}
		n := j + 1
		if multipliers[strings.ToLower(word(n))] && n+1 < len(toks) {
			n++
		}
		for n+1 < len(toks) && (strings.EqualFold(word(n), "of") || strings.EqualFold(word(n), "the")) {
			n++
		}
		// Things counted are plural: "700 users", "60 PRs"; "12:00 we" or
		// "4 o'clock" count nothing.
		noun := word(n)
		if c := noun[0]; (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && len(noun) > 2 && noun[len(noun)-1] == 's' && !units[strings.ToLower(noun)] {
			return true
		}
		i = j
	}
	return false
}

// readSentence reads one sentence; sc is scratch space kept by the
// caller so a text's sentences share it, and its cue hits are appended to
// hits, of which s.hits is the end.
func readSentence(text string, quoted bool, sc *sentenceScratch, hits *[]cueHit) sentence {
	s := sentence{text: text, quoted: quoted}
	// Cues and details are read in the prose only: `time.sleep` in a code
	// span is nobody asleep, and the digits of a link are no detail.
	prose := blankURLs(maskCode(text))
	if want := len(text)/6 + 1; cap(sc.toks) < want {
		sc.toks = make([]token, 0, max(want, 32))
	}
	toks := tokenize(prose, sc.toks[:0])
	sc.toks = toks
	// Masking and blanking leave a word's bytes as they are: the words of
	// the prose read the same in text, and text is lowered once for the
	// cue, tone and technology look-ups.
	sc.low.set(text)
	s.readWords(text, toks, &sc.low, hits)
	if sc.low.techPlain {
		// Its prose is its text with the links blanked, and its words
		// are the words technology names are made of.
		s.techs = techsIn(prose, toks, &sc.low)
	} else {
		s.techs = findTechnologiesBuf(text, &sc.techToks, &sc.low)
	}
	s.url = hasWebLink(text)
	s.email = hasEmail(text)
	if s.digits > 0 {
		s.date = namesDate(text, toks)
		s.count = counts(text, toks)
	}
	s.why = isWhyQuestion(text)
	return s
}

// hasWebLink reports whether text holds "http://" or "https://". It
// looks for the rare "://" and then at the scheme before it: a search for
// "http://" stops at every h of the text.
func hasWebLink(text string) bool {
	for from := 0; ; {
		k := strings.Index(text[from:], "://")
		if k < 0 {
			return false
		}
		k += from
		if k >= 4 && text[k-4:k] == "http" || k >= 5 && text[k-5:k] == "https" {
			return true
		}
		from = k + 1
	}
}

// sentenceScratch is readSentence's scratch space: its tokens, its
// technology look-up's, and the sentence lowered; and analyseInto's
// lists.
type sentenceScratch struct {
	toks, techToks []token
	low            lowered
	sentences      []sentence
	sents, cur     []string
}

// isAgent reports whether a word speaks as the team: we, our, I, my and
// their forms. "us" is left out (it is who something happened to), and
// "US" in capitals is the country anyway.
func isAgent(w string) bool {
	if w == "I" || strings.HasPrefix(w, "I'") || strings.HasPrefix(w, "I’") {
		return true
	}
	// Every agent word starts with w, o or m, and is at most "ourselves"
	// long (two bytes more with ’): most words are told apart here,
	// without lower-casing a copy of each (this runs on every word).
	if w == "" || len(w) > len("ourselves")+2 {
		return false
	}
	if c := w[0]; c < utf8.RuneSelf && c|0x20 != 'w' && c|0x20 != 'o' && c|0x20 != 'm' {
		return false
	}
	// Plain ASCII, most words: lower-cased in place; ’ and the letters
	// that fold into ASCII ones ("K" is "k") take the long way.
	var buf [32]byte
	key, ok := lowerKey(w, &buf)
	if !ok {
		key = []byte(strings.ToLower(strings.ReplaceAll(w, "’", "'")))
	}
	switch string(key) {
	case "we", "we're", "we've", "we'd", "we'll", "our", "ours", "ourselves", "my", "myself":
		return true
	}
	return false
}

// trimMarks strips emphasis and quotes around a sentence: "**Why…?**".
func trimMarks(s string) string { return strings.Trim(s, "*_\"'“”‘’` ") }

func isQuestion(s string) bool { return strings.HasSuffix(trimMarks(s), "?") }

// isWhyQuestion: a sentence that asks "Why …?", as in a Five Whys list.
func isWhyQuestion(s string) bool {
	t := trimMarks(s)
	if !strings.HasSuffix(t, "?") || len(t) < 6 {
		return false
	}
	return strings.EqualFold(t[:4], "why ") || strings.EqualFold(t[:4], "why,")
}

// maskCode blanks inline code spans, keeping every byte offset.
func maskCode(text string) string {
	if strings.IndexByte(text, '`') < 0 {
		return text
	}
	b := []byte(text)
	in := false
	for i, c := range b {
		switch {
		case c == '`':
			in = !in
			b[i] = ' '
		case in:
			b[i] = ' '
		}
	}
	if in { // an unclosed backtick is just a backtick
		return text
	}
	return string(b)
}
