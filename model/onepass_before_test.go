package model

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The sentence reader as it was before the one-pass reading (onepass.go):
// a pass of look-ups for cues, another for tone, and a third, with its
// own lower-casing and hashing of every word, for technologies. Kept,
// verbatim but for the names, as the reference FuzzReadSentenceOnePass
// and FuzzPhraseIndexEach compare the one pass with.

// readSentenceBefore is readSentence before the one pass.
func readSentenceBefore(text string, quoted bool, buf, techBuf *[]token, hits *[]cueHit) sentence {
	s := sentence{text: text, quoted: quoted}
	// Cues and details are read in the prose only: `time.sleep` in a code
	// span is nobody asleep, and the digits of a link are no detail.
	prose := blankURLs(maskCode(text))
	if want := len(text)/6 + 1; cap(*buf) < want {
		*buf = make([]token, 0, max(want, 32))
	}
	toks := tokenize(prose, (*buf)[:0])
	*buf = toks
	s.readCuesBefore(prose, toks, hits)
	for _, t := range toks {
		w := text[t.start:t.end]
		if isAgent(w) {
			s.agent = true
		}
		if c := w[0]; c >= '0' && c <= '9' {
			s.digits++
		}
	}
	toneIndex.eachBefore(text, toks, func(id, _, last int) {
		switch p := tonePhrases[id]; {
		case p.kind == Boilerplate:
			s.stock = true
		case p.kind == Hedging && !(len(p.words) == 1 && numberFollows(text, toks, last)):
			s.hedge = true
		}
	})
	s.techs = findTechnologiesBefore(text, techBuf)
	s.url = strings.Contains(text, "http://") || strings.Contains(text, "https://")
	s.email = hasEmail(text)
	if s.digits > 0 {
		s.date = namesDate(text, toks)
		s.count = counts(text, toks)
	}
	s.why = isWhyQuestion(text)
	return s
}

func (s *sentence) readCuesBefore(prose string, toks []token, hits *[]cueHit) {
	from := len(*hits)
	cueIndex.eachBefore(prose, toks, func(id, first, last int) {
		p := cuePhrases[id]
		s.cues |= p.kind
		if cap(*hits) == 0 {
			*hits = make([]cueHit, 0, 8)
		}
		*hits = append(*hits, cueHit{p.kind, toks[first].start, toks[last].end})
	})
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

// eachBefore is phraseIndex.each before it lower-cased each word once, hashing it only when the bitsets let it through.
func (x *phraseIndex) eachBefore(text string, toks []token, fn func(id, first, last int)) {
	var buf, nextBuf [32]byte
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
		if key, h, ok := lowerKeyHash(w, &buf); ok {
			// The bitsets read the bytes: a string(key) passed to a
			// function is a copy on the heap, where a map index of one is
			// not.
			if len(key) > 0 && x.firstLens[firstSlotIndex(key)]&(1<<min(len(key), 63)) != 0 {
				ids := x.firstWords.find(key, h)
				var next []byte
				nextOK := false
				if len(ids) > 1 && i+1 < len(toks) {
					next, nextOK = lowerKey(text[toks[i+1].start:toks[i+1].end], &nextBuf)
				}
				for _, id := range ids {
					if !nextOK || !x.second[id].rejects(next) {
						tryRest(id, i)
					}
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

// findTechnologiesBefore is findTechnologiesBuf before it shared the sentence's lower-cased words.
func findTechnologiesBefore(text string, toksBuf *[]token) []string {
	text = blankURLs(text) // a link's address is not prose: "https://…" names no HTTPS
	if want := len(text)/6 + 1; cap(*toksBuf) < want {
		*toksBuf = make([]token, 0, max(want, 32))
	}
	toks := appendTechTokens(text, (*toksBuf)[:0])
	*toksBuf = toks
	var out []string
	var seen []int // entries named: a sentence names few
	word := func(i int) string { return text[toks[i].start:toks[i].end] }
	var buf [32]byte
	for i := 0; i < len(toks); i++ {
		first, ids := techCandidatesBefore(word(i), &buf)
		best, bestLen := -1, 0
		for _, id := range ids {
			n := techNames[id]
			if len(n.words) <= bestLen || i+len(n.words) > len(toks) {
				continue
			}
			if n.exact && startsSentence(text, toks[i].start) {
				continue // "Go to your project": an ordinary word at the start
			}
			ok := true
			for k, nw := range n.words {
				tw := first
				if k > 0 {
					tw = word(i + k)
				}
				if n.exact && tw != nw || !n.exact && !strings.EqualFold(tw, nw) {
					ok = false
					break
				}
			}
			if ok {
				best, bestLen = id, len(n.words)
			}
		}
		if best >= 0 {
			e := techNames[best].entry
			if !slices.Contains(seen, e) {
				seen = append(seen, e)
				out = append(out, techEntries[e].Name)
			}
			i += bestLen - 1
		}
	}
	for _, name := range softwareSpans(text) {
		if !containsFold(out, name) {
			out = append(out, name)
		}
	}
	return out
}

func techCandidatesBefore(first string, buf *[32]byte) (string, []int) {
	var ids []int
	if key, h, ok := lowerKeyHash(first, buf); ok {
		if len(key) > 0 && techFirstLens[firstSlotIndex(key)]&(1<<min(len(key), 63)) != 0 {
			ids = techFirst.find(key, h)
		}
	} else {
		ids = techByFirst[strings.ToLower(first)]
	}
	if len(ids) == 0 && strings.IndexByte(first, '.') >= 0 { // every domain suffix starts with a dot
		for _, suf := range domainSuffixes {
			if len(first) > len(suf) && strings.EqualFold(first[len(first)-len(suf):], suf) {
				first = first[:len(first)-len(suf)]
				return first, oneWordNames(techByFirst[strings.ToLower(first)])
			}
		}
	}
	return first, ids
}

// appendSentencesBefore is appendSentences before it looked for the
// marks with IndexByte: FuzzAppendSentences' reference.
func appendSentencesBefore(out []string, s string) []string {
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
