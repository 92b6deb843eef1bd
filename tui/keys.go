package tui

import "charm.land/bubbles/v2/key"

// keyMap is the wizard's one keymap: every action the wizard takes on a
// key is here, with the help text shown for it. Control and function keys
// are used for commands because the focused field takes printable keys.
type keyMap struct {
	NextField  key.Binding
	PrevField  key.Binding
	NextStep   key.Binding
	PrevStep   key.Binding
	Left       key.Binding
	Right      key.Binding
	Toggle     key.Binding
	AddEntry   key.Binding
	DelEntry   key.Binding
	Undo       key.Binding
	MoveUp     key.Binding
	MoveDown   key.Binding
	Editor     key.Binding
	Save       key.Binding
	Preview    key.Binding
	Export     key.Binding
	ScrollUp   key.Binding
	ScrollDown key.Binding
	Help       key.Binding
	Close      key.Binding
	Quit       key.Binding
}

func defaultKeyMap() keyMap {
	return keyMap{
		NextField:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		PrevField:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		NextStep:   key.NewBinding(key.WithKeys("pgdown", "ctrl+n"), key.WithHelp("pgdn/ctrl+n", "next step")),
		PrevStep:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup/ctrl+b", "previous step")),
		Left:       key.NewBinding(key.WithKeys("left"), key.WithHelp("←/→", "change choice")),
		Right:      key.NewBinding(key.WithKeys("right")),
		Toggle:     key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "toggle")),
		AddEntry:   key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "add entry")),
		DelEntry:   key.NewBinding(key.WithKeys("ctrl+x"), key.WithHelp("ctrl+x", "delete entry")),
		Undo:       key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "undo delete")),
		MoveUp:     key.NewBinding(key.WithKeys("alt+up", "alt+k"), key.WithHelp("alt+↑", "move entry up")),
		MoveDown:   key.NewBinding(key.WithKeys("alt+down", "alt+j"), key.WithHelp("alt+↓", "move entry down")),
		Editor:     key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "edit in $EDITOR")),
		Save:       key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save now")),
		Preview:    key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "preview")),
		Export:     key.NewBinding(key.WithKeys("ctrl+w"), key.WithHelp("ctrl+w", "export Markdown")),
		ScrollUp:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "scroll")),
		ScrollDown: key.NewBinding(key.WithKeys("down")),
		Help:       key.NewBinding(key.WithKeys("f1", "?"), key.WithHelp("?/f1", "help")),
		Close:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Quit:       key.NewBinding(key.WithKeys("ctrl+c", "ctrl+q"), key.WithHelp("ctrl+c", "save & quit")),
	}
}

// ShortHelp is the one line always shown: the few keys a newcomer needs,
// with short names so it fits in 80 columns.
func (k keyMap) ShortHelp() []key.Binding {
	short := func(b key.Binding, keys, desc string) key.Binding {
		b.SetHelp(keys, desc)
		return b
	}
	return []key.Binding{
		short(k.NextField, "tab", "next"),
		short(k.NextStep, "pgdn/pgup", "step"),
		short(k.AddEntry, "ctrl+o", "add"),
		short(k.Preview, "ctrl+p", "preview"),
		k.Help,
		short(k.Quit, "ctrl+c", "quit"),
	}
}

// FullHelp is shown on ? (or f1 while typing).
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextField, k.PrevField, k.NextStep, k.PrevStep, k.Left, k.Toggle},
		{k.AddEntry, k.DelEntry, k.Undo, k.MoveUp, k.MoveDown, k.Editor},
		{k.Save, k.Preview, k.Export, k.ScrollUp, k.Help, k.Close, k.Quit},
	}
}
