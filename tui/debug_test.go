package tui

import (
	"fmt"
	"testing"
)

func TestDebugView(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.typ("Checkout failed")
	fmt.Println(h.view())
	h.goStep(2).typ("2026-11-23 14:05").press("tab").typ("14:2x")
	fmt.Println(h.view())
	h = newHarness(t, nil, 60, 20)
	fmt.Println(h.view())
	h = newHarness(t, nil, 20, 5)
	fmt.Println(h.view())
}
