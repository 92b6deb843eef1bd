package tui

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// Every step takes typed text into the right place of the draft and shows
// it, and the saver is handed the change.
func TestEveryStepTakesTypedText(t *testing.T) {
	d := model.New("", testNow)
	tests := []struct {
		step  string
		path  string
		text  string
		check func(d *model.Draft) string
	}{
		{"basics", "title", "Checkout failed for 47 minutes", func(d *model.Draft) string { return d.Title }},
		{"basics", "severity", "SEV1", func(d *model.Draft) string { return d.Severity }},
		{"basics", "authors", "Ada, Grace", func(d *model.Draft) string { return strings.Join(d.Authors, "|") }},
		{"summary", "summary", "We broke checkout.", func(d *model.Draft) string { return d.Summary }},
		{"impact", "impact.who", "EU card payers", func(d *model.Draft) string { return d.Impact.Who }},
		{"impact", "impact.what", "No checkout", func(d *model.Draft) string { return d.Impact.What }},
		{"impact", "impact.extent", "12,400 orders", func(d *model.Draft) string { return d.Impact.Extent }},
		{"root-cause", "root_cause.what_went_wrong", "Timeout set to 0", func(d *model.Draft) string { return d.RootCause.WhatWentWrong }},
		{"root-cause", "root_cause.analysis", "Diffed the config", func(d *model.Draft) string { return d.RootCause.Analysis }},
		{"human-elements", "human_elements", "Paged at 03:10", func(d *model.Draft) string { return d.HumanElements }},
		{"others-can-learn", "others_can_learn", "Validate config like code", func(d *model.Draft) string { return d.OthersCanLearn }},
	}
	h := newHarness(t, d, 100, 30)
	for _, tc := range tests {
		h.goTo(tc.step).focusPath(tc.path).typ(tc.text)
		want := tc.text
		if tc.path == "authors" {
			want = "Ada|Grace"
		}
		if got := tc.check(h.m.Draft()); got != want {
			t.Errorf("%s: draft has %q, want %q", tc.path, got, want)
		}
		h.wantView(tc.text)
		if last := h.saver.last(); last == nil || tc.check(last) != want {
			t.Errorf("%s: the saver was not handed the change", tc.path)
		}
	}
	// Audience is a choice: → picks the next option.
	h.goTo("basics").focusPath("audience").press("right")
	if h.m.Draft().Audience != model.AudiencePublic {
		t.Errorf("audience = %q, want public", h.m.Draft().Audience)
	}
	// Review: the status choice.
	h.goTo("review").focusPath("status").press("right")
	if h.m.Draft().Status != model.StatusReview {
		t.Errorf("status = %q, want review", h.m.Draft().Status)
	}
}

func TestTitleIsFocusedFirst(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	if h.m.Step() != 0 || h.m.FocusedPath() != "title" {
		t.Fatalf("start: step %d, focus %q; want Basics with the title focused", h.m.Step(), h.m.FocusedPath())
	}
	h.wantView("› Title", stepHeading("basics"))
}

func TestStepsMoveFreelyAndMarkCompletion(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.press("pgdown", "pgdown")
	if h.m.Step() != 2 {
		t.Fatalf("two pgdown: step %d, want 2", h.m.Step())
	}
	h.press("ctrl+b")
	if h.m.Step() != 1 {
		t.Fatalf("ctrl+b: step %d, want 1", h.m.Step())
	}
	h.press("pgup", "pgup")
	if h.m.Step() != 0 {
		t.Fatalf("pgup at the first step: step %d", h.m.Step())
	}
	h.goTo("review").press("pgdown")
	if h.m.Step() != len(steps)-1 {
		t.Fatalf("pgdown at the last step: step %d", h.m.Step())
	}
	// Summary: empty, then filled.
	h.goTo("summary")
	h.wantView(GlyphEmpty + " " + stepListName("summary"))
	h.typ("We broke checkout for 47 minutes: our config push set the payment timeout to 0 ms and every card payment failed.")
	h.wantView(GlyphYes + " " + stepListName("summary"))
	// Impact begun: the step shows the rubric's verdict on it.
	h.goTo("impact").typ("EU card payers")
	h.wantView(GlyphPartial + " " + stepListName("impact"))
}

// The score is recomputed on every keystroke from the text in the focused
// field, before it is left.
func TestScoreFollowsTypingLive(t *testing.T) {
	calls := 0
	score := func(d *model.Draft) model.Report {
		calls++
		st := model.No
		pts := 0.0
		if n := len(d.Summary); n >= 10 {
			st, pts = model.Yes, 10
		} else if n > 0 {
			st, pts = model.Partial, 5
		}
		return model.Report{Score: pts, Max: 100, Items: []model.ItemResult{
			{ID: model.ItemAdmitFailure, Tier: model.TierPrinciple, Title: "Admit failure", Status: st, Points: pts, Max: 10, Next: "Say plainly what failed"},
			{ID: model.ItemLessons, Tier: model.TierMust, Title: "Lessons", Status: model.No, Max: 20, Next: "Add a lesson learned"},
		}}
	}
	h := newHarness(t, nil, 100, 30, func(o *Options) { o.score = score })
	h.goTo("summary")
	h.wantView(GlyphNo+" Admit failure", "Score 0/100", "Add a lesson learned")
	h.typ("We")
	h.wantView(GlyphPartial+" Admit failure", "Score 5/100")
	before := calls
	h.typ(" broke it")
	if calls-before != len(" broke it") {
		t.Errorf("score ran %d times for %d keys; want once per key", calls-before, len(" broke it"))
	}
	h.wantView(GlyphYes+" Admit failure", "Score 10/100")
	if h.m.FocusedPath() != "summary" {
		t.Fatalf("focus moved to %q", h.m.FocusedPath())
	}
}

func TestToneFindingsShowUnderTheirField(t *testing.T) {
	score := func(d *model.Draft) model.Report {
		r := model.Report{Max: 100}
		if i := strings.Index(d.Summary, "any inconvenience"); i >= 0 {
			r.Findings = append(r.Findings, model.Finding{Kind: model.Boilerplate, Field: "summary", Phrase: "any inconvenience", Offset: i, Suggestion: "say what broke for whom"})
		}
		return r
	}
	h := newHarness(t, nil, 100, 30, func(o *Options) { o.score = score })
	h.goTo("summary").typ("We apologise for any inconvenience")
	v := h.view()
	fi := strings.Index(v, "What failed, in plain words")
	wi := strings.Index(v, GlyphWarn+` "any inconvenience": say what broke`)
	if fi < 0 || wi < fi {
		t.Fatalf("finding not under the summary field:\n%s", v)
	}
	// And in the Review step's tone list, with its field.
	h.goTo("review")
	h.wantView("boilerplate in Summary › What failed, in plain", `words: "any inconvenience"`)
}

