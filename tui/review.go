package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/pmwiz/pmwiz/model"
)

// review is the Review step's report: every rubric item with its points,
// reason, quote and next step, the tone findings and the timeline's
// durations, under the step's own fields; ↑/↓ scroll it.
type review struct {
	styles        *Styles // shared: one copy for the whole wizard
	keys          *keyMap // the wizard's one keymap
	top           int
	width, height int
}

func (r *review) SetSize(w, h int) { r.width, r.height = w, h }

// ToTop shows the report from its start (a step was entered).
func (r *review) ToTop() { r.top = 0 }

// Scroll moves the report by delta lines (never above its start).
func (r *review) Scroll(delta int) { r.top = max(0, r.top+delta) }

// View is head (the step's fields) and the report, the window of it
// that fits height lines.
func (r review) View(head []string, rep model.Report, d *model.Draft) []string {
	st := r.styles
	out := append(head, "", st.PanelTitle.Render("Score "+ScoreText(rep))+"  "+st.gauge(rep, min(20, max(r.width-16, 1))))
	out = r.items(out, rep)
	out = r.tone(out, rep, d)
	if ml := MetricsLine(rep.Metrics); ml != "" {
		out = append(out, "", st.PanelTitle.Render("Durations")+st.Muted.Render(" from the start of impact"))
		for _, part := range strings.Split(ml, " · ") {
			out = append(out, st.Value.Render(part))
		}
	}
	k := r.keys
	out = append(out, "", st.Muted.Render(fmt.Sprintf("%s preview · %s export · %s scroll",
		k.Preview.Help().Key, k.Export.Help().Key, k.ScrollUp.Help().Key)))
	top := min(r.top, max(len(out)-r.height, 0))
	out = out[top:]
	if len(out) > r.height {
		out = out[:r.height]
	}
	return out
}

// items adds each rubric item under its tier.
func (r review) items(out []string, rep model.Report) []string {
	st := r.styles
	var tier model.Tier
	for _, it := range rep.Items {
		if it.Tier != tier {
			tier = it.Tier
			out = append(out, st.Muted.Render(TierName(tier)))
		}
		out = append(out, st.verdict(string(it.Status))+" "+st.Value.Render(model.SafeLine(it.Title))+
			st.Muted.Render("  "+ScoreOf(it.Points, it.Max)))
		if it.Reason != "" {
			out = r.wrap(out, "  ", "  ", model.SafeLine(it.Reason), st.Muted.Render)
		}
		if q := EvidenceLine(it); q != "" {
			out = r.wrap(out, "  ", "   ", q, st.Muted.Render)
		}
		if it.Status != model.Yes && it.Next != "" {
			out = r.wrap(out, "  "+GlyphNext+" ", "    ", model.SafeLine(it.Next), st.Value.Render)
		}
	}
	return out
}

// tone adds the tone findings, each naming its field as the wizard does.
func (r review) tone(out []string, rep model.Report, d *model.Draft) []string {
	st := r.styles
	out = append(out, "", st.PanelTitle.Render("Tone"))
	if len(rep.Findings) == 0 {
		out = append(out, st.Muted.Render("No boilerplate or hedging found."))
	}
	for _, f := range rep.Findings {
		kind := string(f.Kind)
		if f.Kind == model.Blame {
			kind += " (advice)"
		}
		out = r.wrap(out, st.Warn.Render(GlyphWarn)+" ", "  ", fmt.Sprintf("%s in %s: %q", kind, model.SafeLine(fieldLabel(d, f.Field)), model.SafeLine(f.Phrase)), st.Warn.Render)
		out = r.wrap(out, "  "+GlyphNext+" ", "    ", model.SafeLine(f.Suggestion), st.Value.Render)
	}
	return out
}

// wrap adds text wrapped to the width, its first line after first and
// the others after rest.
func (r review) wrap(out []string, first, rest, text string, style func(...string) string) []string {
	lines := strings.Split(lipgloss.NewStyle().Width(max(r.width-len([]rune(rest)), 8)).Render(text), "\n")
	for i, ln := range lines {
		if i == 0 {
			out = append(out, first+style(ln))
		} else {
			out = append(out, rest+style(ln))
		}
	}
	return out
}
