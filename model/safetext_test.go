package model

import "testing"

func TestSafeText(t *testing.T) {
	cases := []struct{ in, text, line string }{
		{"plain\ttext\nline", "plain\ttext\nline", "plain text line"},
		{"red \x1b[31mALERT\x1b[0m", "red ALERT", "red ALERT"},
		{"title\x1b]0;pwned\x07 ok", "title ok", "title ok"},
		{"link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\", "link here", "link here"},
		{"ok\rEVIL", "ok\nEVIL", "ok EVIL"},
		{"a\r\nb", "a\nb", "a b"},
		{"back\bspace\x00nul\x7f", "backspacenul", "backspacenul"},
		{"c1 \u009b31m here", "c1 31m here", "c1 31m here"},
		{"bidi \u202eevil\u202c \u2066x\u2069", "bidi evil x", "bidi evil x"},
		{"bad \xff utf8", "bad \uFFFD utf8", "bad \uFFFD utf8"},
		{"reset\x1bc done", "reset done", "reset done"},
		{"tail \x1b[", "tail ", "tail "},
		{"émoji 🔥 ok", "émoji 🔥 ok", "émoji 🔥 ok"},
	}
	for _, c := range cases {
		if got := SafeText(c.in); got != c.text {
			t.Errorf("SafeText(%q) = %q, want %q", c.in, got, c.text)
		}
		if got := SafeLine(c.in); got != c.line {
			t.Errorf("SafeLine(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}