func TestTimesParseLiveAndKeepBadText(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.goTo("timeline").focusPath("timeline.start").typ("2026-11-23 14:05")
	start := h.m.Draft().Timeline.Start
	if start == nil || !start.Equal(time.Date(2026, 11, 23, 14, 5, 0, 0, time.UTC)) {
		t.Fatalf("start = %v", start)
	}
	// A clock time is on the start date.
	h.focusPath("timeline.detected").typ("14:20")
	if got := h.m.Draft().Timeline.Detected; got == nil || !got.Equal(time.Date(2026, 11, 23, 14, 20, 0, 0, time.UTC)) {
		t.Fatalf("detected = %v", got)
	}
	// A bad time: inline error, the typed text stays, the draft keeps the
	// last good value.
	h.focusPath("timeline.end").typ("15:6x")
	h.wantView("15:6x", GlyphError+` "15:6x" is not a time pmwiz can`)
	if h.m.Draft().Timeline.End == nil {
		t.Log("end kept nothing: fine, it had no good value yet")
	}
	// Leave the step and come back: still there.
	h.press("pgdown", "pgup")
	h.wantView("15:6x", "is not a time pmwiz can")
	// Fix it.
	h.focusPath("timeline.end").press("backspace", "backspace").typ("50")
	if got := h.m.Draft().Timeline.End; got == nil || got.Format("15:04") != "15:50" {
		t.Fatalf("end = %v", got)
	}
	if strings.Contains(h.view(), "is not a time") {
		t.Error("the error stayed after the time was fixed")
	}
}

func TestParseTime(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no zoneinfo:", err)
	}
	late := time.Date(2026, 11, 23, 23, 50, 0, 0, berlin)
	dst := time.Date(2026, 10, 24, 23, 30, 0, 0, berlin) // clocks go back at 03:00 on the 25th
	tests := []struct {
		in      string
		ref     *time.Time
		nearest bool
		want    string // RFC 3339, or "error"
	}{
		{"2026-11-23 14:05", nil, false, "2026-11-23T14:05:00+01:00"},
		{"2026-11-23T14:05:00Z", nil, false, "2026-11-23T14:05:00Z"},
		{"2026-11-23T14:05:00+05:30", nil, false, "2026-11-23T14:05:00+05:30"},
		{"14:05", nil, false, "error"},
		{"23:55", &late, false, "2026-11-23T23:55:00+01:00"},
		{"00:10", &late, false, "2026-11-24T00:10:00+01:00"}, // an end past midnight
		{"00:10", &late, true, "2026-11-24T00:10:00+01:00"},  // an event past midnight
		{"23:40", &late, true, "2026-11-23T23:40:00+01:00"},  // an event just before the start
		{"23:40", &late, false, "2026-11-24T23:40:00+01:00"}, // an end is never before the start
		{"04:00", &dst, false, "2026-10-25T04:00:00+01:00"},  // after the DST change: +01:00, not +02:00
		{"01:00", &dst, false, "2026-10-25T01:00:00+02:00"},  // before it
		{"25:00", &late, false, "error"},
		{"yesterday", &late, false, "error"},
		{"", &late, false, "error"},
	}
	for _, tc := range tests {
		got, err := parseTime(tc.in, berlin, tc.ref, tc.nearest)
		if tc.want == "error" {
			if err == nil {
				t.Errorf("parseTime(%q) = %v, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got.Format(time.RFC3339) != tc.want {
			t.Errorf("parseTime(%q, nearest %v) = %v, %v; want %s", tc.in, tc.nearest, got.Format(time.RFC3339), err, tc.want)
		}
	}
	// The duration across the DST change is wall-clock right: 23:30 to
	// 04:00 that night is five and a half hours, not four and a half.
	end, _ := parseTime("04:00", berlin, &dst, false)
	if got := end.Sub(dst); got != 5*time.Hour+30*time.Minute {
		t.Errorf("23:30 → 04:00 across the DST change = %v", got)
	}
}

func TestListsAddEditReorderDeleteUndo(t *testing.T) {
	h := newHarness(t, nil, 100, 40)
	h.goTo("timeline").focusPath("timeline.events+").press("enter")
	if n := len(h.m.Draft().Timeline.Events); n != 1 {
		t.Fatalf("enter on the add row: %d events", n)
	}
	if h.m.FocusedPath() != "timeline.events[0].at" {
		t.Fatalf("focus after add: %q", h.m.FocusedPath())
	}
	h.typ("2026-11-23 14:05").press("tab").typ("Deploy went out")
	// ctrl+o adds after the focused entry.
	h.press("ctrl+o").typ("2026-11-23 14:20").press("tab").typ("Alert fired")
	ev := h.m.Draft().Timeline.Events
	if len(ev) != 2 || ev[0].Text != "Deploy went out" || ev[1].Text != "Alert fired" {
		t.Fatalf("events = %+v", ev)
	}
	// Move the second up.
	h.press("alt+up")
	ev = h.m.Draft().Timeline.Events
	if ev[0].Text != "Alert fired" || h.m.FocusedPath() != "timeline.events[0].text" {
		t.Fatalf("after alt+up: %q first, focus %q", ev[0].Text, h.m.FocusedPath())
	}
	h.press("alt+down")
	if h.m.Draft().Timeline.Events[1].Text != "Alert fired" {
		t.Fatal("alt+down did not move it back")
	}
	// Delete, then undo.
	h.press("ctrl+x")
	if n := len(h.m.Draft().Timeline.Events); n != 1 {
		t.Fatalf("after delete: %d events", n)
	}
	h.wantView("ctrl+z puts it back")
	h.press("ctrl+z")
	ev = h.m.Draft().Timeline.Events
	if len(ev) != 2 || ev[1].Text != "Alert fired" {
		t.Fatalf("after undo: %+v", ev)
	}
	h.wantView("Event 2 · what happened", "Alert fired")
}

// Every list of the draft can be added to and edited in the wizard.
func TestEveryListTakesEntries(t *testing.T) {
	tests := []struct {
		step  string
		list  string
		first string
		text  string
		got   func(d *model.Draft) string
	}{
		{"root-cause", "root_cause.contributing_factors", "root_cause.contributing_factors[0]", "No validation", func(d *model.Draft) string { return d.RootCause.ContributingFactors[0] }},
		{"lessons", "lessons", "lessons[0]", "Review config", func(d *model.Draft) string { return d.Lessons[0] }},
		{"lessons", "action_items", "action_items[0].what", "Validate timeouts", func(d *model.Draft) string { return d.ActionItems[0].What }},
		{"technologies", "technologies", "technologies[0]", "PostgreSQL", func(d *model.Draft) string { return d.Technologies[0] }},
		{"communication", "communication.channels", "communication.channels[0].name", "Status page", func(d *model.Draft) string { return d.Communication.Channels[0].Name }},
		{"five-whys", "five_whys", "five_whys[0].why", "", func(d *model.Draft) string { return "" }},
	}
	for _, tc := range tests {
		h := newHarness(t, nil, 100, 30)
		h.goTo(tc.step).focusPath(tc.list + "+").press("enter")
		if h.m.FocusedPath() != tc.first {
			t.Errorf("%s: focus after add %q, want %q", tc.list, h.m.FocusedPath(), tc.first)
			continue
		}
		if tc.text == "" {
			continue
		}
		h.typ(tc.text)
		if got := tc.got(h.m.Draft()); got != tc.text {
			t.Errorf("%s: %q", tc.list, got)
		}
	}
}

func TestActionItemFields(t *testing.T) {
	h := newHarness(t, nil, 100, 40)
	h.goTo("lessons").focusPath("action_items+").press("enter").typ("Validate timeouts").
		press("tab").typ("payments").press("tab").typ("2026-13-01")
	h.wantView(`"2026-13-01" is not a date`)
	h.press("backspace", "backspace", "backspace", "backspace", "backspace").typ("12-01")
	h.press("tab")
	if h.m.Draft().ActionItems[0].Type != "" {
		t.Fatalf("a new action item has a type nobody chose: %q", h.m.Draft().ActionItems[0].Type)
	}
	h.wantView("← unset 1/5 →")
	h.press("right", "right", "right") // type: unset → process
	h.press("tab").typ("https://tracker.example.com/PAY-1").press("tab", "space")
	a := h.m.Draft().ActionItems[0]
	want := model.ActionItem{What: "Validate timeouts", Owner: "payments", Due: "2026-12-01", Type: model.ActionProcess, Link: "https://tracker.example.com/PAY-1", Done: true}
	if fmt.Sprint(a) != fmt.Sprint(want) {
		t.Fatalf("action item = %+v\nwant %+v", a, want)
	}
}

// A new Why is never pre-filled with a rule-made question ("Why At 13:42
// UTC an engineer merged…?" reads as nonsense): its question is empty, and
// the answer it asks about stands under the label as context.
func TestFiveWhysShowTheAnswerTheyAskAbout(t *testing.T) {
	d := model.New("", testNow)
	d.RootCause.WhatWentWrong = "At 13:42 UTC an engineer merged a small change. More detail follows."
	h := newHarness(t, d, 100, 30)
	h.goTo("five-whys").focusPath("five_whys+").press("enter")
	if got := h.m.Draft().FiveWhys[0].Why; got != "" {
		t.Fatalf("first why pre-filled: %q", got)
	}
	h.wantView("Follows from Root cause: At 13:42 UTC")
	h.notView("Why At 13:42")
	h.press("tab").typ("the payment timeout was 0 ms").press("ctrl+o")
	if got := h.m.Draft().FiveWhys[1].Why; got != "" {
		t.Fatalf("second why pre-filled: %q", got)
	}
	h.wantView("Follows from Why 1: the payment")
	for range 3 {
		h.press("ctrl+o")
	}
	if n := len(h.m.Draft().FiveWhys); n != model.MaxWhys {
		t.Fatalf("%d whys", n)
	}
	h.press("ctrl+o")
	if n := len(h.m.Draft().FiveWhys); n != model.MaxWhys {
		t.Fatalf("a sixth why was added: %d", n)
	}
	h.wantView("at most 5 whys")
}

func TestHelp(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.wantView("tab next", "?/f1 help", "ctrl+c quit")
	// ? while typing is text.
	h.typ("Why?")
	if h.m.Draft().Title != "Why?" {
		t.Fatalf("title = %q", h.m.Draft().Title)
	}
	h.press("f1")
	h.wantView("Keys", "add entry", "delete entry", "move entry up", "edit in $EDITOR", "save now", "preview")
	h.press("esc")
	if strings.Contains(h.view(), "delete entry") {
		t.Fatal("esc did not close the help")
	}
	// ? on a choice opens it.
	h.focusPath("audience").press("?")
	h.wantView("undo delete")
}

func TestSaveStatusLine(t *testing.T) {
	now := testNow
	h := newHarness(t, nil, 100, 30, func(o *Options) { o.Now = func() time.Time { return now } })
	h.typ("x")
	h.wantView("saving…")
	h.send(saveResultMsg{At: now})
	h.wantView("saved just now")
	now = now.Add(3 * time.Second)
	h.send(tickMsg(now))
	h.wantView("saved 3 s ago")
	h.typ("y")
	h.send(saveResultMsg{Err: errors.New("disk full")})
	h.wantView("not saved: disk full (retrying)")
	// Typing goes on.
	h.typ("z")
	if h.m.Draft().Title != "xyz" {
		t.Fatalf("title = %q", h.m.Draft().Title)
	}
	// A change that the autosaver finds already on disk (typed and
	// deleted) reports nothing: "saving…" settles after a few seconds.
	h.send(saveResultMsg{At: now})
	h.typ("!").press("backspace")
	h.wantView("saving…")
	now = now.Add(settleAfter)
	h.send(tickMsg(now))
	h.wantView("saved 3 s ago")
	// ctrl+s asks for a save now.
	h.press("ctrl+s")
	if h.cmd == nil {
		t.Fatal("ctrl+s returned no command")
	}
	h.cmd()
	if h.saver.flushes != 1 {
		t.Fatalf("flushes = %d", h.saver.flushes)
	}
}

func TestQuitSavesFirst(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.typ("Checkout failed").press("ctrl+c")
	if h.saver.flushes != 1 || h.saver.last().Title != "Checkout failed" {
		t.Fatalf("quit: %d flushes, last %+v", h.saver.flushes, h.saver.last())
	}
	if h.cmd == nil {
		t.Fatal("no quit command")
	}
	if _, ok := h.cmd().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c does not quit")
	}
}

