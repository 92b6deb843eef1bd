package model

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDecodeReportsEveryProblemWithItsPath(t *testing.T) {
	in := `{"schema": 1, "title": 7, "timeline": {"start": "yesterday", "events": [{"at": "2026-11-23T14:05:00Z"}, {"at": true}]},
	"five_whys": [{"why": ["a"]}], "action_items": [{"done": "yes"}]}`
	d, err := Decode([]byte(in))
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("want a DecodeError, got %v", err)
	}
	want := []string{"title", "timeline.start", "timeline.events[1].at", "five_whys[0].why", "action_items[0].done"}
	got := map[string]bool{}
	for _, p := range de.Problems {
		got[p.Field] = true
		if p.Message == "" {
			t.Errorf("%s: empty message", p.Field)
		}
	}
	for _, f := range want {
		if !got[f] {
			t.Errorf("no problem reported at %s; got %+v", f, de.Problems)
		}
	}
	if len(de.Problems) != len(want) {
		t.Errorf("got %d problems, want %d: %+v", len(de.Problems), len(want), de.Problems)
	}
	if d == nil || d.Timeline.Events[0].At == nil {
		t.Fatal("the good parts of the draft must still decode")
	}
	// Nothing is lost: the bad values are written back as they were.
	out, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"title": 7`, `"start": "yesterday"`, `"at": true`, `"done": "yes"`} {
		if !bytes.Contains(out, []byte(s)) {
			t.Errorf("re-encoded draft lost %s:\n%s", s, out)
		}
	}
}

func TestDecodeFatalErrors(t *testing.T) {
	cases := []struct {
		in, want string
	}{
		{"", "the file is empty"},
		{"{\n  \"schema\": 1,\n  \"title\": oops\n}", "line 3, column 12"},
		{`{"schema": 1`, "ends in the middle"},
		{`[]`, "JSON object"},
		{`{"schema": 1} {}`, "after the end"},
		{`{"title": "x"}`, `add "schema": 1`},
		{`{"schema": 2}`, "newer pmwiz"},
		{`{"schema": 0}`, "not a draft format"},
		{`{"schema": "1"}`, "schema: want a whole number"},
	}
	for _, c := range cases {
		_, err := Decode([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Decode(%q) = %v, want an error containing %q", c.in, err, c.want)
		}
	}
}

func TestRoundTripKeepsUnknownKeysAndIsCanonical(t *testing.T) {
	in := `{"x-tool": {"id": 9}, "schema": 1, "title": "DB <outage> & co",
	  "timeline": {"timezone": "Europe/Berlin", "start": "2026-11-23T14:05:00+01:00", "color": "red",
	     "events": [{"at": "2026-11-23T14:07:30.5+01:00", "text": "paged", "by": "bot"}]},
	  "impact": {"who": "EU", "mood": 3}, "communication": {"channels": [{"name": "Status", "url": "https://s.example", "kind": "page"}]},
	  "assessments": {"impact": {"status": "yes", "by": "ana"}}, "other": [{"heading": "Trivia", "body": "x", "level": 2}]}`
	d, err := Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	first, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"x-tool"`, `"color": "red"`, `"by": "bot"`, `"mood": 3`, `"kind": "page"`, `"by": "ana"`, `"level": 2`, `"DB <outage> & co"`, `"2026-11-23T14:07:30.5+01:00"`} {
		if !bytes.Contains(first, []byte(s)) {
			t.Errorf("encoded draft lost %s:\n%s", s, first)
		}
	}
	if !bytes.HasSuffix(first, []byte("}\n")) || !bytes.HasPrefix(first, []byte("{\n  \"schema\": 1,")) {
		t.Errorf("not canonical (schema first, trailing newline):\n%s", first)
	}
	d2, err := Decode(first)
	if err != nil {
		t.Fatal(err)
	}
	second, _ := Encode(d2)
	if !bytes.Equal(first, second) {
		t.Fatalf("encode is not stable:\n%s\n---\n%s", first, second)
	}
	// The example in docs/draft-format.md is a valid, problem-free draft.
	doc, err := os.ReadFile(filepath.Join("..", "docs", "draft-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	example := cutBetween(string(doc), "```json\n", "```")
	ex, err := Decode([]byte(example))
	if err != nil {
		t.Fatalf("docs example does not decode: %v", err)
	}
	if ps := ex.Validate(); len(ps) != 0 {
		t.Fatalf("docs example has problems: %v", ps)
	}
}

func cutBetween(s, from, to string) string {
	_, rest, _ := strings.Cut(s, from)
	body, _, _ := strings.Cut(rest, to)
	return body
}

func TestCloneSharesNothingMutable(t *testing.T) {
	d := &Draft{Schema: 1, Authors: []string{"ana"}, Timeline: Timeline{Start: at("2026-11-23T14:00:00Z"), Events: []Event{{Text: "a"}}},
		FiveWhys: []Why{{Why: "w"}}, Assessments: map[string]Assessment{"impact": {Status: Yes}}}
	c := d.Clone()
	c.Authors[0] = "bo"
	*c.Timeline.Start = c.Timeline.Start.Add(1)
	c.Timeline.Events[0].Text = "b"
	c.FiveWhys[0].Why = "x"
	c.Assessments["impact"] = Assessment{Status: No}
	if d.Authors[0] != "ana" || d.Timeline.Events[0].Text != "a" || d.FiveWhys[0].Why != "w" || d.Assessments["impact"].Status != Yes || !d.Timeline.Start.Equal(*at("2026-11-23T14:00:00Z")) {
		t.Fatalf("clone shares state with the original: %+v", d)
	}
}

// Text the wizard could not store in its field yet (a time it cannot
// read) is kept in the draft file, so a crash or a dropped session after
// an autosave does not lose it.
func TestPendingTextRoundTripsAndClones(t *testing.T) {
	in := `{"schema": 1, "timeline": {"start": "2026-11-23T14:05:00+01:00"},
	  "pending": {"timeline.mitigated": "half past two", "action_items[0].due": "next friday"}}`
	d, err := Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"timeline.mitigated": "half past two", "action_items[0].due": "next friday"}
	if !maps.Equal(d.Pending, want) {
		t.Fatalf("decoded pending = %v, want %v", d.Pending, want)
	}
	out, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte(`"timeline.mitigated": "half past two"`)) {
		t.Fatalf("encoded draft lost the pending text:\n%s", out)
	}
	if ps := d.Validate(); len(ps) != 0 {
		t.Errorf("pending text is not a problem by itself, got %v", ps)
	}
	c := d.Clone()
	c.Pending["timeline.mitigated"] = "15:00"
	if d.Pending["timeline.mitigated"] != "half past two" {
		t.Fatal("clone shares its pending map with the original")
	}
	// No pending text, no key: drafts without it stay byte for byte as before.
	d.Pending = map[string]string{}
	if out, _ := Encode(d); bytes.Contains(out, []byte(`"pending"`)) {
		t.Fatalf("an empty pending map is written:\n%s", out)
	}
}

