package export

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// A line the writer broke with one Enter stays broken in every layout: a
// hard line break, spelled "\" at the end of the line (no trailing spaces
// for markdownlint), that GitHub-flavoured Markdown renders as <br>.
func TestSingleEnterIsAHardLineBreakInEveryLayout(t *testing.T) {
	d := model.New("Broken lines", time.Date(2026, 11, 23, 16, 0, 0, 0, time.UTC))
	d.Summary = "We broke checkout.\nEvery card payment failed.\n\nA new paragraph."
	d.HumanElements = "- on call: Ada\n  she paged Grace\n- Grace rolled back"
	for _, layout := range Layouts {
		md, err := Markdown(d, Options{Layout: layout, NoStamp: true})
		if err != nil {
			t.Fatal(err)
		}
		s := string(md)
		for _, want := range []string{
			"We broke checkout.\\\nEvery card payment failed.\n\nA new paragraph.",
			"- on call: Ada\\\n  she paged Grace\n- Grace rolled back",
		} {
			if !strings.Contains(s, want) {
				t.Errorf("%s: export lacks %q:\n%s", layout, want, s)
			}
		}
		for i, ln := range strings.Split(s, "\n") {
			if strings.HasSuffix(ln, " ") {
				t.Errorf("%s: line %d has trailing spaces: %q", layout, i+1, ln)
			}
		}
		var html bytes.Buffer
		if err := gfm.Convert(md, &html); err != nil {
			t.Fatal(err)
		}
		h := html.String()
		if !strings.Contains(h, "We broke checkout.<br>\nEvery card payment failed.") || !strings.Contains(h, "on call: Ada<br>\nshe paged Grace") {
			t.Errorf("%s: HTML does not break the lines:\n%s", layout, h)
		}
	}
	// Sanitizing is idempotent: its own output gains no second break.
	once := sanitizeBlock(d.Summary, 3)
	if twice := sanitizeBlock(once, 3); twice != once {
		t.Fatalf("not idempotent:\n%q\n%q", once, twice)
	}
}

// The preview (glamour) shows the break too: glamour drops a "\" hard
// break inside a paragraph unless newlines are preserved.
func TestRenderKeepsHardLineBreaks(t *testing.T) {
	d := model.New("Broken lines", time.Date(2026, 11, 23, 16, 0, 0, 0, time.UTC))
	d.Summary = "We broke checkout.\nEvery card payment failed."
	md, err := Markdown(d, Options{NoStamp: true})
	if err != nil {
		t.Fatal(err)
	}
	out, err := Render(string(md), 80, "notty")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "We broke checkout.") || strings.Contains(out, "We broke checkout. Every") {
		t.Fatalf("the preview joined the lines:\n%s", out)
	}
}
