package model

import (
	"strings"
	"unicode"
)

// MarkupHazard is a token in an answer that Markdown would not show as
// typed: `__init__` turns into a bold "init", `.*(?:.*=.*)` into italics,
// `<script>` disappears. Offset and Len are in bytes into the text.
type MarkupHazard struct {
	Offset, Len int
	Token       string
	Why         string // "a regular expression", "an identifier with underscores"…
}

// MaxHazardScan bounds the scan: the check runs as the user types, so
// only the first 64 KB of a text are looked at.
const MaxHazardScan = 64 << 10

// regexLike: a token holding (?, .*, .+, [^ or a class like \d or \w.
// Written by hand, not as a regular expression: the check runs on every
// token of the first 64 KB of a field on every frame, and the regexp
// engine's backtracking was most of a keystroke in a long field.
func regexLike(tok string) bool {
	if strings.Contains(tok, "(?") || strings.Contains(tok, ".*") || strings.Contains(tok, ".+") || strings.Contains(tok, "[^") {
		return true
	}
	for i := strings.IndexByte(tok, '\\'); i >= 0 && i+1 < len(tok); {
		if strings.IndexByte("dwsbDWSB", tok[i+1]) >= 0 {
			return true
		}
		j := strings.IndexByte(tok[i+1:], '\\')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// tagLike: a token holding <, a letter, / or ! and later a >.
func tagLike(tok string) bool {
	for i := strings.IndexByte(tok, '<'); i >= 0 && i+1 < len(tok); {
		if c := tok[i+1]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' {
			return strings.IndexByte(tok[i+2:], '>') >= 0
		}
		j := strings.IndexByte(tok[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// MarkupHazards finds the tokens of text that Markdown would mangle and a
// careful writer would quote as code: regular expressions, identifiers
// with underscores or asterisks, HTML-like tags. Text already in backticks
// or a code fence, and links, are left alone.
func MarkupHazards(text string) []MarkupHazard {
	if len(text) > MaxHazardScan {
		text = text[:MaxHazardScan]
	}
	var out []MarkupHazard
	inFence := false
	offset := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
		} else if !inFence && !strings.HasPrefix(line, "    ") {
			out = append(out, lineHazards(line, offset)...)
		}
		offset += len(line)
		if len(out) >= 50 {
			break
		}
	}
	return out
}

func lineHazards(line string, base int) []MarkupHazard {
	var out []MarkupHazard
	inCode := false
	i := 0
	for i < len(line) {
		if line[i] == '`' {
			inCode = !inCode
			i++
			continue
		}
		if line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || inCode {
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\t' && line[j] != '\n' && line[j] != '`' {
			j++
		}
		tok := line[i:j]
		start := i
		i = j
		// Sentence punctuation around a token is not part of it.
		lead := len(tok) - len(strings.TrimLeft(tok, `("'“‘[`))
		tok = strings.TrimLeft(tok, `("'“‘[`)
		tok = trimTrailing(tok)
		if tok == "" || strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") {
			continue
		}
		if why := hazardOf(tok); why != "" {
			out = append(out, MarkupHazard{Offset: base + start + lead, Len: len(tok), Token: tok, Why: why})
		}
	}
	return out
}

// hazardBytes are the bytes every hazard holds one of: most words hold
// none, and are passed over without a closer look.
var hazardBytes = func() (t [256]bool) {
	for _, c := range []byte(`(.[\<*_`) {
		t[c] = true
	}
	return t
}()

func hazardOf(tok string) string {
	i := 0
	for i < len(tok) && !hazardBytes[tok[i]] {
		i++
	}
	if i == len(tok) {
		return ""
	}
	switch {
	case regexLike(tok):
		return "a regular expression"
	case tagLike(tok):
		return "an HTML tag"
	case strings.Contains(tok, "*") && strings.Trim(tok, "*") != "" && !isEmphasis(tok, '*'):
		return "asterisks"
	case underscoreIdent(tok) && !isEmphasis(tok, '_'):
		return "an identifier with underscores"
	}
	return ""
}

// isEmphasis is "*word*" or "**two words**"-style emphasis the writer
// meant: markers only at both ends, letters between.
func isEmphasis(tok string, c byte) bool {
	inner := strings.Trim(tok, string(c))
	n := len(tok) - len(strings.TrimLeft(tok, string(c)))
	m := len(tok) - len(strings.TrimRight(tok, string(c)))
	return n > 0 && n == m && n <= 2 && !strings.ContainsRune(inner, rune(c)) && inner != "" &&
		unicode.IsLetter(rune(inner[0])) && c == '*'
}

// underscoreIdent is snake_case, __dunder__ or _private: an underscore
// touching a letter or digit.
func underscoreIdent(tok string) bool {
	if !strings.Contains(tok, "_") || strings.Trim(tok, "_") == "" {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] != '_' {
			continue
		}
		if i > 0 && isWordByte(tok[i-1]) || i+1 < len(tok) && isWordByte(tok[i+1]) {
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// QuoteHazards wraps each hazard of text in backticks (two, padded, when
// the token holds a backtick), so Markdown shows it exactly as typed.
func QuoteHazards(text string) string {
	hs := MarkupHazards(text)
	for k := len(hs) - 1; k >= 0; k-- {
		h := hs[k]
		q := "`" + h.Token + "`"
		if strings.Contains(h.Token, "`") {
			q = "`` " + h.Token + " ``"
		}
		text = text[:h.Offset] + q + text[h.Offset+h.Len:]
	}
	return text
}

// trimTrailing drops sentence punctuation after a token; a ")" only when
// it closes nothing inside the token, so "(?:x)" keeps its own.
func trimTrailing(tok string) string {
	for tok != "" {
		last := tok[len(tok)-1]
		switch {
		case strings.IndexByte(`.,;:!?"']`, last) >= 0:
		case last == ')' && strings.Count(tok, ")") > strings.Count(tok, "("):
		case strings.HasSuffix(tok, "”") || strings.HasSuffix(tok, "’"):
			tok = tok[:len(tok)-len("”")]
			continue
		default:
			return tok
		}
		tok = tok[:len(tok)-1]
	}
	return tok
}
