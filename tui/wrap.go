package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// wrapWords wraps plain text to w columns at spaces only. lipgloss and
// ansi.Wordwrap also break after a hyphen, which cuts a date or a time
// example in two ("2026-11-" / "23T14:05") just where a reader copies it
// from; a word longer than the line is cut hard, as there is no choice.
func wrapWords(s string, w int) []string {
	w = max(w, 1)
	var out []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case ansi.StringWidth(line)+1+ansi.StringWidth(word) <= w:
			line += " " + word
		default:
			out = append(out, line)
			line = word
		}
		for ansi.StringWidth(line) > w {
			head := ansi.Truncate(line, w, "")
			out = append(out, head)
			line = strings.TrimPrefix(line, head)
		}
	}
	if line != "" || len(out) == 0 {
		out = append(out, line)
	}
	return out
}

// truncateWords cuts s to w columns at a space and ends it with "…" when
// it does not fit; a single word too long is cut with "…" too.
func truncateWords(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	if w <= 1 {
		return ""
	}
	cut := ansi.Truncate(s, w-1, "")
	if i := strings.LastIndexByte(cut, ' '); i > 0 && strings.TrimSpace(cut[:i]) != "" {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ·:") + "…"
}
