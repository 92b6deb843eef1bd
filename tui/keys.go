package tui

import (
	"strings"

	bkey "charm.land/bubbles/v2/key"
)

// keyMap is the wizard's one keymap: every action the wizard takes on a
// key is here, with the help text shown for it. Control and function keys
// are used for commands because the focused field takes printable keys.
type keyMap struct {
	NextField   bkey.Binding
	PrevField   bkey.Binding
	NextStep    bkey.Binding
	PrevStep    bkey.Binding
	Enter       bkey.Binding
	Left        bkey.Binding
	Right       bkey.Binding
	Toggle      bkey.Binding
	Home        bkey.Binding
	End         bkey.Binding
	AddEntry    bkey.Binding
	DelEntry    bkey.Binding
	Undo        bkey.Binding
	MoveUp      bkey.Binding
	MoveDown    bkey.Binding
	Editor      bkey.Binding
	Quote       bkey.Binding
	AddNamed    bkey.Binding
	Save        bkey.Binding
	Preview     bkey.Binding
	Export      bkey.Binding
	Timeline    bkey.Binding
	PreviewUp   bkey.Binding
	PreviewDown bkey.Binding
	ScrollUp    bkey.Binding
	ScrollDown  bkey.Binding
	Help        bkey.Binding
	HelpTyping  bkey.Binding
	Close       bkey.Binding
	Quit        bkey.Binding
}

func defaultKeyMap() keyMap {
	return keyMap{
		NextField: bkey.NewBinding(bkey.WithKeys("tab"), bkey.WithHelp("tab", "next field")),
		PrevField: bkey.NewBinding(bkey.WithKeys("shift+tab"), bkey.WithHelp("shift+tab", "previous field")),
		NextStep:  bkey.NewBinding(bkey.WithKeys("pgdown", "ctrl+n"), bkey.WithHelp("pgdn/ctrl+n", "next step")),
		PrevStep:  bkey.NewBinding(bkey.WithKeys("pgup", "ctrl+b"), bkey.WithHelp("pgup/ctrl+b", "previous step")),
		// Enter moves on from a field of one line; in a text field the
		// text area takes it for a new line.
		Enter:  bkey.NewBinding(bkey.WithKeys("enter")),
		Left:   bkey.NewBinding(bkey.WithKeys("left"), bkey.WithHelp("←/→", "change choice")),
		Right:  bkey.NewBinding(bkey.WithKeys("right")),
		Toggle: bkey.NewBinding(bkey.WithKeys("space"), bkey.WithHelp("space", "toggle")),
		// Home and End move the cursor in a read-only answer.
		Home:     bkey.NewBinding(bkey.WithKeys("home")),
		End:      bkey.NewBinding(bkey.WithKeys("end")),
		AddEntry: bkey.NewBinding(bkey.WithKeys("ctrl+o"), bkey.WithHelp("ctrl+o", "add entry")),
		DelEntry: bkey.NewBinding(bkey.WithKeys("ctrl+x"), bkey.WithHelp("ctrl+x", "delete entry")),
		Undo:     bkey.NewBinding(bkey.WithKeys("ctrl+z"), bkey.WithHelp("ctrl+z", "undo delete")),
		MoveUp:   bkey.NewBinding(bkey.WithKeys("alt+up", "alt+k"), bkey.WithHelp("alt+↑", "move entry up")),
		MoveDown: bkey.NewBinding(bkey.WithKeys("alt+down", "alt+j"), bkey.WithHelp("alt+↓", "move entry down")),
		Editor:   bkey.NewBinding(bkey.WithKeys("ctrl+e"), bkey.WithHelp("ctrl+e", "edit in $EDITOR")),
		Quote:    bkey.NewBinding(bkey.WithKeys("ctrl+g"), bkey.WithHelp("ctrl+g", "quote as `code`")),
		// AddNamed works on the Technologies step, whose offer line names
		// it; the help overlay keeps to the keys that work everywhere.
		// (ctrl+t is the log chooser's.)
		AddNamed:    bkey.NewBinding(bkey.WithKeys("ctrl+y"), bkey.WithHelp("ctrl+y", "add technologies the text names")),
		Save:        bkey.NewBinding(bkey.WithKeys("ctrl+s"), bkey.WithHelp("ctrl+s", "save now")),
		Preview:     bkey.NewBinding(bkey.WithKeys("ctrl+p"), bkey.WithHelp("ctrl+p", "preview")),
		Export:      bkey.NewBinding(bkey.WithKeys("ctrl+w"), bkey.WithHelp("ctrl+w", "export Markdown")),
		Timeline:    bkey.NewBinding(bkey.WithKeys("ctrl+t"), bkey.WithHelp("ctrl+t", "add log events")),
		PreviewDown: bkey.NewBinding(bkey.WithKeys("shift+down"), bkey.WithHelp("shift+↓/↑", "scroll preview")),
		PreviewUp:   bkey.NewBinding(bkey.WithKeys("shift+up")),
		ScrollUp:    bkey.NewBinding(bkey.WithKeys("up"), bkey.WithHelp("↑/↓", "scroll")),
		ScrollDown:  bkey.NewBinding(bkey.WithKeys("down")),
		Help:        bkey.NewBinding(bkey.WithKeys("f1", "?"), bkey.WithHelp("?/f1", "help")),
		// HelpTyping opens the help even in a field that takes text,
		// where ? would be typed.
		HelpTyping: bkey.NewBinding(bkey.WithKeys("f1")),
		Close:      bkey.NewBinding(bkey.WithKeys("esc"), bkey.WithHelp("esc", "close")),
		Quit:       bkey.NewBinding(bkey.WithKeys("ctrl+c", "ctrl+q"), bkey.WithHelp("ctrl+c", "save & quit")),
	}
}

