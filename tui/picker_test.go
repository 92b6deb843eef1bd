package tui

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

var pickNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

func pickerEntries() []store.Entry {
	return []store.Entry{
		{Name: "2026-11-24-checkout", Title: "Checkout outage", Status: model.StatusDraft, Score: 42, MaxScore: 100, Updated: pickNow.Add(-2 * time.Hour)},
		{Name: "2026-11-23-dns", Title: "DNS \x1b[2Jcleared", Status: model.StatusReview, Score: 80, MaxScore: 100, Updated: pickNow.Add(-26 * time.Hour),
			LockedBy: &store.LockedError{Name: "2026-11-23-dns", PID: 4242}},
		{Name: "broken", Updated: pickNow.Add(-5 * time.Minute), Err: &store.LoadError{Err: errors.New("schema: written by a newer pmwiz")}},
	}
}

func key(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	return tea.KeyPressMsg{Code: rune(s[0]), Text: s}
}

func press(t *testing.T, p Picker, keys ...string) (Picker, tea.Cmd) {
	t.Helper()
	var cmd tea.Cmd
	for _, k := range keys {
		var m tea.Model
		m, cmd = p.Update(key(k))
		p = m.(Picker)
	}
	return p, cmd
}

func view(p Picker) string { return ansi.Strip(p.View().Content) }

func TestPickerShowsDraftsNewestFirstWithNewOnTop(t *testing.T) {
	p := NewPicker(pickerEntries(), true, pickNow)
	m, _ := p.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	v := view(m.(Picker))
	lines := strings.Split(v, "\n")
	if !strings.Contains(lines[0], "Pick a post-mortem") || !strings.Contains(lines[0], "3 drafts") {
		t.Errorf("header: %q", lines[0])
	}
	want := [][]string{
		{"›", "Start a new post-mortem"},
		{"Checkout outage", "draft", "42/100", "2 h ago"},
		{"DNS", "cleared", "review", "yesterday", "open elsewhere (pid 4242)"},
		{"broken", "cannot be read", "newer pmwiz"},
	}
	for i, w := range want {
		for _, s := range w {
			if !strings.Contains(lines[2+i], s) {
				t.Errorf("row %d %q does not show %q", i, lines[2+i], s)
			}
		}
	}
	if strings.Contains(m.(Picker).View().Content, "\x1b[2J") {
		t.Error("a title's escape sequence reached the screen")
	}
	if !strings.Contains(v, "n new") || !strings.Contains(v, "esc quit") {
		t.Errorf("help line missing:\n%s", v)
	}
}

