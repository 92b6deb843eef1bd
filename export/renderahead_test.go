package export

import (
	"errors"
	"strings"
	"testing"
)

// Whatever is guessed, RenderAhead draws what final returns, exactly as
// Render does, and as glamour's render of the whole document reads.
func TestRenderAheadIsRenderWhateverTheGuess(t *testing.T) {
	docs := renderTestDocs(t)
	other := docs["typical.json"]
	for name, md := range docs {
		blocks := splitBlocks(md)
		edited := append([]string(nil), blocks...)
		for i := 0; i < len(edited); i += 3 {
			edited[i] = "An edit in block " + edited[i]
		}
		guesses := map[string]string{
			"no guess":               "",
			"the document":           md,
			"another document":       other,
			"every third block off":  strings.Join(edited, "\n"),
			"the first half":         strings.Join(blocks[:len(blocks)/2], "\n"),
			"the document, twice":    md + "\n" + md,
			"only blank lines":       "\n\n\n",
			"a stamped pmwiz export": Stamp(md),
		}
		for _, style := range Styles {
			for _, w := range []int{30, 76} {
				want, err := Render(md, w, style)
				if err != nil {
					t.Fatal(err)
				}
				whole := seen(glamourWhole(t, md, w, style))
				for gname, guess := range guesses {
					if gname != "the document" && (style != "notty" || w != 76) {
						continue // the guess decides what is drawn when, not how: one style is enough
					}
					got, err := RenderAhead(guess, func() (string, error) { return md, nil }, w, style)
					if err != nil {
						t.Fatalf("%s, %s at %d, guess %s: %v", name, style, w, gname, err)
					}
					if got != want {
						t.Errorf("%s, %s at %d, guess %s: differs from Render:\n%s", name, style, w, gname, firstDiff(got, want))
					}
					if seen(got) != whole {
						t.Errorf("%s, %s at %d, guess %s: does not read as glamour's whole render:\n%s", name, style, w, gname, firstDiff(seen(got), whole))
					}
				}
			}
		}
	}
}

// A failure to produce the document (a file that cannot be imported) is
// what the caller sees, unwrapped, whatever was drawn meanwhile; so is an
// unknown style, before anything is drawn.
func TestRenderAheadReturnsTheFailure(t *testing.T) {
	md := renderTestDocs(t)["long"]
	cause := errors.New("notes.md: not UTF-8 text at line 3")
	for _, guess := range []string{"", md} {
		if _, err := RenderAhead(guess, func() (string, error) { return "", cause }, 80, "dark"); err != cause {
			t.Errorf("guess of %d bytes: error %v, want %v as it is", len(guess), err, cause)
		}
	}
	called := false
	if _, err := RenderAhead(md, func() (string, error) { called = true; return md, nil }, 80, "sepia"); err == nil || !strings.Contains(err.Error(), `"sepia"`) || called {
		t.Errorf("unknown style: error %v, final called: %v; want the style named, and nothing done", err, called)
	}
}
