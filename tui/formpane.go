package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// The form pane: the window of fields around the focused one, each field
// drawn with its notes (its error, the draft's problems with it, its tone
// findings and, focused, what Markdown would not show as typed). It is
// built for one frame from the wizard's form and what the wizard knows
// about the draft.

// formPane draws the fields of the form; see the file's comment.
type formPane struct {
	fields     []*field
	focus      int
	styles     *Styles
	keys       *keyMap
	draft      *model.Draft
	notesOf    map[string][]model.Finding // tone findings by field path
	problemsOf map[string][]string        // the draft's validation, by field path
	readOnly   bool
	body       int // the body's height: the Markdown guide shows when it is tall enough
}

// formPane is the form as a frame body tall draws it (the caller knows
// the height: working it out again costs a render of the footer).
func (m Model) formPane(body int) formPane {
	return formPane{
		fields: m.fields, focus: m.focus, styles: m.styles, keys: m.keys, draft: m.draft,
		notesOf: m.notesOf, problemsOf: m.problemsOf, readOnly: m.readOnly, body: body,
	}
}

// fieldsWindow renders only the fields that fit around the focused one,
// so a draft with hundreds of entries costs no more per keystroke than a
// small one.
func (fp formPane) fieldsWindow(w, room int) []string {
	if len(fp.fields) == 0 {
		return nil
	}
	// Heights are measured only for the fields the window reaches: a
	// step of 6,000 fields shows a dozen.
	known := map[int]int{}
	height := func(i int) int {
		h, ok := known[i]
		if !ok {
			h = fp.fieldHeight(i, fp.fields[i], w)
			known[i] = h
		}
		return h
	}
	// Start at the focused field and add fields after it, then before it,
	// while they fit.
	fit := func(room int) (lo, hi int) {
		lo, hi = fp.focus, fp.focus+1
		used := height(fp.focus)
		for hi < len(fp.fields) && used+height(hi) <= room {
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
	if markers := b2i(lo > 0) + b2i(hi < len(fp.fields)); markers > 0 && room-markers >= height(fp.focus) {
		// Leave rows for "↑ 2 more" and "↓ 3 more".
		lo, hi = fit(room - markers)
	}
	var out []string
	for i := lo; i < hi; i++ {
		out = append(out, fp.fieldView(i, fp.fields[i], w)...)
	}
	if len(out) > room {
		// The focused field alone is taller than the room: show its top,
		// where the label and cursor usually are.
		return out[:max(room, 0)]
	}
	if lo > 0 && len(out) < room {
		out = append([]string{fp.styles.Muted.Render(fmt.Sprintf("↑ %d more", lo))}, out...)
	}
	if hi < len(fp.fields) && len(out) < room {
		out = append(out, fp.styles.Muted.Render(fmt.Sprintf("↓ %d more", len(fp.fields)-hi)))
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
func (fp formPane) findings(path string) []model.Finding { return fp.notesOf[path] }

func (fp formPane) fieldHeight(i int, f *field, w int) int {
	n := 1 + b2i(f.context != "") // label and its context
	if f.first {
		n++ // gap before an entry
	}
	switch f.kind {
	case kindLine, kindTime:
		n++
	case kindText:
		if i == fp.focus {
			n += f.area.Height()
		} else {
			lines := strings.Count(f.get(fp.draft), "\n") + 1
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
	n += b2i(fp.showGuide(i, f)) // the Markdown guide
	if f.err != nil || len(fp.notesOf[f.path]) > 0 || len(fp.problemsOf[f.path]) > 0 || i == fp.focus && isMarkdownField(f) {
		n += len(fp.notes(f, w))
	}
	return n
}

func (fp formPane) fieldView(i int, f *field, w int) []string {
	st := fp.styles
	focused := i == fp.focus
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
		return append(append(out, head+fp.choiceView(f, focused, w-ansi.StringWidth(head))), fp.notes(f, w)...)
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
			out = append(out, "  "+fp.plain(model.SafeLine(f.get(fp.draft)), f.placeholder, w-2))
		} else {
			out = append(out, "  "+fp.plain(model.SafeLine(f.Value()), f.placeholder, w-2))
		}
	case kindText:
		out = append(out, fp.textView(i, f, w)...)
	}
	return append(out, fp.notes(f, w)...)
}

// textView is a text field's text: the text area when focused (with the
// Markdown guide above it when there is room), else its first lines.
func (fp formPane) textView(i int, f *field, w int) []string {
	st := fp.styles
	var out []string
	if i == fp.focus {
		if fp.showGuide(i, f) {
			out = append(out, "  "+st.Muted.Render(ansi.Truncate(markdownGuide, max(w-2, 1), "…")))
		}
		for _, ln := range strings.Split(f.area.View(), "\n") {
			out = append(out, "  "+ln)
		}
		return out
	}
	v := f.get(fp.draft)
	if v == "" {
		return append(out, "  "+fp.plain("", f.placeholder, w-2))
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
func (fp formPane) notes(f *field, w int) []string {
	st := fp.styles
	var out []string
	wrap := func(style lipgloss.Style, s string) {
		for _, ln := range wrapWords(s, max(w-4, 8)) {
			out = append(out, "  "+style.Render(ln))
		}
	}
	if f.err != nil {
		wrap(st.Error, GlyphError+" "+model.SafeLine(f.err.Error()))
	}
	for _, p := range fp.problemsOf[f.path] {
		wrap(st.Warn, GlyphWarn+" "+model.SafeLine(p))
	}
	if fp.focus >= 0 && fp.focus < len(fp.fields) && f == fp.fields[fp.focus] {
		if note := fp.markupNote(f); note != "" {
			wrap(st.Warn, GlyphWarn+" "+note)
		}
	}
	for _, fd := range fp.findings(f.path) {
		wrap(st.Warn, fmt.Sprintf("%s %q: %s", GlyphWarn, model.SafeLine(fd.Phrase), model.SafeLine(fd.Suggestion)))
	}
	return out
}

func (fp formPane) plain(v, placeholder string, w int) string {
	if v == "" {
		return fp.styles.Example.Render(ansi.Truncate(example(placeholder), max(w, 1), "…"))
	}
	return fp.styles.Value.Render(ansi.Truncate(v, max(w, 1), "…"))
}

// choiceView shows every option, the chosen one marked; when they do not
// fit in w columns, only the chosen one with its place ("prevent 3/5"),
// so the choice is never the part that is cut off.
func (fp formPane) choiceView(f *field, focused bool, w int) string {
	st := fp.styles
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

// markupNote is the finding under a field whose text Markdown would not
// show as typed (`__init__` in bold, a regex in italics), with the key
// that quotes it; "" when there is none.
func (fp formPane) markupNote(f *field) string {
	if fp.readOnly || !isMarkdownField(f) {
		return ""
	}
	hs := f.hazards.of(f.head(model.MaxHazardScan))
	if len(hs) == 0 {
		return ""
	}
	var toks []string
	for i, h := range hs {
		if i == 3 {
			toks = append(toks, "…")
			break
		}
		toks = append(toks, model.SafeLine(h.Token))
	}
	return "Markdown would not show " + strings.Join(toks, " ") + " as typed (" + hs[0].Why + "): " +
		fp.keys.Quote.Help().Key + " puts " + plural(len(hs), "it", "them") + " in `backticks`"
}

// showGuide: the Markdown guide stands under the focused text field when
// the window has rows to spare; in a short one the text comes first.
func (fp formPane) showGuide(i int, f *field) bool {
	return i == fp.focus && f.kind == kindText && !fp.readOnly && fp.body >= 12
}
