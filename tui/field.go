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
	optional    bool // does not count against the step's completion mark
	get         func(d *model.Draft) string
	set         func(d *model.Draft, v string) error

	list  *listSpec // the list this field's entry belongs to (or adds to)
	index int       // entry index in list
	first bool      // first field of its entry: where a section starts
}

// field is a binding plus its input widget and its last error.
type field struct {
	binding
	input textinput.Model
	area  textarea.Model
	value string // choice and toggle value
	err   error
	// long is set for text too long for the inline editor (over the
	// textarea's hard line limit): it is shown, and edited with ctrl+e.
	long bool
}

// maxInlineLines is kept under the textarea's hard 10,000-line limit so
// SetValue never truncates a user's text.
const maxInlineLines = 9_000

func newField(b binding, text string, st Styles) *field {
	f := &field{binding: b}
	switch b.kind {
	case kindLine, kindTime:
		ti := textinput.New()
		ti.Prompt = ""
		ti.Placeholder = b.placeholder
		ti.CharLimit = 0
		ti.SetStyles(inputStyles(st))
		ti.SetValue(text)
		f.input = ti
	case kindText:
		if strings.Count(text, "\n") >= maxInlineLines {
			f.long = true
			f.value = text
			break
		}
		ta := textarea.New()
		ta.Prompt = ""
		ta.ShowLineNumbers = false
		ta.Placeholder = b.placeholder
		ta.CharLimit = 0
		// The default stops taking Enter at 99 lines: post-mortem
		// analyses run longer than that.
		ta.MaxHeight = 0
		ta.SetStyles(areaStyles(st))
		ta.SetValue(text)
		ta.MoveToBegin()
		f.area = ta
	default:
		f.value = text
	}
	return f
}

// inputStyles and areaStyles dress the bubbles inputs from Styles, so
// the inputs follow the background and NO_COLOR like everything else.
func inputStyles(st Styles) textinput.Styles {
	s := textinput.DefaultStyles(st.Dark)
	for _, ss := range []*textinput.StyleState{&s.Focused, &s.Blurred} {
		ss.Text, ss.Placeholder, ss.Suggestion, ss.Prompt = st.Value, st.Muted, st.Muted, lipgloss.NewStyle()
	}
	s.Cursor.Color = st.Cursor
	return s
}

func areaStyles(st Styles) textarea.Styles {
	s := textarea.DefaultStyles(st.Dark)
	for _, ss := range []*textarea.StyleState{&s.Focused, &s.Blurred} {
		ss.Base, ss.Text, ss.CursorLine, ss.Placeholder, ss.Prompt = lipgloss.NewStyle(), st.Value, st.Value, st.Muted, lipgloss.NewStyle()
		ss.EndOfBuffer, ss.LineNumber, ss.CursorLineNumber = st.Muted, st.Muted, st.Muted
	}
	s.Cursor.Color = st.Cursor
	return s
}

// Value is the text the field holds right now (typed, not yet checked).
func (f *field) Value() string {
	switch f.kind {
	case kindLine, kindTime:
		return f.input.Value()
	case kindText:
		if f.long {
			return f.value
		}
		return f.area.Value()
	default:
		return f.value
	}
}

// SetValue replaces the text, e.g. when $EDITOR hands it back.
func (f *field) SetValue(s string) {
	switch f.kind {
	case kindLine, kindTime:
		f.input.SetValue(s)
	case kindText:
		if strings.Count(s, "\n") >= maxInlineLines {
			f.long, f.value = true, s
			return
		}
		if f.long {
			f.long = false
			f.area = newField(f.binding, "", Styles{}).area
		}
		f.area.SetValue(s)
	default:
		f.value = s
	}
}

func (f *field) focusable() bool { return true }

// typing reports whether printable keys go into this field as text.
func (f *field) typing() bool {
	return f.kind == kindLine || f.kind == kindTime || (f.kind == kindText && !f.long)
}

func (f *field) Focus() tea.Cmd {
	switch f.kind {
	case kindLine, kindTime:
		return f.input.Focus()
	case kindText:
		if !f.long {
			return f.area.Focus()
		}
	}
	return nil
}

func (f *field) Blur() {
	switch f.kind {
	case kindLine, kindTime:
		f.input.Blur()
	case kindText:
		if !f.long {
			f.area.Blur()
		}
	}
}

// Update passes a message to the input widget and reports whether the
// text changed.
func (f *field) Update(msg tea.Msg) (tea.Cmd, bool) {
	before := f.Value()
	var cmd tea.Cmd
	switch f.kind {
	case kindLine, kindTime:
		f.input, cmd = f.input.Update(msg)
	case kindText:
		if f.long {
			return nil, false
		}
		f.area, cmd = f.area.Update(msg)
	default:
		return nil, false
	}
	return cmd, f.Value() != before
}

// SetWidth sizes the input to the form's width.
func (f *field) SetWidth(w int) {
	w = max(w, 1)
	switch f.kind {
	case kindLine, kindTime:
		f.input.SetWidth(max(w-1, 1))
	case kindText:
		if !f.long {
			f.area.SetWidth(w)
		}
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

func (f *field) filled() bool {
	if f.kind == kindAdd {
		return false
	}
	return strings.TrimSpace(f.Value()) != ""
}
