package tui

import (
	"strings"
	"testing"
)

// TestFieldHeadIsTheStartOfItsValue: head reads the start of a long text
// field, window or not, exactly as Value would give it.
func TestFieldHeadIsTheStartOfItsValue(t *testing.T) {
	d := filledDraft()
	d.Summary = strings.Repeat("The replica caught up with the primary again.\n", 4000)
	m := sized(t, d)
	for m.FocusedPath() != "summary" {
		nm, _ := m.Update(keyMsg("tab"))
		m = nm.(Model)
	}
	f := m.focused()
	if f.pre == nil && f.post == nil {
		t.Fatal("the summary is not windowed: the test reads nothing outside the window")
	}
	v := f.Value()
	for _, n := range []int{0, 1, 46, 47, 48, 1000, 64 << 10, len(v), len(v) + 10} {
		if got, want := f.head(n), v[:min(n, len(v))]; got != want {
			t.Fatalf("head(%d) = %d bytes %q…, want %d bytes", n, len(got), got[:min(len(got), 40)], len(want))
		}
	}
}
