package model

import (
	"regexp"
	"strings"
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
	opening   string     // the text's first sentence
	whys      int        // "Why …?" questions answered in the text
}

// maxSentences bounds the sentences kept from one text, so a hostile or
// huge paste costs memory in proportion to what a reader could use.
const maxSentences = 5000

func analyseText(text string) *textSignals {
	sig := &textSignals{}
	// A why-question counts as answered when the next sentence, in the
	// same list item or the paragraph after it, is an answer: not a
	// question, not a heading, at least three words.
	pendingWhy := -1 // index in sig.sentences of a why-question awaiting its answer
	eachUnit(text, func(u unit) {
		for _, st := range splitSentences(u.text) {
			s := readSentence(st, u.quoted)
			if pendingWhy >= 0 && !u.heading && !s.why && !isQuestion(st) && Words(st) >= 3 {
				sig.whys++
				sig.sentences[pendingWhy].answer = st
			}
			pendingWhy = -1
			if s.why && !u.heading && len(sig.sentences) < maxSentences {
				pendingWhy = len(sig.sentences)
			}
			if sig.opening == "" && !u.heading && !u.quoted && Words(st) >= 3 {
				sig.opening = st
			}
			if s.noticed() && len(sig.sentences) < maxSentences {
				sig.sentences = append(sig.sentences, s)
			}
		}
	})
	return sig
}

func (s *sentence) noticed() bool {
	return s.cues != 0 || len(s.techs) > 0 || s.url || s.email || s.date || s.count || s.why || s.stock || s.digits > 0
}

// unit is a paragraph, a list item, a table row or a heading: text that
// belongs together. Hard-wrapped lines are joined with a space.
type unit struct {
	text    string
	quoted  bool
	heading bool
}

var (
	listMarker = regexp.MustCompile(`^(?:[-*+]|\d{1,9}[.)])\s+`)
	tableRule  = regexp.MustCompile(`^\|?[\s:|-]+\|?$`)
)

// eachUnit splits Markdown text into units; fenced code is skipped (a
// reader does not take log lines or code for the author's words).
func eachUnit(text string, fn func(unit)) {
	var cur []string
	curQuoted := false
	flush := func() {
		if len(cur) > 0 {
			fn(unit{text: strings.Join(cur, " "), quoted: curQuoted})
			cur = cur[:0]
		}
	}
	fence := ""
	for line := range strings.SplitSeq(text, "\n") {
		l := strings.TrimSpace(line)
		quoted := false
		for strings.HasPrefix(l, ">") {
			quoted = true
			l = strings.TrimSpace(l[1:])
		}
		if !quoted && curQuoted && len(cur) > 0 && l != "" && !listMarker.MatchString(l) && !strings.HasPrefix(l, "#") {
			quoted = true // a lazy continuation line: still the quote
		}
		if fence != "" {
			if strings.HasPrefix(l, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
			flush()
			fence = l[:3]
			continue
		}
		switch {
		case l == "":
			flush()
		case strings.HasPrefix(l, "#"):
			flush()
			if h := strings.TrimSpace(strings.TrimLeft(l, "#")); h != "" {
				fn(unit{text: h, quoted: quoted, heading: true})
			}
		case strings.HasPrefix(l, "|"):
			flush()
			if !tableRule.MatchString(l) {
				fn(unit{text: tableRow(l), quoted: quoted})
			}
		case listMarker.MatchString(l):
			flush()
			cur = append(cur, collapse(l[len(listMarker.FindString(l)):]))
			curQuoted = quoted
		default:
			if quoted != curQuoted {
				flush()
			}
			cur = append(cur, collapse(l))
			curQuoted = quoted
		}
	}
	flush()
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

// collapse squeezes runs of white space to one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{"e.g": true, "i.e": true, "etc": true, "vs": true, "mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "approx": true, "incl": true, "no": true, "inc": true, "ltd": true, "al": true, "cf": true}

// splitSentences splits a unit at a full stop, question or exclamation
// mark (with any closing quote, bracket or emphasis) followed by a space
// and something that starts a sentence.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
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

var (
	dateRe  = regexp.MustCompile(`(?i)\b(?:(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?|\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s*,?\s*(?:19|20)\d\d)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b)`)
	emailRe = regexp.MustCompile(`\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b`)
	countRe = regexp.MustCompile(`\b\d[\d,.]*\s?(?:[kKMB]|thousand|million|billion)?\s+(?:of\s+)?(?:the\s+)?([A-Za-z][A-Za-z-]+)`)
)

// units are what a number measures rather than counts: "40 minutes" is
// how long, "12 GB" how big; "700 users" is who.
var units = map[string]bool{
	"second": true, "seconds": true, "minute": true, "minutes": true, "min": true, "mins": true, "hour": true, "hours": true,
	"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"ms": true, "s": true, "h": true, "am": true, "pm": true, "utc": true, "gmt": true, "cet": true, "pst": true, "pdt": true, "est": true,
	"percent": true, "times": true, "x": true, "gb": true, "mb": true, "tb": true, "kb": true, "bytes": true, "iops": true,
	"cpus": true, "cpu": true, "cores": true, "and": true, "or": true, "to": true, "in": true, "at": true, "on": true, "by": true,
	"a": true, "an": true, "per": true, "from": true, "until": true, "for": true, "was": true, "were": true, "is": true,
}

func readSentence(text string, quoted bool) sentence {
	s := sentence{text: text, quoted: quoted}
	toks := tokenize(text, make([]token, 0, len(text)/6+1))
	cueIndex.each(text, toks, func(id, first, last int) {
		p := cuePhrases[id]
		s.cues |= p.kind
		s.hits = append(s.hits, cueHit{p.kind, toks[first].start, toks[last].end})
	})
	if s.cues.has(cueNotCause) {
		// "due to this incident" names a consequence; drop the cause it
		// matched unless the sentence has another.
		causes, not := 0, 0
		for _, h := range s.hits {
			switch h.kind {
			case cueCause:
				causes++
			case cueNotCause:
				not++
			}
		}
		if causes <= not {
			s.cues &^= cueCause
		}
	}
	for _, t := range toks {
		w := text[t.start:t.end]
		if isAgent(w) {
			s.agent = true
		}
		if c := w[0]; c >= '0' && c <= '9' {
			s.digits++
		}
	}
	toneIndex.each(text, toks, func(id, _, _ int) {
		if tonePhrases[id].kind == Boilerplate {
			s.stock = true
		}
	})
	s.techs = findTechnologies(text)
	s.url = strings.Contains(text, "http://") || strings.Contains(text, "https://")
	s.email = strings.IndexByte(text, '@') >= 0 && emailRe.MatchString(text)
	if s.digits > 0 {
		s.date = dateRe.MatchString(text)
		for _, m := range countRe.FindAllStringSubmatch(text, -1) {
			if !units[strings.ToLower(m[1])] {
				s.count = true
				break
			}
		}
	}
	s.why = isWhyQuestion(text)
	return s
}

// isAgent reports whether a word speaks as the team: we, our, I, my and
// their forms. "us" is left out (it is who something happened to), and
// "US" in capitals is the country anyway.
func isAgent(w string) bool {
	if w == "I" || strings.HasPrefix(w, "I'") || strings.HasPrefix(w, "I’") {
		return true
	}
	switch strings.ToLower(strings.ReplaceAll(w, "’", "'")) {
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
