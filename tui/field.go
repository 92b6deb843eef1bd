package tui

import (
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/pmwiz/pmwiz/model"
)

type fieldKind int

const (
	kindLine   fieldKind = iota // one line of text
	kindText                    // several lines (textarea)
	kindTime                    // a time, parsed live
	kindChoice                  // one of options, ←/→
	kindToggle                  // yes/no, space
	kindAdd                     // "+ add an event": enter appends an entry
)

// binding ties a field on screen to one place in the draft. get and set
// are called live: set runs on every keystroke, so the score panel and the
// tone findings follow text that is still being typed.
type binding struct {
	path        string // "summary", "timeline.events[0].at": matches Finding.Field
	label       string
	placeholder string
	kind        fieldKind
	options     []string
	optional    bool   // does not count against the step's completion mark
	context     string // a muted line under the label: what the field answers
	get         func(d *model.Draft) string
	set         func(d *model.Draft, v string) error

	list  *listSpec // the list this field's entry belongs to (or adds to)
	index int       // entry index in list
	first bool      // first field of its entry: where a section starts
}

// field is a binding plus its input widget and its last error.
type field struct {
	binding
	// input is built the first time the field is focused, typed in or
	// drawn focused: a step with 3,000 timeline events shows a dozen of
	// them, and building 6,000 text inputs made a step change cost
	// hundreds of milliseconds. Until then text holds the value and width
	// the width the input will get.
	input      *textinput.Model
	inputReady bool
	hazards    hazardMemo // the markup note's last check (markup.go, formpane.go)
	text       string
	width      int
	styles     *Styles
	area       *textarea.Model // text fields only: the widgets are kilobytes each
	value      string          // choice and toggle value
	err        error
	// counted: the draft holds a value for this field, as stepMark counts
	// it (see marks.go); set when built and when the field changes.
	counted bool
	// pre and post are the lines of a long text outside the textarea's
	// window. The textarea renders every line it holds on every keystroke,
	// so it holds only a window around the cursor: typing in a 40 KB
	// analysis costs what typing in a short one does.
	pre, post []string
	// preText and postText are pre and post joined, kept with them: a key
	// in a 5 MB text costs Value one concatenation, not a join of 40,000
	// lines (15% of a keystroke's Update and View).
	preText, postText string
}

// Text windowing: the textarea holds only the lines around the cursor
// that make about windowRows() rows on screen (at least the whole line the
// cursor is on), and is re-centred when the cursor comes within
// windowMargin lines of an edge with more text beyond it.
const (
	minWindowRows = 24
	windowMargin  = 3
)

// windowRows is the window's size: room for the visible rows and the
// margins above and below them, so the textarea never shows empty rows
// while there is more text.
func (f *field) windowRows() int {
	return max(minWindowRows, f.area.Height()+2*windowMargin+4)
}

// maxPasteLines is kept under the textarea's hard 10,000-line limit: a
// paste that would pass it is inserted by the wizard, not the textarea,
// which would cut it short.
const maxPasteLines = 9_000

// newField makes the field for b. st is shared by all the fields of a
// step and never changed in place (new styles build new fields).
func newField(b binding, text string, st *Styles) *field {
	f := &field{binding: b}
	switch b.kind {
	case kindLine, kindTime:
		f.text, f.styles = text, st
	case kindText:
		ta := textarea.New()
		ta.Prompt = ""
		ta.ShowLineNumbers = false
		ta.Placeholder = example(b.placeholder)
		ta.CharLimit = 0
		// The default stops taking Enter at 99 lines: post-mortem
		// analyses run longer than that.
		ta.MaxHeight = 0
		ta.SetStyles(areaStyles(*st))
		f.area = &ta
		f.loadWindow(strings.Split(text, "\n"), 0, 0)
	default:
		f.value = text
	}
	return f
}

// ensureInput builds a line or time field's input on first use.
func (f *field) ensureInput() {
	if f.inputReady || (f.kind != kindLine && f.kind != kindTime) {
		return
	}
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = example(f.placeholder)
	ti.CharLimit = 0
	ti.SetStyles(inputStyles(*f.styles))
	ti.SetValue(f.text)
	if f.width > 0 {
		ti.SetWidth(f.width)
	}
	f.input, f.inputReady, f.text = &ti, true, ""
}

// inputView draws a line or time field's input.
func (f *field) inputView() string {
	f.ensureInput()
	return f.input.View()
}

// examplePrefix starts every example shown in an empty field: without
// colour, and read aloud, "e.g." is what tells an example from an answer.
const examplePrefix = "e.g. "

