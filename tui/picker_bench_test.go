package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/store"
)

// BenchmarkPickerView10k is one frame of the picker over 10,000 drafts on
// a 60-line terminal: what every key press costs.
func BenchmarkPickerView10k(b *testing.B) {
	es := make([]store.Entry, 10000)
	for i := range es {
		es[i] = store.Entry{Name: fmt.Sprintf("d%05d", i), Title: fmt.Sprintf("Checkout outage #%d: payments failed", i), Updated: pickNow, MaxScore: 100, Score: 50}
	}
	m, _ := NewPicker(es, true, pickNow).Update(tea.WindowSizeMsg{Width: 100, Height: 60})
	p := m.(Picker)
	for b.Loop() {
		_ = p.View()
	}
}
