package records

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pmwiz/pmwiz/model"
)

func addFixtures(f *testing.F, files ...string) {
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
}

// checkEvents: whatever the input, events are one clean line of bounded
// length, and the reader never panics.
func fuzzRead(t *testing.T, input string, format Format) {
	o := Options{Format: format, Zone: time.UTC, Day: at("2026-11-23T14:00:00Z")}
	_, _ = Read(strings.NewReader(input), "fuzz", o, nil, func(e Event) error {
		for _, s := range []string{e.Text, e.Who} {
			if s != model.SafeLine(s) {
				t.Fatalf("unsafe text %q", s)
			}
			if utf8.RuneCountInString(s) > MaxText {
				t.Fatalf("text of %d characters", utf8.RuneCountInString(s))
			}
		}
		if e.At.IsZero() {
			t.Fatalf("event without a time: %+v", e)
		}
		return nil
	})
}

func FuzzLines(f *testing.F) {
	addFixtures(f, "chat.txt", "syslog.log", "python.log", "bash_history", "zsh_history")
	f.Add("[13:26] <ana> \x1b]0;x\x07hi\n13:27 \x1b[2Jb: x\n")
	f.Fuzz(func(t *testing.T, s string) {
		fuzzRead(t, s, FormatLines)
		fuzzRead(t, s, FormatAuto)
	})
}

func FuzzJSONL(f *testing.F) {
	addFixtures(f, "app.jsonl")
	f.Fuzz(func(t *testing.T, s string) { fuzzRead(t, s, FormatJSONL) })
}

func FuzzLogfmt(f *testing.F) {
	addFixtures(f, "app.logfmt")
	f.Fuzz(func(t *testing.T, s string) { fuzzRead(t, s, FormatLogfmt) })
}

func FuzzCSV(f *testing.F) {
	addFixtures(f, "alerts.csv")
	f.Fuzz(func(t *testing.T, s string) { fuzzRead(t, s, FormatCSV) })
}

func FuzzSlackDay(f *testing.F) {
	addFixtures(f, "slack/incident-checkout/2026-03-08.json")
	f.Fuzz(func(t *testing.T, s string) { fuzzRead(t, s, FormatSlack) })
}

// FuzzLeadStamp: what follows a time is the rest of the line, and a time
// read is a valid clock.
func FuzzLeadStamp(f *testing.F) {
	for _, s := range []string{"2019-07-02T13:42:00Z x", "Jul  2 13:42:01 h p: x", "[2:05 PM] b: x", "14:05 +0200 x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, rest, ok := leadStamp(s)
		if !ok {
			return
		}
		if !strings.HasSuffix(s, rest) {
			t.Fatalf("rest %q is not the end of %q", rest, s)
		}
		if st.hour > 23 || st.min > 59 || st.sec > 59 || st.nsec >= 1e9 {
			t.Fatalf("impossible clock %+v", st)
		}
	})
}

// FuzzJSONFields: on any object encoding/json accepts, the fast scanner
// sees the same top-level keys.
func FuzzJSONFields(f *testing.F) {
	f.Add(`{"ts":"x","a":{"b":[1,"}"]},"c":null}`)
	f.Add(`{"a\"b":1}`)
	f.Fuzz(func(t *testing.T, s string) {
		var want map[string]json.RawMessage
		got := map[string]bool{}
		ok := jsonFields(s, func(k, raw string) { got[k] = true })
		// encoding/json rewrites invalid UTF-8 in keys; the scanner keeps
		// the bytes. Compare on valid text.
		if !utf8.ValidString(s) || json.Unmarshal([]byte(s), &want) != nil || strings.TrimSpace(s) == "null" {
			return
		}
		if !ok {
			if strings.Count(s, "{")+strings.Count(s, "[") > maxDepth {
				return // deeper than the scanner goes, on purpose
			}
			t.Fatalf("scanner refused a valid object %q", s)
		}
		for k := range want {
			if !got[k] {
				t.Fatalf("key %q missed in %q", k, s)
			}
		}
	})
}

// FuzzMerge: merging keeps every existing event, adds each new one at most
// once, and leaves the timed events in order.
func FuzzMerge(f *testing.F) {
	f.Add(int64(0), int64(60), int64(60), "a", "a", "b")
	f.Fuzz(func(t *testing.T, a, b, c int64, x, y, z string) {
		base := time.Unix(1795441500, 0)
		ta := base.Add(time.Duration(a%1e6) * time.Second)
		tl := model.Timeline{Events: []model.Event{{At: &ta, Text: x}, {Text: "untimed"}}}
		in := []Event{{At: base.Add(time.Duration(b%1e6) * time.Second), Text: y}, {At: base.Add(time.Duration(c%1e6) * time.Second), Text: z}}
		added, dups := Merge(&tl, in)
		if added+dups != len(in) || len(tl.Events) != 2+added {
			t.Fatalf("added %d dups %d, %d events", added, dups, len(tl.Events))
		}
		timed := slices.IndexFunc(tl.Events, func(e model.Event) bool { return e.At == nil })
		if !slices.IsSortedFunc(tl.Events[:timed], func(p, q model.Event) int { return p.At.Compare(*q.At) }) {
			t.Fatalf("not sorted")
		}
	})
}
