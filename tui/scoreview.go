package tui

import (
	"strconv"
	"strings"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// The one way pmwiz shows a score, used by the live panel, the Review
// step, `pmwiz score`'s report and accessible mode alike: the score text,
// the gauge, the verdict glyphs, the tiers' names and the durations.

// Glyphs for a rubric verdict.
const (
	GlyphYes     = "✓"
	GlyphPartial = "◐"
	GlyphNo      = "✗"
	GlyphNext    = "→"
)

// VerdictGlyph is the mark shown for a verdict.
func VerdictGlyph(v model.Verdict) string {
	switch v {
	case model.Yes:
		return GlyphYes
	case model.Partial:
		return GlyphPartial
	}
	return GlyphNo
}

// FormatPoints writes points the one way pmwiz shows a score: 72.5 (not
// a rounded 73 or 72), 80 (not 80.0).
func FormatPoints(p float64) string { return strconv.FormatFloat(p, 'f', -1, 64) }

// ScoreOf is points out of max: "72.5/100".
func ScoreOf(points float64, max int) string { return FormatPoints(points) + "/" + strconv.Itoa(max) }

// ScoreText is a report's score: "72.5/100".
func ScoreText(r model.Report) string { return ScoreOf(r.Score, r.Max) }

// ScoreWords is the score said in words, for a screen reader: "72.5 of 100".
func ScoreWords(r model.Report) string { return FormatPoints(r.Score) + " of " + strconv.Itoa(r.Max) }

// gaugeCells is how many of width cells a gauge of value/total fills.
func gaugeCells(value, total float64, width int) int {
	filled := 0
	if total > 0 {
		filled = int(value/total*float64(width) + 0.5)
	}
	return min(max(filled, 0), width)
}

// Gauge draws a bar of width cells filled to value/total, without colour.
func Gauge(value, total float64, width int) string {
	if width < 1 {
		return ""
	}
	on := gaugeCells(value, total, width)
	return strings.Repeat(GlyphGaugeOn, on) + strings.Repeat(GlyphGaugeOff, width-on)
}

// gauge is r's score as a bar of w cells in the styles' colours.
func (s Styles) gauge(r model.Report, w int) string {
	w = max(w, 1)
	on := gaugeCells(r.Score, float64(r.Max), w)
	return s.GaugeOn.Render(strings.Repeat(GlyphGaugeOn, on)) + s.GaugeOff.Render(strings.Repeat(GlyphGaugeOff, w-on))
}

// TierName is the heading of a rubric tier ("Must-haves").
func TierName(t model.Tier) string {
	switch t {
	case model.TierPrinciple:
		return "Principles"
	case model.TierMust:
		return "Must-haves"
	case model.TierNice:
		return "Nice-to-haves"
	}
	return string(t)
}

// nextText is what an item asks for next, or its title when it says
// nothing more.
func nextText(it model.ItemResult) string {
	if it.Next != "" {
		return it.Next
	}
	return it.Title
}

// durations are the timeline's figures with their long and short names.
func durations(m model.Metrics) []struct {
	long, short string
	d           *time.Duration
} {
	return []struct {
		long, short string
		d           *time.Duration
	}{
		{"Time to detect", "detect", m.TimeToDetect},
		{"Time to mitigate", "mitigate", m.TimeToMitigate},
		{"Time to resolve", "resolve", m.TimeToResolve},
	}
}

// MetricsLine lists the durations the timeline allows, or "". All are
// counted from the start of impact; the duration is the time to resolve,
// so it is named once.
func MetricsLine(m model.Metrics) string {
	var parts []string
	for _, x := range durations(m) {
		if x.d != nil {
			parts = append(parts, x.long+" "+model.HumanDuration(*x.d))
		}
	}
	return strings.Join(parts, " · ")
}

// MetricsShort is MetricsLine in a form column's width: the same figures,
// "To detect 3m · mitigate 25m · resolve 27m".
func MetricsShort(m model.Metrics) string {
	var parts []string
	for _, x := range durations(m) {
		if x.d != nil {
			parts = append(parts, x.short+" "+model.HumanDuration(*x.d))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "To " + strings.Join(parts, " · ")
}
