package tui

import (
	"context"
	"fmt"
	"strings"

	bkey "charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/pmwiz/pmwiz/model"
)

// A draft a git merge left with conflicts (model.Conflict: a field two
// people changed differently) opens on this screen before the wizard:
// one conflict at a time, its three versions, and a key to keep ours,
// take theirs, go back to the base, or combine them in an editor. Each
// choice is saved at once; esc goes on to the wizard with the rest left
// for later (pmwiz status lists them).

// conflictKeys is this screen's keymap; the wizard's is in keys.go.
type conflictKeys struct {
	Ours, Theirs, Base, Combine, Next, Wizard, Quit bkey.Binding
	Accept, Cancel                                  bkey.Binding
}

func defaultConflictKeys() conflictKeys {
	return conflictKeys{
		Ours:    bkey.NewBinding(bkey.WithKeys("o"), bkey.WithHelp("o", "keep ours")),
		Theirs:  bkey.NewBinding(bkey.WithKeys("t"), bkey.WithHelp("t", "take theirs")),
		Base:    bkey.NewBinding(bkey.WithKeys("b"), bkey.WithHelp("b", "back to base")),
		Combine: bkey.NewBinding(bkey.WithKeys("c", "e"), bkey.WithHelp("c", "combine")),
		Next:    bkey.NewBinding(bkey.WithKeys("n", "tab"), bkey.WithHelp("n", "later")),
		Wizard:  bkey.NewBinding(bkey.WithKeys("esc", "q"), bkey.WithHelp("esc", "on to the wizard")),
		Quit:    bkey.NewBinding(bkey.WithKeys("ctrl+c", "ctrl+q"), bkey.WithHelp("ctrl+c", "save & quit")),
		Accept:  bkey.NewBinding(bkey.WithKeys("ctrl+s"), bkey.WithHelp("ctrl+s", "use this text")),
		Cancel:  bkey.NewBinding(bkey.WithKeys("esc"), bkey.WithHelp("esc", "back")),
	}
}

// maxCombineLines bounds the editor: the textarea truncates beyond its
// own limit, and nothing typed or merged may be cut. Longer texts are
// combined with "pmwiz resolve --text" or in the file.
const maxCombineLines = 2000

type conflictsModel struct {
	draft   *model.Draft
	at      int // the conflict shown, an index into draft.Conflicts
	styles  Styles
	keys    conflictKeys
	editing bool
	editor  textarea.Model
	width   int
	height  int
	changed func(*model.Draft) error // hands each settled draft to the saver
	quit    bool                     // ctrl+c: leave pmwiz, not just this screen
	status  string
	failed  bool
}

func newConflictsModel(d *model.Draft, styles Styles, changed func(*model.Draft) error) conflictsModel {
	ed := textarea.New()
	ed.ShowLineNumbers = false
	ed.MaxHeight = 0 // no line limit: a combined text must not lose lines
	ed.CharLimit = 0
	return conflictsModel{draft: d, styles: styles, keys: defaultConflictKeys(), editor: ed,
		width: 80, height: 24, changed: changed}
}

func (m conflictsModel) Init() tea.Cmd { return nil }

func (m conflictsModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.editor.SetWidth(max(m.width-4, 10))
		m.editor.SetHeight(max(m.height-7, 3))
		return m, nil
	case tea.KeyPressMsg:
		if bkey.Matches(msg, m.keys.Quit) {
			m.quit = true
			return m, tea.Quit
		}
		if m.editing {
			switch {
			case bkey.Matches(msg, m.keys.Accept):
				return m.settle(m.editor.Value())
			case bkey.Matches(msg, m.keys.Cancel):
				m.editing, m.status, m.failed = false, "", false
				m.editor.Blur()
				return m, nil
			}
			var cmd tea.Cmd
			m.editor, cmd = m.editor.Update(msg)
			return m, cmd
		}
		c := m.draft.Conflicts[m.at]
		switch {
		case bkey.Matches(msg, m.keys.Ours):
			return m.settle(c.Ours)
		case bkey.Matches(msg, m.keys.Theirs):
			return m.settle(c.Theirs)
		case bkey.Matches(msg, m.keys.Base):
			return m.settle(c.Base)
		case bkey.Matches(msg, m.keys.Combine):
			return m.startCombining(c)
		case bkey.Matches(msg, m.keys.Next):
			m.at = (m.at + 1) % len(m.draft.Conflicts)
			m.status, m.failed = "", false
		case bkey.Matches(msg, m.keys.Wizard):
			return m, tea.Quit
		}
		return m, nil
	}
	if m.editing {
		var cmd tea.Cmd
		m.editor, cmd = m.editor.Update(msg)
		return m, cmd
	}
	return m, nil
}

