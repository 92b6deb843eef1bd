package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/pmwiz/pmwiz/model"
)

// Glyphs for a rubric verdict, shared by the live panel and `pmwiz score`.
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

// reportStyles use the terminal's own ANSI palette, which the user has
// already tuned to be readable on their background, light or dark; the
// writer strips them when output is piped or NO_COLOR is set.
var reportStyles = struct {
	title, heading, yes, partial, no, dim, next, kind, problem lipgloss.Style
}{
	title:   lipgloss.NewStyle().Bold(true),
	heading: lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Blue),
	yes:     lipgloss.NewStyle().Foreground(lipgloss.Green),
	partial: lipgloss.NewStyle().Foreground(lipgloss.Yellow),
	no:      lipgloss.NewStyle().Foreground(lipgloss.Red),
	dim:     lipgloss.NewStyle().Faint(true),
	next:    lipgloss.NewStyle().Foreground(lipgloss.Cyan),
	kind:    lipgloss.NewStyle().Foreground(lipgloss.Magenta),
	problem: lipgloss.NewStyle().Foreground(lipgloss.Red),
}

var tierHeadings = map[model.Tier]string{
	model.TierPrinciple: "Principles",
	model.TierMust:      "Must-haves",
	model.TierNice:      "Nice-to-haves",
}

// RenderReport writes the score report of `pmwiz score` for a person: the
// score with a gauge, each rubric item with its verdict, reason and next
// step, the tone findings, the metrics and the draft's problems.
func RenderReport(title string, r model.Report) string {
	s := reportStyles
	var b strings.Builder
	if title = model.SafeLine(title); title != "" {
		b.WriteString(s.title.Render(title) + "\n")
	}
	fmt.Fprintf(&b, "Score %s/%d  %s\n", FormatPoints(r.Score), r.Max, Gauge(r.Score, float64(r.Max), 20))
	if next, ok := r.Next(); ok {
		fmt.Fprintf(&b, "%s %s\n", s.next.Render("Next:"), next.Next)
	}

	titleWidth := 0
	for _, it := range r.Items {
		titleWidth = max(titleWidth, lipgloss.Width(it.Title))
	}
	var tier model.Tier
	for _, it := range r.Items {
		if it.Tier != tier {
			tier = it.Tier
			b.WriteString("\n" + s.heading.Render(tierHeadings[tier]) + "\n")
		}
		glyph := VerdictGlyph(it.Status)
		switch it.Status {
		case model.Yes:
			glyph = s.yes.Render(glyph)
		case model.Partial:
			glyph = s.partial.Render(glyph)
		default:
			glyph = s.no.Render(glyph)
		}
		pts := fmt.Sprintf("%5s/%-2d", FormatPoints(it.Points), it.Max)
		fmt.Fprintf(&b, "  %s %-*s %s  %s\n", glyph, titleWidth, it.Title, s.dim.Render(pts), it.Reason)
		if it.Next != "" {
			// under the reason: 2 + glyph + space + title + space + points + 2
			indent := strings.Repeat(" ", 2+1+1+titleWidth+1+lipgloss.Width(pts)+2)
			fmt.Fprintf(&b, "%s%s %s\n", indent, s.next.Render(GlyphNext), it.Next)
		}
	}

	if len(r.Findings) > 0 {
		b.WriteString("\n" + s.heading.Render("Tone") + "\n")
		for _, f := range r.Findings {
			label := string(f.Kind)
			if f.Kind == model.Blame {
				label += " (advice, not scored)"
			}
			fmt.Fprintf(&b, "  %s %s: %q\n", s.kind.Render(label), f.Field, model.SafeLine(f.Phrase))
			fmt.Fprintf(&b, "    %s %s\n", s.next.Render(GlyphNext), f.Suggestion)
		}
	}

	if m := MetricsLine(r.Metrics); m != "" {
		b.WriteString("\n" + s.heading.Render("Metrics") + "\n  " + m + "\n")
	}

	if len(r.Problems) > 0 {
		b.WriteString("\n" + s.heading.Render("Problems") + "\n")
		for _, p := range r.Problems {
			b.WriteString("  " + s.problem.Render(model.SafeLine(p.Field)+":") + " " + model.SafeLine(p.Message) + "\n")
		}
	}
	return b.String()
}

// MetricsLine lists the durations the timeline allows, or "".
func MetricsLine(m model.Metrics) string {
	var parts []string
	for _, x := range []struct {
		name string
		d    *time.Duration
	}{
		{"Duration", m.Duration},
		{"Time to detect", m.TimeToDetect},
		{"Time to mitigate", m.TimeToMitigate},
		{"Time to resolve", m.TimeToResolve},
	} {
		if x.d != nil {
			parts = append(parts, x.name+" "+model.HumanDuration(*x.d))
		}
	}
	return strings.Join(parts, " · ")
}

// FormatPoints writes points without a needless ".0": 72.5, 80.
func FormatPoints(p float64) string { return strconv.FormatFloat(p, 'f', -1, 64) }

// Gauge draws a bar of width cells filled to value/total.
func Gauge(value, total float64, width int) string {
	if width < 1 {
		return ""
	}
	filled := 0
	if total > 0 {
		filled = int(value/total*float64(width) + 0.5)
	}
	filled = min(max(filled, 0), width)
	return strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
}
