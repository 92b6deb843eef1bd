package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FuzzReadSentenceOnePass checks the one-pass sentence reader against the
// reader as it was (onepass_before_test.go): every sentence of a text,
// read in turn with shared scratch space as analyseText reads them, must
// be deep-equal, its cue hits and technologies included.
func FuzzReadSentenceOnePass(f *testing.F) {
	for _, s := range []string{
		"We apologize for any inconvenience this may have caused. Due to this incident we failed over, potentially 250 nodes.",
		"WE’RE SORRY for the trouble — root cause: a bad config push to Node.js and C++ on GitLab.com.",
		"We ran `pg_dump` via https://example.com/WE/APOLOGIZE and it was caused by human error, possibly 3 hours.",
		"The Kubernetes ſervice (K8s) on .NET is ASP.NET; Go to your project. We use Go and =Rust.",
		"On 31st July 2018 700 users and 1.21B queries failed; we take this very seriously?",
		"ourselves MY we'd I’ve I'm Our — 12:00 we noticed the alert fired",
		strings.Repeat("x", 40) + " We take " + strings.Repeat("y", 33) + " seriously.",
		"\xffwe\xc3 apolog\xe2\x80\x99ize for any",
		"We use Postgres. Redis-cluster, k8s.io and a.b - c -- d.- e-. Go ends.",
		"We didn't run node.js or .net; GitLab.com - and x.y", "Plain Kafka text ends here.", "a.\xc3\xa9 b-\xc3\xa9",
		"foohttps://x.io/bar.baz Kafka", "MySQL.", ".NET", "-Kafka- .kafka",
	} {
		f.Add(s, false)
	}
	for _, words := range append(slices.Clone(cueIndex.words), toneIndex.words...) {
		s := strings.ReplaceAll(strings.ReplaceAll(strings.Join(words, " "), "…", "the big"), "*", "ed")
		f.Add("So "+s+" then.", true)
	}
	f.Fuzz(func(t *testing.T, text string, quoted bool) {
		if len(text) > 4096 {
			return
		}
		sc := new(sentenceScratch)
		var hits, hitsBefore []cueHit
		var toks, techToks []token
		for _, st := range splitSentences(text) {
			got := readSentence(st, quoted, sc, &hits)
			want := readSentenceBefore(st, quoted, &toks, &techToks, &hitsBefore)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("readSentence(%q) =\n%+v\nbefore the one pass:\n%+v", st, got, want)
			}
		}
		if got, want := findTechnologies(text), findTechnologiesBefore(text, new([]token)); !reflect.DeepEqual(got, want) {
			t.Fatalf("findTechnologies(%q) = %q, before %q", text, got, want)
		}
	})
}

func FuzzAppendSentences(f *testing.F) {
	for _, s := range []string{
		"We rolled back. Then it worked! Why? Because e.g. the U.S. team said so.) Next.",
		"Ends with a mark.", "a.b. c? d! (Dr. Who) “Quoted.” Next", "...!?. x. Y.", "",
		"I. Am. Mr. Smith etc. And so on", "x.\xff Y", "a. é. É.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendSentences(nil, s), appendSentencesBefore(nil, s); !slices.Equal(got, want) {
			t.Fatalf("appendSentences(%q) = %q, before %q", s, got, want)
		}
	})
}
