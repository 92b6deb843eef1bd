package tui

import (
	"strings"
	"testing"

	bkey "charm.land/bubbles/v2/key"
)

// Every key goes through the keymap: rebinding toggle moves the toggling
// to the new key, and the old key no longer toggles.
func TestRebindingToggleMovesTheBehaviour(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.m.keys.Toggle = bkey.NewBinding(bkey.WithKeys("x"), bkey.WithHelp("x", "toggle"))
	h.goTo("lessons").focusPath("action_items+").press("enter").typ("Validate timeouts")
	h.focusPath("action_items[0].done")
	h.press("space")
	if h.m.Draft().ActionItems[0].Done {
		t.Fatal("space still toggles after toggle was rebound to x")
	}
	h.press("x")
	if !h.m.Draft().ActionItems[0].Done {
		t.Fatal("x does not toggle after toggle was rebound to it")
	}
	h.press("f1")
	if v := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(v, "x toggle") || strings.Contains(v, "space toggle") {
		t.Errorf("the help does not name the new key:\n%s", h.view())
	}
}

// Rebinding enter moves "next field" off the enter key on a line field.
func TestRebindingEnterMovesTheBehaviour(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.m.keys.Enter = bkey.NewBinding(bkey.WithKeys("ctrl+j"))
	h.focusPath("title").press("enter")
	if got := h.m.FocusedPath(); got != "title" {
		t.Fatalf("enter still moves on after it was rebound: focus %q", got)
	}
	h.press("ctrl+j")
	if got := h.m.FocusedPath(); got == "title" {
		t.Fatal("the new key does not move to the next field")
	}
}

// The picker's keys are its keymap's too.
func TestRebindingThePickersOpenKey(t *testing.T) {
	p := NewPicker(nil, true, testNow)
	p.keys.Open = bkey.NewBinding(bkey.WithKeys("o"))
	m, _ := p.Update(keyMsg("enter"))
	if _, ok := m.(Picker).Choice(); ok {
		t.Fatal("enter still opens after open was rebound")
	}
	m, _ = m.Update(keyMsg("o"))
	if c, ok := m.(Picker).Choice(); !ok || !c.New {
		t.Fatalf("o does not open the row under the cursor: %+v %v", c, ok)
	}
}
