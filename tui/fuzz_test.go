package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// fuzzKeys are the keys a fuzzed session presses, indexed by input bytes.
var fuzzKeys = []string{
	"tab", "shift+tab", "enter", "up", "down", "left", "right", "space", "backspace",
	"pgdown", "pgup", "ctrl+o", "ctrl+x", "ctrl+z", "alt+up", "alt+down", "ctrl+p",
	"shift+down", "f1", "esc", "?", "a", "1", ":", "home", "end",
}

// FuzzWizard drives the wizard with arbitrary keys, pastes and window
// sizes: it must never panic, never draw outside the window, and never
// lose the draft's title (typed text may change it, never blank it by
// itself).
func FuzzWizard(f *testing.F) {
	f.Add([]byte{9, 9, 2, 11, 21, 22, 0, 3, 200, 5}, "pasted\x1b[2J text\r\nline two")
	f.Add([]byte{250, 251, 12, 13, 14, 15, 16, 17}, "")
	f.Add([]byte{9, 11, 11, 11, 2, 2, 2, 12, 12, 13}, strings.Repeat("x\n", 50))
	f.Fuzz(func(t *testing.T, script []byte, paste string) {
		dark := true
		m := New(filledDraft(), Options{Dark: &dark, Saver: newFakeSaver(), Now: func() time.Time { return testNow }})
		w, h := 100, 30
		send := func(msg tea.Msg) {
			nm, _ := m.Update(msg)
			m = nm.(Model)
		}
		send(tea.WindowSizeMsg{Width: w, Height: h})
		for i, b := range script {
			switch {
			case b >= 250: // resize
				w, h = 1+int(script[(i+1)%len(script)])%140, 1+int(b)%50
				send(tea.WindowSizeMsg{Width: w, Height: h})
			case b >= 200:
				send(tea.PasteMsg{Content: paste})
			default:
				send(keyMsg(fuzzKeys[int(b)%len(fuzzKeys)]))
			}
			view := m.View().Content
			lines := strings.Split(view, "\n")
			if len(lines) > h {
				t.Fatalf("%d lines in a %d-line window", len(lines), h)
			}
			for _, ln := range lines {
				if ansiWidth(ln) > w {
					t.Fatalf("a line of width %d in a %d-column window", ansiWidth(ln), w)
				}
			}
			if strings.Contains(view, "\x1b[2J") {
				t.Fatal("a pasted escape sequence reached the screen")
			}
		}
		if _, err := model.Encode(m.Draft()); err != nil {
			t.Fatalf("the edited draft does not encode: %v", err)
		}
	})
}
