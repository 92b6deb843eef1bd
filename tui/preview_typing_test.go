package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// typingDraft has a long summary on the preview's first screen and a
// timeline far below it.
func typingDraft(t testing.TB) *model.Draft {
	d := previewDraft(t)
	d.Summary = strings.Repeat("The payment service retried against the stale primary.\n", 400)
	for i := range 60 {
		d.Timeline.Events = append(d.Timeline.Events, model.Event{Text: fmt.Sprintf("Step %d of the recovery.", i)})
	}
	return d
}

// settled is what a preview of d shows once every render is done, as a
// preview opened on d from nothing would show it.
func settled(t *testing.T, d *model.Draft, w, h int) Preview {
	t.Helper()
	p, _ := NewPreview(true).SetSize(w, h)
	p, cmd := p.SetDraft(d)
	return run(t, p, cmd)
}

// landOne runs cmd (one render job) and feeds its result back, returning
// what the landing asks for next.
func landOne(t *testing.T, p Preview, cmd tea.Cmd) (Preview, tea.Cmd, previewRenderedMsg) {
	t.Helper()
	if cmd == nil {
		t.Fatal("want a render command, got none")
	}
	msg, ok := cmd().(previewRenderedMsg)
	if !ok {
		t.Fatalf("the command is not a render")
	}
	p, next := p.Update(msg)
	return p, next, msg
}

// While the writer types, a change below the screen waits for a pause:
// the screen stays right, the settle tick of the last edit renders it
// all, and a tick from before a later edit renders nothing.
func TestPreviewTypingDefersChangesOffScreenUntilAPause(t *testing.T) {
	d := typingDraft(t)
	p := settled(t, d, 60, 20)
	before := ansi.Strip(p.View())

	e := d.Clone()
	e.Timeline.Events[50].Text = "Recovered by hand."
	p, cmd := p.SetDraft(e)
	p, settle, msg := landOne(t, p, cmd)
	if !msg.deferred {
		t.Fatal("a change off screen was rendered while typing")
	}
	if got := ansi.Strip(p.View()); got != before {
		t.Errorf("the screen changed for an edit below it:\n%s\nwant\n%s", got, before)
	}
	if settle == nil {
		t.Fatal("nothing asks to render the deferred block later")
	}

	f := e.Clone()
	f.Timeline.Events[51].Text = "Then checked by a second engineer."
	p, cmd = p.SetDraft(f)
	p, later, _ := landOne(t, p, cmd)
	if p, cmd = p.Update(settle()); cmd != nil {
		t.Error("a pause that an edit interrupted rendered")
	}
	p, cmd = p.Update(later())
	p = run(t, p, cmd)
	if p.deferred {
		t.Error("still deferred after the pause's render")
	}
	want := settled(t, f, 60, 20)
	if got := p.vp.GetContent(); got != want.vp.GetContent() {
		t.Error("after the pause the preview is not the render of the draft")
	}
}

// A change on screen shows at once, also in a block too long to render
// on every key: its first lines are the edited text's.
func TestPreviewTypingShowsChangesOnScreenAtOnce(t *testing.T) {
	d := typingDraft(t)
	p := settled(t, d, 60, 20)
	for i, edit := range []string{"Zebra crossing first. ", "Quokka second. "} {
		e := d.Clone()
		e.Summary = edit + e.Summary
		p, cmd := p.SetDraft(e)
		p, _, _ = landOne(t, p, cmd)
		want := settled(t, e, 60, 20)
		if got, w := ansi.Strip(p.View()), ansi.Strip(want.View()); got != w {
			t.Errorf("edit %d: the screen is not the edited draft's:\n%s\nwant\n%s", i, got, w)
		}
		d = e
	}
}

// Scrolling down while blocks wait for a pause renders them at once, and
// so does a taller pane; a scroll up shows lines already right.
func TestPreviewScrollOrGrowWhileDeferredRendersAll(t *testing.T) {
	d := typingDraft(t)
	for _, c := range []struct {
		name string
		act  func(Preview) (Preview, tea.Cmd)
		all  bool
	}{
		{"page down", func(p Preview) (Preview, tea.Cmd) { return p.Update(keyMsg("pgdown")) }, true},
		{"taller pane", func(p Preview) (Preview, tea.Cmd) { return p.SetSize(60, 30) }, true},
		{"page up at the top", func(p Preview) (Preview, tea.Cmd) { return p.Update(keyMsg("pgup")) }, false},
	} {
		p := settled(t, d, 60, 20)
		e := d.Clone()
		e.Timeline.Events[50].Text = "Recovered by hand."
		p, cmd := p.SetDraft(e)
		p, _, _ = landOne(t, p, cmd)
		p, cmd = c.act(p)
		if (cmd != nil) != c.all {
			t.Errorf("%s: render command %v, want %v", c.name, cmd != nil, c.all)
			continue
		}
		if cmd == nil {
			continue
		}
		p, _, msg := landOne(t, p, cmd)
		if msg.deferred || p.deferred {
			t.Errorf("%s: the render left blocks as they were", c.name)
		}
		if got, want := p.vp.GetContent(), settled(t, e, 60, p.height).vp.GetContent(); got != want {
			t.Errorf("%s: not the render of the draft", c.name)
		}
	}
}
