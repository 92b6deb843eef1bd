package model

import "strings"

// A sentence's words are looked up in three catalogues: cues, tone and
// technologies. Each look-up used to lower-case and hash every word on
// its own, three times a word. Now the sentence is lower-cased once, in
// one loop, and a word's key is its slice of that copy; cue and tone are
// looked up in one pass over the words, and a word is hashed only when
// the first-word bitsets let it through, which most words are not.

// lowered is a text with its ASCII capitals lower-cased, byte for byte.
type lowered struct {
	b     []byte
	ascii bool // no byte of the text is 0x80 or above
	// techPlain: the text's technology words are its words. It is plain
	// ASCII and holds no mark a technology name keeps inside it (Node.js,
	// C++, C#, pg_dump, .NET) or a word keeps and a name does not (don't),
	// and no code span: its prose is its text less links, and
	// appendTechTokens would cut it into tokenize's words.
	techPlain bool
}

// set lowers text into l, reusing its buffer.
func (l *lowered) set(text string) {
	if cap(l.b) < len(text) {
		l.b = make([]byte, len(text), max(len(text), 256))
	}
	b := l.b[:len(text)]
	var high, marks, dot byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		high |= c
		b[i] = asciiLower[c]
		// A full stop or dash keeps a name going only when a letter,
		// digit or mark follows it: "Node.js", not "ends." or "a - b".
		k := techMarks[c]
		marks |= k&techMarkAlways | dot&k
		dot = k & techMarkDot << 1 // techMarkIn's place
	}
	l.b, l.ascii = b, high < 0x80
	l.techPlain = l.ascii && marks == 0
}

// techMarks classes the bytes for lowered.techPlain.
const (
	techMarkAlways = 1 << iota // ` ' _ + #: never plain
	techMarkDot                // . and -: plain unless a techMarkIn follows
	techMarkIn                 // a byte appendTechTokens keeps inside a name, or a letter that may start one
)

var techMarks = func() (t [256]byte) {
	for c := range t {
		switch {
		case strings.IndexByte("`'_+#", byte(c)) >= 0:
			t[c] = techMarkAlways
		case c == '.' || c == '-':
			t[c] = techMarkDot
		}
		if asciiTechIn[c] || latin1Letter[c] || c >= 0x80 {
			t[c] |= techMarkIn
		}
	}
	return t
}()

// key is lowerKey of the token text[t.start:t.end], text being what l
// was set to (or a text with the same bytes in the token): in a plain
// ASCII text, a slice of the lowered copy; otherwise lowerKey into buf.
func (l *lowered) key(text string, t token, buf *[32]byte) ([]byte, bool) {
	if l.ascii {
		if t.end-t.start > len(buf) {
			return nil, false
		}
		return l.b[t.start:t.end], true
	}
	return lowerKey(text[t.start:t.end], buf)
}

