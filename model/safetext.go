package model

import (
	"strings"
	"unicode/utf8"
)

// SafeText neutralises what a terminal (or a Markdown file) would act on
// rather than show: escape sequences (CSI, OSC, DCS, APC, PM, SOS), C0 and
// C1 control characters, DEL, carriage returns and backspaces (which can
// overwrite text already shown), NUL, bidirectional overrides and isolates
// (which can make text read differently from what it is), and invalid
// UTF-8. Newlines and tabs are kept.
//
// Drafts keep what the user typed; this is applied where text is shown or
// exported, because a draft may come from a file, a paste or another tool.
func SafeText(s string) string {
	if isPlainText(s, true) {
		return s
	}
	return sanitize(s, true)
}

// SafeLine is SafeText for one-line places (titles, table cells, names):
// newlines and tabs also become spaces.
func SafeLine(s string) string {
	if isPlainText(s, false) {
		return s
	}
	return sanitize(s, false)
}

// isPlainText is the fast path: most text has nothing to neutralise.
func isPlainText(s string, multiline bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 {
			if multiline && (c == '\n' || c == '\t') {
				continue
			}
			return false
		}
		if c >= 0x7f {
			return false // DEL, and anything non-ASCII gets the careful look
		}
	}
	return true
}

func sanitize(s string, multiline bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune('\uFFFD')
		case r == 0x1b:
			i += escapeLen(s[i:])
			continue
		case r == '\n' || r == '\t':
			if multiline {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case r == '\r':
			// CRLF line ends are common in pastes; a lone CR would return
			// the cursor and let the rest of the line overwrite it.
			if !(i+1 < len(s) && s[i+1] == '\n') && !multiline {
				b.WriteByte(' ')
			} else if !(i+1 < len(s) && s[i+1] == '\n') {
				b.WriteByte('\n')
			}
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			// other C0, DEL, C1: dropped
		case isBidiControl(r):
			// dropped: they reorder how the rest of the line reads
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// escapeLen is the length of the escape sequence at the start of s (which
// starts with ESC), so the whole sequence is dropped, not just the ESC.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[': // CSI: parameters, intermediates, then a final byte 0x40–0x7e
		for j := 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
			if s[j] < 0x20 && s[j] != 0x1b {
				return j // a broken sequence: stop before the control
			}
		}
		return len(s)
	case ']', 'P', '_', '^', 'X': // OSC, DCS, APC, PM, SOS: up to BEL or ST
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	default: // two-byte escapes such as ESC c (reset) or ESC 7
		_, size := utf8.DecodeRuneInString(s[1:])
		return 1 + size
	}
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}
