package tui

import (
	"bytes"
	"fmt"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/pmwiz/pmwiz/model"
)

// Golden views at the two sizes people run the wizard at: a full terminal
// and a small split. Run `go test ./tui -run Golden -update` after an
// intended change and read the diff.
func TestGoldenViews(t *testing.T) {
	for _, size := range []struct{ w, h int }{{100, 30}, {60, 20}} {
		for _, tc := range []struct {
			name  string
			draft func() *model.Draft
			step  string
		}{
			{"new-basics", func() *model.Draft { return model.New("", testNow) }, "basics"},
			{"filled-basics", filledDraft, "basics"},
			{"filled-timeline", filledDraft, "timeline"},
			{"filled-whys", filledDraft, "five-whys"},
			{"filled-actions", filledDraft, "lessons"},
			{"filled-review", filledDraft, "review"},
		} {
			t.Run(fmt.Sprintf("%dx%d/%s", size.w, size.h, tc.name), func(t *testing.T) {
				h := newHarness(t, tc.draft(), size.w, size.h)
				h.goTo(tc.step)
				h.renderPreview()
				golden.RequireEqual(t, h.view())
			})
		}
	}
}

// The colours themselves, downsampled to the 16-colour profile so the file
// is stable and readable with `cat -v`.
func TestGoldenColour(t *testing.T) {
	for _, dark := range []bool{true, false} {
		t.Run(fmt.Sprintf("dark=%v", dark), func(t *testing.T) {
			h := newHarness(t, filledDraft(), 100, 30, func(o *Options) { o.Dark = &dark })
			var buf bytes.Buffer
			w := colorprofile.NewWriter(&buf, nil)
			w.Profile = colorprofile.ANSI
			if _, err := w.Write([]byte(h.m.View().Content)); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, buf.Bytes())
		})
	}
}

// NO_COLOR: not one colour, and focus still shows.
func TestNoColour(t *testing.T) {
	h := newHarness(t, filledDraft(), 100, 30, func(o *Options) { o.NoColor = true })
	raw := h.m.View().Content
	for _, m := range sgrRE.FindAllStringSubmatch(raw, -1) {
		for _, p := range strings.Split(m[1], ";") {
			n, _ := strconv.Atoi(p)
			if (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				t.Fatalf("NO_COLOR view has colour %q", m[0])
			}
		}
	}
	h.wantView(GlyphFocus + " Title")
}

var sgrRE = regexp.MustCompile("\x1b\\[([0-9;]*)m")

// The terminal's answer about its background restyles the wizard once;
// a caller that fixed the style (Options.Dark) is not overridden.
func TestBackgroundColourPicksStyles(t *testing.T) {
	h := newHarness(t, filledDraft(), 100, 30, func(o *Options) { o.Dark = nil })
	if !h.m.styles.Dark {
		t.Fatal("before the terminal answers, the wizard should assume dark")
	}
	h.send(tea.BackgroundColorMsg{Color: color.White})
	if h.m.styles.Dark {
		t.Fatal("a white background did not switch to the light styles")
	}
	h.wantView("› Title", "Score ")
	dark := true
	h = newHarness(t, filledDraft(), 100, 30, func(o *Options) { o.Dark = &dark })
	h.send(tea.BackgroundColorMsg{Color: color.White})
	if !h.m.styles.Dark {
		t.Fatal("Options.Dark was overridden")
	}
}
