package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func pagerStep(t *testing.T, m tea.Model, msg tea.Msg) (Pager, tea.Cmd) {
	t.Helper()
	m, cmd := m.Update(msg)
	return m.(Pager), cmd
}

const pagerDoc = "# Checkout outage\n\n## Summary\n\nPayments failed for 85 minutes.\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 14:05 | **Impact began** |\n"

func TestPagerRendersAtTheTerminalWidthAndQuits(t *testing.T) {
	var p tea.Model = NewPager("Checkout outage", pagerDoc, "notty", 0)
	pg, cmd := pagerStep(t, p, tea.WindowSizeMsg{Width: 50, Height: 12})
	if cmd == nil {
		t.Fatal("no render after the first size")
	}
	pg, _ = pagerStep(t, pg, cmd())
	golden.RequireEqual(t, ansi.Strip(pg.View().Content))
	if !pg.View().AltScreen {
		t.Error("the pager should use the alternate screen")
	}
	_, cmd = pagerStep(t, pg, tea.KeyPressMsg{Code: 'q', Text: "q"})
	if cmd == nil || cmd() != tea.Quit() {
		t.Error("q should quit")
	}
}

func TestPagerAutoStyleFollowsTheBackground(t *testing.T) {
	p := NewPager("T", pagerDoc, "auto", 0)
	if p.Init() == nil {
		t.Fatal("auto style should ask the terminal for its background")
	}
	pg, cmd := pagerStep(t, p, tea.WindowSizeMsg{Width: 50, Height: 12})
	pg, _ = pagerStep(t, pg, cmd())
	if pg.preview.style != "dark" {
		t.Errorf("before the terminal answers the style is %q, want dark", pg.preview.style)
	}
	pg, cmd = pagerStep(t, pg, tea.BackgroundColorMsg{Color: ansiWhite{}})
	if cmd == nil || pg.preview.style != "light" {
		t.Fatalf("a light background should re-render light, style %q", pg.preview.style)
	}
	fixed := NewPager("T", pagerDoc, "dark", 0)
	if fixed.Init() != nil {
		t.Error("an explicit style should not query the terminal")
	}
}

func TestPagerFixedWidth(t *testing.T) {
	pg, cmd := pagerStep(t, NewPager("T", strings.Repeat("word ", 200), "notty", 30), tea.WindowSizeMsg{Width: 100, Height: 10})
	pg, _ = pagerStep(t, pg, cmd())
	for _, line := range strings.Split(ansi.Strip(pg.preview.View()), "\n") {
		if w := ansi.StringWidth(strings.TrimRight(line, " ")); w > 30 {
			t.Fatalf("line wider than --width 30: %d %q", w, line)
		}
	}
}

type ansiWhite struct{}

func (ansiWhite) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestPagerStatusBarFitsAWideTitle(t *testing.T) {
	// Each of these characters takes two cells: a title cut by runes
	// overflowed the status bar, and the terminal wrapped it.
	title := strings.Repeat("決済障害", 10)
	var p tea.Model = NewPager(title, pagerDoc, "notty", 0)
	pg, cmd := pagerStep(t, p, tea.WindowSizeMsg{Width: 50, Height: 12})
	pg, _ = pagerStep(t, pg, cmd())
	lines := strings.Split(ansi.Strip(pg.View().Content), "\n")
	bar := lines[len(lines)-1]
	if w := ansi.StringWidth(bar); w > 50 {
		t.Errorf("status bar is %d cells wide on a 50-cell terminal: %q", w, bar)
	}
	if !strings.Contains(bar, "…") {
		t.Errorf("a title too long for the bar should end in …: %q", bar)
	}
}