// ShortHelp is the one line always shown: the few keys a newcomer needs,
// with short names so it fits in 80 columns.
func (k keyMap) ShortHelp() []bkey.Binding {
	return []bkey.Binding{
		short(k.NextField, "tab", "next"),
		short(k.NextStep, "pgdn/pgup", "step"),
		short(k.AddEntry, "ctrl+o", "add"),
		short(k.Preview, "ctrl+p", "preview"),
		k.Help,
		short(k.Quit, "ctrl+c", "quit"),
	}
}

// FullHelp is shown on ? (or f1 while typing).
func (k keyMap) FullHelp() [][]bkey.Binding {
	return [][]bkey.Binding{
		{k.NextField, k.PrevField, k.NextStep, k.PrevStep, k.Left, k.Toggle},
		{k.AddEntry, k.DelEntry, k.Undo, k.MoveUp, k.MoveDown, k.Editor, k.Quote, k.Timeline},
		{k.Save, k.Preview, k.PreviewDown, k.Export, k.ScrollUp, k.Help, k.Close, k.Quit},
	}
}

// answerKeys answer the wizard's own questions: the "draft changed on
// disk" banner (conflict.go) and the timeline import (wizard_timeline.go).
type answerKeys struct {
	KeepMine, KeepBoth   bkey.Binding // the conflict banner
	Yes, No, Choose, Esc bkey.Binding // pasted log lines: add all, paste as text, choose
	Accept               bkey.Binding // the file prompt
}

func defaultAnswerKeys() answerKeys {
	return answerKeys{
		KeepMine: bkey.NewBinding(bkey.WithKeys("o", "O"), bkey.WithHelp("o", "make yours the draft (the other is kept as a copy)")),
		KeepBoth: bkey.NewBinding(bkey.WithKeys("k", "K", "esc"), bkey.WithHelp("k", "keep both")),
		Yes:      bkey.NewBinding(bkey.WithKeys("y", "enter"), bkey.WithHelp("y", "add them as timeline events, one per line")),
		No:       bkey.NewBinding(bkey.WithKeys("n"), bkey.WithHelp("n", "paste as text")),
		Choose:   bkey.NewBinding(bkey.WithKeys("c"), bkey.WithHelp("c", "choose in a list")),
		Esc:      bkey.NewBinding(bkey.WithKeys("esc"), bkey.WithHelp("esc", "cancel")),
		Accept:   bkey.NewBinding(bkey.WithKeys("enter"), bkey.WithHelp("enter", "read it")),
	}
}

