package model

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed tech_catalogue.txt
var techCatalogueText string

// techName is one way of writing a technology: its words, and whether
// they must match as written.
type techName struct {
	words []string // as written; compared case-insensitively unless exact
	exact bool
	entry int
}

// Technology is one entry of the catalogue.
type Technology struct {
	Name     string
	Category string
}

var (
	techEntries []Technology
	techNames   []techName
	techByFirst = map[string][]int{} // lower-case first word → names
	techFirst   wordTable            // techByFirst again, for a plain ASCII word
	// techFirstLens answers "names no technology" before the map lookup:
	// bit n of a first word's slot (firstSlot: its first two bytes) is set
	// when a first word there has n bytes (63: 63 or more).
	techFirstLens [1 << 10]uint64
)

func init() {
	if err := parseTechCatalogue(techCatalogueText); err != nil {
		panic("model: technology catalogue: " + err.Error())
	}
}

func parseTechCatalogue(text string) error {
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) != 3 {
			return fmt.Errorf("line %d: want category | name | aliases", n+1)
		}
		cat, name := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		if cat == "" || strings.Trim(name, "=") == "" {
			return fmt.Errorf("line %d: a category and a name are needed", n+1)
		}
		entry := len(techEntries)
		techEntries = append(techEntries, Technology{Name: strings.TrimPrefix(name, "="), Category: cat})
		for _, alias := range append([]string{name}, strings.Split(parts[2], ",")...) {
			alias = strings.TrimSpace(alias)
			if alias == "" {
				continue
			}
			exact := strings.HasPrefix(alias, "=")
			var words []string
			for _, t := range techTokens(strings.TrimPrefix(alias, "=")) {
				words = append(words, strings.TrimPrefix(alias, "=")[t.start:t.end])
			}
			if len(words) == 0 {
				return fmt.Errorf("line %d: %q has no words", n+1, alias)
			}
			id := len(techNames)
			techNames = append(techNames, techName{words, exact, entry})
			first := strings.ToLower(words[0])
			techByFirst[first] = append(techByFirst[first], id)
			techFirst.add(first, id)
			if first != "" {
				i, bit := firstSlot(first)
				techFirstLens[i] |= bit
			}
		}
	}
	return nil
}

// techTokens splits text into the words technology names are made of:
// letters, digits and the marks names carry inside them (Node.js, C++,
// C#, pg_dump, pgpool-II). A trailing full stop or dash is punctuation.
func techTokens(s string) []token {
	return appendTechTokens(s, make([]token, 0, len(s)/6+1))
}

// appendTechTokens is techTokens appending to toks, so a caller reading
// sentence after sentence can reuse one buffer. ASCII, most of any text,
// is run through a word's bytes in one inner loop, by table.
func appendTechTokens(s string, toks []token) []token {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if in := unicode.IsLetter(r) || unicode.IsDigit(r); in && start < 0 {
				start = i
			} else if !in && start >= 0 {
				toks, start = endTechToken(s, toks, start, i), -1
			}
			i += size
			continue
		case start >= 0 && !asciiTechIn[c]:
			// Not a letter, digit or mark ('.' is a mark): ends the
			// word, and starts none.
			toks, start = endTechToken(s, toks, start, i), -1
			i++
			continue
		case start < 0 && !asciiWord[c] && !(c == '.' && i+1 < len(s) && latin1Letter[s[i+1]]):
			i++
			continue
		case start < 0:
			start = i
		}
		for i++; i < len(s) && asciiTechIn[s[i]]; i++ {
		}
	}
	if start >= 0 {
		toks = endTechToken(s, toks, start, len(s))
	}
	return toks
}

// endTechToken appends the word s[start:end], less a trailing full stop
// or dash: punctuation, not part of the name.
func endTechToken(s string, toks []token, start, end int) []token {
	for end > start && (s[end-1] == '.' || s[end-1] == '-') {
		end--
	}
	if end > start {
		toks = append(toks, token{start, end})
	}
	return toks
}