func TestReadOnlyShowsBannerAndKeepsDraft(t *testing.T) {
	d := model.New("Locked one", testNow)
	h := newHarness(t, d, 100, 30, func(o *Options) {
		o.ReadOnly, o.ReadOnlyReason = true, "locked by pid 4242 on build-7 since 10:02"
	})
	h.wantView(GlyphLock+" read-only: locked by pid 4242 on build-7 since 10:02", "Locked one")
	h.typ("xyz").press("ctrl+o")
	if h.m.Draft().Title != "Locked one" || len(h.saver.changed) != 0 {
		t.Fatalf("read-only draft changed: %q, %d saves", h.m.Draft().Title, len(h.saver.changed))
	}
	h.press("pgdown")
	if h.m.Step() != 1 {
		t.Fatal("cannot move between steps when read-only")
	}
	h.press("ctrl+c")
	if h.saver.flushes != 0 {
		t.Fatal("read-only quit saved")
	}
}

func TestEditorBringsTextBack(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.goTo("summary")
	long := strings.Repeat("line\n", 150) + "end"
	h.send(editorDoneMsg{path: "summary", text: long})
	if h.m.Draft().Summary != long {
		t.Fatalf("summary has %d lines", strings.Count(h.m.Draft().Summary, "\n")+1)
	}
	// Enter still works past 99 lines.
	h.press("ctrl+e") // opens the editor: a command, not run here
	if h.cmd == nil {
		t.Fatal("ctrl+e gave no command")
	}
	h.typ("\nmore")
	if !strings.HasSuffix(h.m.Draft().Summary, "\nmore") && !strings.Contains(h.m.Draft().Summary, "more") {
		t.Fatalf("typing after 151 lines failed: %q", h.m.Draft().Summary[len(h.m.Draft().Summary)-20:])
	}
	if got := strings.Count(h.m.Draft().Summary, "\n") + 1; got != 152 {
		t.Fatalf("lines = %d, want 152", got)
	}
	// An editor that fails leaves the field as it was.
	before := h.m.Draft().Summary
	h.send(editorDoneMsg{path: "summary", text: "", err: errors.New("vi exited with 1")})
	if h.m.Draft().Summary != before {
		t.Fatal("a failed editor changed the text")
	}
	h.wantView("vi exited with 1")
}