func TestValidate(t *testing.T) {
	d := &Draft{
		Status: "done", Audience: "everyone",
		Timeline:      Timeline{TimeZone: "Mars/Olympus", Day: "31 July 2018", Start: at("2026-11-23T14:05:00Z"), End: at("2026-11-23T13:50:00Z")},
		FiveWhys:      fiveWhys(6, 6),
		ActionItems:   []ActionItem{{What: "x", Due: "next week", Type: "fix", Link: "jira/123"}},
		Communication: Communication{Channels: []Channel{{URL: "status.example.com"}}},
		Assessments:   map[string]Assessment{"vibes": {Status: Yes}},
	}
	got := map[string]string{}
	for _, p := range d.Validate() {
		got[p.Field] = p.Message
	}
	want := map[string]string{
		"status":                        "use draft, review or published",
		"audience":                      "use public or internal",
		"timeline.timezone":             "IANA name",
		"timeline.end":                  "ends before the start (14:05 > 13:50)",
		"timeline.day":                  "YYYY-MM-DD",
		"five_whys":                     "stop at 5",
		"action_items[0].due":           "YYYY-MM-DD",
		"action_items[0].type":          "mitigate, prevent, process or other",
		"action_items[0].link":          "https://",
		"communication.channels[0].url": "https://",
		"assessments.vibes":             "not a rubric item",
	}
	for f, w := range want {
		if !strings.Contains(got[f], w) {
			t.Errorf("%s: got %q, want it to contain %q", f, got[f], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d: %v", len(got), len(want), got)
	}
	if ps := (&Draft{Schema: 1}).Validate(); len(ps) != 0 {
		t.Errorf("an empty draft has no problems, got %v", ps)
	}
}

func TestLooksLikeDraft(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"a draft", `{"schema": 1, "title": "Checkout outage"}`, true},
		{"a newer pmwiz's draft", `{"schema": 99}`, true},
		{"a broken schema is still a draft", `{"schema": "one"}`, true},
		{"other JSON", `{"title": "x"}`, false},
		{"a JSON array", `[{"schema": 1}]`, false},
		{"Markdown", "# Checkout outage\n", false},
		{"empty", ``, false},
	}
	for _, tt := range tests {
		if got := LooksLikeDraft([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: LooksLikeDraft(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}
