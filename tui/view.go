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
	case w >= wideMin && (steps[m.step].review || m.showHelp):
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
	case w >= stepsMin && !m.showHelp:
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
		rows = append(rows, m.gaugeLineView(m.width))
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

func (m Model) headerView(l layout) string {
	st := m.styles
	left := st.Header.Render("pmwiz")
	if l.steps == 0 {
		left += st.Muted.Render(fmt.Sprintf(" %d/%d ", m.step+1, len(steps))) + st.Title.Render(steps[m.step].title)
	} else if t := model.SafeLine(m.draft.Title); t != "" {
		left += " " + st.Title.Render(t)
	}
	status, bad := m.save.status(m.now())
	if m.readOnly {
		status, bad = "read-only", false
	}
	right := st.Status.Render(status)
	if bad {
		right = st.StatusErr.Render(status)
	}
	rw := ansi.StringWidth(right)
	lw := m.width - rw - 1
	if lw < 10 {
		// Too narrow for both: the save status matters more.
		return right
	}
	left = ansi.Truncate(left, lw, "…")
	return left + strings.Repeat(" ", max(m.width-ansi.StringWidth(left)-rw, 1)) + right
}

func (m Model) footerView() string {
	return strings.Join(m.footerLines(), "\n")
}

// maxFlashLines is the most lines a message may take at the bottom: a
// message that says what to do must be read whole, not cut at the edge.
const maxFlashLines = 3

// footerLines is the short help, or the message of the moment wrapped to
// the window (up to maxFlashLines, and never more than half of it).
func (m Model) footerLines() []string {
	if m.flash != "" {
		w := max(m.width, 1)
		lines := wrapWords(model.SafeLine(m.flash), w)
		if n := min(maxFlashLines, max(m.height/2, 1)); len(lines) > n {
			lines = lines[:n]
			lines[n-1] = ansi.Truncate(lines[n-1], max(w-1, 1), "") + "…"
		}
		for i, ln := range lines {
			lines[i] = m.styles.Warn.Render(ln)
		}
		return lines
	}
	h := m.help
	h.SetWidth(m.width)
	// In a narrow window the line drops keys from its end, but keeps
	// help and quit: those two must always be visible.
	keys := m.keys.ShortHelp()
	if m.showPreview {
		keys = m.keys.previewHelp()
	}
	line := h.ShortHelpView(keys)
	for len(keys) > 2 && ansi.StringWidth(line) > m.width || strings.HasSuffix(strings.TrimSpace(ansi.Strip(line)), "…") && len(keys) > 2 {
		keys = append(keys[:len(keys)-3], keys[len(keys)-2:]...)
		line = h.ShortHelpView(keys)
	}
	return []string{line}
}

func (m Model) bodyView(l layout) string {
	h := l.body
	var main string
	switch {
	case m.showHelp:
		main = m.fullHelpView(l.form, h)
	case l.previewFull:
		main = m.preview.View()
	default:
		main = m.formView(l.form, h)
	}
	cols := []string{}
	if l.steps > 0 {
		cols = append(cols, fit(m.stepsView(l.steps), l.steps, h), strings.Repeat(" \n", h-1)+" ")
	}
	cols = append(cols, fit(main, l.form, h))
	if l.panel > 0 {
		cols = append(cols, strings.Repeat(" \n", h-1)+" ", fit(m.panelView(l.panel, h), l.panel, h))
	}
	if l.preview > 0 {
		cols = append(cols, strings.Repeat(" \n", h-1)+" ", fit(m.preview.View(), l.preview, h))
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, cols...)
}

