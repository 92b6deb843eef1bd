package model

import (
	"strings"
	"testing"
)

func TestMarkupHazards(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The rule .*(?:.*=.*) backtracked.", []string{".*(?:.*=.*)"}},
		{"We patched __init__ and retry_count.", []string{"__init__", "retry_count"}},
		{"It returned <nil> for every call", []string{"<nil>"}},
		{"Use `__init__` and `.*` freely", nil},
		{"```\nx = a_b * c\n```", nil},
		{"It was *really* bad", nil},
		{"See https://example.com/a_b_c for more", nil},
		{"The glob src/**/*.go matched nothing", []string{"src/**/*.go"}},
		{"Plain words, nothing to quote.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, h := range MarkupHazards(tt.text) {
			got = append(got, h.Token)
			if tt.text[h.Offset:h.Offset+h.Len] != h.Token {
				t.Errorf("%q: offset of %q is wrong", tt.text, h.Token)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: hazards %q, want %q", tt.text, got, tt.want)
		}
	}
	if got := QuoteHazards("The rule .*(?:.*=.*) hit __init__."); got != "The rule `.*(?:.*=.*)` hit `__init__`." {
		t.Errorf("QuoteHazards = %q", got)
	}
	if got := QuoteHazards(QuoteHazards("a_b and <b>")); got != "`a_b` and `<b>`" {
		t.Errorf("quoting twice = %q", got)
	}
}

func FuzzMarkupHazards(f *testing.F) {
	f.Add("a_b `c` .*(?:x) <b> ```\nq_r\n```")
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range MarkupHazards(s) {
			if h.Offset < 0 || h.Offset+h.Len > len(s) || s[h.Offset:h.Offset+h.Len] != h.Token {
				t.Fatalf("bad hazard %+v in %q", h, s)
			}
		}
		q := QuoteHazards(s)
		if len(s) <= MaxHazardScan && len(MarkupHazards(q)) != 0 && len(MarkupHazards(s)) < 50 {
			// Quoting removes every hazard it found (unless the text
			// holds stray backticks that pair up differently).
			if !strings.Contains(s, "`") {
				t.Fatalf("hazards left after quoting %q: %q", s, q)
			}
		}
	})
}
