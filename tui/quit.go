package tui

import (
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// Saving now and quitting: the wizard never leaves without saying so when
// a save failed or a field holds text it could not store.

func (m *Model) saveNow() tea.Cmd {
	if m.saver == nil || m.readOnly {
		return nil
	}
	m.saver.Changed(m.draft)
	s := m.saver
	m.status.Changed()
	return func() tea.Msg {
		// The result also arrives on Results; this only makes sure the
		// save happens now rather than after the autosave pause.
		_ = s.Flush()
		return nil
	}
}

// quit saves synchronously and ends the program. The caller prints the
// draft's path and how to resume it once the terminal is restored.
func (m *Model) quit() tea.Cmd {
	m.notePosition()
	if m.saver != nil && !m.readOnly {
		held := m.unsavable()
		// The second ctrl+c after the warning quits without that text: the
		// draft on disk says so too (the text is printed on the way out).
		without := m.quitUnsaved && len(held) > 0
		d := m.draft
		if without {
			d = m.draft.Clone()
			d.Pending = nil
		}
		m.saver.Changed(d)
		err := m.saver.Flush()
		if len(held) > 0 && !m.quitUnsaved && err == nil {
			// Text that does not parse (a bad time) lives only on screen:
			// the draft keeps its last good value. Do not drop it silently:
			// show the first such field and say what to do.
			m.quitUnsaved = true
			show := m.showField(held[0].path)
			names := make([]string, len(held))
			for i, u := range held {
				names[i] = u.where
			}
			m.status.Say("Not saved: " + strings.Join(names, ", ") + " hold" + plural(len(held), "s", "") +
				" text pmwiz cannot store. Fix it, or press ctrl+c again to quit without it.")
			return show
		}
		if err != nil {
			if !m.quitArmed {
				// Do not leave with the work unsaved: say why, and let the
				// user fix it (free disk space, ctrl+s) or insist.
				if without {
					m.saver.Changed(m.draft) // staying: the text stays in the draft
				}
				m.quitArmed = true
				m.status.SaveFailed(err)
				m.status.Say("Not saved: " + model.SafeLine(err.Error()) + ". Fix it and press ctrl+s, or ctrl+c again to quit with a rescue copy.")
				return nil
			}
			m.rescue = writeRescue(d, m.name)
			m.finalErr = err
		}
		// Leaving without it (chosen, or with the save failing too): the
		// text is printed on the way out, never dropped silently.
		for _, u := range held {
			m.dropped = append(m.dropped, u.where+": "+model.SafeLine(u.text))
		}
		if without {
			clear(m.pending)
			m.draft.Pending = nil // Run's final save writes the draft as chosen
		}
	}
	m.quitting = true
	return tea.Quit
}

// unsavableText is text in a field that cannot be stored in the draft.
type unsavableText struct {
	path, where, text string
}

// unsavable lists, in step order, the fields whose text does not parse
// and so is not in the draft ("Timeline › Mitigated").
func (m *Model) unsavable() []unsavableText {
	var out []unsavableText
	if len(m.pending) == 0 {
		return nil
	}
	for _, st := range steps {
		for _, b := range st.fields(m.draft) {
			if t, ok := m.pending[b.path]; ok && strings.TrimSpace(t) != "" {
				out = append(out, unsavableText{path: b.path, where: st.title + " › " + b.label, text: t})
			}
		}
	}
	return append(out, m.pendingElsewhere(out)...)
}

// showField goes to the step holding the field at path and focuses it.
func (m *Model) showField(path string) tea.Cmd {
	for i, st := range steps {
		for _, b := range st.fields(m.draft) {
			if b.path != path {
				continue
			}
			return tea.Batch(m.goStep(i), m.buildFields(path))
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Dropped lists the text the user chose to quit without (ctrl+c twice
// while a field held text pmwiz cannot store), for Run to print once the
// terminal is restored, so it is still on their screen.
func (m Model) Dropped() []string { return m.dropped }

// writeRescue writes the draft to a private file in the temporary
// directory when it cannot be saved where it belongs, and returns its
// path ("" when even that fails).
func writeRescue(d *model.Draft, name string) string {
	b, err := model.Encode(d)
	if err != nil {
		return ""
	}
	if name == "" {
		name = "draft"
	}
	f, err := os.CreateTemp("", "pmwiz-rescue-"+model.SafeLine(filepath.Base(name))+"-*.json")
	if err != nil {
		return ""
	}
	_, werr := f.Write(b)
	serr := f.Sync()
	if cerr := f.Close(); werr != nil || serr != nil || cerr != nil {
		return ""
	}
	return f.Name()
}

// Rescue is the path of the rescue copy written when the draft could not
// be saved on quitting ("" when none was needed).
func (m Model) Rescue() string { return m.rescue }
