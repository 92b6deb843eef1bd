package model

import (
	"regexp"
	"testing"
)

// The patterns regexLike and tagLike replaced, kept as their reference.
var (
	regexLikeRe = regexp.MustCompile(`\(\?|\.\*|\.\+|\\[dwsbDWSB]|\[\^`)
	tagLikeRe   = regexp.MustCompile(`<[A-Za-z/!][^>]*>`)
)

var hazardTokens = []string{
	`.*(?:.*=.*)`, `^\d+$`, `\\w`, `\x`, `a\`, `[^a-z]`, `.+`, `(?i)`, `foo.bar`, `<script>`, `</b>`, `<!-- x -->`,
	`a<b`, `<1>`, `<<a>`, `< a>`, `<a`, `x<y>z`, `<`, `>`, `<\n>`, "<a\n>", "<\xff>", "<a\xff>", `__init__`, `**bold**`, ``,
}

func TestHazardMatchersAgreeWithTheirPatterns(t *testing.T) {
	for _, tok := range hazardTokens {
		if got, want := regexLike(tok), regexLikeRe.MatchString(tok); got != want {
			t.Errorf("regexLike(%q) = %v, the pattern says %v", tok, got, want)
		}
		if got, want := tagLike(tok), tagLikeRe.MatchString(tok); got != want {
			t.Errorf("tagLike(%q) = %v, the pattern says %v", tok, got, want)
		}
	}
}

func FuzzHazardMatchers(f *testing.F) {
	for _, tok := range hazardTokens {
		f.Add(tok)
	}
	f.Fuzz(func(t *testing.T, tok string) {
		if got, want := regexLike(tok), regexLikeRe.MatchString(tok); got != want {
			t.Fatalf("regexLike(%q) = %v, the pattern says %v", tok, got, want)
		}
		if got, want := tagLike(tok), tagLikeRe.MatchString(tok); got != want {
			t.Fatalf("tagLike(%q) = %v, the pattern says %v", tok, got, want)
		}
	})
}
