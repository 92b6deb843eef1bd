package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

func TestEvidenceLines(t *testing.T) {
	src := []byte("# Title\n\nWe **missed** the\nwarning because it\nwent to an inbox.\n\n| 14:05 | `pg_dump` fails |\n\nSSH keys, not SSHD.\n")
	idx := newTextIndex(src)
	for quote, want := range map[string]int{
		"We missed the warning because it went to an inbox.": 3, // hard-wrapped, emphasis dropped
		"14:05 | pg_dump fails":                              7, // a table row as the draft keeps it
		"Went wrong: warning because it went to an inbox":    4, // a label the draft added
		"SSH":            9,
		"SSHD":           9,
		"nowhere to see": 0,
	} {
		if got := idx.line(quote); got != want {
			t.Errorf("line(%q) = %d, want %d", quote, got, want)
		}
	}
}

// FuzzEvidenceLines: any file, any quote: no panic, and a line found is a
// line of the file that holds the quote's first word.
func FuzzEvidenceLines(f *testing.F) {
	f.Add([]byte("a **b**\nc `d` e\n\n| x | y |\n"), "b c d")
	f.Add([]byte("Went well: ok\n"), "Went well: ok")
	f.Add([]byte("SSH\n"), "SSH")
	f.Fuzz(func(t *testing.T, src []byte, quote string) {
		n := newTextIndex(src).line(quote)
		lines := bytes.Count(src, []byte{'\n'}) + 1
		if n < 0 || n > lines {
			t.Fatalf("line %d of a %d-line file", n, lines)
		}
	})
}

// A blog-style post-mortem (our own, in testdata): score reads it whole
// and every quote comes with the line it starts on.
func TestScoreMarkdownQuotesWithLines(t *testing.T) {
	code, out, _ := runCLI(t, "score", "--json", "testdata/blog-style.md")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	r := decodeScoreJSON(t, out)
	want := map[string]struct {
		status model.Verdict
		line   int
		quote  string
	}{
		model.ItemAdmitFailure:  {model.Yes, 6, "We missed a certificate expiry on our mail relay"},
		model.ItemChannel:       {model.Yes, 21, "We posted updates on our status page (https://status.example.com)"},
		model.ItemImpact:        {model.Yes, 12, "Around 1,800 customers did not get their invoices"},
		model.ItemTechnologies:  {model.Yes, 11, "At 09:10 UTC the certificate on the Postfix relay"},
		model.ItemHumanElements: {model.Yes, 27, "We were lucky that Mira was on call"},
		model.ItemOthersLearn:   {model.Yes, 26, "If you run your own mail relay, you should alert"},
		model.ItemFiveWhys:      {model.No, 0, ""},
	}
	for _, it := range r.Items {
		w, ok := want[it.ID]
		if !ok {
			continue
		}
		if it.Status != w.status {
			t.Errorf("%s = %s (%s), want %s", it.ID, it.Status, it.Reason, w.status)
			continue
		}
		if w.status == model.No {
			if len(it.Evidence) != 0 {
				t.Errorf("%s is no but quotes %+v", it.ID, it.Evidence)
			}
			continue
		}
		if len(it.Evidence) == 0 || it.Evidence[0].Line != w.line || !strings.HasPrefix(it.Evidence[0].Quote, w.quote) {
			t.Errorf("%s: best evidence %+v, want line %d starting %q", it.ID, it.Evidence, w.line, w.quote)
		}
	}
	if !strings.Contains(out, `"mentioned_technologies"`) {
		t.Error("score --json lacks mentioned_technologies")
	}
}

// scoreJSONOut is what score --json prints for one file: one report, or
// an array holding it (the multi-file shape).
type scoreJSONOut struct {
	Score float64
	Items []model.ItemResult
}

func decodeScoreJSON(t *testing.T, out string) scoreJSONOut {
	t.Helper()
	var one scoreJSONOut
	if err := json.Unmarshal([]byte(out), &one); err == nil {
		return one
	}
	var many []scoreJSONOut
	if err := json.Unmarshal([]byte(out), &many); err != nil || len(many) != 1 {
		t.Fatalf("score --json printed neither a report nor an array of one: %v\n%s", err, out)
	}
	return many[0]
}
