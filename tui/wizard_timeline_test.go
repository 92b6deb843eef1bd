package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// timelineDraft starts at 13:40 UTC on the incident's day.
func timelineDraft() *model.Draft {
	d := model.New("Checkout outage", testNow)
	start := time.Date(2026, 11, 23, 13, 40, 0, 0, time.UTC)
	d.Timeline = model.Timeline{TimeZone: "UTC", Start: &start}
	return d
}

// runLoad runs the command the wizard returned and hands it the file it
// read, as bubbletea would.
func (h *harness) runLoad() {
	h.t.Helper()
	var find func(tea.Cmd) bool
	find = func(c tea.Cmd) bool {
		if c == nil {
			return false
		}
		switch msg := c().(type) {
		case timelineLoadedMsg:
			h.send(msg)
			return true
		case tea.BatchMsg:
			for _, c := range msg {
				if find(c) {
					return true
				}
			}
		}
		return false
	}
	if !find(h.cmd) {
		h.t.Fatal("no file was read")
	}
}

const pastedChat = "[13:42] <ana> PagerDuty alert: checkout 5xx\n[13:50] <ben> rolled back\n\n[14:02] <ana> resolved\n"

func TestWizardPasteTimestampedLines(t *testing.T) {
	h := newHarness(t, timelineDraft(), 100, 30)
	h.goTo("timeline").focusPath("timeline.events+")
	h.send(tea.PasteMsg{Content: pastedChat})
	h.wantView("You pasted 3 lines with times.", "2026-11-23 13:42:00  ana: PagerDuty alert", "y add them as timeline events")
	h.press("y")
	d := h.saver.last()
	if d == nil || len(d.Timeline.Events) != 3 {
		t.Fatalf("events after y: %+v", d)
	}
	if got := d.Timeline.Events[1].At.Format("15:04") + " " + d.Timeline.Events[1].Text; got != "13:50 ben: rolled back" {
		t.Errorf("second event %q", got)
	}
	if d.Timeline.Detected != nil || d.Timeline.End != nil {
		t.Errorf("a moment was set without a keypress")
	}
	h.wantView("added 3 events to the timeline", "ana: PagerDuty alert: checkout 5xx")
}

func TestWizardPasteAsTextOrChoose(t *testing.T) {
	h := newHarness(t, timelineDraft(), 100, 30)
	h.goTo("timeline").focusPath("timeline.events+").press("ctrl+o") // a new event
	h.focusPath("timeline.events[0].text")
	h.send(tea.PasteMsg{Content: pastedChat})
	h.press("n") // as text, into the focused field, as before
	if v := h.m.fields[h.m.focus].Value(); !strings.Contains(v, "rolled back") {
		t.Errorf("n did not paste as text: %q", v)
	}

	// c opens the chooser on the pasted lines; a mark needs its key.
	h2 := newHarness(t, timelineDraft(), 100, 30)
	h2.goTo("timeline")
	h2.send(tea.PasteMsg{Content: pastedChat})
	h2.press("c")
	h2.wantView("Add events to the timeline", "3 of 3 kept", "suggested: detection")
	h2.press("ctrl+d", "enter")
	d := h2.saver.last()
	if d == nil || d.Timeline.Detected == nil || d.Timeline.Detected.Format("15:04") != "13:42" || len(d.Timeline.Events) != 3 {
		t.Fatalf("after the chooser: %+v", d)
	}
}

// A paste of prose, or of one line, is pasted as it always was.
func TestWizardPasteOrdinaryText(t *testing.T) {
	for _, text := range []string{"the site was down\nfor an hour", "[13:42] <ana> one line only"} {
		h := newHarness(t, timelineDraft(), 100, 30)
		h.goTo("timeline").focusPath("timeline.events+").press("ctrl+o")
		h.focusPath("timeline.events[0].text")
		h.send(tea.PasteMsg{Content: text})
		if h.m.importing != nil {
			t.Errorf("%q: offered as events", text)
		}
	}
}

func TestWizardCtrlTFromFile(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "app.log")
	os.WriteFile(log, []byte("2026-11-23T13:45:00Z alertmanager: alert fired\n2026-11-23T13:58:00Z deployer: fix deployed\n"), 0o600)
	h := newHarness(t, timelineDraft(), 100, 30)
	h.press("ctrl+t")
	h.wantView("Add events from a chat export or a log", "File:")
	h.press("enter")
	h.wantView("type the path of a file")
	h.typ(filepath.Join(dir, "missing.log"))
	h.press("enter")
	h.runLoad()
	h.wantView("missing.log: no such file")
	for range len("missing.log") {
		h.press("backspace")
	}
	h.typ("app.log")
	h.press("enter")
	h.runLoad()
	h.wantView("2 of 2 kept", "alertmanager: alert fired")
	h.press("down", "ctrl+t", "enter") // the fix as the mitigation
	d := h.saver.last()
	if d == nil || len(d.Timeline.Events) != 2 || d.Timeline.Mitigated == nil || d.Timeline.Mitigated.Format("15:04") != "13:58" {
		t.Fatalf("after ctrl+t: %+v", d)
	}
	h.onStep("timeline", "after adding events")

	// esc leaves the chooser without adding; the draft is as it was.
	n := len(h.saver.changed)
	h.press("ctrl+t").typ(log)
	h.press("enter")
	h.runLoad()
	h.press("esc")
	if len(h.saver.changed) != n || h.m.importing != nil {
		t.Errorf("esc in the chooser changed the draft")
	}
}

// A read-only wizard offers nothing: it cannot change the draft.
func TestWizardTimelineReadOnly(t *testing.T) {
	h := newHarness(t, timelineDraft(), 100, 30, func(o *Options) { o.ReadOnly = true })
	h.goTo("timeline")
	h.press("ctrl+t")
	h.send(tea.PasteMsg{Content: pastedChat})
	if h.m.importing != nil {
		t.Errorf("read-only wizard started an import")
	}
}

// Clock-only lines need the incident's day: without a start the paste is
// text as always and the wizard says how to get events; a file says the
// same.
func TestWizardTimelineNoDay(t *testing.T) {
	d := model.New("Checkout outage", testNow)
	h := newHarness(t, d, 100, 30)
	h.goTo("timeline").focusPath("timeline.events+").press("ctrl+o")
	h.focusPath("timeline.events[0].text")
	h.send(tea.PasteMsg{Content: pastedChat})
	if h.m.importing != nil || !strings.Contains(h.m.fields[h.m.focus].Value(), "rolled back") {
		t.Fatalf("the paste was not kept as text")
	}
	h.wantView("set Started first")

	log := filepath.Join(t.TempDir(), "chat.txt")
	os.WriteFile(log, []byte(pastedChat), 0o600)
	h.press("ctrl+t").typ(log)
	h.press("enter")
	h.runLoad()
	h.wantView("chat.txt, line 1: 13:42 has a", "set Started in the Timeline step first")
}
