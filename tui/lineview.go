package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// lineView shows a window of a long text's lines: the preview's scroller.
// bubbles' viewport measures the width of every line whenever its content
// is set (for sideways scrolling): for the 1 MB draft's preview that was
// half of each render job while typing (~20 ms of a core, every refresh).
// lineView measures the lines it shows, and the widest line only when the
// reader scrolls sideways. It reads and scrolls as the viewport did with
// its keys off: the preview owns its keys.
type lineView struct {
	lines         []string
	width, height int
	y, x          int
	widest        int // the widest line's width; -1 until measured
}

// As bubbles' viewport: a notch of the wheel scrolls three lines, or six
// columns sideways (shift+wheel, or a sideways wheel).
const (
	wheelLines   = 3
	wheelColumns = 6
)

func newLineView() lineView { return lineView{widest: -1} }

// SetContent shows s, keeping the scroll position where it still fits
// (sideways, where it was).
func (v *lineView) SetContent(s string) {
	v.lines = strings.Split(s, "\n")
	if len(v.lines) == 1 && v.lines[0] == "" {
		v.lines = nil
	}
	v.widest = -1
	v.y = min(v.y, v.maxY())
}

// GetContent is the text shown, all of it.
func (v lineView) GetContent() string { return strings.Join(v.lines, "\n") }

func (v *lineView) SetWidth(w int)  { v.width = w }
func (v *lineView) SetHeight(h int) { v.height = h }
func (v lineView) Width() int       { return v.width }
func (v lineView) Height() int      { return v.height }
func (v lineView) YOffset() int     { return v.y }
func (v lineView) XOffset() int     { return v.x }

func (v lineView) maxY() int { return max(0, len(v.lines)-v.height) }

func (v *lineView) maxX() int {
	if v.widest < 0 {
		v.widest = 0
		for _, l := range v.lines {
			v.widest = max(v.widest, ansi.StringWidth(l))
		}
	}
	return max(0, v.widest-v.width)
}

func (v *lineView) SetYOffset(n int) { v.y = min(max(n, 0), v.maxY()) }

// SetXOffset scrolls sideways; at 0 it measures nothing.
func (v *lineView) SetXOffset(n int) {
	if n <= 0 {
		v.x = 0
		return
	}
	v.x = min(n, v.maxX())
}

// ScrollDown and ScrollUp move n lines; at (or, after the pane grew,
// past) the end, down stays where it is, as the viewport's does.
func (v *lineView) ScrollDown(n int) {
	if v.y < v.maxY() {
		v.SetYOffset(v.y + n)
	}
}

func (v *lineView) ScrollUp(n int) {
	if v.y > 0 {
		v.SetYOffset(v.y - n)
	}
}

func (v *lineView) PageDown()     { v.ScrollDown(v.height) }
func (v *lineView) PageUp()       { v.ScrollUp(v.height) }
func (v *lineView) HalfPageDown() { v.ScrollDown(v.height / 2) }
func (v *lineView) HalfPageUp()   { v.ScrollUp(v.height / 2) }
func (v *lineView) GotoTop()      { v.y = 0 }
func (v *lineView) GotoBottom()   { v.y = v.maxY() }

// ScrollPercent is how far down the view is, 0–1 (1 when all of it shows).
func (v lineView) ScrollPercent() float64 {
	if v.height >= len(v.lines) {
		return 1
	}
	return min(max(float64(v.y)/float64(len(v.lines)-v.height), 0), 1)
}

// Update scrolls with the mouse wheel.
func (v *lineView) Update(msg tea.Msg) {
	wheel, ok := msg.(tea.MouseWheelMsg)
	if !ok {
		return
	}
	shift := wheel.Mod.Contains(tea.ModShift)
	switch {
	case wheel.Button == tea.MouseWheelDown && !shift:
		v.ScrollDown(wheelLines)
	case wheel.Button == tea.MouseWheelUp && !shift:
		v.ScrollUp(wheelLines)
	case wheel.Button == tea.MouseWheelDown, wheel.Button == tea.MouseWheelRight:
		v.SetXOffset(v.x + wheelColumns)
	case wheel.Button == tea.MouseWheelUp, wheel.Button == tea.MouseWheelLeft:
		v.SetXOffset(v.x - wheelColumns)
	}
}

// View is the lines on screen, cut to the width and padded to width ×
// height.
func (v lineView) View() string {
	if v.width <= 0 || v.height <= 0 {
		return ""
	}
	shown := v.lines[min(v.y, len(v.lines)):min(v.y+v.height, len(v.lines))]
	cut := make([]string, len(shown))
	for i, l := range shown {
		if v.x > 0 || ansi.StringWidth(l) > v.width {
			l = ansi.Cut(l, v.x, v.x+v.width)
		}
		cut[i] = l
	}
	return lipgloss.NewStyle().Width(v.width).Height(v.height).Render(strings.Join(cut, "\n"))
}