func TestLargePasteKeepsEveryLine(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.goTo("root-cause").typ("Start: ")
	big := strings.Repeat("log line\n", 12_000) + "last"
	h.send(tea.PasteMsg{Content: big})
	got := h.m.Draft().RootCause.WhatWentWrong
	if got != "Start: "+big {
		t.Fatalf("paste kept %d of %d lines", strings.Count(got, "\n"), strings.Count(big, "\n"))
	}
	// The cursor is after the paste, and typing goes on there.
	h.wantView("last")
	h.typ("!")
	if got := h.m.Draft().RootCause.WhatWentWrong; !strings.HasSuffix(got, "log line\nlast!") || len(got) != len("Start: "+big+"!") {
		t.Fatalf("typing after the paste: ...%q", got[len(got)-20:])
	}
}

// A long text is edited through a window of it; moving through the whole
// text and editing at both ends works as in a short one.
func TestLongTextEditsEverywhere(t *testing.T) {
	d := model.New("", testNow)
	var lines []string
	for i := range 600 {
		lines = append(lines, fmt.Sprintf("line %03d of the analysis, long enough to wrap once or twice in a narrow form column", i))
	}
	d.RootCause.Analysis = strings.Join(lines, "\n")
	h := newHarness(t, d, 100, 30)
	h.goTo("root-cause").focusPath("root_cause.analysis")
	h.press("end").typ(" (first)")
	for range 2000 { // lines wrap: several rows each
		h.press("down")
	}
	h.press("end").typ(" (last)")
	h.wantView("line 599 of the analysis")
	for range 300 {
		h.press("up")
	}
	h.press("end").typ(" (middle)")
	got := strings.Split(h.m.Draft().RootCause.Analysis, "\n")
	if len(got) != 600 || !strings.HasSuffix(got[0], " (first)") || !strings.HasSuffix(got[599], " (last)") {
		t.Fatalf("%d lines; first %q; last %q", len(got), got[0], got[len(got)-1])
	}
	middle := -1
	for i, l := range got {
		if strings.HasSuffix(l, " (middle)") {
			middle = i
		}
	}
	if middle < 400 || middle > 550 { // 300 rows up from the end, at 2–3 rows a line
		t.Fatalf("(middle) landed on line %d", middle)
	}
	h.wantView(" (middle)")
	// Enter makes new lines anywhere.
	h.typ("\nnew line")
	if n := strings.Count(h.m.Draft().RootCause.Analysis, "\n") + 1; n != 601 {
		t.Fatalf("%d lines after enter", n)
	}
	// A normal paste goes into the field.
	h.goTo("summary").send(tea.PasteMsg{Content: "one\ntwo"})
	if h.m.Draft().Summary != "one\ntwo" {
		t.Fatalf("summary = %q", h.m.Draft().Summary)
	}
}

func TestHostileTextIsNeutralised(t *testing.T) {
	d := model.New("evil\x1b]52;c;aGk=\x07title\u202e", testNow)
	d.Summary = "clear\x1b[2Jscreen\rover\x00"
	h := newHarness(t, d, 100, 30)
	raw := h.m.View().Content
	for _, bad := range []string{"\x1b]52", "\x1b[2J", "\u202e", "\r", "\x00"} {
		if strings.Contains(raw, bad) {
			t.Errorf("view carries %q", bad)
		}
	}
	h.goTo("summary")
	raw = h.m.View().Content
	if strings.Contains(raw, "\x1b[2J") || strings.Contains(raw, "\x00") {
		t.Error("summary escapes reach the screen")
	}
}

// No size from 20×5 upwards panics, and nothing is drawn past the edges.
func TestEverySizeFits(t *testing.T) {
	d := filledDraft()
	for _, w := range []int{1, 5, 20, 30, 49, 50, 60, 79, 80, 100, 160} {
		for _, hgt := range []int{1, 3, 5, 10, 20, 30, 50} {
			h := newHarness(t, d.Clone(), w, hgt)
			for s := range steps {
				h.goTo(steps[s].id)
				v := h.view()
				lines := strings.Split(v, "\n")
				if len(lines) > hgt {
					t.Fatalf("%dx%d step %d: %d lines", w, hgt, s, len(lines))
				}
				for _, ln := range lines {
					if lw := len([]rune(ln)); lw > w && ansiWidth(ln) > w {
						t.Fatalf("%dx%d step %d: line %q is %d wide", w, hgt, s, ln, ansiWidth(ln))
					}
				}
			}
			h.press("f1")
			_ = h.view()
		}
	}
}

func TestNarrowFoldsPanelIntoGauge(t *testing.T) {
	h := newHarness(t, filledDraft(), 79, 24)
	v := h.view()
	if strings.Contains(v, "Principles") || strings.Contains(v, "Must-haves") {
		t.Fatalf("panel shown at 79 columns:\n%s", v)
	}
	if !strings.Contains(strings.Split(v, "\n")[1], GlyphGaugeOff) && !strings.Contains(strings.Split(v, "\n")[1], GlyphGaugeOn) {
		t.Fatalf("no one-line gauge:\n%s", v)
	}
	h = newHarness(t, filledDraft(), 80, 24)
	if !strings.Contains(h.view(), "Score ") {
		t.Fatal("no score panel at 80 columns")
	}
}

// ctrl+p shows the glamour preview beside the form; it follows typing.
func TestPreviewPaneFollowsTyping(t *testing.T) {
	h := newHarness(t, filledDraft(), 100, 30)
	h.goTo("summary").press("ctrl+p").renderPreview()
	h.wantView("## Summary", "On 23 November our checkout")
	h.press("end").typ(" Nobody could pay.")
	if !h.m.previewDue {
		t.Fatal("typing did not schedule a preview refresh")
	}
	h.send(previewRefreshMsg{}).renderPreview()
	h.wantView("Nobody could pay.")
	before := h.view()
	h.press("shift+down")
	if h.view() == before {
		t.Error("shift+↓ did not scroll the preview")
	}
	h.press("ctrl+p")
	if strings.Contains(h.view(), "## Summary") {
		t.Fatal("ctrl+p did not hide the preview")
	}
	// Narrow: the preview takes the form's place; esc closes it.
	h = newHarness(t, filledDraft(), 60, 20)
	h.press("ctrl+p").renderPreview()
	h.wantView("Checkout failed for 47")
	if strings.Contains(h.view(), "› Title") {
		t.Fatal("narrow preview shares the screen with the form")
	}
	h.press("esc")
	h.wantView("› Title")
}