func example(s string) string {
	if s == "" {
		return ""
	}
	return examplePrefix + s
}

// inputStyles and areaStyles dress the bubbles inputs from Styles, so
// the inputs follow the background and NO_COLOR like everything else.
func inputStyles(st Styles) textinput.Styles {
	s := textinput.DefaultStyles(st.Dark)
	for _, ss := range []*textinput.StyleState{&s.Focused, &s.Blurred} {
		ss.Text, ss.Placeholder, ss.Suggestion, ss.Prompt = st.Value, st.Example, st.Muted, lipgloss.NewStyle()
	}
	s.Cursor.Color = st.Cursor
	return s
}

func areaStyles(st Styles) textarea.Styles {
	s := textarea.DefaultStyles(st.Dark)
	for _, ss := range []*textarea.StyleState{&s.Focused, &s.Blurred} {
		ss.Base, ss.Text, ss.CursorLine, ss.Placeholder, ss.Prompt = lipgloss.NewStyle(), st.Value, st.Value, st.Example, lipgloss.NewStyle()
		ss.EndOfBuffer, ss.LineNumber, ss.CursorLineNumber = st.Muted, st.Muted, st.Muted
	}
	s.Cursor.Color = st.Cursor
	return s
}

// Value is the text the field holds right now (typed, not yet checked).
func (f *field) Value() string {
	switch f.kind {
	case kindLine, kindTime:
		if !f.inputReady {
			return f.text
		}
		return f.input.Value()
	case kindText:
		if f.pre == nil && f.post == nil {
			return f.area.Value()
		}
		return strings.Join(f.textParts(), "\n")
	default:
		return f.value
	}
}

// head is the first n bytes of Value (all of it when shorter), without
// joining the lines of a long text held outside the textarea's window.
func (f *field) head(n int) string {
	if f.kind != kindText || f.pre == nil && f.post == nil {
		v := f.Value()
		return v[:min(n, len(v))]
	}
	var b strings.Builder
	for i, part := range f.textParts() {
		if i > 0 {
			b.WriteByte('\n')
		}
		if b.Len() >= n {
			break
		}
		b.WriteString(part[:min(len(part), n-b.Len())])
	}
	v := b.String()
	return v[:min(n, len(v))]
}

// textParts are the text above the window, the window and the text below
// it, whichever there are: joined with line breaks, the field's text.
func (f *field) textParts() []string {
	parts := make([]string, 0, 3)
	if f.pre != nil {
		parts = append(parts, f.preText)
	}
	parts = append(parts, f.area.Value())
	if f.post != nil {
		parts = append(parts, f.postText)
	}
	return parts
}

// loadWindow puts lines into the textarea, or a window of them centred on
// row, with the cursor at (row, col).
func (f *field) loadWindow(lines []string, row, col int) {
	f.pre, f.post = nil, nil
	row = min(max(row, 0), len(lines)-1)
	width := max(f.area.Width(), 10)
	rows := func(l string) int { return len(l)/width + 1 } // bytes ≥ cells: errs on the small side
	start, end := 0, len(lines)
	total := 0
	for _, l := range lines {
		total += rows(l)
		if total > 2*f.windowRows() {
			break
		}
	}
	if total > 2*f.windowRows() {
		start, end = row, row+1
		budget := f.windowRows() - rows(lines[row])
		for budget > 0 && (start > 0 || end < len(lines)) {
			if end < len(lines) {
				budget -= rows(lines[end])
				end++
			}
			if start > 0 && budget > 0 {
				start--
				budget -= rows(lines[start])
			}
		}
		if start > 0 {
			f.pre = append([]string{}, lines[:start]...)
		}
		if end < len(lines) {
			f.post = append([]string{}, lines[end:]...)
		}
	}
	f.preText, f.postText = strings.Join(f.pre, "\n"), strings.Join(f.post, "\n")
	f.area.SetValue(strings.Join(lines[start:end], "\n"))
	f.area.MoveToBegin()
	for f.area.Line() < row-start {
		line, col := f.area.Line(), f.area.Column()
		f.area.CursorDown()
		if f.area.Line() == line && f.area.Column() == col {
			break // cannot move: never loop forever
		}
	}
	f.area.SetCursorColumn(col)
	// Let the textarea lay out its viewport for the new content.
	*f.area, _ = f.area.Update(nil)
}