// asciiLower maps a byte to its lower case: A–Z to a–z, any other byte
// to itself.
var asciiLower = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// at calls fn for every phrase that matches from token i, in the order
// each does. key is the token's lowerKey (ok as lowerKey says); low, when
// not nil, is the lowered text, for the next token's key.
func (x *phraseIndex) at(text string, toks []token, i int, key []byte, ok bool, low *lowered, fn func(id, first, last int)) {
	if ok {
		// The bitsets read the bytes: a string(key) passed to a function
		// is a copy on the heap, where a map index of one is not.
		if len(key) > 0 && x.firstLens[firstSlotIndex(key)]&(1<<min(len(key), 63)) != 0 {
			ids := x.firstWords.find(key, wordHashBytes(key))
			var next []byte
			nextOK := false
			if len(ids) > 1 && i+1 < len(toks) {
				var nextBuf [32]byte
				if low != nil {
					next, nextOK = low.key(text, toks[i+1], &nextBuf)
				} else {
					next, nextOK = lowerKey(text[toks[i+1].start:toks[i+1].end], &nextBuf)
				}
			}
			for _, id := range ids {
				if !nextOK || !x.second[id].rejects(next) {
					// The first word is the key: it matches already.
					if last, ok := matchWordsFrom(x.words[id], 1, text, toks, i+1); ok {
						fn(id, i, last)
					}
				}
			}
		}
		if len(key) >= headLen && x.mayHaveHeadBytes(key[0], key[1], key[2]) {
			for _, id := range x.prefixByHead[string(key[:headLen])] {
				x.try(id, text, toks, i, fn)
			}
		}
	} else {
		lw := strings.ToLower(text[toks[i].start:toks[i].end])
		if x.mayHaveFirst(lw) {
			for _, id := range x.byFirstWord[lw] {
				x.try(id, text, toks, i, fn)
			}
		}
		if len(lw) >= headLen && x.mayHaveHead(lw[:headLen]) {
			for _, id := range x.prefixByHead[lw[:headLen]] {
				x.try(id, text, toks, i, fn)
			}
		}
	}
	for _, id := range x.prefixFirsts {
		x.try(id, text, toks, i, fn)
	}
}

// try calls fn when phrase id matches from token i.
func (x *phraseIndex) try(id int, text string, toks []token, i int, fn func(id, first, last int)) {
	if last, ok := matchWords(x.words[id], text, toks, i); ok {
		fn(id, i, last)
	}
}

// readWords reads, in one pass over the sentence's words, what the words
// say: who speaks, the digits, the cue phrases (appended to hits, of which
// s.hits is the end) and the tone phrases. low is text lowered; toks are
// the words of its prose, which has the same bytes as text in every word.
func (s *sentence) readWords(text string, toks []token, low *lowered, hits *[]cueHit) {
	from := len(*hits)
	onCue := func(id, first, last int) {
		p := cuePhrases[id]
		s.cues |= p.kind
		if cap(*hits) == 0 {
			*hits = make([]cueHit, 0, 8)
		}
		*hits = append(*hits, cueHit{p.kind, toks[first].start, toks[last].end})
	}
	onTone := func(id, _, last int) {
		switch p := tonePhrases[id]; {
		case p.kind == Boilerplate:
			s.stock = true
		case p.kind == Hedging && !(len(p.words) == 1 && numberFollows(text, toks, last)):
			s.hedge = true
		}
	}
	var buf [32]byte
	for i, t := range toks {
		w := text[t.start:t.end]
		if isAgent(w) {
			s.agent = true
		}
		if c := w[0]; c >= '0' && c <= '9' {
			s.digits++
		}
		key, ok := low.key(text, t, &buf)
		if !ok {
			cueIndex.at(text, toks, i, key, ok, low, onCue)
			toneIndex.at(text, toks, i, key, ok, low, onTone)
			continue
		}
		// Most words start no phrase: the bitsets at reads say so here,
		// for both catalogues, before a call.
		var slot, head int
		var lenBit, headBit uint64
		if len(key) > 0 {
			slot, lenBit = firstSlotIndex(key), 1<<min(len(key), 63)
		}
		if len(key) >= headLen {
			head, headBit = headBitOf(key[0], key[1], key[2])
		}
		if cueIndex.firstLens[slot]&lenBit != 0 || cueIndex.heads[head]&headBit != 0 || len(cueIndex.prefixFirsts) > 0 {
			cueIndex.at(text, toks, i, key, ok, low, onCue)
		}
		if toneIndex.firstLens[slot]&lenBit != 0 || toneIndex.heads[head]&headBit != 0 || len(toneIndex.prefixFirsts) > 0 {
			toneIndex.at(text, toks, i, key, ok, low, onTone)
		}
	}
	if len(*hits) > from {
		// Capped: an append to one sentence's hits cannot write over the
		// next's.
		s.hits = (*hits)[from:len(*hits):len(*hits)]
	}
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
}
