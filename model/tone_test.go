package model

import (
	"strings"
	"testing"
)

func TestToneCatalogue(t *testing.T) {
	cases := []struct {
		text   string
		kind   FindingKind // "" = no finding
		phrase string
	}{
		// boilerplate, in every form the issue names
		{"Sorry for the inconvenience.", Boilerplate, "inconvenience"},
		{"Customers were inconvenienced for an hour", Boilerplate, "inconvenienced"},
		{"an inconvenient outage", Boilerplate, "inconvenient"},
		{"We apologize for any trouble", Boilerplate, "We apologize for any"},
		{"We apologise for any delay", Boilerplate, "We apologise for any"},
		{"WE REGRET the outage", Boilerplate, "WE REGRET"},
		{"To our valued customers:", Boilerplate, "valued customers"},
		{"Out of an abundance of caution, we paused", Boilerplate, "Out of an abundance of caution"},
		{"We take your security very seriously", Boilerplate, "We take your security very seriously"},
		{"We take reliability seriously", Boilerplate, "We take reliability seriously"},
		{"Rest assured, it is fixed", Boilerplate, "Rest assured"},
		{"due to unforeseen circumstances", Boilerplate, "unforeseen circumstances"},
		{"Please be advised that", Boilerplate, "Please be advised"},
		{"for any issues this may have caused", Boilerplate, "any issues this may have caused"},
		{"we’re sorry for any confusion", Boilerplate, "sorry for any"},
		// hedging
		{"Data may have been lost", Hedging, "may have been"},
		{"It appears that the disk filled", Hedging, "It appears that"},
		{"The job seems to have stalled", Hedging, "seems to have"},
		{"This was possibly caused by DNS", Hedging, "possibly"},
		// blame
		{"The cause was human error", Blame, "human error"},
		{"He should have known better", Blame, "should have known"},
		{"a careless deploy", Blame, "careless"},
		{"gross negligence", Blame, "negligence"},
		// near misses: whole words only, and phrases must be whole
		{"This was impossibly fast", "", ""},
		{"We take the train seriously late at night, but not the bus", "", ""}, // "train seriously" — gap fits; see below
		{"convenience store", "", ""},
		{"the possiblyness", "", ""},
		{"caressed", "", ""},
		{"we regarded it", "", ""},
		{"Rest was assured", "", ""},
		{"may have caused", "", ""},
		{"it appears", "", ""},
		{"valued", "", ""},
		{"humane error handling", "", ""},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			got := CheckToneText("summary", c.text)
			if c.text == "We take the train seriously late at night, but not the bus" {
				// "we take … seriously" matches across up to four words: this
				// is a hit by design, and shows the gap is bounded.
				if len(got) != 1 {
					t.Fatalf("want the bounded-gap hit, got %+v", got)
				}
				return
			}
			if c.kind == "" {
				if len(got) != 0 {
					t.Fatalf("false hit: %+v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("want one %s finding for %q, got %+v", c.kind, c.phrase, got)
			}
			f := got[0]
			if f.Kind != c.kind || f.Phrase != c.phrase || f.Field != "summary" || f.Suggestion == "" {
				t.Fatalf("got %+v, want %s %q with a suggestion", f, c.kind, c.phrase)
			}
			if c.text[f.Offset:f.Offset+len(f.Phrase)] != f.Phrase {
				t.Fatalf("offset %d does not point at %q", f.Offset, f.Phrase)
			}
		})
	}
}

func TestToneGapIsBounded(t *testing.T) {
	if got := CheckToneText("x", "we take one two three four five seriously"); len(got) != 0 {
		t.Fatalf("a five-word gap must not match: %+v", got)
	}
}

func TestToneOverDraftReportsFieldPaths(t *testing.T) {
	d := &Draft{
		Summary:  "We regret the outage.",
		FiveWhys: []Why{{Why: "Why?", Because: "It appears that the cache was cold"}},
		Lessons:  []string{"fine", "Human error is never the root cause"},
		Timeline: Timeline{Events: []Event{{Text: "deploy possibly started"}}},
	}
	got := CheckTone(d)
	want := []string{"summary", "timeline.events[0].text", "five_whys[0].because", "lessons[1]"}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d: %+v", len(got), len(want), got)
	}
	for i, f := range got {
		if f.Field != want[i] {
			t.Errorf("finding %d at %s, want %s", i, f.Field, want[i])
		}
	}
}

func TestCatalogueIsWellFormed(t *testing.T) {
	kinds := map[FindingKind]int{}
	for _, p := range tonePhrases {
		kinds[p.kind]++
	}
	if kinds[Boilerplate] < 10 || kinds[Hedging] < 4 || kinds[Blame] < 4 {
		t.Fatalf("catalogue too small: %v", kinds)
	}
	for _, bad := range []string{"boilerplate | x", "shouting | x | y", "hedging | … x | y"} {
		if _, err := parseCatalogue(bad); err == nil {
			t.Errorf("parseCatalogue(%q) accepted a bad line", bad)
		}
	}
	if _, err := parseCatalogue(strings.Join([]string{"# comment", "", "blame | a ... b | c"}, "\n")); err != nil {
		t.Errorf("good catalogue rejected: %v", err)
	}
}
