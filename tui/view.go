package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// The wizard's frame: which columns the window has room for (steps, form,
// score panel, preview), and the whole screen put together from the
// components, clipped so that nothing overlaps or wraps at any size.

// Layout widths. Below wideMin columns the score panel folds into one
// line; below stepsMin the step list folds into the header.
const (
	wideMin    = 80
	stepsMin   = 50
	stepsWidth = 22
	panelWidth = 30
	gap        = 1
)

type layout struct {
	steps, form, panel int  // column widths; 0: not shown
	preview            int  // preview column width beside the form; 0: none
	previewFull        bool // the preview takes the form's place (narrow)
	body               int  // body height
	gaugeLine          bool
}

func (m Model) layout() layout {
	var l layout
	w := max(m.width, 1)
	switch {
	case m.previewShown() && w >= wideMin:
		// Form (or report) and preview side by side, half and half; the
		// step list folds into the header, the panel into the gauge line.
		l.form = (w - gap) / 2
		l.preview = w - l.form - gap
		l.gaugeLine = true
	case m.previewShown():
		l.form = w
		l.previewFull = true
		l.gaugeLine = true
	case w >= wideMin && (steps[m.step].review || m.helpScreen.Open()):
		// The Review step is the full report: the panel would repeat it.
		l.steps = stepsWidth
		l.form = w - l.steps - gap
	case w >= wideMin:
		l.steps, l.panel = stepsWidth, panelWidth
		if w < 100 {
			// 80–99 columns: narrower side columns leave the form room.
			l.steps, l.panel = 18, 26
		}
		l.form = w - l.steps - l.panel - 2*gap
	case w >= stepsMin && !m.helpScreen.Open():
		l.steps = 18
		l.form = w - l.steps - gap
		l.gaugeLine = true
	default:
		l.form = w
		l.gaugeLine = true
	}
	l.body = m.height - 1 - len(m.footerLines()) // header, help line or message
	l.body -= len(m.bannerLines())
	if l.gaugeLine {
		l.body--
	}
	l.body = max(l.body, 0)
	return l
}

func (m Model) View() tea.View {
	defer m.flushOnPanic()
	v := tea.NewView(m.render())
	v.AltScreen = true
	return v
}

// render draws the whole screen, clipped to the window so that nothing
// overlaps or wraps at any size.
func (m Model) render() string {
	if m.quitting {
		return ""
	}
	if v, ok := m.timelineImportView(); ok {
		return clip(v, m.width, m.height)
	}
	l := m.layout()
	var rows []string
	rows = append(rows, m.headerView(l))
	for _, ln := range m.bannerLines() {
		rows = append(rows, m.styles.Banner.Render(ln))
	}
	if l.gaugeLine {
		rows = append(rows, m.panel.GaugeLine(m.width))
	}
	if l.body > 0 {
		rows = append(rows, m.bodyView(l))
	}
	rows = append(rows, m.footerView())
	return clip(strings.Join(rows, "\n"), m.width, m.height)
}

// bannerLines is the read-only banner, wrapped so that who holds the
// draft is read whole (two lines at most; one in a short window).
func (m Model) bannerLines() []string {
	if lines := m.conflictLines(); lines != nil {
		return lines
	}
	if !m.readOnly {
		return nil
	}
	w := max(m.width, 1)
	lines := strings.Split(lipgloss.NewStyle().Width(w).Render(GlyphLock+" read-only: "+model.SafeLine(m.banner)), "\n")
	if n := 1 + b2i(m.height >= 15); len(lines) > n {
		lines = lines[:n]
		lines[n-1] = ansi.Truncate(lines[n-1], max(w-1, 1), "") + "…"
	}
	return lines
}

// clip cuts s to w columns and h lines.
func clip(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, ln := range lines {
		if ansi.StringWidth(ln) > w {
			lines[i] = ansi.Truncate(ln, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// fit pads or cuts a block to exactly w×h, so columns join cleanly.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, ln := range lines {
		lw := ansi.StringWidth(ln)
		if lw > w {
			ln = ansi.Truncate(ln, w, "…")
			lw = ansi.StringWidth(ln)
		}
		lines[i] = ln + strings.Repeat(" ", max(w-lw, 0))
	}
	return strings.Join(lines, "\n")
}

// headerView is the status bar's header: the step when the step list is
// folded away, else the draft's title.
func (m Model) headerView(l layout) string {
	st := m.styles
	left := st.Header.Render("pmwiz")
	if l.steps == 0 {
		left += st.Muted.Render(fmt.Sprintf(" %d/%d ", m.step+1, len(steps))) + st.Title.Render(steps[m.step].title)
	} else if t := model.SafeLine(m.draft.Title); t != "" {
		left += " " + st.Title.Render(t)
	}
	return m.statusView().Header(left)
}

// statusView is the status bar as this frame shows it.
func (m Model) statusView() statusBar {
	s := m.status
	s.keys, s.readOnly, s.previewOpen = m.keys, m.readOnly, m.showPreview
	s.SetSize(m.width, m.height)
	return s
}

func (m Model) footerLines() []string { return m.statusView().Footer() }

func (m Model) footerView() string { return strings.Join(m.footerLines(), "\n") }

func (m Model) bodyView(l layout) string {
	h := l.body
	var main string
	switch {
	case m.helpScreen.Open():
		hs := m.helpScreen
		hs.keys, hs.styles = m.keys, m.styles // the one keymap: rebinding changes the help too
		hs.SetSize(l.form, h)
		main = hs.View()
	case l.previewFull:
		main = m.preview.View()
	default:
		main = m.formView(l.form, h)
	}
	cols := []string{}
	if l.steps > 0 {
		sl := m.stepList
		sl.current = m.step
		sl.SetSize(l.steps, h)
		cols = append(cols, fit(sl.View(), l.steps, h), strings.Repeat(" \n", h-1)+" ")
	}
	cols = append(cols, fit(main, l.form, h))
	if l.panel > 0 {
		p := m.panel
		p.SetSize(l.panel, h)
		cols = append(cols, strings.Repeat(" \n", h-1)+" ", fit(p.View(), l.panel, h))
	}
	if l.preview > 0 {
		cols = append(cols, strings.Repeat(" \n", h-1)+" ", fit(m.preview.View(), l.preview, h))
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, cols...)
}
