package tui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// lineView reads and scrolls as bubbles' viewport with its keys off,
// which the preview used before: the same screen and scroll position
// after any run of scrolls, wheel notches, resizes and new content.
func TestLineViewScrollsAsTheViewport(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 1))
	content := func() string {
		var b strings.Builder
		for i := range rng.IntN(120) {
			fmt.Fprintf(&b, "\x1b[1mline %d\x1b[0m %s\n", i, strings.Repeat("wide ", rng.IntN(30)))
		}
		return strings.TrimRight(b.String(), "\n")
	}
	wheel := func(b tea.MouseButton, shift bool) tea.MouseWheelMsg {
		m := tea.MouseWheelMsg{Button: b}
		if shift {
			m.Mod = tea.ModShift
		}
		return m
	}
	for round := range 200 {
		vp := viewport.New()
		vp.KeyMap = viewport.KeyMap{}
		lv := newLineView()
		var did []string
		for step := range 30 {
			switch op := rng.IntN(9); op {
			case 0:
				s := content()
				vp.SetContent(s)
				lv.SetContent(s)
				did = append(did, "content")
			case 1:
				w, h := 1+rng.IntN(90), 1+rng.IntN(40)
				vp.SetWidth(w)
				vp.SetHeight(h)
				lv.SetWidth(w)
				lv.SetHeight(h)
				did = append(did, fmt.Sprintf("size %dx%d", w, h))
			case 2:
				vp.PageDown()
				lv.PageDown()
				did = append(did, "pgdn")
			case 3:
				vp.HalfPageUp()
				lv.HalfPageUp()
				did = append(did, "½pgup")
			case 4:
				n := rng.IntN(7)
				vp.ScrollDown(n)
				lv.ScrollDown(n)
				did = append(did, fmt.Sprintf("down %d", n))
			case 5:
				vp.GotoBottom()
				lv.GotoBottom()
				did = append(did, "bottom")
			case 6:
				vp.GotoTop()
				lv.GotoTop()
				did = append(did, "top")
			default:
				b := []tea.MouseButton{tea.MouseWheelDown, tea.MouseWheelUp, tea.MouseWheelLeft, tea.MouseWheelRight}[rng.IntN(4)]
				m := wheel(b, rng.IntN(3) == 0)
				vp, _ = vp.Update(m)
				lv.Update(m)
				did = append(did, m.String())
			}
			if vp.View() != lv.View() || vp.YOffset() != lv.YOffset() || vp.XOffset() != lv.XOffset() || vp.ScrollPercent() != lv.ScrollPercent() {
				t.Fatalf("round %d step %d after %v:\nviewport (y %d, x %d, %.3f)\n%s\nlineView (y %d, x %d, %.3f)\n%s", round, step, did,
					vp.YOffset(), vp.XOffset(), vp.ScrollPercent(), vp.View(), lv.YOffset(), lv.XOffset(), lv.ScrollPercent(), lv.View())
			}
		}
	}
}