func TestPickerChoices(t *testing.T) {
	tests := []struct {
		name     string
		offerNew bool
		keys     []string
		want     PickerChoice
		ok       bool
	}{
		{"enter on new", true, []string{"enter"}, PickerChoice{New: true}, true},
		{"n key", true, []string{"down", "n"}, PickerChoice{New: true}, true},
		{"first draft", true, []string{"down", "enter"}, PickerChoice{Name: "2026-11-24-checkout"}, true},
		{"j/k", true, []string{"j", "j", "k", "enter"}, PickerChoice{Name: "2026-11-24-checkout"}, true},
		{"clamped at the end", true, []string{"end", "down", "down", "enter"}, PickerChoice{Name: "broken"}, true},
		{"clamped at the top", false, []string{"up", "up", "enter"}, PickerChoice{Name: "2026-11-24-checkout"}, true},
		{"no new row for resume", false, []string{"n", "enter"}, PickerChoice{Name: "2026-11-24-checkout"}, true},
		{"esc", true, []string{"down", "esc"}, PickerChoice{}, false},
		{"q", true, []string{"q"}, PickerChoice{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, cmd := press(t, NewPicker(pickerEntries(), tt.offerNew, pickNow), tt.keys...)
			got, ok := p.Choice()
			if got != tt.want || ok != tt.ok {
				t.Errorf("Choice() = %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
			if cmd == nil {
				t.Fatal("the last key did not quit the picker")
			}
			if _, quit := cmd().(tea.QuitMsg); !quit {
				t.Error("the last key's command is not tea.Quit")
			}
		})
	}
}

func TestPickerFilter(t *testing.T) {
	p, _ := press(t, NewPicker(pickerEntries(), true, pickNow), "/", "d", "n", "s")
	v := view(p)
	if !strings.Contains(v, "/dns") || !strings.Contains(v, "1 of 3 drafts") || strings.Contains(v, "Checkout") || strings.Contains(v, "Start a new") {
		t.Fatalf("filtered view:\n%s", v)
	}
	// "n" typed into the filter is text, not "new".
	if _, ok := p.Choice(); ok {
		t.Fatal("typing in the filter picked something")
	}
	q, cmd := press(t, p, "enter")
	if c, ok := q.Choice(); !ok || c.Name != "2026-11-23-dns" || cmd == nil {
		t.Fatalf("enter on the filtered list = %+v %v", c, ok)
	}
	// Backspace widens; a filter matching nothing says so and enter does nothing.
	p, _ = press(t, p, "backspace", "backspace", "backspace", "z", "z")
	if v := view(p); !strings.Contains(v, "no draft matches") {
		t.Fatalf("no-match view:\n%s", v)
	}
	if q, _ := press(t, p, "enter"); q.choice != nil {
		t.Fatal("enter with nothing listed picked something")
	}
	// Esc clears the filter and brings back everything, "new" first.
	p, _ = press(t, p, "esc")
	if v := view(p); !strings.Contains(v, "› + Start a new") || !strings.Contains(v, "3 drafts") {
		t.Fatalf("after esc:\n%s", v)
	}
	if p.quit {
		t.Fatal("esc in the filter quit the picker")
	}
	// Titles match too, ignoring case.
	p, _ = press(t, NewPicker(pickerEntries(), false, pickNow), "/", "C", "H", "E", "C", "K", "enter")
	if c, _ := p.Choice(); c.Name != "2026-11-24-checkout" {
		t.Fatalf("title filter picked %+v", c)
	}
}

func TestPickerScrollsOnASmallScreen(t *testing.T) {
	var es []store.Entry
	for i := range 50 {
		es = append(es, store.Entry{Name: "d" + string(rune('A'+i%26)) + string(rune('a'+i/26)), Title: "Draft", Updated: pickNow})
	}
	p := NewPicker(es, true, pickNow)
	m, _ := p.Update(tea.WindowSizeMsg{Width: 30, Height: 8})
	p = m.(Picker)
	p, _ = press(t, p, "end")
	v := view(p)
	if n := len(strings.Split(v, "\n")); n > 8 {
		t.Errorf("view is %d lines on an 8-line screen:\n%s", n, v)
	}
	if !strings.Contains(v, "› "+es[49].Title) {
		t.Errorf("cursor row not on screen after End:\n%s", v)
	}
	for _, line := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(line); w > 30 {
			t.Errorf("line %q is %d cells on a 30-cell screen", line, w)
		}
	}
	// Tiny screens do not crash.
	for _, size := range [][2]int{{1, 1}, {0, 0}, {5, 2}} {
		m, _ := p.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		_ = m.(Picker).View()
	}
}

func TestAgo(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{10 * time.Second, "just now"},
		{5 * time.Minute, "5 min ago"},
		{2*time.Hour + 59*time.Minute, "2 h ago"},
		{30 * time.Hour, "yesterday"},
		{3 * 24 * time.Hour, "3 days ago"},
		{30 * 24 * time.Hour, pickNow.Add(-30 * 24 * time.Hour).Local().Format("2006-01-02")},
	}
	for _, tt := range tests {
		if got := Ago(pickNow, pickNow.Add(-tt.d)); got != tt.want {
			t.Errorf("Ago(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
	if got := Ago(pickNow, time.Time{}); got != "never" {
		t.Errorf("Ago(zero) = %q", got)
	}
}

// renderAt renders the picker at a fixed size in the ANSI (16-colour)
// profile, the way a plain terminal would show it.
func renderAt(t *testing.T, p Picker, w, h int) []byte {
	t.Helper()
	m, _ := p.Update(tea.WindowSizeMsg{Width: w, Height: h})
	var buf bytes.Buffer
	cw := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.ANSI}
	if _, err := cw.Write([]byte(m.(Picker).View().Content)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPickerGolden(t *testing.T) {
	p := NewPicker(pickerEntries(), true, pickNow)
	p, _ = press(t, p, "down")
	golden.RequireEqual(t, renderAt(t, p, 80, 12))
}

// Two drafts with the same title (a second "pmwiz new" on the same
// outage) are told apart by their names; scores read as "pmwiz score"
// prints them.
func TestPickerTellsApartDraftsWithOneTitle(t *testing.T) {
	entries := []store.Entry{
		{Name: "2026-11-24-checkout-outage-2", Title: "Checkout outage", Status: model.StatusDraft, Score: 97.5, MaxScore: 100, Updated: pickNow},
		{Name: "2026-11-24-checkout-outage", Title: "Checkout outage", Status: model.StatusDraft, Score: 10, MaxScore: 100, Updated: pickNow.Add(-time.Hour)},
		{Name: "2026-11-23-dns", Title: "DNS", Status: model.StatusDraft, Score: 10, MaxScore: 100, Updated: pickNow.Add(-time.Hour)},
	}
	out := view(NewPicker(entries, false, pickNow))
	for _, want := range []string{"2026-11-24-checkout-outage-2 · draft · 97.5/100", "2026-11-24-checkout-outage · draft"} {
		if !strings.Contains(out, want) {
			t.Errorf("picker does not show %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "2026-11-23-dns") {
		t.Errorf("a unique title does not need its name:\n%s", out)
	}
}
