package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// A half point is shown as it is wherever the score is drawn: the live
// panel, the gauge line of a narrow window, Review and `pmwiz score`
// agree on 72.5 (the panel used to round it to 72).
func TestAHalfPointScoreReadsTheSameEverywhere(t *testing.T) {
	half := func(d *model.Draft) model.Report {
		r := model.Score(d)
		r.Score = 72.5
		return r
	}
	for _, size := range [][2]int{{110, 32}, {60, 20}} {
		h := newHarness(t, nil, size[0], size[1], func(o *Options) { o.score = half })
		h.wantView("72.5/100")
		h.goTo("review")
		h.wantView("72.5/100")
		h.notView("72/100")
	}
	r := half(filledDraft())
	if out := ansi.Strip(RenderReport("t", r)); !strings.Contains(out, "Score 72.5/100") {
		t.Errorf("report: %s", out)
	}
	if got := ScoreWords(r); got != "72.5 of 100" {
		t.Errorf("ScoreWords = %q", got)
	}
}

// The gauge fills to the nearest cell, never past either end.
func TestGaugeCells(t *testing.T) {
	for _, tc := range []struct {
		value, total float64
		width, want  int
	}{
		{0, 100, 20, 0}, {100, 100, 20, 20}, {72.5, 100, 20, 15}, {2.4, 100, 20, 0}, {2.5, 100, 20, 1},
		{150, 100, 20, 20}, {-5, 100, 20, 0}, {50, 0, 20, 0},
	} {
		if got := gaugeCells(tc.value, tc.total, tc.width); got != tc.want {
			t.Errorf("gaugeCells(%v, %v, %d) = %d, want %d", tc.value, tc.total, tc.width, got, tc.want)
		}
	}
	if g := Gauge(50, 100, 4); g != GlyphGaugeOn+GlyphGaugeOn+GlyphGaugeOff+GlyphGaugeOff {
		t.Errorf("Gauge(50, 100, 4) = %q", g)
	}
}
