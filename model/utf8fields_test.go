package model

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Issue 11, hole 10: invalid UTF-8 came out as U+FFFD in one field and
// vanished from another. One rule now: left out of every field alike,
// and the fields that held it are named.
func TestInvalidUTF8OneRuleAndNamedFields(t *testing.T) {
	data := []byte("{\"schema\":1,\"title\":\"a\xffb\",\"summary\":\"c\xfe\xfed\",\"impact\":{\"who\":\"ok\",\"what\":\"w\xc3\"}," +
		"\"timeline\":{\"events\":[{\"text\":\"fine\"},{\"text\":\"e\x80v\"}]},\"lessons\":[\"x\",\"\xe2\x82\"]}")
	d, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	for field, got := range map[string]string{"title": d.Title, "summary": d.Summary, "impact.what": d.Impact.What, "event": d.Timeline.Events[1].Text, "lesson": d.Lessons[1]} {
		if !utf8.ValidString(got) || strings.ContainsRune(got, utf8.RuneError) {
			t.Errorf("%s = %q: want the bad bytes left out, like every other field", field, got)
		}
	}
	if d.Title != "ab" || d.Summary != "cd" || d.Timeline.Events[1].Text != "ev" {
		t.Errorf("title %q, summary %q, event %q: want the good text kept whole", d.Title, d.Summary, d.Timeline.Events[1].Text)
	}
	want := []string{"title", "summary", "impact.what", "timeline.events[1].text", "lessons[1]"}
	if got := InvalidUTF8Fields(data); !slices.Equal(got, want) {
		t.Errorf("InvalidUTF8Fields = %q, want %q", got, want)
	}
	if got := InvalidUTF8Fields([]byte(`{"schema":1,"title":"é ok"}`)); got != nil {
		t.Errorf("a clean file: %q", got)
	}
}

func FuzzInvalidUTF8Fields(f *testing.F) {
	f.Add([]byte("{\"schema\":1,\"title\":\"a\xffb\",\"x\xff\":[1,{\"y\":\"\xfe\"}]}"))
	f.Add([]byte("[\"\xff\"]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fields := InvalidUTF8Fields(data)
		if utf8.Valid(data) && fields != nil {
			t.Fatalf("valid UTF-8 reported: %q", fields)
		}
		for _, p := range fields {
			if !utf8.ValidString(p) || p != SafeLine(p) {
				t.Fatalf("unsafe path %q", p)
			}
		}
	})
}