// asciiWord: ASCII letters and digits; asciiTechIn: those and the marks
// a name carries inside it (indexed by any byte: false from 0x80 on);
// latin1Letter: a byte that is a letter read as a rune of its own, as a
// word may start with ".": ".NET".
var asciiWord, asciiTechIn, latin1Letter = func() (w [utf8.RuneSelf]bool, in, l1 [256]bool) {
	for c := 0; c < 256; c++ {
		if c < utf8.RuneSelf {
			w[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
			in[c] = w[c] || strings.ContainsRune("_+#.-", rune(c))
		}
		l1[c] = unicode.IsLetter(rune(c))
	}
	return w, in, l1
}()

// domainSuffixes let "GitLab.com" count as GitLab.
var domainSuffixes = []string{".com", ".io", ".org", ".net", ".dev"}

// findTechnologies lists the technologies a sentence names, by their
// catalogue names, in order, each once, followed by code spans that name
// software ("ran `pg_basebackup`").
func findTechnologies(text string) []string {
	var buf []token
	return findTechnologiesBuf(text, &buf, nil)
}

// findTechnologiesBuf is findTechnologies with toksBuf as scratch space
// for its tokens, kept by a caller that reads many sentences; low, when
// not nil, is text lowered (lowered.set), whose slices are the words'
// keys.
func findTechnologiesBuf(text string, toksBuf *[]token, low *lowered) []string {
	// A link's address is not prose: "https://…" names no HTTPS. Blanking
	// leaves every word's bytes as they are, so low still holds them.
	text = blankURLs(text)
	if want := len(text)/6 + 1; cap(*toksBuf) < want {
		*toksBuf = make([]token, 0, max(want, 32))
	}
	toks := appendTechTokens(text, (*toksBuf)[:0])
	*toksBuf = toks
	return techsIn(text, toks, low)
}

// techsIn is findTechnologiesBuf of a text whose links are blanked and
// whose technology words are toks.
func techsIn(text string, toks []token, low *lowered) []string {
	var out []string
	var seen []int // entries named: a sentence names few
	word := func(i int) string { return text[toks[i].start:toks[i].end] }
	var buf [32]byte
	for i := 0; i < len(toks); i++ {
		var key []byte
		var ok bool
		if low != nil {
			key, ok = low.key(text, toks[i], &buf)
		} else {
			key, ok = lowerKey(word(i), &buf)
		}
		first, ids := techCandidates(word(i), key, ok)
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

// techCandidates lists the names that may start at a word, with the word
// as they are compared to: "GitLab.com" is read as GitLab. key and ok are
// the word's lowerKey; the key is hashed only when the bitset lets it
// through.
func techCandidates(first string, key []byte, ok bool) (string, []int) {
	var ids []int
	if ok {
		if len(key) > 0 && techFirstLens[firstSlotIndex(key)]&(1<<min(len(key), 63)) != 0 {
			ids = techFirst.find(key, wordHashBytes(key))
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

// oneWordNames keeps the names of one word: a domain names one thing.
func oneWordNames(ids []int) []int {
	var out []int
	for _, id := range ids {
		if len(techNames[id].words) == 1 {
			out = append(out, id)
		}
	}
	return out
}

// startsSentence reports whether byte offset i is the first word of the
// sentence (only marks and spaces before it).
func startsSentence(text string, i int) bool {
	return strings.TrimLeft(text[:i], " *_\"'“‘`([-") == ""
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

var (
	// A code span names software when the words beside it say so: "ran
	// `strace`", "the `pg_dump` procedure".
	softwareBefore = map[string]bool{"ran": true, "run": true, "runs": true, "running": true, "using": true, "use": true, "uses": true, "used": true, "via": true, "with": true, "call": true, "calls": true, "called": true, "installed": true, "install": true, "upgraded": true, "invoked": true, "invoke": true}
	softwareAfter  = map[string]bool{"command": true, "tool": true, "binary": true, "process": true, "procedure": true, "daemon": true, "service": true, "package": true, "library": true, "utility": true, "cli": true, "crate": true, "gem": true, "module": true, "plugin": true, "showed": true, "shows": true, "would": true, "prints": true, "printed": true, "mentioned": true, "hang": true, "hangs": true}
)

// softwareSpans lists code spans that name software, as written.
func softwareSpans(text string) []string {
	if strings.IndexByte(text, '`') < 0 {
		return nil
	}
	var out []string
	for from := 0; ; {
		start, end := nextCodeName(text, from)
		if start < 0 {
			break
		}
		name := text[start+1 : end-1]
		ok := softwareBefore[strings.ToLower(strings.Trim(lastWord(text[:start]), ",.;:"))] ||
			softwareAfter[strings.ToLower(strings.Trim(firstWord(text[end:]), ",.;:"))]
		if ok && !containsFold(out, name) {
			out = append(out, name)
		}
		from = end
	}
	return out
}

// nextCodeName finds the next code span from byte from on that could
// name a program: a lower-case letter, then 1 to 30 lower-case letters,
// digits, _ or -, between backticks (the regexp
// `([a-z][a-z0-9_-]{1,30})`, its matches one after another, which
// FuzzNextCodeName holds it to). It returns the span's bounds, backticks
// included, or -1, -1.
func nextCodeName(text string, from int) (start, end int) {
	for from < len(text) {
		k := strings.IndexByte(text[from:], '`')
		if k < 0 {
			break
		}
		start = from + k
		j := start + 1
		if j < len(text) && text[j] >= 'a' && text[j] <= 'z' {
			// The name's bytes cannot be a backtick: the span closes at
			// the first byte out of the class, or it is no name.
			for j++; j < len(text) && j-start-1 < 31 && codeNameByte[text[j]]; j++ {
			}
			if n := j - start - 1; n >= 2 && j < len(text) && text[j] == '`' {
				return start, j + 1
			}
		}
		from = start + 1
	}
	return -1, -1
}

// codeNameByte: a-z, 0-9, _ and -, the bytes of a name after its first.
var codeNameByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
	}
	return t
}()

// TechnologiesIn lists the technologies a text names, by their catalogue
// names (and code spans that name software), in the order it names them.
func TechnologiesIn(text string) []string {
	var out []string
	eachUnit(text, func(u unit) {
		for _, st := range splitSentences(u.text) {
			for _, t := range findTechnologies(st) {
				if !containsFold(out, t) {
					out = append(out, t)
				}
			}
		}
	})
	return out
}

// lastWord is the word just before the end of s; firstWord the one just
// after its start. Both look only as far as they must.
func lastWord(s string) string {
	s = strings.TrimRight(s, " \t")
	i := strings.LastIndexAny(s, " \t")
	return s[i+1:]
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " \t")
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i]
	}
	return s
}
