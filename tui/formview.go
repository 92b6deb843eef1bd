package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
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
		body = m.reviewBody(w, room, h)
	} else {
		body = m.formPane(h).fieldsWindow(w, room)
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
		extra = s.header(m.stepCtx(), w)
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

// reviewBody is the Review step's fields, then the whole report
// (review.go), scrolled to where ↑/↓ left it.
func (m Model) reviewBody(w, room, height int) []string {
	var out []string
	p := m.formPane(height)
	for i, f := range m.fields {
		out = append(out, p.fieldView(i, f, w)...)
	}
	r := m.review
	r.styles, r.keys = m.styles, m.keys
	r.SetSize(w, room)
	return r.View(out, m.report, m.draft)
}
