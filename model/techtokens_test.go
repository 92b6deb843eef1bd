package model

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// techTokensByRune is techTokens as it was before its ASCII table: one
// rune at a time through the unicode package. The reference.
func techTokensByRune(s string) []token {
	var toks []token
	start := -1
	end := func(i int) {
		for i > start && strings.IndexByte(".-", s[i-1]) >= 0 {
			i--
		}
		if i > start {
			toks = append(toks, token{start, i})
		}
		start = -1
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || (start >= 0 && strings.ContainsRune("_+#.-", r)) || (start < 0 && r == '.' && i+1 < len(s) && unicode.IsLetter(rune(s[i+1])))
		if in && start < 0 {
			start = i
		}
		if !in && start >= 0 {
			end(i)
		}
		i += size
	}
	if start >= 0 {
		end(len(s))
	}
	return toks
}

func FuzzTechTokens(f *testing.F) {
	for _, s := range []string{"We run Node.js, C++ and .NET on GitLab.com.", "pg_basebackup --x", "Ünïcödé .é x.- a#b", "", "\xff.a", ".\xaa.\xc3\xa9 a.-.\xe2\x80\x99", "x_. .-- a.é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := techTokens(s), techTokensByRune(s)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("techTokens(%q) = %v, want %v", s, got, want)
		}
	})
}
