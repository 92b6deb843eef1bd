package model

import (
	"unicode"
	"unicode/utf8"
)

// tokenizeCounting is tokenize, counting on the way what countTokens
// counts: the white-space-separated tokens that hold a letter or digit
// (words) and those that hold a digit. Every text is tokenised for the
// tone check and counted for the rubric; one pass over its bytes does
// both. FuzzTokenizeCounting holds it to tokenize and countTokens.
func tokenizeCounting(text string, toks []token) (_ []token, words, digits int) {
	start := -1    // the word tokenize is in, or -1
	inTok := false // in a white-space-separated token
	var seen uint8 // what that token holds so far: tcAlnum, tcDigit
	for i := 0; i < len(text); {
		k := tcClass[text[i]]
		if k&tcOther == 0 {
			if k&tcWord != 0 {
				// A run of word bytes: no white space in it.
				if start < 0 {
					start = i
				}
				inTok = true
				seen |= k
				for i++; i < len(text); i++ {
					k = tcClass[text[i]]
					if k&tcWord == 0 {
						break
					}
					seen |= k
				}
				continue
			}
			if start >= 0 {
				toks = append(toks, token{start, i})
				start = -1
			}
			// A run of ASCII gap bytes: spaces end a token, marks
			// start one ("—" or "-" alone is a token, not a word).
			for ; i < len(text); i++ {
				k = tcClass[text[i]]
				if k&(tcWord|tcOther) != 0 {
					break
				}
				if k&tcSpace == 0 {
					inTok = true
					continue
				}
				if inTok {
					words += int(seen & tcAlnum >> tcAlnumShift)
					digits += int(seen & tcDigit >> tcDigitShift)
					inTok, seen = false, 0
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
		switch {
		case unicode.IsSpace(r):
			if inTok {
				words += int(seen & tcAlnum >> tcAlnumShift)
				digits += int(seen & tcDigit >> tcDigitShift)
				inTok, seen = false, 0
			}
		case unicode.IsDigit(r):
			inTok, seen = true, seen|tcAlnum|tcDigit
		case unicode.IsLetter(r):
			inTok, seen = true, seen|tcAlnum
		default:
			inTok = true
		}
		i += size
	}
	if start >= 0 {
		toks = append(toks, token{start, len(text)})
	}
	if inTok {
		words += int(seen & tcAlnum >> tcAlnumShift)
		digits += int(seen & tcDigit >> tcDigitShift)
	}
	return toks, words, digits
}

// What tokenizeCounting needs to know of a byte.
const (
	tcWord  = 1 << iota // tokenize keeps it in a word
	tcSpace             // white space: ends a counted token
	tcAlnum             // a letter or digit: the token is a word
	tcDigit             // a digit: the token is a detail
	tcOther             // 0x80 and up: read as a rune

	tcAlnumShift = 2
	tcDigitShift = 3
)

var tcClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = tcOther
		case asciiInWord[c]:
			t[c] = tcWord
		}
		switch asciiClassOf(c) {
		case classSpace:
			t[c] |= tcSpace
		case classDigit:
			t[c] |= tcAlnum | tcDigit
		case classLetter:
			t[c] |= tcAlnum
		}
	}
	return t
}()

// asciiClassOf is countTokens' class of an ASCII byte; 0 for others.
func asciiClassOf(c int) byte {
	if c < utf8.RuneSelf {
		return asciiClass[c]
	}
	return 0
}
