package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// conflictedDraft is a merge of two edits that both changed the summary
// and the second event.
func conflictedDraft(t *testing.T) *model.Draft {
	t.Helper()
	b := model.New("Checkout", time.Date(2026, 11, 23, 16, 0, 0, 0, time.UTC))
	b.Summary = "Base summary."
	b.Timeline.Events = []model.Event{{Text: "First."}, {Text: "Second."}}
	model.AssignIDs(b)
	o, th := b.Clone(), b.Clone()
	o.Summary, th.Summary = "Ours summary.", "Theirs summary."
	o.Timeline.Events[1].Text, th.Timeline.Events[1].Text = "Ours second.", "Theirs second."
	d, conflicts, err := model.Merge(b, o, th)
	if err != nil || len(conflicts) != 2 {
		t.Fatalf("%v %+v", err, conflicts)
	}
	return d
}

type conflictsHarness struct {
	t       *testing.T
	m       conflictsModel
	saved   []*model.Draft
	saveErr error
	quit    bool
}

func newConflictsHarness(t *testing.T, d *model.Draft, w, h int) *conflictsHarness {
	ch := &conflictsHarness{t: t}
	ch.m = newConflictsModel(d, NewStyles(true, true), func(d *model.Draft) error {
		ch.saved = append(ch.saved, d)
		return ch.saveErr
	})
	ch.send(tea.WindowSizeMsg{Width: w, Height: h})
	return ch
}

func (ch *conflictsHarness) send(msg tea.Msg) {
	next, cmd := ch.m.Update(msg)
	ch.m = next.(conflictsModel)
	if cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			ch.quit = true
		}
	}
}

func (ch *conflictsHarness) press(keys ...string) *conflictsHarness {
	for _, k := range keys {
		ch.send(keyMsg(k))
	}
	return ch
}

func (ch *conflictsHarness) screen() string { return ansi.Strip(ch.m.render()) }

func TestConflictsScreenShowsBothVersionsAndTakesTheirs(t *testing.T) {
	ch := newConflictsHarness(t, conflictedDraft(t), 90, 30)
	s := ch.screen()
	for _, want := range []string{"Merge conflict 1 of 2", "summary", "Ours summary.", "Theirs summary.", "Base summary.", "t take theirs", "c combine"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	ch.press("t")
	if len(ch.saved) != 1 || ch.saved[0].Summary != "Theirs summary." || len(ch.saved[0].Conflicts) != 1 {
		t.Fatalf("saved %+v", ch.saved)
	}
	if s := ch.screen(); !strings.Contains(s, "Merge conflict 1 of 1") || !strings.Contains(s, "timeline.events[1].text") || !strings.Contains(s, "Settled summary.") {
		t.Errorf("after t:\n%s", s)
	}
	ch.press("o")
	if !ch.quit || len(ch.m.draft.Conflicts) != 0 || ch.m.draft.Timeline.Events[1].Text != "Ours second." {
		t.Errorf("the last choice should end the screen with nothing left: quit %v, %+v", ch.quit, ch.m.draft)
	}
	if s := ch.screen(); !strings.Contains(s, "settled") { // bubbletea draws once more after the last choice
		t.Errorf("last frame:\n%s", s)
	}
}

func TestConflictsScreenCombinesBothTexts(t *testing.T) {
	ch := newConflictsHarness(t, conflictedDraft(t), 90, 30)
	ch.press("c")
	if s := ch.screen(); !strings.Contains(s, "Combined") || !strings.Contains(s, "Ours summary.") || !strings.Contains(s, "Theirs summary.") {
		t.Fatalf("editor:\n%s", s)
	}
	ch.press("end")
	for _, r := range " Both." {
		ch.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	ch.press("ctrl+s")
	if len(ch.saved) != 1 || ch.saved[0].Summary != "Ours summary.\nTheirs summary. Both." {
		t.Fatalf("saved summary %q", ch.saved[0].Summary)
	}
}

func TestConflictsScreenEscGoesOnAndCtrlCQuits(t *testing.T) {
	ch := newConflictsHarness(t, conflictedDraft(t), 90, 30)
	ch.press("n")
	if !strings.Contains(ch.screen(), "timeline.events[1].text") {
		t.Errorf("n should show the next conflict:\n%s", ch.screen())
	}
	ch.press("esc")
	if !ch.quit || ch.m.quit || len(ch.saved) != 0 {
		t.Errorf("esc should go on to the wizard, leaving the conflicts: quit %v, pmwiz quit %v, saved %d", ch.quit, ch.m.quit, len(ch.saved))
	}
	ch = newConflictsHarness(t, conflictedDraft(t), 90, 30)
	ch.press("ctrl+c")
	if !ch.quit || !ch.m.quit {
		t.Error("ctrl+c should quit pmwiz")
	}
}

func TestConflictsScreenFitsATinyTerminal(t *testing.T) {
	d := conflictedDraft(t)
	d.Conflicts[0].Ours = strings.Repeat("A long line of ours that wraps. ", 40)
	ch := newConflictsHarness(t, d, 30, 10)
	for i, line := range strings.Split(ch.screen(), "\n") {
		if w := ansi.StringWidth(line); w > 30 {
			t.Errorf("line %d is %d cells wide: %q", i, w, line)
		}
	}
	if !strings.Contains(ch.screen(), "more lines") {
		t.Errorf("a cut text should say so:\n%s", ch.screen())
	}
}

func TestConflictsScreenNeutralisesEscapes(t *testing.T) {
	d := conflictedDraft(t)
	d.Conflicts[0].Theirs = "evil \x1b]0;owned\x07 title"
	ch := newConflictsHarness(t, d, 90, 30)
	if strings.Contains(ch.m.render(), "\x1b]0;") {
		t.Error("an escape sequence from the draft reached the terminal")
	}
}

func TestConflictsScreenSaysWhenAChoiceIsNotSaved(t *testing.T) {
	ch := newConflictsHarness(t, conflictedDraft(t), 90, 30)
	ch.saveErr = errors.New("no space left on device")
	ch.press("t", "o")
	if ch.quit {
		t.Error("the screen closed although the last choice is not on disk")
	}
	if s := ch.screen(); !strings.Contains(s, "not saved yet: no space left on device") {
		t.Errorf("screen:\n%s", s)
	}
}