// startCombining opens the editor on both versions, ours first.
func (m conflictsModel) startCombining(c model.Conflict) (tea.Model, tea.Cmd) {
	text := c.Ours
	if c.Theirs != "" && c.Theirs != c.Ours {
		if text != "" {
			text += "\n"
		}
		text += c.Theirs
	}
	if strings.Count(text, "\n") >= maxCombineLines {
		m.status, m.failed = fmt.Sprintf("Too long to combine here (over %d lines): use pmwiz resolve --text, or edit the file.", maxCombineLines), true
		return m, nil
	}
	m.editing, m.status, m.failed = true, "", false
	m.editor.SetValue(text)
	return m, m.editor.Focus()
}

// settle puts value in the conflict's field, hands the draft to the
// saver, and shows the next conflict, or ends the screen after the last.
func (m conflictsModel) settle(value string) (tea.Model, tea.Cmd) {
	path := m.draft.Conflicts[m.at].Path
	next, err := model.ResolveConflict(m.draft, m.at, value)
	if err != nil {
		m.status, m.failed = err.Error(), true
		return m, nil
	}
	m.draft, m.editing = next, false
	m.editor.Blur()
	var saveErr error
	if m.changed != nil {
		saveErr = m.changed(next)
	}
	if saveErr != nil {
		// Stay on the screen: the choice is in memory and the autosaver
		// retries; the person must see that it is not on disk yet.
		m.status, m.failed = "Settled "+model.SafeLine(path)+", but not saved yet: "+saveErr.Error(), true
		if len(next.Conflicts) == 0 {
			return m, nil
		}
	} else {
		if len(next.Conflicts) == 0 {
			return m, tea.Quit
		}
		m.status, m.failed = "Settled "+model.SafeLine(path)+".", false
	}
	if m.at >= len(next.Conflicts) {
		m.at = 0
	}
	return m, nil
}

func (m conflictsModel) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	return v
}

func (m conflictsModel) render() string {
	s := m.styles
	w := max(m.width, 20)
	if len(m.draft.Conflicts) == 0 { // the last frame, after the last choice
		out := s.Header.Render("Every merge conflict is settled.") + "\n"
		if m.failed {
			out += s.StatusErr.Render(truncateLine(model.SafeLine(m.status), w)) + "\n" +
				m.helpLine(m.keys.Wizard, m.keys.Quit)
		}
		return out
	}
	c := m.draft.Conflicts[m.at]
	var b strings.Builder
	b.WriteString(s.Header.Render(fmt.Sprintf("Merge conflict %d of %d", m.at+1, len(m.draft.Conflicts))))
	b.WriteString(s.Muted.Render(" · ") + s.Title.Render(truncateLine(model.SafeLine(c.Path), w-24)) + "\n")
	b.WriteString(s.Guide.Render(truncateLine("Two people changed this differently. Choose one, or combine them.", w)) + "\n")
	if c.Note != "" {
		b.WriteString(s.Warn.Render(truncateLine(model.SafeLine(c.Note), w)) + "\n")
	}
	b.WriteString("\n")
	used := strings.Count(b.String(), "\n") + 3 // help, status, margin
	if m.editing {
		b.WriteString(s.Section.Render("Combined") + "\n")
		b.WriteString(m.editor.View() + "\n")
		b.WriteString(m.helpLine(m.keys.Accept, m.keys.Cancel, m.keys.Quit))
	} else {
		room := max((m.height-used)/3-1, 1)
		for _, v := range []struct{ label, text string }{
			{"Ours (the branch merged into; in the draft now)", c.Ours},
			{"Theirs (the branch merged in)", c.Theirs},
			{"Base (before both changes)", c.Base},
		} {
			b.WriteString(s.Section.Render(truncateLine(v.label, w)) + "\n")
			b.WriteString(m.block(v.text, w-2, room) + "\n")
		}
		b.WriteString(m.helpLine(m.keys.Ours, m.keys.Theirs, m.keys.Base, m.keys.Combine, m.keys.Next, m.keys.Wizard, m.keys.Quit))
	}
	if m.status != "" {
		st := s.Status
		if m.failed {
			st = s.StatusErr
		}
		b.WriteString("\n" + st.Render(truncateLine(model.SafeLine(m.status), w)))
	}
	return b.String()
}

