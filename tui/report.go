package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

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
// cutting words in half. width <= 0 does not wrap. Colours are the
// terminal's own palette (ReportStyles).
func RenderReportWidth(title string, r model.Report, width int) string {
	return renderReport(ReportStyles(), title, r, width)
}

func renderReport(s Styles, title string, r model.Report, width int) string {
	var b strings.Builder
	if title = model.SafeLine(title); title != "" {
		b.WriteString(s.Title.Render(wrap(title, width)) + "\n")
	}
	b.WriteString("Score " + ScoreText(r) + "  " + s.gauge(r, 20) + "\n")
	if next, ok := r.Next(); ok {
		b.WriteString(hang(s.Next.Render("Next:")+" ", len("Next: "), next.Next, width) + "\n")
	}
	reportItems(&b, s, r, width)
	reportTone(&b, s, r, width)
	if m := MetricsLine(r.Metrics); m != "" {
		b.WriteString("\n" + s.Section.Render("Metrics") + "\n" + hang("  ", 2, m, width) + "\n")
	}
	if len(r.Problems) > 0 {
		b.WriteString("\n" + s.Section.Render("Problems") + "\n")
		for _, p := range r.Problems {
			b.WriteString(hang("  "+s.Error.Render(model.SafeLine(p.Field)+":")+" ", 4, model.SafeLine(p.Message), width) + "\n")
		}
	}
	return b.String()
}

// reportItems writes each rubric item under its tier: verdict, title,
// points, reason, the quote it rests on and what to add next.
func reportItems(b *strings.Builder, s Styles, r model.Report, width int) {
	titleWidth := 0
	for _, it := range r.Items {
		titleWidth = max(titleWidth, lipgloss.Width(it.Title))
	}
	var tier model.Tier
	for _, it := range r.Items {
		if it.Tier != tier {
			tier = it.Tier
			b.WriteString("\n" + s.Section.Render(TierName(tier)) + "\n")
		}
		pts := fmt.Sprintf("%5s/%-2d", FormatPoints(it.Points), it.Max)
		head := fmt.Sprintf("  %s %-*s %s  ", s.verdict(string(it.Status)), titleWidth, it.Title, s.Muted.Render(pts))
		// under the reason: 2 + glyph + space + title + space + points + 2
		indent := 2 + 1 + 1 + titleWidth + 1 + lipgloss.Width(pts) + 2
		if width > 0 && width-indent < compactBelow {
			b.WriteString(strings.TrimRight(head, " ") + "\n")
			indent = 4
			head = strings.Repeat(" ", indent)
		}
		b.WriteString(hang(head, indent, it.Reason, width) + "\n")
		if q := EvidenceLine(it); q != "" {
			b.WriteString(hang(strings.Repeat(" ", indent), indent+1, s.Muted.Render(q), width) + "\n")
		}
		if it.Next != "" {
			lead := strings.Repeat(" ", indent) + s.Next.Render(GlyphNext) + " "
			b.WriteString(hang(lead, indent+2, it.Next, width) + "\n")
		}
	}
}

// reportTone writes the tone findings, each with its field as the wizard
// names it ("Root cause › What went wrong", not the draft's key; JSON
// keeps the key).
func reportTone(b *strings.Builder, s Styles, r model.Report, width int) {
	if len(r.Findings) == 0 {
		return
	}
	b.WriteString("\n" + s.Section.Render("Tone") + "\n")
	for _, f := range r.Findings {
		label := string(f.Kind)
		if f.Kind == model.Blame {
			label += " (advice, not scored)"
		}
		where := fieldLabel(&model.Draft{}, f.Field)
		b.WriteString(hang("  ", 4, fmt.Sprintf("%s in %s: %q", s.Kind.Render(label), model.SafeLine(where), model.SafeLine(f.Phrase)), width) + "\n")
		b.WriteString(hang("    "+s.Next.Render(GlyphNext)+" ", 6, f.Suggestion, width) + "\n")
	}
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