func TestExportKey(t *testing.T) {
	var got *model.Draft
	h := newHarness(t, filledDraft(), 100, 30, func(o *Options) {
		o.Export = func(d *model.Draft) (string, error) { got = d; return "/work/checkout.md", nil }
	})
	h.goTo("review").press("ctrl+w")
	if h.cmd == nil {
		t.Fatal("ctrl+w gave no command")
	}
	h.send(h.cmd())
	if got == nil || got.Title != filledDraft().Title {
		t.Fatal("the export did not get the draft")
	}
	h.wantView("exported to /work/checkout.md")
	h = newHarness(t, filledDraft(), 100, 30, func(o *Options) {
		o.Export = func(d *model.Draft) (string, error) { return "", errors.New("x.md was edited since pmwiz wrote it") }
	})
	h.press("ctrl+w")
	h.send(h.cmd())
	h.wantView("export failed: x.md was edited since pmwiz wrote it")
}

// Changing the time zone shows the same instants in the new zone.
func TestTimeZoneChangeRedrawsTimes(t *testing.T) {
	h := newHarness(t, filledDraft(), 100, 40)
	h.goTo("timeline").focusPath("timeline.timezone")
	for range 3 {
		h.press("backspace")
	}
	h.typ("Asia/Tokyo")
	h.wantView("2026-11-23 23:05", "Times are in Asia/Tokyo (UTC+09:00)")
	if got := h.m.Draft().Timeline.Start.UTC().Format("15:04"); got != "14:05" {
		t.Fatalf("the start moved: %s UTC", got)
	}
	if h.m.FocusedPath() != "timeline.timezone" {
		t.Fatalf("focus moved to %q", h.m.FocusedPath())
	}
	h.typ("x")
	h.wantView(`unknown time zone "Asia/Tokyox"`, "Asia/Tokyox")
}

// A panic in one of the wizard's commands (scoring off the loop, export)
// comes back to Update, which saves the draft before passing it on.
func TestPanicInACommandSavesFirst(t *testing.T) {
	h := newHarness(t, nil, 100, 30, func(o *Options) {
		o.Export = func(*model.Draft) (string, error) { panic("export bug") }
	})
	h.typ("Typed")
	h.press("ctrl+w")
	msg := h.cmd()
	if _, ok := msg.(cmdPanicMsg); !ok {
		t.Fatalf("the command's panic came back as %T", msg)
	}
	flushes := h.saver.flushes
	func() {
		defer func() {
			if r := recover(); r != "export bug" {
				t.Fatalf("recovered %v", r)
			}
		}()
		h.send(msg)
	}()
	if h.saver.flushes != flushes+1 || h.saver.last().Title != "Typed" {
		t.Fatal("the draft was not flushed before the panic went on")
	}
}

// When scoring gets slow (a huge draft), it runs off the Update loop, one
// at a time, and a change made meanwhile is scored a pause after it returns.
func TestSlowScoringMovesOffTheLoop(t *testing.T) {
	slow := func(d *model.Draft) model.Report {
		time.Sleep(2 * syncScoreBudget)
		return model.Report{Score: float64(len(d.Summary)), Max: 100}
	}
	h := newHarness(t, nil, 100, 30, func(o *Options) { o.score = slow })
	if !h.m.asyncScore {
		t.Fatal("a 2 ms score stayed on the loop")
	}
	h.goTo("summary").typ("a")
	if !h.m.scoring || h.m.report.Score != 0 {
		t.Fatalf("scoring %v, score %v: the key waited for the score", h.m.scoring, h.m.report.Score)
	}
	h.typ("b")
	if !h.m.scoreStale {
		t.Fatal("a change during a score was not remembered")
	}
	h.send(scoredMsg{report: model.Report{Score: 1, Max: 100}, took: 2 * syncScoreBudget})
	h.wantView("Score 1/100")
	// The change made meanwhile is scored after a pause that leaves the
	// terminal a core, not back to back.
	if h.m.scoring || !h.m.scoreStale {
		t.Fatalf("right after the first result: scoring %v, stale %v", h.m.scoring, h.m.scoreStale)
	}
	h.send(rescoreMsg{})
	if h.m.report.Score != 1 || !h.m.scoring || h.m.scoreStale {
		t.Fatalf("after the pause: score %v, scoring %v, stale %v", h.m.report.Score, h.m.scoring, h.m.scoreStale)
	}
	h.send(scoredMsg{report: model.Report{Score: 2, Max: 100}, took: syncScoreBudget / 4})
	if h.m.report.Score != 2 || h.m.scoring || h.m.asyncScore {
		t.Fatalf("after the second: score %v, scoring %v, async %v", h.m.report.Score, h.m.scoring, h.m.asyncScore)
	}
	h.wantView("Score 2/100")
}

// A quit whose save fails does not leave at once: the user can fix the
// problem, or insist and get a rescue copy.
func TestQuitWhenSavingFails(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.saver.err = errors.New("no space left on device")
	h.typ("Checkout failed").press("ctrl+c")
	if h.m.quitting {
		t.Fatal("quit with the draft unsaved")
	}
	h.wantView("Not saved: no space left on device")
	h.press("ctrl+c")
	if !h.m.quitting || h.m.Rescue() == "" {
		t.Fatalf("second ctrl+c: quitting %v, rescue %q", h.m.quitting, h.m.Rescue())
	}
	defer os.Remove(h.m.Rescue())
	b, err := os.ReadFile(h.m.Rescue())
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Decode(b)
	if err != nil || d.Title != "Checkout failed" {
		t.Fatalf("rescue copy: %v, title %q", err, d.Title)
	}
	if info, _ := os.Stat(h.m.Rescue()); info.Mode().Perm() != 0o600 {
		t.Fatalf("rescue copy mode %v", info.Mode().Perm())
	}
}

