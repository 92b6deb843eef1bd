package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTmuxTimelineAdd: on a terminal, timeline add opens the chooser; the
// user filters to the alert, marks it as the detection, adds the events,
// and the wizard shows them when the draft is resumed.
func TestTmuxTimelineAdd(t *testing.T) {
	bin := buildPmwiz(t)
	dir := t.TempDir()
	path := seedIncident(t, dir)
	chatAbs, err := filepath.Abs(chat)
	if err != nil {
		t.Fatal(err)
	}

	tm := startTmux(t, dir, bin+" timeline add checkout "+shellQuote(chatAbs))
	scr := tm.waitFor("Add events to the timeline")
	if !strings.Contains(scr, "8 of 8 kept") || !strings.Contains(scr, "suggested: detection") {
		t.Fatalf("chooser:\n%s", scr)
	}
	tm.keys("a", "l", "e", "r", "t")
	tm.waitFor("1 match")
	tm.keys("C-d")
	tm.waitFor("◆ detection")
	tm.keys("Escape") // clears the filter
	tm.waitFor("filter: ▏")
	tm.keys("Enter")
	scr = tm.waitFor("EXIT=0")
	for _, want := range []string{"Added 7 events to checkout (1 was there already).", "Set the detection to 2026-03-07 23:58:00."} {
		if !strings.Contains(scr, want) {
			t.Errorf("after the chooser, the screen lacks %q:\n%s", want, scr)
		}
	}
	d := readDraftFile(t, path)
	if d.Timeline.Detected == nil || !d.Timeline.Detected.Equal(time.Date(2026, 3, 8, 4, 58, 0, 0, time.UTC)) {
		t.Errorf("detected = %v", d.Timeline.Detected)
	}
	if len(d.Timeline.Events) != 8 || d.Timeline.Mitigated != nil || d.Timeline.End != nil {
		t.Errorf("%d events, mitigated %v, end %v: want 8 and no moment the user did not mark", len(d.Timeline.Events), d.Timeline.Mitigated, d.Timeline.End)
	}

	// Resumed, the wizard's Timeline step shows the detection and events.
	tm2 := startTmux(t, dir, bin+" resume checkout")
	tm2.waitFor("Steps")
	scr = tm2.goToStep("Timeline", "PgDn")
	for _, want := range []string{"Detected", "2026-03-07 23:58", "Event 1 · when", "2026-03-07 23:40", "ana: checkout error rate is climbing"} {
		if !strings.Contains(scr, want) {
			t.Errorf("resumed Timeline step lacks %q:\n%s", want, scr)
		}
	}
	tm2.keys("C-c")
	tm2.waitFor("EXIT=0")
}

// TestTmuxWizardCtrlT: in the wizard, ctrl+t asks for a file, the chooser
// opens on it, and enter puts its events in the Timeline step.
func TestTmuxWizardCtrlT(t *testing.T) {
	bin := buildPmwiz(t)
	dir := t.TempDir()
	path := seedIncident(t, dir)
	chatAbs, err := filepath.Abs(chat)
	if err != nil {
		t.Fatal(err)
	}
	tm := startTmux(t, dir, bin+" resume checkout")
	tm.waitFor("Steps")
	tm.keys("C-t")
	tm.waitFor("Add events from a chat export or a log")
	tm.keys("-l", chatAbs)
	tm.waitFor("chat.txt")
	tm.keys("Enter")
	tm.waitFor("8 of 8 kept")
	tm.keys("Enter")
	scr := tm.waitFor("added 7 events to the timeline (1 was there already)")
	if !strings.Contains(scr, ". Timeline") || !strings.Contains(scr, "ana: checkout error rate is climbing") {
		t.Errorf("the Timeline step does not show the events:\n%s", scr)
	}
	tm.keys("C-c")
	tm.waitFor("EXIT=0")
	if n := len(readDraftFile(t, path).Timeline.Events); n != 8 {
		t.Errorf("%d events saved, want 8", n)
	}
}
