package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

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
// step, the tone findings, the metrics and the draft's problems. Lines are
// not wrapped (piped output, for grep and diff).
func RenderReport(title string, r model.Report) string {
	return RenderReportWidth(title, r, 0)
}

// compactBelow is the room, in cells, under which reasons no longer sit
// in a column beside the items but on lines of their own below them.
const compactBelow = 30

// RenderReportWidth is RenderReport for a terminal width cells wide:
// reasons and next steps wrap at word boundaries under their own column
// (or, on a narrow terminal, below their item), instead of the terminal
// cutting words in half. width <= 0 does not wrap.
func RenderReportWidth(title string, r model.Report, width int) string {
	s := reportStyles
	var b strings.Builder
	if title = model.SafeLine(title); title != "" {
		b.WriteString(s.title.Render(wrap(title, width)) + "\n")
	}
	fmt.Fprintf(&b, "Score %s/%d  %s\n", FormatPoints(r.Score), r.Max, Gauge(r.Score, float64(r.Max), 20))
	if next, ok := r.Next(); ok {
		b.WriteString(hang(s.next.Render("Next:")+" ", len("Next: "), next.Next, width) + "\n")
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
		head := fmt.Sprintf("  %s %-*s %s  ", glyph, titleWidth, it.Title, s.dim.Render(pts))
		// under the reason: 2 + glyph + space + title + space + points + 2
		indent := 2 + 1 + 1 + titleWidth + 1 + lipgloss.Width(pts) + 2
		if width > 0 && width-indent < compactBelow {
			b.WriteString(strings.TrimRight(head, " ") + "\n")
			indent = 4
			head = strings.Repeat(" ", indent)
		}
		b.WriteString(hang(head, indent, it.Reason, width) + "\n")
		if q := EvidenceLine(it); q != "" {
			b.WriteString(hang(strings.Repeat(" ", indent), indent+1, s.dim.Render(q), width) + "\n")
		}
		if it.Next != "" {
			lead := strings.Repeat(" ", indent) + s.next.Render(GlyphNext) + " "
			b.WriteString(hang(lead, indent+2, it.Next, width) + "\n")
		}
	}

	if len(r.Findings) > 0 {
		b.WriteString("\n" + s.heading.Render("Tone") + "\n")
		for _, f := range r.Findings {
			label := string(f.Kind)
			if f.Kind == model.Blame {
				label += " (advice, not scored)"
			}
			// The field as the wizard names it ("Root cause › What went
			// wrong"), not the draft's key; JSON keeps the key.
			where := fieldLabel(&model.Draft{}, f.Field)
			b.WriteString(hang("  ", 4, fmt.Sprintf("%s in %s: %q", s.kind.Render(label), model.SafeLine(where), model.SafeLine(f.Phrase)), width) + "\n")
			b.WriteString(hang("    "+s.next.Render(GlyphNext)+" ", 6, f.Suggestion, width) + "\n")
		}
	}

	if m := MetricsLine(r.Metrics); m != "" {
		b.WriteString("\n" + s.heading.Render("Metrics") + "\n" + hang("  ", 2, m, width) + "\n")
	}

	if len(r.Problems) > 0 {
		b.WriteString("\n" + s.heading.Render("Problems") + "\n")
		for _, p := range r.Problems {
			b.WriteString(hang("  "+s.problem.Render(model.SafeLine(p.Field)+":")+" ", 4, model.SafeLine(p.Message), width) + "\n")
		}
	}
	return b.String()
}

// hang writes lead then text wrapped at word boundaries to width, its
// further lines indented by indent cells (a hanging indent). When there
// is too little room, it does not wrap at all.
func hang(lead string, indent int, text string, width int) string {
	if width <= 0 {
		return lead + text
	}
	first := width - lipgloss.Width(lead)
	rest := width - indent
	if first < 10 || rest < 10 {
		return lead + text
	}
	lines := strings.Split(ansi.Wordwrap(text, first, ""), "\n")
	out := lead + lines[0]
	if len(lines) > 1 {
		more := strings.Split(ansi.Wordwrap(strings.Join(lines[1:], " "), rest, ""), "\n")
		for _, l := range more {
			out += "\n" + strings.Repeat(" ", indent) + l
		}
	}
	return out
}

// wrap wraps text to width (no wrapping when width <= 0).
func wrap(text string, width int) string {
	if width <= 0 {
		return text
	}
	return ansi.Wordwrap(text, width, "")
}

// MetricsLine lists the durations the timeline allows, or "". All are
// counted from the start of impact; the duration is the time to resolve,
// so it is named once.
func MetricsLine(m model.Metrics) string {
	var parts []string
	for _, x := range []struct {
		name string
		d    *time.Duration
	}{
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

// MetricsShort is MetricsLine in a form column's width: the same figures,
// "To detect 3m · mitigate 25m · resolve 27m".
func MetricsShort(m model.Metrics) string {
	var parts []string
	for _, x := range []struct {
		name string
		d    *time.Duration
	}{{"detect", m.TimeToDetect}, {"mitigate", m.TimeToMitigate}, {"resolve", m.TimeToResolve}} {
		if x.d != nil {
			parts = append(parts, x.name+" "+model.HumanDuration(*x.d))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "To " + strings.Join(parts, " · ")
}

// FormatPoints writes points the one way pmwiz shows a score, in the
// report, the list and the picker alike: 72.5 (not a rounded 73), 80 (not
// 80.0).
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
