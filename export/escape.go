package export

import (
	"regexp"
	"strings"

	"github.com/pmwiz/pmwiz/model"
)

// Three kinds of text reach an export, and each is made safe differently:
//
//   - literal values (titles, names, owners, severities, technologies) must
//     read exactly as typed, so every character Markdown would act on is
//     backslash-escaped; unescapeLiteral reverses it on import;
//   - inline Markdown (timeline events, lessons, whys, action items) keeps
//     code spans, emphasis and links, but cannot start a block (heading,
//     list, quote, fence) or carry raw HTML, and fits on one line;
//   - block Markdown (summary, impact, root cause…) keeps its paragraphs,
//     lists and code, see freetext.go.
//
// Every function here is idempotent on its own output, which is what makes
// export → import → export byte-identical.

// isPunct reports ASCII punctuation: exactly what CommonMark lets a
// backslash escape.
func isPunct(c byte) bool {
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')
}

func isAlnum(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80
}

var entityRe = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// oneLine makes any value fit on one line: control bytes neutralised,
// newlines and tabs become spaces, outer spaces go.
func oneLine(s string) string {
	return strings.TrimSpace(model.SafeLine(s))
}

// escapeLiteral writes s so that Markdown shows exactly s, on one line.
// It escapes only what could change the meaning, so ordinary text stays
// readable in the raw file ("user_id", "a -> b", "R&D" are left alone).
func escapeLiteral(s string) string {
	s = oneLine(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		esc := false
		switch c {
		case '\\', '`', '*', '[', ']', '<', '|', '~':
			esc = true
		case '_':
			// Intraword underscores never make emphasis.
			esc = i == 0 || i == len(s)-1 || !isAlnum(s[i-1]) || !isAlnum(s[i+1])
		case '>', '-', '+', '=':
			esc = i == 0
		case '#':
			// At the start it opens a heading; at the end after a space
			// it would be taken for a heading's closing sequence.
			esc = i == 0 || (s[i-1] == ' ' && strings.Trim(s[i:], "# ") == "")
		case ')':
			esc = i > 0 && allDigits(s[:i]) && i <= 9
		case '.':
			esc = (i > 0 && allDigits(s[:i]) && i <= 9) || (i >= 3 && strings.EqualFold(s[i-3:i], "www") && (i == 3 || !isAlnum(s[i-4])))
		case '&':
			esc = entityRe.MatchString(s[i:])
		case ':':
			// GFM renderers turn "https://…", "www.…" and "a@b.c" into
			// links on their own; a literal value stays text.
			esc = strings.HasPrefix(s[i:], "://") && hasSchemeBefore(s[:i])
		case '@':
			esc = i > 0 && i+1 < len(s) && isAlnum(s[i-1]) && isAlnum(s[i+1])
		}
		if esc {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

func hasSchemeBefore(s string) bool {
	j := len(s)
	for j > 0 && ((s[j-1] >= 'a' && s[j-1] <= 'z') || (s[j-1] >= 'A' && s[j-1] <= 'Z')) {
		j--
	}
	word := strings.ToLower(s[j:])
	for _, scheme := range []string{"http", "https", "ftp", "mailto", "file"} {
		if strings.HasSuffix(word, scheme) {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// unescapeLiteral reverses escapeLiteral (and reads any backslash escape
// a person wrote by hand).
func unescapeLiteral(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// escapedAt reports whether s[i] is preceded by an odd run of backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

var (
	leadingOrdered = regexp.MustCompile(`^[0-9]{1,9}[.)]`)
	leadingRefDef  = regexp.MustCompile(`^\[[^\]]*\]:|^\[[ xX]\]`) // reference definition, task box
)

// escapeInline keeps s as inline Markdown on one line but stops it from
// starting a block, splitting a table cell or carrying raw HTML.
func escapeInline(s string) string {
	if s == "" {
		return ""
	}
	return escapes.get(escapeKey{0, s}, func() string { return escapeInlineUncached(s) })
}

func escapeInlineUncached(s string) string {
	s = oneLine(s)
	if s == "" {
		return s
	}
	// A block marker at the start: heading, quote, list, fence, reference
	// definition. Escaping its first punctuation makes it text.
	switch {
	case s[0] == '#' || s[0] == '>' || s[0] == '-' || s[0] == '+' || s[0] == '*' || s[0] == '=' ||
		strings.HasPrefix(s, "```") || strings.HasPrefix(s, "~~~"):
		s = `\` + s
	case leadingOrdered.MatchString(s):
		n := len(leadingOrdered.FindString(s)) - 1
		s = s[:n] + `\` + s[n:]
	case leadingRefDef.MatchString(s):
		s = `\` + s
	}
	// Pipes split table cells (GFM wants them escaped even in code spans).
	if strings.Contains(s, "|") {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '|' && !escapedAt(s, i) {
				b.WriteByte('\\')
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	s = neutraliseHTML(s)
	// A trailing odd backslash would swallow whatever we put after it.
	if strings.HasSuffix(s, `\`) && !escapedAt(s, len(s)-1) {
		s += `\`
	}
	return s
}