// scrollToCursor scrolls the textarea from the top down to the cursor,
// which leaves the cursor's row as low in the field as the text allows.
func (f *field) scrollToCursor() {
	row, col := f.area.Line(), f.area.Column()
	f.area.MoveToBegin()
	for f.area.Line() < row {
		line, c := f.area.Line(), f.area.Column()
		f.area.CursorDown()
		if f.area.Line() == line && f.area.Column() == c {
			break // cannot move: never loop forever
		}
	}
	f.area.SetCursorColumn(col)
}

// rewindow re-centres the window when the cursor nears an edge with text
// beyond it, or when the window has grown well past its size.
func (f *field) rewindow() {
	nearTop := f.area.Line() < windowMargin && len(f.pre) > 0
	nearBottom := f.area.Line() >= f.area.LineCount()-windowMargin && len(f.post) > 0
	grown := f.area.LineCount() > 3*f.windowRows()
	if !nearTop && !nearBottom && !grown {
		return
	}
	row, col := len(f.pre)+f.area.Line(), f.area.Column()
	f.loadWindow(strings.Split(f.Value(), "\n"), row, col)
}

// SetValue replaces the text, e.g. when $EDITOR hands it back.
func (f *field) SetValue(s string) {
	switch f.kind {
	case kindLine, kindTime:
		if !f.inputReady {
			f.text = s
			return
		}
		f.input.SetValue(s)
	case kindText:
		f.loadWindow(strings.Split(s, "\n"), 0, 0)
	default:
		f.value = s
	}
}

// typing reports whether printable keys go into this field as text.
func (f *field) typing() bool {
	return f.kind == kindLine || f.kind == kindTime || f.kind == kindText
}

func (f *field) Focus() tea.Cmd {
	switch f.kind {
	case kindLine, kindTime:
		f.ensureInput()
		return f.input.Focus()
	case kindText:
		return f.area.Focus()
	}
	return nil
}

func (f *field) Blur() {
	switch f.kind {
	case kindLine, kindTime:
		if f.inputReady {
			f.input.Blur()
		}
	case kindText:
		f.area.Blur()
	}
}

// Update passes a message to the input widget and reports whether the
// text changed.
func (f *field) Update(msg tea.Msg) (tea.Cmd, bool) {
	var cmd tea.Cmd
	switch f.kind {
	case kindLine, kindTime:
		f.ensureInput()
		before := f.input.Value()
		*f.input, cmd = f.input.Update(msg)
		return cmd, f.input.Value() != before
	case kindText:
		// Only the window can change: compare it, not the whole text.
		before := f.area.Value()
		*f.area, cmd = f.area.Update(msg)
		changed := f.area.Value() != before
		f.rewindow()
		return cmd, changed
	}
	return nil, false
}

// SetWidth sizes the input to the form's width.
func (f *field) SetWidth(w int) {
	w = max(w, 1)
	switch f.kind {
	case kindLine, kindTime:
		f.width = max(w-1, 1)
		if f.inputReady {
			f.input.SetWidth(f.width)
		}
	case kindText:
		f.area.SetWidth(w)
	}
}

// cycle moves a choice by delta, wrapping; a toggle flips.
func (f *field) cycle(delta int) bool {
	switch f.kind {
	case kindToggle:
		if f.value == "yes" {
			f.value = "no"
		} else {
			f.value = "yes"
		}
		return true
	case kindChoice:
		if len(f.options) == 0 {
			return false
		}
		i := 0
		for j, o := range f.options {
			if o == f.value {
				i = j
			}
		}
		i = (i + delta + len(f.options)) % len(f.options)
		f.value = f.options[i]
		return true
	}
	return false
}

// pasteLarge inserts a paste too big for the textarea at the cursor,
// neutralised as the textarea would, and keeps the cursor after it.
func (f *field) pasteLarge(content string) {
	content = model.SafeText(content)
	row, col := len(f.pre)+f.area.Line(), f.area.Column()
	v := insertAt(f.Value(), row, col, content)
	n := strings.Count(content, "\n")
	newCol := col + len([]rune(content))
	if n > 0 {
		newCol = len([]rune(content[strings.LastIndexByte(content, '\n')+1:]))
	}
	f.loadWindow(strings.Split(v, "\n"), row+n, newCol)
}

// insertAt inserts ins into s at rune column col of line row.
func insertAt(s string, row, col int, ins string) string {
	lines := strings.Split(s, "\n")
	row = min(max(row, 0), len(lines)-1)
	r := []rune(lines[row])
	col = min(max(col, 0), len(r))
	lines[row] = string(r[:col]) + ins + string(r[col:])
	return strings.Join(lines, "\n")
}