func (m Model) stepsView(w int) string {
	st := m.styles
	var b strings.Builder
	b.WriteString(st.PanelTitle.Render("Steps") + "\n")
	for i, s := range steps {
		mark := st.verdict(m.stepVerdict(i))
		if s.review {
			mark = " "
		}
		name := fmt.Sprintf("%2d %s", i+1, s.title)
		if i == m.step {
			b.WriteString(st.StepActive.Render(GlyphStep) + mark + " " + st.StepActive.Render(name))
		} else {
			b.WriteString(" " + mark + " " + st.Step.Render(name))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func (m Model) gaugeLineView(w int) string {
	st := m.styles
	score := st.Title.Render(ScoreText(m.report))
	bar := m.styles.gauge(m.report, min(max(w/4, 5), 20))
	line := bar + " " + score
	if next, ok := m.report.Next(); ok {
		// Cut at a word, with "…", never mid-word at the window's edge.
		room := w - ansi.StringWidth(line)
		line += st.Muted.Render(truncateWords(" · next: "+model.SafeLine(nextText(next)), room))
	}
	return line
}

func (m Model) panelView(w, h int) string {
	st := m.styles
	var b strings.Builder
	b.WriteString(st.PanelTitle.Render("Score ") + st.Title.Render(ScoreText(m.report)) + "\n")
	b.WriteString(m.styles.gauge(m.report, w-2) + "\n")
	var tier model.Tier
	for _, it := range m.report.Items {
		if it.Tier != tier && h >= 22 {
			tier = it.Tier
			b.WriteString(st.Muted.Render(TierName(tier)) + "\n")
		}
		b.WriteString(st.verdict(string(it.Status)) + " " + model.SafeLine(it.Title) + "\n")
	}
	if next, ok := m.report.Next(); ok {
		b.WriteString("\n" + st.PanelTitle.Render("Next") + "\n")
		b.WriteString(lipgloss.NewStyle().Width(w - 1).Render(model.SafeLine(nextText(next))))
	}
	return b.String()
}

// formView is the step's title, guidance and the fields that fit, scrolled
// so the focused field is always on screen.
func (m Model) formView(w, h int) string {
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
	// In a short window the head gives way, a line at a time, until the
	// focused field (label, input and a line of its text) has room: the
	// field being typed into must always be on screen.
	need := min(h, 4)
	if s.review {
		need = min(h, 3)
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
		if len(head) <= h-need {
			break
		}
		f()
		head = build()
	}
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
		switch {
		case focused:
			if m.showGuide(i, f) {
				out = append(out, "  "+st.Muted.Render(ansi.Truncate(markdownGuide, max(w-2, 1), "…")))
			}
			for _, ln := range strings.Split(f.area.View(), "\n") {
				out = append(out, "  "+ln)
			}
		default:
			v := f.get(m.draft)
			if v == "" {
				out = append(out, "  "+m.plain("", f.placeholder, w-2))
				break
			}
			// Only the first lines are shown: split no more than those.
			lines := strings.SplitN(v, "\n", 4)
			for _, ln := range lines[:min(len(lines), 3)] {
				out = append(out, "  "+st.Value.Render(ansi.Truncate(model.SafeLine(ln), max(w-2, 1), "…")))
			}
			if len(lines) > 3 {
				out = append(out, "  "+st.Muted.Render(fmt.Sprintf("… %d more lines", strings.Count(v, "\n")-2)))
			}
		}
	}
	return append(out, m.notes(f, w)...)
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

// reviewBody is the whole report: items with reasons, tone findings and
// the timeline's durations; ↑/↓ scroll it.
func (m Model) reviewBody(w, room int) []string {
	st := m.styles
	var out []string
	for i, f := range m.fields {
		out = append(out, m.fieldView(i, f, w)...)
	}
	out = append(out, "", st.PanelTitle.Render("Score "+ScoreText(m.report))+"  "+m.styles.gauge(m.report, min(20, max(w-16, 1))))
	wrap := func(first, rest string, text string, style func(...string) string) {
		lines := strings.Split(lipgloss.NewStyle().Width(max(w-len([]rune(rest)), 8)).Render(text), "\n")
		for i, ln := range lines {
			if i == 0 {
				out = append(out, first+style(ln))
			} else {
				out = append(out, rest+style(ln))
			}
		}
	}
	var tier model.Tier
	for _, it := range m.report.Items {
		if it.Tier != tier {
			tier = it.Tier
			out = append(out, st.Muted.Render(TierName(tier)))
		}
		out = append(out, st.verdict(string(it.Status))+" "+st.Value.Render(model.SafeLine(it.Title))+
			st.Muted.Render("  "+ScoreOf(it.Points, it.Max)))
		if it.Reason != "" {
			wrap("  ", "  ", model.SafeLine(it.Reason), st.Muted.Render)
		}
		if q := EvidenceLine(it); q != "" {
			wrap("  ", "   ", q, st.Muted.Render)
		}
		if it.Status != model.Yes && it.Next != "" {
			wrap("  "+GlyphNext+" ", "    ", model.SafeLine(it.Next), st.Value.Render)
		}
	}
	out = append(out, "", st.PanelTitle.Render("Tone"))
	if len(m.report.Findings) == 0 {
		out = append(out, st.Muted.Render("No boilerplate or hedging found."))
	}
	for _, f := range m.report.Findings {
		kind := string(f.Kind)
		if f.Kind == model.Blame {
			kind += " (advice)"
		}
		wrap(st.Warn.Render(GlyphWarn)+" ", "  ", fmt.Sprintf("%s in %s: %q", kind, model.SafeLine(fieldLabel(m.draft, f.Field)), model.SafeLine(f.Phrase)), st.Warn.Render)
		wrap("  "+GlyphNext+" ", "    ", model.SafeLine(f.Suggestion), st.Value.Render)
	}
	if ml := MetricsLine(m.report.Metrics); ml != "" {
		out = append(out, "", st.PanelTitle.Render("Durations")+st.Muted.Render(" from the start of impact"))
		for _, part := range strings.Split(ml, " · ") {
			out = append(out, st.Value.Render(part))
		}
	}
	out = append(out, "", st.Muted.Render("ctrl+p preview · ctrl+w export · ↑/↓ scroll"))
	top := min(m.reviewTop, max(len(out)-room, 0))
	out = out[top:]
	if len(out) > room {
		out = out[:room]
	}
	return out
}

// fullHelpView lists every key, one per line, grouped as in FullHelp.
// When the window is too short, the groups lose their blank lines, then
// sit side by side if the width allows, and otherwise ↑/↓ scroll it.
func (m Model) fullHelpView(w, h int) string {
	st := m.styles
	// The key column is as wide as the widest key, and two spaces part
	// keys from words, so "pgdn/ctrl+n" never runs into "next step".
	keyW := 0
	for _, group := range m.keys.FullHelp() {
		for _, b := range group {
			keyW = max(keyW, ansi.StringWidth(b.Help().Key))
		}
	}
	var groups [][]string
	for _, group := range m.keys.FullHelp() {
		var g []string
		for _, b := range group {
			hb := b.Help()
			if hb.Key == "" {
				continue
			}
			pad := strings.Repeat(" ", keyW-ansi.StringWidth(hb.Key)+2)
			g = append(g, st.LabelFocus.Render(hb.Key)+pad+st.Value.Render(hb.Desc))
		}
		groups = append(groups, g)
	}
	enter := "Enter moves to the next field, except in a text field, where it starts a new line."
	wrapNote := func(s string) []string {
		return strings.Split(lipgloss.NewStyle().Width(max(w, 1)).Render(st.Muted.Render(s)), "\n")
	}
	note := wrapNote("esc closes this help. " + enter)
	var keys []string
	for _, g := range groups {
		keys = append(keys, "")
		keys = append(keys, g...)
	}
	out := append(append([]string{st.PanelTitle.Render("Keys")}, keys...), "")
	out = append(out, note...)
	if len(out) > h {
		keys = nil
		for _, g := range groups {
			keys = append(keys, g...)
		}
		colW := 0
		for _, k := range keys {
			colW = max(colW, ansi.StringWidth(k))
		}
		if half := (len(keys) + 1) / 2; w >= 2*colW+2 && half+2 <= h {
			// Two columns: the first half of the keys beside the second.
			cols := make([]string, half)
			for i := range half {
				cols[i] = keys[i] + strings.Repeat(" ", colW-ansi.StringWidth(keys[i])+2)
				if half+i < len(keys) {
					cols[i] += keys[half+i]
				}
			}
			keys = cols
		}
		out = append(append([]string{st.PanelTitle.Render("Keys") + st.Muted.Render("  esc closes")}, keys...), "")
		out = append(out, wrapNote(enter)...) // the title line says how to close it
		if len(out) > h {
			// Still too long: scroll, saying so.
			top := min(m.helpTop, max(len(out)-h+1, 0))
			out = append(out[:1:1], out[1+top:]...)
			if len(out) > h {
				out = append(out[:max(h-1, 0)], st.Muted.Render(fmt.Sprintf("↓ %d more (↑/↓ scroll)", len(out)-h+1)))
			}
		}
	}
	return strings.Join(out, "\n")
}
