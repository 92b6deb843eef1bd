package tui

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	tea "charm.land/bubbletea/v2"
	"mvdan.cc/sh/v3/shell"
)

// editorDoneMsg brings a field's text back from $EDITOR.
type editorDoneMsg struct {
	path string
	text string
	err  error
}

// editorCommand is $VISUAL, else $EDITOR, else vi. It may carry
// arguments ("code --wait") and is split the way a shell splits it, so a
// quoted path with spaces ("'/Applications/My Editor/ed' -w") stays one
// word, as gh and git read it.
func editorCommand() ([]string, error) {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		value := strings.TrimSpace(os.Getenv(v))
		if value == "" {
			continue
		}
		f, err := shell.Fields(value, os.Getenv)
		if err != nil {
			return nil, fmt.Errorf("$%s cannot be read as a command (%v): quote it as you would in a shell", v, err)
		}
		if len(f) > 0 {
			return f, nil
		}
	}
	return []string{"vi"}, nil
}

// openEditor hands the focused field's text to $EDITOR in a private
// temporary file; bubbletea gives the terminal to the editor meanwhile.
func (m *Model) openEditor() tea.Cmd {
	f := m.focused()
	if f == nil || (f.kind != kindText && f.kind != kindLine) {
		m.status.Say("ctrl+e edits a text field: move to one first")
		return nil
	}
	editor, err := editorCommand()
	if err != nil {
		m.status.Say("cannot open the editor: " + err.Error())
		return nil
	}
	tmp, err := os.CreateTemp("", "pmwiz-*.md") // 0600: post-mortems are sensitive
	if err != nil {
		m.status.Say("cannot open the editor: " + err.Error())
		return nil
	}
	orig := f.Value()
	_, werr := tmp.WriteString(orig)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		_ = os.Remove(tmp.Name())
		m.status.Say(fmt.Sprintf("cannot open the editor: writing %s failed", tmp.Name()))
		return nil
	}
	argv := append(editor, tmp.Name())
	c := exec.Command(argv[0], argv[1:]...)
	path, name := f.path, tmp.Name()
	// tea.Exec with editorExec, not tea.ExecProcess: see editorexec.go.
	return tea.Exec(&editorExec{Cmd: c}, func(runErr error) tea.Msg {
		defer os.Remove(name)
		b, err := os.ReadFile(name)
		if runErr != nil {
			err = fmt.Errorf("%s exited with %v; the field is unchanged", argv[0], runErr)
		}
		text := string(b)
		// Editors end files with a newline the field did not have.
		if !strings.HasSuffix(orig, "\n") {
			text = strings.TrimSuffix(strings.TrimSuffix(text, "\n"), "\r")
		}
		return editorDoneMsg{path: path, text: text, err: err}
	})
}

func (m *Model) editorDone(msg editorDoneMsg) tea.Cmd {
	if msg.err != nil {
		m.status.Say(msg.err.Error())
		return nil
	}
	for i, f := range m.fields {
		if f.path != msg.path {
			continue
		}
		text := msg.text
		if f.kind == kindLine {
			text = strings.Join(strings.Fields(strings.ReplaceAll(text, "\n", " ")), " ")
		}
		f.SetValue(text)
		cmd := m.changed(f)
		m.layoutFields()
		m.focus = i
		m.status.Say("text from the editor is in")
		return tea.Batch(cmd, f.Focus())
	}
	m.status.Say("the field edited in the editor is gone; its text was not applied")
	return nil
}