// block is text wrapped to width, indented, cut to at most lines lines
// with a note of how many more there are.
func (m conflictsModel) block(text string, width, lines int) string {
	if text == "" {
		return "  " + m.styles.Muted.Render("(empty)")
	}
	wrapped := strings.Split(lipgloss.NewStyle().Width(max(width, 10)).Render(model.SafeText(text)), "\n")
	if len(wrapped) > lines {
		more := len(wrapped) - lines + 1
		note := fmt.Sprintf("… %d more lines (c shows them all)", more)
		wrapped = append(wrapped[:lines-1:lines-1], m.styles.Muted.Render(truncateLine(note, max(width, 10))))
		if lines == 1 {
			wrapped = wrapped[len(wrapped)-1:]
		}
	}
	for i, l := range wrapped {
		wrapped[i] = "  " + m.styles.Value.Render(strings.TrimRight(l, " "))
	}
	return strings.Join(wrapped, "\n")
}

func (m conflictsModel) helpLine(bindings ...bkey.Binding) string {
	parts := make([]string, 0, len(bindings))
	for _, kb := range bindings {
		h := kb.Help()
		parts = append(parts, m.styles.Header.Render(h.Key)+" "+m.styles.Muted.Render(h.Desc))
	}
	return lipgloss.NewStyle().Width(max(m.width, 20)).Render(strings.Join(parts, m.styles.Muted.Render(" · ")))
}

func truncateLine(s string, n int) string {
	r := []rune(s)
	if n < 2 || len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// runConflicts shows the conflicts screen until every conflict is settled
// or the user moves on, saving each choice through o.Saver. It returns
// the draft as settled so far, and whether the user asked to quit pmwiz.
func runConflicts(ctx context.Context, d *model.Draft, o Options) (*model.Draft, bool, error) {
	dark := true
	if o.Dark != nil {
		dark = *o.Dark
	}
	// Each choice is written at once (a save is milliseconds): this screen
	// has no signal handling of its own, and a dropped SSH session must not
	// take a settled conflict with it.
	var saveErr error
	changed := func(next *model.Draft) error {
		if o.Saver == nil {
			return nil
		}
		o.Saver.Changed(next)
		saveErr = o.Saver.Flush()
		return saveErr
	}
	opts := []tea.ProgramOption{tea.WithContext(ctx)}
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	if o.Output != nil {
		opts = append(opts, tea.WithOutput(o.Output))
	}
	opts = append(opts, o.ProgramOptions...)
	final, err := tea.NewProgram(newConflictsModel(d, NewStyles(dark, o.NoColor), changed), opts...).Run()
	fm, ok := final.(conflictsModel)
	if !ok {
		return d, true, err
	}
	if saveErr != nil && err == nil {
		err = fmt.Errorf("saving the settled conflicts failed: %w", saveErr)
	}
	return fm.draft, fm.quit, err
}
