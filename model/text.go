package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextField is one piece of free text and where it lives in the draft.
type TextField struct {
	Field string // path, as in Problem and Finding: "five_whys[2].because"
	Text  string
}

// FreeText lists every free-text field of the draft in reader order: the
// text the tone check reads and the "sound human" and "authentic" items
// weigh. Empty fields are left out.
func FreeText(d *Draft) []TextField {
	var out []TextField
	eachFreeText(d, func(ref fieldRef, text string) {
		out = append(out, TextField{ref.String(), text})
	})
	return out
}

// fieldRef names a free-text field without building its path string, so
// rescoring a large draft on a keystroke does not allocate a path for
// every lesson and event; the path is made only for a finding.
type fieldRef struct {
	field *textField // its row in textFields: path, label, category
	index int        // -1 when the field is not in a list
	key   string     // KeyWhy, KeyText…; "" for an entry of a list of strings
}

func (r fieldRef) String() string {
	switch {
	case r.index < 0:
		return r.field.path
	case r.key == "":
		return EntryPath(r.field.path, r.index)
	}
	return EntryFieldPath(r.field.path, r.index, r.key)
}

// label is how evidence names the field: an unmapped section by its
// heading.
func (r fieldRef) label(d *Draft) string {
	if r.field.path == PathOther {
		return otherLabel(d, r.index)
	}
	return r.field.label
}

// eachFreeText calls fn with every free-text field of the draft that is
// not blank, in the order of textFields.
func eachFreeText(d *Draft, fn func(ref fieldRef, text string)) {
	v := &textVisit{fn: fn}
	for i := range textFields {
		tf := &textFields[i]
		if tf.text != nil {
			if text := tf.text(d); !blank(text) {
				fn(fieldRef{tf, -1, ""}, text)
			}
			continue
		}
		v.field = tf
		tf.entries(d, v)
	}
}

// otherLabel names an unmapped section by its heading, for evidence.
func otherLabel(d *Draft, i int) string {
	if i >= 0 && i < len(d.Other) {
		if h := oneLine(d.Other[i].Heading); h != "" {
			return h
		}
	}
	return "Other"
}

// Words counts whitespace-separated tokens that contain a letter or digit,
// so "—" or "-" between words does not count as a word.
func Words(s string) int {
	n, _ := countTokens(s)
	return n
}

// countTokens counts the whitespace-separated tokens of s that contain a
// letter or digit (words) and those that contain a digit (concrete
// details), in one pass and without allocating: it runs on every
// keystroke over the whole draft.
func countTokens(s string) (words, digits int) {
	inTok, alnum, digit := false, false, false
	for i := 0; i < len(s); {
		c := s[i]
		var class byte
		size := 1
		if c < utf8.RuneSelf {
			class = asciiClass[c]
		} else {
			class, size = runeClass(s[i:])
		}
		i += size
		if class == classSpace {
			if inTok {
				if alnum {
					words++
				}
				if digit {
					digits++
				}
				inTok, alnum, digit = false, false, false
			}
			continue
		}
		inTok = true
		alnum = alnum || class != 0
		digit = digit || class == classDigit
	}
	if inTok {
		if alnum {
			words++
		}
		if digit {
			digits++
		}
	}
	return words, digits
}

// What countTokens needs to know of a byte, looked up rather than
// compared: 0 is anything else (punctuation, a dash).
const (
	classSpace = 1 + iota
	classDigit
	classLetter
)

// asciiClass classes the ASCII bytes for countTokens.
var asciiClass = func() (t [utf8.RuneSelf]byte) {
	for _, c := range " \n\t\r\v\f" {
		t[c] = classSpace
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLetter
		t[c-'a'+'A'] = classLetter
	}
	return t
}()

// firstPersonWords are the words that show a team owning what happened.
var firstPersonWords = map[string]bool{
	"we": true, "our": true, "us": true, "i": true, "my": true, "ours": true,
	"we're": true, "we've": true, "we'd": true, "we'll": true,
	"i'm": true, "i've": true, "i'd": true, "ourselves": true, "myself": true,
}

// IsFirstPerson reports whether the text speaks as we/our/us/I/my. "US"
// in capitals is read as the country, not as "us".
func IsFirstPerson(s string) bool {
	for _, tok := range strings.Fields(s) {
		w := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
		w = strings.Trim(w, "'’")
		if w == "US" {
			continue
		}
		w = strings.ReplaceAll(strings.ToLower(w), "’", "'")
		if firstPersonWords[w] {
			return true
		}
	}
	return false
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// runeClass is countTokens' class of the rune that starts s (not ASCII:
// those are looked up in asciiClass by the callers), and its size.
func runeClass(s string) (class byte, size int) {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsSpace(r):
		return classSpace, size
	case unicode.IsDigit(r):
		return classDigit, size
	case unicode.IsLetter(r):
		return classLetter, size
	}
	return 0, size
}

// wordsUpTo is min(Words(s), limit), reading s only as far as its
// limit-th word: the sentence reader asks whether a sentence has three
// words, of a sentence that may be a long one.
func wordsUpTo(s string, limit int) int {
	words := 0
	inTok, alnum := false, false
	for i := 0; i < len(s) && words < limit; {
		c := s[i]
		var class byte
		size := 1
		if c < utf8.RuneSelf {
			class = asciiClass[c]
		} else {
			class, size = runeClass(s[i:])
		}
		i += size
		if class == classSpace {
			if inTok && alnum {
				words++
			}
			inTok, alnum = false, false
			continue
		}
		inTok = true
		alnum = alnum || class != 0
	}
	if inTok && alnum && words < limit {
		words++
	}
	return words
}
