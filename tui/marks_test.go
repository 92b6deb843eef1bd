package tui

import (
	"testing"
)

// The mark the wizard keeps while typing must be the one stepMark gives
// the same draft from scratch, after every kind of edit: emptying a
// field, filling it again, adding an entry.
func TestStepMarkFollowsEditsAsStepMarkWouldCompute(t *testing.T) {
	d := filledDraft()
	d.Timeline.Events = d.Timeline.Events[:1]
	h := newHarness(t, d, 100, 30)
	h.goTo("timeline") // Timeline
	check := func(when, want string) {
		t.Helper()
		fresh := stepMark(steps[h.m.step], h.m.draft)
		if got := h.m.stepList.marks[h.m.step]; got != fresh || got != want {
			t.Errorf("%s: mark %q, stepMark says %q, want %q", when, got, fresh, want)
		}
	}
	check("on arrival", "yes")
	h.focusPath("timeline.events[0].text")
	for range len(d.Timeline.Events[0].Text) {
		h.press("backspace")
	}
	if got := h.m.draft.Timeline.Events[0].Text; got != "" {
		t.Fatalf("event text not emptied: %q", got)
	}
	check("after emptying an event", "partial")
	h.typ("Paged the on-call engineer")
	check("after filling it again", "yes")
	h.focusPath("timeline.events+").press("enter")
	if len(h.m.draft.Timeline.Events) != 2 {
		t.Fatalf("enter on add made %d events", len(h.m.draft.Timeline.Events))
	}
	check("after adding an empty event", "partial")
	h.focusPath("timeline.end")
	for range 20 {
		h.press("backspace")
	}
	if h.m.draft.Timeline.End != nil {
		t.Fatalf("end not cleared: %v", h.m.draft.Timeline.End)
	}
	check("after clearing the end", "partial")
}
