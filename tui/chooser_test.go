package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/pmwiz/pmwiz/records"
)

func chooserEvents() []records.Event {
	base := time.Date(2026, 11, 23, 13, 40, 0, 0, time.UTC)
	texts := []struct{ who, text string }{
		{"deployer", "deploy 4.12 started"},
		{"PagerDuty", "alert: checkout 5xx above 5%"},
		{"ana", "looking"},
		{"ben", "rolled back to 4.11"},
		{"ana", "error rate falling \x1b[2J"},
		{"ben", "resolved, all clear"},
	}
	var out []records.Event
	for i, t := range texts {
		out = append(out, records.Event{At: base.Add(time.Duration(i) * 5 * time.Minute), Source: "#incident", Who: t.who, Text: t.text})
	}
	return out
}

func choose(c *Chooser, keys ...string) {
	for _, k := range keys {
		c.Update(keyMsg(k))
	}
}

func chooserScreen(c *Chooser) string { return ansi.Strip(c.View()) }

func TestChooserKeepAndMark(t *testing.T) {
	c := NewChooser(chooserEvents(), time.UTC)
	c.SetSize(120, 20)
	scr := chooserScreen(c)
	for _, want := range []string{"6 of 6 kept", "[x] 11-23 13:40:00  #incident", "deployer: deploy 4.12 started",
		"suggested: detection", "suggested: mitigation", "suggested: end", "detection? 13:45:00"} {
		if !strings.Contains(scr, want) {
			t.Errorf("screen lacks %q:\n%s", want, scr)
		}
	}
	if strings.Contains(c.View(), "\x1b[2J") {
		t.Errorf("an escape sequence from the record reached the screen")
	}
	// Suggestions are not marks: enter now sets nothing.
	choose(c, "down", "down", "space")    // drop "looking"
	choose(c, "up", "up", "up", "ctrl+d") // space moved down a line: back to the deploy, marked as detection against the suggestion
	if !strings.Contains(chooserScreen(c), "◆ detection") {
		t.Errorf("mark not shown:\n%s", chooserScreen(c))
	}
	choose(c, "enter")
	r, ok := c.Result()
	if !ok {
		t.Fatal("enter did not finish")
	}
	if fmt.Sprint(r.Keep) != "[0 1 3 4 5]" {
		t.Errorf("kept %v", r.Keep)
	}
	if len(r.Marks) != 1 || r.Marks[records.MomentDetected] != 0 {
		t.Errorf("marks %v, want only detection on the deploy", r.Marks)
	}
}

func TestChooserFilterAsYouType(t *testing.T) {
	c := NewChooser(chooserEvents(), time.UTC)
	c.SetSize(100, 20)
	choose(c, "b", "e", "n")
	scr := chooserScreen(c)
	if !strings.Contains(scr, "filter: ben") || !strings.Contains(scr, "2 match") || strings.Contains(scr, "deploy 4.12") {
		t.Fatalf("filter ben:\n%s", scr)
	}
	// space drops the line under the cursor, in the filtered list.
	choose(c, "space")
	choose(c, "backspace", "backspace", "backspace", "z", "z", "z")
	if !strings.Contains(chooserScreen(c), "no event matches") {
		t.Errorf("no-match screen:\n%s", chooserScreen(c))
	}
	choose(c, "esc") // clears the filter, does not leave
	if c.Cancelled() || !strings.Contains(chooserScreen(c), "5 of 6 kept") {
		t.Fatalf("esc with a filter:\n%s", chooserScreen(c))
	}
	// ctrl+a keeps everything shown (one was dropped), then drops it all.
	choose(c, "ctrl+a")
	if !strings.Contains(chooserScreen(c), "6 of 6 kept") {
		t.Errorf("ctrl+a:\n%s", chooserScreen(c))
	}
	choose(c, "ctrl+a")
	if !strings.Contains(chooserScreen(c), "0 of 6 kept") || !strings.Contains(chooserScreen(c), "[ ] 11-23 13:40:00") {
		t.Errorf("ctrl+a again:\n%s", chooserScreen(c))
	}
	choose(c, "esc")
	if _, ok := c.Result(); ok || !c.Cancelled() {
		t.Errorf("esc without a filter should leave without adding")
	}
}

func TestChooserTakeSuggestionsAndUnmark(t *testing.T) {
	c := NewChooser(chooserEvents(), time.UTC)
	choose(c, "down", "space") // drop the alert…
	choose(c, "ctrl+y")        // …taking the suggestions keeps it again
	choose(c, "ctrl+e")        // cursor on "looking": end moves here
	choose(c, "ctrl+e")        // and off again
	choose(c, "enter")
	r, _ := c.Result()
	want := map[records.Moment]int{records.MomentDetected: 1, records.MomentMitigated: 3}
	if fmt.Sprint(r.Marks) != fmt.Sprint(want) {
		t.Errorf("marks %v, want %v", r.Marks, want)
	}
	if fmt.Sprint(r.Keep) != "[0 1 2 3 4 5]" {
		t.Errorf("kept %v", r.Keep)
	}
}

// TestChooserTinyTerminal: a terminal of a few cells still draws without
// panicking, and the cursor stays in the list.
func TestChooserTinyTerminal(t *testing.T) {
	c := NewChooser(chooserEvents(), time.UTC)
	for _, size := range [][2]int{{1, 1}, {10, 3}, {0, 0}} {
		c.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		choose(c, "down", "down", "down", "down", "down", "down", "down", "up")
		_ = c.View()
	}
	if c.current() != 4 {
		t.Errorf("cursor on %d, want 4", c.current())
	}
}

// BenchmarkChooserKeystroke: one filter keystroke and the redraw, with
// 2,000 candidates (the most timeline add offers).
func BenchmarkChooserKeystroke(b *testing.B) {
	var events []records.Event
	base := time.Date(2026, 11, 23, 13, 0, 0, 0, time.UTC)
	for i := range 2000 {
		events = append(events, records.Event{At: base.Add(time.Duration(i) * time.Second), Source: "app.log",
			Who: "checkout", Text: fmt.Sprintf("request %d served in %d ms by pod checkout-7d9f", i, i%300)})
	}
	c := NewChooser(events, time.UTC)
	c.SetSize(120, 40)
	keys := []tea.KeyPressMsg{keyMsg("1"), keyMsg("2"), keyMsg("backspace"), keyMsg("backspace"), keyMsg("down"), keyMsg("space")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Update(keys[i%len(keys)])
		_ = c.View()
		i++
	}
}

// TestChooserGolden: the chooser at 100×16 with a mark, a dropped line and
// the suggestions, ANSI-stripped. `go test ./tui -run ChooserGolden -update`
// after an intended change, then read the diff.
func TestChooserGolden(t *testing.T) {
	c := NewChooser(chooserEvents(), time.UTC)
	c.SetSize(100, 16)
	choose(c, "down", "down", "space", "down", "ctrl+t")
	golden.RequireEqual(t, chooserScreen(c))
}
