package records

import (
	"strings"
	"unicode/utf8"

	"github.com/pmwiz/pmwiz/model"
)

// cleanText makes record text fit for one timeline line: escape sequences
// and controls neutralised, space collapsed at the ends, at most MaxText
// characters.
func cleanText(s string) string {
	s = strings.TrimSpace(model.SafeLine(s))
	if utf8.RuneCountInString(s) <= MaxText {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxText-1 {
			return strings.TrimSpace(s[:i]) + "…"
		}
		n++
	}
	return s
}

// cleanName is cleanText for a person's or a program's name.
func cleanName(s string) string {
	s = cleanText(s)
	if utf8.RuneCountInString(s) > 64 {
		return string([]rune(s)[:63]) + "…"
	}
	return s
}
