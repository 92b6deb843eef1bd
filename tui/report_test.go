package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/pmwiz/pmwiz/model"
)

func TestGauge(t *testing.T) {
	cases := []struct {
		v, total float64
		width    int
		want     string
	}{
		{0, 100, 10, "░░░░░░░░░░"},
		{100, 100, 10, "██████████"},
		{72.5, 100, 10, "███████░░░"},
		{75, 100, 10, "████████░░"}, // rounds half up
		{150, 100, 4, "████"},       // never overflows
		{-5, 100, 4, "░░░░"},
		{50, 0, 4, "░░░░"},
		{50, 100, 0, ""},
	}
	for _, c := range cases {
		if got := Gauge(c.v, c.total, c.width); got != c.want {
			t.Errorf("Gauge(%v, %v, %d) = %q, want %q", c.v, c.total, c.width, got, c.want)
		}
	}
	if FormatPoints(72.5) != "72.5" || FormatPoints(80) != "80" {
		t.Errorf("FormatPoints: %q %q", FormatPoints(72.5), FormatPoints(80))
	}
}

func TestRenderReportNeutralisesDraftText(t *testing.T) {
	d := &model.Draft{Title: "Outage\x1b]0;pwned\x07 \x1b[31mred", Summary: "We regret \x1b[2J it"}
	out := RenderReport(d.Title, model.Score(d))
	if strings.Contains(ansi.Strip(out), "pwned") || strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\x1b]0") {
		t.Fatalf("escape sequences from the draft reached the terminal: %q", out)
	}
	plain := ansi.Strip(out)
	if !strings.Contains(plain, "Outage red") || !strings.Contains(plain, `boilerplate in Summary › What failed, in plain words: "We regret"`) {
		t.Fatalf("report lost the text:\n%s", plain)
	}
	if !strings.Contains(plain, "Next: Add when the incident started and ended") {
		t.Errorf("report lacks the single next step:\n%s", plain)
	}
}

// On an 80- or 60-column terminal the report wraps at words under its
// columns, never past the edge (the terminal would cut words in half);
// with no width (piped) lines are whole.
func TestRenderReportWrapsToTheTerminal(t *testing.T) {
	d := &model.Draft{Title: "Checkout failed for EU customers for 85 minutes on a Monday", Summary: "We regret the inconvenience. It appears that the checkout failed."}
	r := model.Score(d)
	for _, width := range []int{100, 80, 60} {
		out := ansi.Strip(RenderReportWidth(d.Title, r, width))
		for _, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: line of %d cells: %q", width, w, l)
			}
		}
		flat := strings.Join(strings.Fields(out), " ")
		for _, it := range r.Items {
			if !strings.Contains(flat, strings.Join(strings.Fields(it.Reason), " ")) || !strings.Contains(flat, strings.Join(strings.Fields(it.Next), " ")) {
				t.Errorf("width %d: %s's reason or next step lost words:\n%s", width, it.ID, out)
			}
		}
	}
	piped := ansi.Strip(RenderReport(d.Title, r))
	if piped != ansi.Strip(RenderReportWidth(d.Title, r, 0)) {
		t.Error("RenderReport differs from RenderReportWidth(…, 0)")
	}
	for _, it := range r.Items {
		if !strings.Contains(piped, it.Reason) {
			t.Errorf("piped output wrapped %s's reason", it.ID)
		}
	}
}