// chooserKeyMap is the event chooser's (chooser.go). Printable keys type
// into the filter, so commands take ctrl, alt or a named key.
type chooserKeyMap struct {
	Up, Down, PageUp, PageDown, Home, End bkey.Binding
	Keep, All, TakeSuggestions, Erase     bkey.Binding
	Done, Back, Quit                      bkey.Binding
	// Marks make the event under the cursor a key moment (alt too, for
	// terminals where ctrl+s or ctrl+t is taken).
	MarkStart, MarkDetected, MarkMitigated, MarkEnd bkey.Binding
}

func defaultChooserKeys() chooserKeyMap {
	b := func(keys ...string) bkey.Binding { return bkey.NewBinding(bkey.WithKeys(keys...)) }
	h := func(desc string, keys ...string) bkey.Binding {
		return bkey.NewBinding(bkey.WithKeys(keys...), bkey.WithHelp(keys[0], desc))
	}
	return chooserKeyMap{
		Up: b("up", "ctrl+p"), Down: b("down", "ctrl+n"), PageUp: b("pgup"), PageDown: b("pgdown"),
		Home: b("home"), End: b("end"),
		Keep: h("keep/drop", "space"), All: h("all/none", "ctrl+a"), TakeSuggestions: h("take suggestions", "ctrl+y"),
		Erase: b("backspace"), Done: h("add", "enter"), Back: h("cancel", "esc"), Quit: b("ctrl+c", "ctrl+q"),
		MarkStart: h("start", "ctrl+s", "alt+s"), MarkDetected: h("detected", "ctrl+d", "alt+d"),
		MarkMitigated: h("mitigated", "ctrl+t", "alt+m"), MarkEnd: h("end", "ctrl+e", "alt+e"),
	}
}

// helpLine is bindings as "key what · key what", for a screen's own
// help line.
func helpLine(bindings ...bkey.Binding) string {
	parts := make([]string, 0, len(bindings))
	for _, b := range bindings {
		if h := b.Help(); h.Key != "" {
			parts = append(parts, h.Key+" "+h.Desc)
		}
	}
	return strings.Join(parts, " · ")
}

// pickerKeyMap is the draft picker's (picker.go).
type pickerKeyMap struct {
	Filter, Up, Down, Home, End, PageUp, PageDown bkey.Binding
	New, Open, Quit                               bkey.Binding
	// While filtering, letters type: these keys end or edit the filter,
	// and FilterMoves still move and open.
	FilterEnd, FilterErase, FilterMoves bkey.Binding
}

func defaultPickerKeys() pickerKeyMap {
	b := func(keys ...string) bkey.Binding { return bkey.NewBinding(bkey.WithKeys(keys...)) }
	h := func(key, desc string, b bkey.Binding) bkey.Binding { b.SetHelp(key, desc); return b }
	return pickerKeyMap{
		Filter: h("/", "filter", b("/")), Up: h("↑/↓", "move", b("up", "k", "ctrl+p", "shift+tab")), Down: b("down", "j", "ctrl+n", "tab"),
		Home: b("home", "g"), End: b("end", "G"), PageUp: b("pgup"), PageDown: b("pgdown"),
		New: h("n", "new", b("n")), Open: h("enter", "open", b("enter")), Quit: h("esc", "quit", b("esc", "q", "ctrl+c")),
		FilterEnd: h("esc", "clear", b("esc")), FilterErase: b("backspace"), FilterMoves: b("up", "down", "enter", "ctrl+c", "pgup", "pgdown"),
	}
}

// short is b with a shorter help: the one-line help names a pair of keys
// ("pgdn/pgup") where the full help lists each.
func short(b bkey.Binding, keys, desc string) bkey.Binding {
	b.SetHelp(keys, desc)
	return b
}
