package export

import "strings"

// TrimPadding removes what glamour writes after the last visible
// character of each line: spaces, each wrapped in its own colour code in
// the dark and light styles. That padding is most of glamour's output (a
// line of 80 columns carries up to 80 × 16 bytes of it), it cannot be
// seen, and piped into a file it leaves trailing spaces on every line.
// Padding with a background colour (a code block's box) is visible and
// stays.
func TrimPadding(s string) string {
	if !strings.Contains(s, " \n") && !strings.Contains(s, "m\n") && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "m") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		lines[i] = trimLinePadding(ln)
	}
	return strings.Join(lines, "\n")
}

// trimLinePadding drops trailing spaces, trailing "ESC[…m ESC[m" runs
// whose code sets no background, and colour codes left with nothing to
// colour.
func trimLinePadding(ln string) string {
	for {
		switch {
		case strings.HasSuffix(ln, " "):
			ln = strings.TrimRight(ln, " ")
		case strings.HasSuffix(ln, "\x1b[m") || strings.HasSuffix(ln, "\x1b[0m"):
			reset := "\x1b[m"
			if strings.HasSuffix(ln, "\x1b[0m") {
				reset = "\x1b[0m"
			}
			body := ln[:len(ln)-len(reset)]
			spaces := strings.TrimRight(body, " ")
			open := strings.LastIndex(spaces, "\x1b[")
			if open < 0 || !strings.HasSuffix(spaces, "m") || strings.Trim(spaces[open+2:len(spaces)-1], "0123456789;:") != "" {
				return ln // the reset closes visible text (or what looks like a code is not one)
			}
			if params := spaces[open+2 : len(spaces)-1]; hasBackground(params) {
				return ln
			}
			ln = spaces[:open]
		default:
			return ln
		}
	}
}

// hasBackground reports whether SGR parameters set a background colour
// or reverse video, which make spaces visible.
func hasBackground(params string) bool {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		switch p := ps[i]; {
		case p == "38" || p == "58": // foreground or underline colour: skip its value
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		case p == "7" || p == "48" || (len(p) == 2 && p[0] == '4' && p[1] >= '0' && p[1] <= '7') || (len(p) == 3 && p[:2] == "10"):
			return true
		}
	}
	return false
}
