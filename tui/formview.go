package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// Drawing the form: the step's head, then the window of fields around the
// focused one (each with its notes), or on Review the report (review.go).

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
