package export

import (
	"errors"
	"runtime"
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

// A guessed block the document does not hold never holds back the
// result, however long it takes to draw, even when it keeps every worker
// busy; and a failure to produce the document is returned at once. The
// renderer here blocks on such a block until the test ends: if
// renderAhead waited for it, the test would hang.
func TestRenderAheadDoesNotWaitForGuessedBlocksItDropped(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	started := make(chan string, 64)
	render := func() (renderFunc, error) {
		return func(blk string) (string, error) {
			started <- blk
			if strings.HasPrefix(blk, "slow") {
				<-release
			}
			return "<" + strings.TrimSpace(blk) + ">", nil
		}, nil
	}
	var slow []string
	for i := range 12 { // more than any machine's workers
		slow = append(slow, strings.Repeat("slow ", 20+i)+"\n")
	}
	guess := strings.Join(slow, "\n")
	for _, fails := range []bool{false, true} {
		final := func() (string, error) {
			for range min(runtime.GOMAXPROCS(0), 8) {
				<-started // every worker is inside a slow block before the document is known
			}
			if fails {
				return "", errors.New("cannot import")
			}
			return "# Title\n\nA paragraph.\n", nil
		}
		got, err := renderAhead(guess, final, render)
		if fails {
			if err == nil {
				t.Errorf("a failed import: no error")
			}
			continue
		}
		if err != nil || got != "\n<# Title>\n<A paragraph.>" {
			t.Errorf("got %q, %v; want the two blocks of the document", got, err)
		}
	}
}

// What the preview draws while a file is imported: the body of a file
// pmwiz wrote, as written or edited, less the stamp; nothing of someone
// else's file, nor of one Import refuses for its nesting.
func TestExportedBodyIsWhatImportWillRead(t *testing.T) {
	body := "# Outage\n\nIt broke.\n"
	deep := body + "\n" + strings.Repeat(">", 1000) + " quoted\n"
	cases := []struct {
		name, src, want string
		ok              bool
	}{
		{"as exported", Stamp(body), body, true},
		{"edited since", strings.Replace(Stamp(body), "It broke.", "It broke twice.", 1), "# Outage\n\nIt broke twice.\n", true},
		{"someone else's", body, "", false},
		{"nested too deep for Import", Stamp(deep), "", false},
	}
	for _, c := range cases {
		got, ok := ExportedBody([]byte(c.src))
		if got != c.want || ok != c.ok {
			t.Errorf("%s: %q, %v; want %q, %v", c.name, got, ok, c.want, c.ok)
		}
		if _, _, err := Import([]byte(c.src)); (err == nil) != (c.name != "nested too deep for Import") {
			t.Errorf("%s: Import error %v", c.name, err)
		}
	}
}