// Text that cannot be stored (a bad time) is not dropped by a quit
// without a word: the first ctrl+c shows the field and says what to do;
// fixing it lets the quit through, and a second ctrl+c quits without it
// and hands the text back for printing.
func TestQuitWithTextThatCannotBeSaved(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.typ("Checkout failed").goTo("timeline").focusPath("timeline.mitigated").typ("nonsense")
	h.goTo("basics").press("ctrl+c")
	if h.m.quitting {
		t.Fatal("quit dropped the unparsed time without a word")
	}
	if h.m.StepID() != "timeline" || h.m.FocusedPath() != "timeline.mitigated" {
		t.Fatalf("the field holding the text is not shown: step %d, focus %q", h.m.Step(), h.m.FocusedPath())
	}
	v := strings.Join(strings.Fields(h.view()), " ")
	for _, want := range []string{"Not saved: Timeline › Mitigated holds text pmwiz cannot store", "press ctrl+c again to quit without it", "nonsense"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, h.view())
		}
	}
	if h.saver.flushes == 0 {
		t.Error("the rest of the draft was not saved on the refused quit")
	}

	// Fixing it: the quit goes through with the time in the draft.
	for range len("nonsense") {
		h.press("backspace")
	}
	h.typ("14:40").press("ctrl+c")
	if !h.m.quitting || len(h.m.Dropped()) != 0 {
		t.Fatalf("after the fix: quitting %v, dropped %q", h.m.quitting, h.m.Dropped())
	}
	if h.saver.last().Timeline.Mitigated == nil {
		t.Fatal("the fixed time is not in the saved draft")
	}

	// Insisting: a second ctrl+c quits, and the text is handed back.
	h = newHarness(t, nil, 100, 30)
	h.goTo("timeline").focusPath("timeline.mitigated").typ("nonsense").press("tab").typ("soon").press("ctrl+c")
	h.wantView("Mitigated, Timeline › Ended hold")
	h.press("ctrl+c")
	if !h.m.quitting {
		t.Fatal("a second ctrl+c did not quit")
	}
	want := []string{"Timeline › Mitigated: nonsense", "Timeline › Ended: soon"}
	if got := h.m.Dropped(); !slices.Equal(got, want) {
		t.Fatalf("dropped %q, want %q", got, want)
	}

	// Another key between the two re-arms the warning.
	h = newHarness(t, nil, 100, 30)
	h.goTo("timeline").focusPath("timeline.end").typ("x").press("ctrl+c").typ("y").press("ctrl+c")
	if h.m.quitting {
		t.Fatal("typing after the warning did not re-arm it")
	}
}

// A long message at the bottom wraps instead of being cut at the edge.
func TestLongMessageWrapsAtTheBottom(t *testing.T) {
	h := newHarness(t, nil, 60, 20)
	h.goTo("timeline").focusPath("timeline.end").typ("x").press("ctrl+c")
	v := h.view()
	if !strings.Contains(strings.Join(strings.Fields(v), " "), "press ctrl+c again to quit without it.") {
		t.Fatalf("message cut:\n%s", v)
	}
	if n := len(strings.Split(v, "\n")); n > 20 {
		t.Fatalf("view is %d lines in a 20-line window", n)
	}
}

// Clock-only times follow the start: typed before the start was right,
// they are read again when it changes, and an unfocused time shows the
// day it landed on.
func TestClockTimesFollowTheStart(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.goTo("timeline").focusPath("timeline.start").typ("2026-03-28 23:5x")
	h.focusPath("timeline.detected").typ("23:58")
	h.focusPath("timeline.end").typ("00:40")
	// Now the start is fixed: the clocks move to its day.
	h.focusPath("timeline.start").press("backspace").typ("0")
	tl := h.m.Draft().Timeline
	if tl.End == nil || !tl.End.Equal(time.Date(2026, 3, 29, 0, 40, 0, 0, time.UTC)) {
		t.Fatalf("end = %v, want the day after the start", tl.End)
	}
	if tl.Detected == nil || !tl.Detected.Equal(time.Date(2026, 3, 28, 23, 58, 0, 0, time.UTC)) {
		t.Fatalf("detected = %v", tl.Detected)
	}
	h.wantView("2026-03-29 00:40", "2026-03-28 23:58")
	if !strings.Contains(h.view(), "resolve 50m") {
		t.Errorf("duration not from the fixed start:\n%s", h.view())
	}
}

// The zone's offset shown is the one at the incident's start, not today's.
func TestZoneOffsetIsTheIncidents(t *testing.T) {
	d := model.New("", testNow) // testNow is in November: UTC+01:00 in Berlin
	d.Timeline.TimeZone = "Europe/Berlin"
	h := newHarness(t, d, 100, 30)
	h.goTo("timeline").focusPath("timeline.start").typ("2026-07-01 10:00")
	h.wantView("Europe/Berlin (UTC+02:00)")
}

// After a paste the focused text field shows the lines before the cursor,
// not the cursor's line at the top and empty rows under it.
func TestPasteShowsTheTextBeforeTheCursor(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.goTo("root-cause").focusPath("root_cause.analysis")
	var b strings.Builder
	for i := 1; i <= 3000; i++ {
		fmt.Fprintf(&b, "line %d\n", i)
	}
	h.send(tea.PasteMsg{Content: b.String()})
	h.typ("END")
	if got := h.m.Draft().RootCause.Analysis; got != b.String()+"END" {
		t.Fatalf("paste kept %d lines", strings.Count(got, "\n"))
	}
	h.wantView("line 2995", "line 3000", "END")
}

// A paste with bidi overrides, escapes and carriage returns is shown and
// kept neutralised, in the focused field too.
func TestPasteIsNeutralisedInTheFocusedField(t *testing.T) {
	evil := "Evil \x1b[31mred\x1b[0m \u202eReversed\u202c CR\rOVERWRITE\x07 end"
	for _, path := range []string{"title", "summary"} {
		h := newHarness(t, nil, 100, 30)
		if path == "summary" {
			h.goTo("summary")
		}
		h.send(tea.PasteMsg{Content: evil})
		raw := h.m.View().Content
		for _, bad := range []string{"\u202e", "\u202c", "\r", "\x07", "[31m"} {
			if strings.Contains(raw, bad) {
				t.Errorf("%s: the view shows %q", path, bad)
			}
		}
		got := h.m.Draft().Title + h.m.Draft().Summary
		want := model.SafeLine(evil)
		if path == "summary" {
			want = model.SafeText(evil)
		}
		if got != want || strings.ContainsRune(got, '\u202e') {
			t.Errorf("%s: kept %q", path, got)
		}
		h.wantView("Reversed", "OVERWRITE")
	}
}

// Without bracketed paste the same text arrives as keys: also neutralised.
func TestTypedControlCharactersAreNeutralised(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.typ("a\u202eb\u202cc")
	if got := h.m.Draft().Title; got != "abc" {
		t.Fatalf("title %q", got)
	}
	if strings.ContainsRune(h.m.View().Content, '\u202e') {
		t.Fatal("the view shows a bidi override")
	}
}

// What validation finds (an end before the start, a link that is not a
// web link) is said under the field, with what to do.
func TestProblemsShowUnderTheirField(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.goTo("timeline").focusPath("timeline.start").typ("2026-03-29 14:05")
	h.focusPath("timeline.end").typ("2026-03-28 15:00")
	h.wantView(GlyphWarn + " ends before the start")
	for range len("28 15:00") {
		h.press("backspace")
	}
	h.typ("29 15:00")
	if strings.Contains(h.view(), "before the start") {
		t.Fatalf("the warning stayed after the fix:\n%s", h.view())
	}
	h.goTo("communication").press("enter").typ("Status page").press("tab").typ("status.example.com").press("shift+tab")
	h.wantView("not a web link", "https://")
}

