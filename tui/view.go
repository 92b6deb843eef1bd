package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

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
	case w >= wideMin && (steps[m.step].review || m.helpScreen.open):
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
	case w >= stepsMin && !m.helpScreen.open:
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

// layoutFields sizes inputs to the form column.
func (m *Model) layoutFields() {
	w := max(m.layout().form-2, 1)
	for i, f := range m.fields {
		f.SetWidth(w)
		m.sizeText(i)
	}
}

// sizeText gives the focused text field the room its step has left
// (textRoom) and the others a three-line glimpse.
func (m *Model) sizeText(i int) {
	if i < 0 || i >= len(m.fields) || m.fields[i].kind != kindText {
		return
	}
	f := m.fields[i]
	h := 3
	if i == m.focus {
		body := m.layout().body
		// Up to half the body, at least four rows, but never more than
		// the body holds beside the label: the cursor must stay on screen.
		h = min(m.textRoom(i, body), max(body-1, 1))
	}
	if old := f.area.Height(); old != h {
		f.area.SetHeight(h)
		if h > old {
			// The textarea keeps its scroll offset when it grows: after a
			// paste that left the cursor on the bottom row of a small
			// field, it would show that row at the top and empty rows
			// under it. Scroll again so the rows above the cursor show.
			f.scrollToCursor()
		}
	}
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
	case m.helpScreen.open:
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

// formView is the step's title, guidance and the fields that fit, scrolled
// so the focused field is always on screen.
func (m Model) formView(w, h int) string {
	s := steps[m.step]
	// In a short window the head gives way, a line at a time, until the
	// focused field (label, input and a line of its text) has room: the
	// field being typed into must always be on screen.
	need := min(h, 4)
	if s.review {
		need = min(h, 3)
	}
	head := m.formHead(w, h-need)
	if h-len(head) < need {
		head = nil // not even the title fits beside the field: the header names the step
	}
	if h <= len(head) {
		return strings.Join(head[:h], "\n")
	}
	room := h - len(head)
	var body []string
	if s.review {
		body = m.reviewBody(w, room)
	} else {
		body = m.fieldsWindow(w, room)
	}
	return strings.Join(append(head, body...), "\n")
}

// formHead is the step's title, guide and own lines (steps.go), and a
// blank line, giving way a line at a time until it fits in room: the
// guide to one line, the step's lines after its first, the blank line,
// the guide, then the rest.
func (m Model) formHead(w, room int) []string {
	st := m.styles
	s := steps[m.step]
	title := st.Title.Render(fmt.Sprintf("%d. %s", m.step+1, s.title))
	rawGuide := strings.Split(lipgloss.NewStyle().Width(max(w, 1)).Render(s.guide), "\n")
	guide := make([]string, len(rawGuide))
	for i, ln := range rawGuide {
		rawGuide[i] = strings.TrimRight(ln, " ")
		guide[i] = st.Guide.Render(rawGuide[i])
	}
	var extra []string // the step's own lines under its guide
	if s.header != nil {
		extra = s.header(&m, w)
	}
	blank := true
	build := func() []string {
		head := append([]string{}, title)
		head = append(head, guide...)
		head = append(head, extra...)
		if blank {
			head = append(head, "")
		}
		return head
	}
	shrink := []func(){
		func() {
			if len(guide) > 1 {
				guide = []string{st.Guide.Render(ansi.Truncate(rawGuide[0], max(w-1, 1), "") + "…")}
			}
		},
		func() { extra = extra[:min(len(extra), 1)] },
		func() { blank = false },
		func() { guide = nil },
		func() { extra = nil },
	}
	head := build()
	for _, f := range shrink {
		if len(head) <= room {
			break
		}
		f()
		head = build()
	}
	return head
}

// fieldsWindow renders only the fields that fit around the focused one,
// so a draft with hundreds of entries costs no more per keystroke than a
// small one.
func (m Model) fieldsWindow(w, room int) []string {
	if len(m.fields) == 0 {
		return nil
	}
	// Heights are measured only for the fields the window reaches: a
	// step of 6,000 fields shows a dozen.
	known := map[int]int{}
	height := func(i int) int {
		h, ok := known[i]
		if !ok {
			h = m.fieldHeight(i, m.fields[i], w)
			known[i] = h
		}
		return h
	}
	// Start at the focused field and add fields after it, then before it,
	// while they fit.
	fit := func(room int) (lo, hi int) {
		lo, hi = m.focus, m.focus+1
		used := height(m.focus)
		for hi < len(m.fields) && used+height(hi) <= room {
			used += height(hi)
			hi++
		}
		for lo > 0 && used+height(lo-1) <= room {
			lo--
			used += height(lo)
		}
		return lo, hi
	}
	lo, hi := fit(room)
	if markers := b2i(lo > 0) + b2i(hi < len(m.fields)); markers > 0 && room-markers >= height(m.focus) {
		// Leave rows for "↑ 2 more" and "↓ 3 more".
		lo, hi = fit(room - markers)
	}
	var out []string
	for i := lo; i < hi; i++ {
		out = append(out, m.fieldView(i, m.fields[i], w)...)
	}
	if len(out) > room {
		// The focused field alone is taller than the room: show its top,
		// where the label and cursor usually are.
		return out[:max(room, 0)]
	}
	if lo > 0 && len(out) < room {
		out = append([]string{m.styles.Muted.Render(fmt.Sprintf("↑ %d more", lo))}, out...)
	}
	if hi < len(m.fields) && len(out) < room {
		out = append(out, m.styles.Muted.Render(fmt.Sprintf("↓ %d more", len(m.fields)-hi)))
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// findings are the tone findings for a field path.
func (m Model) findings(path string) []model.Finding { return m.notesOf[path] }

func (m Model) fieldHeight(i int, f *field, w int) int {
	n := 1 + b2i(f.context != "") // label and its context
	if f.first {
		n++ // gap before an entry
	}
	switch f.kind {
	case kindLine, kindTime:
		n++
	case kindText:
		if i == m.focus {
			n += f.area.Height()
		} else {
			lines := strings.Count(f.get(m.draft), "\n") + 1
			n += min(lines, 3)
			if lines > 3 {
				n++
			}
		}
	case kindAdd:
		if f.index > 0 || f.list != nil {
			n++ // gap
		}
	}
	n += b2i(m.showGuide(i, f)) // the Markdown guide
	if f.err != nil || len(m.notesOf[f.path]) > 0 || len(m.problemsOf[f.path]) > 0 || i == m.focus && isMarkdownField(f) {
		n += len(m.notes(f, w))
	}
	return n
}

func (m Model) fieldView(i int, f *field, w int) []string {
	st := m.styles
	focused := i == m.focus
	var out []string
	if f.first || f.kind == kindAdd {
		out = append(out, "")
	}
	prefix := "  "
	label := st.Label.Render(f.label)
	if focused {
		prefix = st.LabelFocus.Render(GlyphFocus) + " "
		label = st.LabelFocus.Render(f.label)
	}
	switch f.kind {
	case kindAdd:
		return append(out, prefix+label)
	case kindChoice, kindToggle:
		head := prefix + label + "  "
		return append(append(out, head+m.choiceView(f, focused, w-ansi.StringWidth(head))), m.notes(f, w)...)
	}
	out = append(out, prefix+label)
	if f.context != "" {
		out = append(out, "  "+st.Muted.Render(ansi.Truncate(f.context, max(w-2, 1), "…")))
	}
	switch f.kind {
	case kindLine, kindTime:
		if focused {
			out = append(out, "  "+f.inputView())
		} else if f.kind == kindTime && f.err == nil {
			// The time as read, with its date: "00:20" shows the day it
			// landed on (after midnight, the next).
			out = append(out, "  "+m.plain(model.SafeLine(f.get(m.draft)), f.placeholder, w-2))
		} else {
			out = append(out, "  "+m.plain(model.SafeLine(f.Value()), f.placeholder, w-2))
		}
	case kindText:
		out = append(out, m.textView(i, f, w)...)
	}
	return append(out, m.notes(f, w)...)
}

// textView is a text field's text: the text area when focused (with the
// Markdown guide above it when there is room), else its first lines.
func (m Model) textView(i int, f *field, w int) []string {
	st := m.styles
	var out []string
	if i == m.focus {
		if m.showGuide(i, f) {
			out = append(out, "  "+st.Muted.Render(ansi.Truncate(markdownGuide, max(w-2, 1), "…")))
		}
		for _, ln := range strings.Split(f.area.View(), "\n") {
			out = append(out, "  "+ln)
		}
		return out
	}
	v := f.get(m.draft)
	if v == "" {
		return append(out, "  "+m.plain("", f.placeholder, w-2))
	}
	// Only the first lines are shown: split no more than those.
	lines := strings.SplitN(v, "\n", 4)
	for _, ln := range lines[:min(len(lines), 3)] {
		out = append(out, "  "+st.Value.Render(ansi.Truncate(model.SafeLine(ln), max(w-2, 1), "…")))
	}
	if len(lines) > 3 {
		out = append(out, "  "+st.Muted.Render(fmt.Sprintf("… %d more lines", strings.Count(v, "\n")-2)))
	}
	return out
}

// notes are the field's error and its tone findings, under it, wrapped
// to the form's width so no advice is cut off.
func (m Model) notes(f *field, w int) []string {
	st := m.styles
	var out []string
	wrap := func(style lipgloss.Style, s string) {
		for _, ln := range wrapWords(s, max(w-4, 8)) {
			out = append(out, "  "+style.Render(ln))
		}
	}
	if f.err != nil {
		wrap(st.Error, GlyphError+" "+model.SafeLine(f.err.Error()))
	}
	for _, p := range m.problemsOf[f.path] {
		wrap(st.Warn, GlyphWarn+" "+model.SafeLine(p))
	}
	if f == m.focused() {
		if note := m.markupNote(f); note != "" {
			wrap(st.Warn, GlyphWarn+" "+note)
		}
	}
	for _, fd := range m.findings(f.path) {
		wrap(st.Warn, fmt.Sprintf("%s %q: %s", GlyphWarn, model.SafeLine(fd.Phrase), model.SafeLine(fd.Suggestion)))
	}
	return out
}

func (m Model) plain(v, placeholder string, w int) string {
	if v == "" {
		return m.styles.Example.Render(ansi.Truncate(example(placeholder), max(w, 1), "…"))
	}
	return m.styles.Value.Render(ansi.Truncate(v, max(w, 1), "…"))
}

// choiceView shows every option, the chosen one marked; when they do not
// fit in w columns, only the chosen one with its place ("prevent 3/5"),
// so the choice is never the part that is cut off.
func (m Model) choiceView(f *field, focused bool, w int) string {
	st := m.styles
	opts := f.options
	if f.kind == kindToggle {
		opts = []string{"no", "yes"}
	}
	var parts []string
	for _, o := range opts {
		name := o
		if name == "" {
			name = "unset"
		}
		if o == f.value {
			parts = append(parts, st.ChoiceOn.Render(name))
		} else {
			parts = append(parts, st.Choice.Render(name))
		}
	}
	s := strings.Join(parts, " ")
	arrows := 0
	if focused {
		arrows = 4
	}
	if ansi.StringWidth(s)+arrows > w && len(opts) > 1 {
		for i, o := range opts {
			if o == f.value {
				name := o
				if name == "" {
					name = "unset"
				}
				s = st.ChoiceOn.Render(name) + st.Muted.Render(fmt.Sprintf(" %d/%d", i+1, len(opts)))
			}
		}
	}
	if focused {
		s = st.Muted.Render("← ") + s + st.Muted.Render(" →")
	}
	return s
}

// reviewBody is the Review step's fields, then the whole report
// (review.go), scrolled to where ↑/↓ left it.
func (m Model) reviewBody(w, room int) []string {
	var out []string
	for i, f := range m.fields {
		out = append(out, m.fieldView(i, f, w)...)
	}
	r := m.review
	r.styles, r.keys = m.styles, m.keys
	r.SetSize(w, room)
	return r.View(out, m.report, m.draft)
}
