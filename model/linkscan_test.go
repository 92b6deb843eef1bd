package model

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// urlReRef is the regexp blankURLs replaces: the reference.
var urlReRef = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.-]*://[^\s)>\]]+`)

func blankURLsRef(s string) string {
	return urlReRef.ReplaceAllStringFunc(s, func(u string) string { return strings.Repeat(" ", len(u)) })
}

var linkSeeds = []string{
	"We posted on https://status.example.com/x) and (http://a.b]c.",
	"1a://x -.+://y a:///b :////c ab1://x\tz ftp://h\xffé>x",
	"see <https://x.y/z?q=1#f> and mailto:ops@example.com, a.b@c.d-e f@g.hi_j",
	"x@y.com1 x@y.co.uk. ._%@a-b.cd .@a.bc _@a.bc a@b..com a@b.c @b.cd",
}

func FuzzBlankURLs(f *testing.F) {
	for _, s := range linkSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := blankURLs(s), blankURLsRef(s); got != want {
			t.Fatalf("blankURLs(%q) = %q, want %q", s, got, want)
		}
	})
}

// emailReRef is the regexp hasEmail replaces: the reference.
var emailReRef = regexp.MustCompile(`\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b`)

func FuzzHasEmail(f *testing.F) {
	for _, s := range linkSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasEmail(s), emailReRef.MatchString(s); got != want {
			t.Fatalf("hasEmail(%q) = %v, want %v", s, got, want)
		}
	})
}

// codeSpanReRef is the regexp nextCodeName replaces: the reference.
var codeSpanReRef = regexp.MustCompile("`([a-z][a-z0-9_-]{1,30})`")

func FuzzNextCodeName(f *testing.F) {
	for _, s := range []string{
		"ran `pg_dump` and `a` and `ab` `abc`def` ``x` `Ab` `a-_9`",
		"`" + strings.Repeat("a", 31) + "` `" + strings.Repeat("b", 32) + "` `x\xff` `é`",
		"```a``b` `c`", "`", "``", "`a1`",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got [][]int
		for from := 0; ; {
			start, end := nextCodeName(s, from)
			if start < 0 {
				break
			}
			got = append(got, []int{start, end, start + 1, end - 1})
			from = end
		}
		want := codeSpanReRef.FindAllStringSubmatchIndex(s, -1)
		if len(got) != len(want) {
			t.Fatalf("nextCodeName(%q): %v, the regexp %v", s, got, want)
		}
		for i := range got {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("nextCodeName(%q): %v, the regexp %v", s, got, want)
			}
		}
	})
}

func FuzzHasWebLink(f *testing.F) {
	for _, s := range linkSeeds {
		f.Add(s)
	}
	f.Add("http:// https:/ :// xhttps://y HTTP://z ttp://")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasWebLink(s), strings.Contains(s, "http://") || strings.Contains(s, "https://"); got != want {
			t.Fatalf("hasWebLink(%q) = %v, want %v", s, got, want)
		}
	})
}