// Typing on an “+ add …” row starts an entry with the typed text instead
// of dropping the keys.
func TestTypingOnAddRowStartsAnEntry(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.goTo("technologies").typ("Kafka 3.7")
	if got := h.m.Draft().Technologies; !slices.Equal(got, []string{"Kafka 3.7"}) {
		t.Fatalf("technologies %q", got)
	}
	h.wantView("Technology 1", "Kafka 3.7")
	// Space on an add row types too; the toggle keys are for choices.
	h.press("tab").typ(" x")
	if got := h.m.Draft().Technologies; len(got) != 2 || got[1] != " x" {
		t.Fatalf("technologies %q", got)
	}
}

// A choice too wide for the form shows the chosen option and its place
// rather than a row cut before the chosen option.
func TestNarrowChoiceShowsTheChosenOption(t *testing.T) {
	h := newHarness(t, nil, 60, 20)
	h.goTo("lessons").focusPath("action_items+").press("enter").focusPath("action_items[0].type").press("right", "right", "right", "right")
	if got := h.m.Draft().ActionItems[0].Type; got != model.ActionOther {
		t.Fatalf("type %q", got)
	}
	h.wantView("← other 5/5 →")
	h = newHarness(t, nil, 120, 40)
	h.goTo("lessons").focusPath("action_items+").press("enter").focusPath("action_items[0].type")
	h.wantView("← unset mitigate prevent process other →")
}

// In a short window the step's guidance gives way so that the field
// being typed into is on screen.
func TestShortWindowShowsTheFocusedField(t *testing.T) {
	for _, size := range [][2]int{{40, 10}, {20, 5}, {60, 8}} {
		h := newHarness(t, filledDraft(), size[0], size[1])
		h.goTo("timeline").focusPath("timeline.detected").typ("x")
		v := h.view()
		if !strings.Contains(v, "Detected") || !strings.Contains(v, "x") {
			t.Errorf("%dx%d: the focused field is not on screen:\n%s", size[0], size[1], v)
		}
		h.goTo("summary").typ(" Typed")
		if v := h.view(); !strings.Contains(v, "Typed") {
			t.Errorf("%dx%d: typing in the summary is not on screen:\n%s", size[0], size[1], v)
		}
	}
}

// Help and quit stay on the bottom line at every width, and the full help
// shows every key in a short window (side by side, or by scrolling).
func TestHelpFitsSmallWindows(t *testing.T) {
	for _, w := range []int{100, 60, 40, 30} {
		h := newHarness(t, nil, w, 20)
		lines := strings.Split(h.view(), "\n")
		last := lines[len(lines)-1]
		if w >= 30 && (!strings.Contains(last, "help") || !strings.Contains(last, "quit")) {
			t.Errorf("%d columns: bottom line %q lacks help or quit", w, last)
		}
	}
	h := newHarness(t, nil, 60, 20)
	h.goTo("summary").press("f1")
	h.wantView("ctrl+c", "ctrl+w", "ctrl+e", "save & quit")
	// Typing while the help covers the form does not go into the field.
	h.typ("q")
	if h.m.Draft().Summary != "" {
		t.Fatalf("typed into a hidden field: %q", h.m.Draft().Summary)
	}
	h.wantView("esc, ? or f1 closes it")
	h = newHarness(t, nil, 40, 12)
	h.press("f1")
	h.wantView("↑/↓ scroll")
	for range 30 {
		h.press("down")
	}
	h.wantView("save & quit")
	h.press("esc")
	h.wantView("Title")
}

// Read-only, a reader sees who holds the draft in full, can read every
// line of a long answer, and is told that typing is not kept.
func TestReadOnlyReaderCanReadEverything(t *testing.T) {
	d := filledDraft()
	var b strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "analysis line %d\n", i)
	}
	d.RootCause.Analysis = b.String() + "the last line"
	reason := `draft "2026-11-24-checkout-outage" is open in another pmwiz (pid 308 on build-7, since 2026-11-24 06:37)`
	h := newHarness(t, d, 100, 30, func(o *Options) { o.ReadOnly, o.ReadOnlyReason = true, reason })
	if v := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(v, "since 2026-11-24 06:37)") {
		t.Errorf("banner cut:\n%s", h.view())
	}
	h.typ("x")
	h.wantView("read-only, nothing typed is kept")
	h.goTo("root-cause").focusPath("root_cause.analysis")
	for range 45 {
		h.press("down")
	}
	h.wantView("the last line")
	if h.m.Draft().RootCause.Analysis != b.String()+"the last line" {
		t.Fatal("reading changed the text")
	}
	if len(h.saver.changed) != 0 {
		t.Fatal("read-only draft handed to the saver")
	}
}

// The Timeline asks for the zone first, so the times typed after it are
// read in it rather than shifting by hours when it is set afterwards.
func TestTimeZoneComesBeforeTheTimes(t *testing.T) {
	d := model.New("", testNow)
	h := newHarness(t, d, 100, 30)
	h.goTo("timeline")
	if h.m.FocusedPath() != "timeline.timezone" {
		t.Fatalf("the Timeline opens on %q", h.m.FocusedPath())
	}
	h.press("ctrl+u")
	for range 3 {
		h.press("backspace")
	}
	h.typ("Europe/Berlin").press("tab").typ("2026-11-23 14:05")
	if got := h.m.Draft().Timeline.Start; got == nil || !got.Equal(time.Date(2026, 11, 23, 13, 5, 0, 0, time.UTC)) {
		t.Fatalf("start = %v, want 14:05 in Berlin", got)
	}
	h.wantView("2026-11-23 14:05")
}

// Cut guidance ends in "…" right after its words, and the compact help
// keeps whole sentences.
func TestCompactTextReadsWhole(t *testing.T) {
	h := newHarness(t, filledDraft(), 40, 10)
	h.goTo("timeline")
	if v := h.view(); strings.Contains(v, "  …") || !strings.Contains(v, "…") {
		t.Errorf("guidance cut badly:\n%s", v)
	}
	h = newHarness(t, nil, 60, 20)
	h.press("f1")
	h.wantView("Enter moves to the next field")
}

// When the save fails as well, the forced quit still hands back the text
// that could not be stored, once.
func TestFailedSaveQuitKeepsUnstorableText(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.saver.err = errors.New("no space left on device")
	h.goTo("timeline").focusPath("timeline.end").typ("later").press("ctrl+c", "ctrl+c")
	if !h.m.quitting {
		t.Fatal("did not quit")
	}
	defer os.Remove(h.m.Rescue())
	if got := h.m.Dropped(); !slices.Equal(got, []string{"Timeline › Ended: later"}) {
		t.Fatalf("dropped %q", got)
	}
}

