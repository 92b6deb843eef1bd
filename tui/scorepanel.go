package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// scorePanel is the live score beside the form: the score and its gauge,
// each rubric item's verdict, and what to add next. In a narrow window it
// folds into one gauge line over the form.
type scorePanel struct {
	styles        *Styles // shared: one copy for the whole wizard
	report        model.Report
	width, height int
}

func (p *scorePanel) SetSize(w, h int) { p.width, p.height = w, h }

// SetReport shows a new score.
func (p *scorePanel) SetReport(r model.Report) { p.report = r }

// View is the panel, width × height at most (tiers are named when the
// height allows).
func (p scorePanel) View() string {
	st := p.styles
	var b strings.Builder
	b.WriteString(st.PanelTitle.Render("Score ") + st.Title.Render(ScoreText(p.report)) + "\n")
	b.WriteString(st.gauge(p.report, p.width-2) + "\n")
	var tier model.Tier
	for _, it := range p.report.Items {
		if it.Tier != tier && p.height >= 22 {
			tier = it.Tier
			b.WriteString(st.Muted.Render(TierName(tier)) + "\n")
		}
		b.WriteString(st.verdict(string(it.Status)) + " " + model.SafeLine(it.Title) + "\n")
	}
	if next, ok := p.report.Next(); ok {
		b.WriteString("\n" + st.PanelTitle.Render("Next") + "\n")
		b.WriteString(lipgloss.NewStyle().Width(p.width - 1).Render(model.SafeLine(nextText(next))))
	}
	return b.String()
}

// GaugeLine is the panel folded into one line of w cells: gauge, score
// and what to add next.
func (p scorePanel) GaugeLine(w int) string {
	st := p.styles
	line := st.gauge(p.report, min(max(w/4, 5), 20)) + " " + st.Title.Render(ScoreText(p.report))
	if next, ok := p.report.Next(); ok {
		// Cut at a word, with "…", never mid-word at the window's edge.
		room := w - ansi.StringWidth(line)
		line += st.Muted.Render(truncateWords(" · next: "+model.SafeLine(nextText(next)), room))
	}
	return line
}
