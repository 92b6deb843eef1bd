package tui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// testNow is the fixed clock of every wizard test.
var testNow = time.Date(2026, 11, 23, 16, 0, 0, 0, time.UTC)

// fakeSaver records what the wizard hands it.
type fakeSaver struct {
	mu      sync.Mutex
	changed []*model.Draft
	flushes int
	results chan SaveResult
	err     error
}

func newFakeSaver() *fakeSaver { return &fakeSaver{results: make(chan SaveResult, 16)} }

func (f *fakeSaver) Changed(d *model.Draft) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.changed = append(f.changed, d.Clone()) // as the store's autosaver does
}
func (f *fakeSaver) Results() <-chan SaveResult { return f.results }
func (f *fakeSaver) Flush() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.flushes++
	return f.err
}
func (f *fakeSaver) last() *model.Draft {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.changed) == 0 {
		return nil
	}
	return f.changed[len(f.changed)-1]
}

type harness struct {
	// scoreNow scores on the loop whatever the time a score takes: on a
	// loaded machine a 1 ms score moves off the loop, and the harness
	// does not run commands, so the view would keep a stale score.
	scoreNow bool
	t        *testing.T
	m        Model
	saver    *fakeSaver
	cmd      tea.Cmd
}

func newHarness(t *testing.T, d *model.Draft, w, h int, mod ...func(*Options)) *harness {
	t.Helper()
	if d == nil {
		d = model.New("", testNow)
	}
	dark := true
	s := newFakeSaver()
	o := Options{Name: "checkout-outage", Saver: s, Dark: &dark, Now: func() time.Time { return testNow }}
	for _, f := range mod {
		f(&o)
	}
	t.Setenv("TZ", "UTC")
	if d.Timeline.TimeZone == "" {
		d.Timeline.TimeZone = "UTC"
	}
	// The real scorer's time depends on the machine's load; a test's own
	// scorer is there to be timed.
	hs := &harness{t: t, m: New(d, o), saver: s, scoreNow: o.score == nil}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

func (h *harness) send(msg tea.Msg) *harness {
	h.t.Helper()
	nm, cmd := h.m.Update(msg)
	h.m = nm.(Model)
	h.cmd = cmd
	if h.scoreNow && h.m.asyncScore {
		h.m.asyncScore, h.m.scoring, h.m.scoreStale = false, false, false
		h.m.setReport(h.m.score(h.m.draft))
	}
	return h
}

// keyMsg turns "tab", "ctrl+o", "alt+up", "x" into a key press.
func keyMsg(s string) tea.KeyPressMsg {
	var mod tea.KeyMod
	for {
		switch {
		case strings.HasPrefix(s, "ctrl+"):
			mod |= tea.ModCtrl
			s = s[5:]
			continue
		case strings.HasPrefix(s, "alt+"):
			mod |= tea.ModAlt
			s = s[4:]
			continue
		case strings.HasPrefix(s, "shift+"):
			mod |= tea.ModShift
			s = s[6:]
			continue
		}
		break
	}
	codes := map[string]rune{
		"tab": tea.KeyTab, "enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"left": tea.KeyLeft, "right": tea.KeyRight, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"space": tea.KeySpace, "backspace": tea.KeyBackspace, "f1": tea.KeyF1, "home": tea.KeyHome, "end": tea.KeyEnd,
	}
	if c, ok := codes[s]; ok {
		k := tea.KeyPressMsg{Code: c, Mod: mod}
		if c == tea.KeySpace && mod == 0 {
			k.Text = " "
		}
		return k
	}
	r := []rune(s)[0]
	k := tea.KeyPressMsg{Code: r, Mod: mod}
	if mod == 0 {
		k.Text = s
	}
	return k
}

func (h *harness) press(keys ...string) *harness {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
	return h
}

// typ types text one key at a time, as a person would.
func (h *harness) typ(s string) *harness {
	h.t.Helper()
	for _, r := range s {
		if r == '\n' {
			h.send(tea.KeyPressMsg{Code: tea.KeyEnter})
			continue
		}
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return h
}

func (h *harness) view() string {
	return ansi.Strip(h.m.View().Content)
}

// focusPath moves focus with tab until the field at path has it.
func (h *harness) focusPath(path string) *harness {
	h.t.Helper()
	// Tab and shift+tab as a person would, but only within the step: past
	// its edge they open the next or previous step.
	target := -1
	for i, f := range h.m.fields {
		if f.path == path {
			target = i
		}
	}
	if target < 0 {
		h.t.Fatalf("no field %q on step %d", path, h.m.Step())
	}
	for h.m.focus < target {
		h.press("tab")
	}
	for h.m.focus > target {
		h.press("shift+tab")
	}
	if h.m.FocusedPath() != path {
		h.t.Fatalf("focus %q, want %q on step %d", h.m.FocusedPath(), path, h.m.Step())
	}
	return h
}

// goTo moves to the step with id as a person would, with pgdown and
// pgup. Tests name steps by id, never by position, so a step inserted
// in the middle breaks only the tests about it.
func (h *harness) goTo(id string) *harness {
	h.t.Helper()
	i := stepIndex(id)
	if i < 0 {
		h.t.Fatalf("no step %q", id)
	}
	for h.m.Step() < i {
		h.press("pgdown")
	}
	for h.m.Step() > i {
		h.press("pgup")
	}
	return h
}

// onStep fails unless the wizard shows the step with id.
func (h *harness) onStep(id, when string) {
	h.t.Helper()
	if got := h.m.StepID(); got != id {
		h.t.Fatalf("%s: on step %q, want %q", when, got, id)
	}
}

// stepHeading is the heading the form shows for step id ("3. Timeline").
func stepHeading(id string) string {
	return fmt.Sprintf("%d. %s", stepIndex(id)+1, steps[stepIndex(id)].title)
}

// stepListName is step id as the step list names it (" 2 Summary").
func stepListName(id string) string {
	return fmt.Sprintf("%2d %s", stepIndex(id)+1, steps[stepIndex(id)].title)
}

func (h *harness) wantView(subs ...string) {
	h.t.Helper()
	v := h.view()
	for _, s := range subs {
		if !strings.Contains(v, s) {
			h.t.Errorf("view lacks %q:\n%s", s, v)
		}
	}
}

func ansiWidth(s string) int { return ansi.StringWidth(s) }

// filledDraft is a realistic, complete post-mortem.
func filledDraft() *model.Draft {
	d := model.New("Checkout failed for 47 minutes after a config push", testNow)
	at := func(h, m int) *time.Time { t := time.Date(2026, 11, 23, h, m, 0, 0, time.UTC); return &t }
	d.Severity, d.Audience, d.Authors = "SEV1", model.AudiencePublic, []string{"Ada Lovelace", "Grace Hopper"}
	d.Summary = "On 23 November our checkout rejected every card payment for 47 minutes.\nA config push set the payment timeout to 0 ms."
	d.Timeline = model.Timeline{TimeZone: "UTC", Start: at(14, 5), Detected: at(14, 12), Mitigated: at(14, 40), End: at(14, 52),
		Events: []model.Event{{At: at(14, 3), Text: "Config push"}, {At: at(14, 12), Text: "Alert fired"}, {At: at(14, 40), Text: "Rolled back"}}}
	d.Impact = model.Impact{Who: "Every customer paying by card in the EU", What: "Checkout failed", Extent: "12,400 failed orders"}
	d.RootCause = model.RootCause{WhatWentWrong: "The payment timeout was set to 0 ms", Analysis: "Error rates rose with the push; the config diff showed it.", ContributingFactors: []string{"No validation of timeouts"}}
	d.FiveWhys = []model.Why{{Why: "Why did checkout fail?", Because: "The timeout was 0 ms"}, {Why: "Why was it 0?", Because: "A typo in the push"}}
	d.Lessons = []string{"Config needs the review code gets"}
	d.ActionItems = []model.ActionItem{{What: "Validate timeouts", Owner: "payments", Due: "2026-12-15", Type: model.ActionPrevent}}
	d.Technologies = []string{"Envoy", "PostgreSQL"}
	d.HumanElements = "Our on-call engineer was paged at 14:12 and rolled back within half an hour."
	d.OthersCanLearn = "Validate config like code."
	d.Communication.Channels = []model.Channel{{Name: "Status page", URL: "https://status.example.com"}}
	return d
}

// renderPreview runs the preview's render now (the wizard runs it in a
// tea.Cmd) and hands the result to the wizard, as bubbletea would.
func (h *harness) renderPreview() *harness {
	h.t.Helper()
	pp, ok := h.m.preview.(*previewPane)
	if !ok || !h.m.previewShown() {
		return h
	}
	for pp.p.job != nil {
		h.send(pp.p.job.run())
	}
	return h
}

// notView fails when the view shows any of subs.
func (h *harness) notView(subs ...string) {
	h.t.Helper()
	v := h.view()
	for _, s := range subs {
		if strings.Contains(v, s) {
			h.t.Errorf("view shows %q:\n%s", s, v)
		}
	}
}