// Text that cannot be stored in its field (a bad time) is in every draft
// handed to the saver, so an autosave followed by a dropped SSH session or
// a crash keeps it; the next run shows it again in its field with what to
// do, and fixing it takes it out of the draft's pending text.
func TestUnstorableTextSurvivesARestart(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.typ("Checkout failed").goTo("timeline").focusPath("timeline.mitigated").typ("nonsense")
	saved := h.saver.last()
	if got := saved.Pending["timeline.mitigated"]; got != "nonsense" {
		t.Fatalf("the draft handed to the saver has pending %q, want the typed text", saved.Pending)
	}
	if saved.Timeline.Mitigated != nil {
		t.Fatalf("the bad text was stored as a time: %v", saved.Timeline.Mitigated)
	}

	// The next run, from what was saved.
	h = newHarness(t, saved, 100, 30)
	h.wantView("Timeline › Mitigated still holds text pmwiz could not store")
	h.goTo("timeline").focusPath("timeline.mitigated")
	f := h.m.focused()
	if f.Value() != "nonsense" || f.err == nil {
		t.Fatalf("restored field: value %q, error %v", f.Value(), f.err)
	}
	h.wantView("nonsense", `✗ "nonsense" is not a time pmwiz can read:`)

	// Fixing it: the time is stored and the pending text is gone.
	for range len("nonsense") {
		h.press("backspace")
	}
	h.typ("14:40")
	fixed := h.saver.last()
	if len(fixed.Pending) != 0 || fixed.Timeline.Mitigated == nil {
		t.Fatalf("after the fix: pending %q, mitigated %v", fixed.Pending, fixed.Timeline.Mitigated)
	}
}

// Choosing to quit without the text (ctrl+c twice) writes a draft without
// it, as chosen; the text is still handed back for printing.
func TestQuitWithoutUnstorableTextClearsItFromTheDraft(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.goTo("timeline").focusPath("timeline.end").typ("later").press("ctrl+c")
	if got := h.saver.last().Pending["timeline.end"]; got != "later" {
		t.Fatalf("the save on the refused quit lost the text: pending %q", h.saver.last().Pending)
	}
	h.press("ctrl+c")
	if !h.m.quitting {
		t.Fatal("a second ctrl+c did not quit")
	}
	if p := h.saver.last().Pending; len(p) != 0 {
		t.Fatalf("the final save keeps text the user chose to drop: %q", p)
	}
	if p := h.m.Draft().Pending; len(p) != 0 {
		t.Fatalf("the draft Run saves last keeps it: %q", p)
	}
	if got := h.m.Dropped(); !slices.Equal(got, []string{"Timeline › Ended: later"}) {
		t.Fatalf("dropped %q", got)
	}
}

// Read-only: the pending text is shown with its error, never changed, even
// when it would read fine now.
func TestReadOnlyShowsPendingTextUnchanged(t *testing.T) {
	d := model.New("Checkout failed", testNow)
	d.Pending = map[string]string{"timeline.mitigated": "nonsense", "timeline.end": "14:52", "gone[3].x": "kept"}
	want := maps.Clone(d.Pending)
	h := newHarness(t, d, 100, 30, func(o *Options) { o.ReadOnly, o.ReadOnlyReason = true, "locked elsewhere" })
	if v := strings.Join(strings.Fields(h.view()), " "); !strings.Contains(v, "Timeline › Mitigated still holds text pmwiz could not store (kept from last time), and 2 more") || strings.Contains(v, "fix it there") {
		t.Errorf("read-only start does not say what the draft holds, or asks for a fix it cannot take:\n%s", h.view())
	}
	h.goTo("timeline").focusPath("timeline.mitigated")
	if f := h.m.focused(); f.Value() != "nonsense" || f.err == nil {
		t.Fatalf("read-only field: value %q, error %v", f.Value(), f.err)
	}
	h.focusPath("timeline.end")
	if f := h.m.focused(); f.Value() != "14:52" {
		t.Fatalf("read-only field shows %q", f.Value())
	}
	h.typ("x")
	if !maps.Equal(h.m.Draft().Pending, want) || h.m.Draft().Timeline.End != nil {
		t.Fatalf("read-only changed the draft: pending %q, end %v", h.m.Draft().Pending, h.m.Draft().Timeline.End)
	}
}

// Text that reads fine now is stored on start; text for a field that does
// not exist is kept in the draft, and printed on a quit without it.
func TestRestoredPendingTextThatParsesIsStored(t *testing.T) {
	d := model.New("Checkout failed", testNow)
	d.Timeline.TimeZone = "UTC"
	d.Pending = map[string]string{"timeline.end": "2026-11-23 14:52", "gone[3].x": "kept"}
	h := newHarness(t, d, 100, 30)
	if h.m.Draft().Timeline.End == nil {
		t.Fatal("pending text that parses was not stored")
	}
	if p := h.saver.last(); p == nil || !maps.Equal(p.Pending, map[string]string{"gone[3].x": "kept"}) {
		t.Fatalf("saver was not handed the stored time with the rest kept: %+v", p)
	}
	h.press("ctrl+c", "ctrl+c")
	if got := h.m.Dropped(); !slices.Equal(got, []string{"gone[3].x: kept"}) {
		t.Fatalf("dropped %q", got)
	}
}

// Text an entry holds that cannot be stored (a bad due date) stays with
// its entry when entries around it are added, deleted, put back or moved,
// on screen and in the draft handed to the saver.
func TestPendingTextFollowsItsListEntry(t *testing.T) {
	h := newHarness(t, filledDraft(), 100, 30)
	h.goTo("lessons").focusPath("action_items[0].what").press("ctrl+o")
	h.focusPath("action_items[1].what").typ("Alert on zero timeouts")
	h.focusPath("action_items[1].due").typ("next fri")
	want := func(step string, path string) {
		t.Helper()
		if p := h.saver.last().Pending; !maps.Equal(p, map[string]string{path: "next fri"}) {
			t.Fatalf("%s: saved pending %q, want it at %s", step, p, path)
		}
		h.focusPath(path)
		if f := h.m.focused(); f.Value() != "next fri" || f.err == nil {
			t.Fatalf("%s: %s shows %q (error %v)", step, path, f.Value(), f.err)
		}
	}
	want("typed", "action_items[1].due")

	h.focusPath("action_items[0].what").press("ctrl+o") // a new entry between them
	want("inserted before", "action_items[2].due")
	h.focusPath("action_items[1].what").press("ctrl+x")
	want("deleted before", "action_items[1].due")
	h.focusPath("action_items[0].what").press("ctrl+x")
	want("first deleted", "action_items[0].due")
	h.press("ctrl+z")
	want("put back", "action_items[1].due")
	h.focusPath("action_items[1].what").press("alt+up")
	want("moved up", "action_items[0].due")

	h.focusPath("action_items[0].what").press("ctrl+x")
	if p := h.saver.last().Pending; len(p) != 0 {
		t.Fatalf("deleted entry's text still pending: %q", p)
	}
	h.press("ctrl+z")
	want("its own entry put back", "action_items[0].due")
}
