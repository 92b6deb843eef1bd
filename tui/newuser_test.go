package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
)

// Tab does not stop dead on the last field of a step: it goes on to the
// next step's first field, and shift+tab comes back to the last field.
func TestTabCrossesStepEdges(t *testing.T) {
	h := newHarness(t, nil, 110, 32)
	h.goTo("summary") // Summary: one field
	h.press("tab")
	next := steps[stepIndex("summary")+1]
	if h.m.StepID() != next.id || h.m.focus != 0 {
		t.Fatalf("tab on Summary's only field: step %q focus %d, want %s's first field", h.m.StepID(), h.m.focus, next.title)
	}
	h.wantView(stepHeading(next.id))
	h.press("shift+tab")
	if h.m.StepID() != "summary" || h.m.FocusedPath() != "summary" {
		t.Fatalf("shift+tab: step %q focus %q", h.m.StepID(), h.m.FocusedPath())
	}
	h.press("shift+tab")
	if h.m.StepID() != "basics" || h.m.FocusedPath() != "authors" {
		t.Fatalf("shift+tab into Basics: step %d focus %q, want its last field", h.m.Step(), h.m.FocusedPath())
	}
	// Communication's "+ add a channel" is its last field: tab goes to
	// the step after it.
	h.goTo("communication").focusPath("communication.channels+").press("tab")
	h.onStep(steps[stepIndex("communication")+1].id, "tab on + add a channel")
	// On Basics, tab off the last field does not wrap backwards.
	h.goTo("basics")
	h.press("shift+tab")
	if h.m.Step() != 0 {
		t.Fatalf("shift+tab on the first step's first field: step %d", h.m.Step())
	}
}

// An example in an empty field never reads as an answer: it starts with
// "e.g." with and without colour, and is styled apart from the labels.
func TestExamplesAreMarkedAsExamples(t *testing.T) {
	for _, noColor := range []bool{true, false} {
		h := newHarness(t, nil, 110, 32, func(o *Options) { o.NoColor = noColor })
		h.wantView("e.g. SEV1", "e.g. Ada Lovelace, Grace Hopper")
		h.goTo("summary")
		h.press("tab") // leave Summary empty and unfocused: shown by the plain view
		h.press("shift+tab")
		h.wantView("e.g. On 23 November")
		if !noColor {
			st := NewStyles(true, false)
			if st.Example.Render("x") == st.Label.Render("x") {
				t.Error("examples share the labels' style")
			}
		}
	}
}

// A new action item has no type until the writer picks one: nothing is
// stored, or published, that the user did not choose.
func TestNewActionItemHasNoChosenType(t *testing.T) {
	h := newHarness(t, nil, 110, 32)
	h.goTo("lessons").focusPath("action_items+").press("enter").typ("Validate timeouts")
	if got := h.m.Draft().ActionItems[0].Type; got != "" {
		t.Fatalf("type %q stored without a choice", got)
	}
	b, err := model.Encode(h.saver.last())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), `"type"`) {
		t.Fatalf("the draft stores a type nobody chose:\n%s", b)
	}
}

// The Five Whys step's mark is the rubric's verdict on the Five Whys:
// one why answered is ◐ in the step list as in the score panel.
func TestStepMarkFollowsTheRubric(t *testing.T) {
	d := model.New("", testNow)
	d.FiveWhys = []model.Why{{Why: "Why did checkout fail?", Because: "The timeout was 0 ms"}}
	h := newHarness(t, d, 110, 32)
	var five model.ItemResult
	for _, it := range h.m.Report().Items {
		if it.ID == model.ItemFiveWhys {
			five = it
		}
	}
	if five.Status != model.Partial {
		t.Fatalf("rubric says %q for one why", five.Status)
	}
	h.wantView(GlyphPartial + " " + stepListName("five-whys"))
	h.notView(GlyphYes + " " + stepListName("five-whys"))
}

// The Timeline step shows the durations from one origin, the start of
// impact: mitigated at 14:07 and ended at 14:09 after a 13:42 start is
// 25m and 27m (it said "resolve 24m", counted from detection).
func TestWizardDurationsShareOneOrigin(t *testing.T) {
	h := newHarness(t, nil, 110, 32)
	h.goTo("timeline")
	h.focusPath("timeline.start").typ("2026-11-23 13:42")
	h.focusPath("timeline.detected").typ("13:45")
	h.focusPath("timeline.mitigated").typ("14:07")
	h.focusPath("timeline.end").typ("14:09")
	h.wantView("To detect 3m · mitigate 25m · resolve 27m")
	h.send(tea.WindowSizeMsg{Width: 110, Height: 90}) // the whole report on screen
	h.goTo("review")
	h.wantView("Durations from the start of impact", "Time to detect 3m ", "Time to mitigate 25m ", "Time to resolve 27m ")
}

// Quitting on Root cause and resuming opens on Root cause, on the field
// that had focus: the draft keeps where the writer left off.
func TestResumeOpensWhereTheWriterLeftOff(t *testing.T) {
	h := newHarness(t, nil, 110, 32)
	h.goTo("root-cause").focusPath("root_cause.analysis").typ("A diff of the rules")
	h.press("ctrl+c")
	saved := h.saver.last()
	if saved == nil || saved.ResumeAt != "root_cause.analysis" {
		t.Fatalf("saved resume_at = %+v", saved)
	}
	b, err := model.Encode(saved)
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	h2 := newHarness(t, d, 110, 32)
	if h2.m.StepID() != "root-cause" || h2.m.FocusedPath() != "root_cause.analysis" {
		t.Fatalf("resumed on step %q, field %q", h2.m.StepID(), h2.m.FocusedPath())
	}
	h2.wantView(stepHeading("root-cause"), GlyphFocus+" How you found it")
	// A place that no longer exists (its entry was deleted) opens Basics.
	d.ResumeAt = "five_whys[3].because"
	if h3 := newHarness(t, d, 110, 32); h3.m.Step() != 0 {
		t.Fatalf("a missing field opened step %d", h3.m.Step())
	}
}

// A text field uses the room its step has: at 110×32 a twelve-line
// Summary is seen whole, not four lines of it above empty rows.
func TestTextFieldUsesTheStepsRoom(t *testing.T) {
	h := newHarness(t, nil, 110, 32)
	h.goTo("summary")
	var lines []string
	for i := 1; i <= 12; i++ {
		lines = append(lines, fmt.Sprintf("Line %02d of the summary.", i))
	}
	h.typ(strings.Join(lines, "\n"))
	h.press("ctrl+home") // the cursor back at the top: every line must still show
	h.wantView(lines...)
	if got := h.m.fields[h.m.focus].area.Height(); got < 20 {
		t.Errorf("the Summary box is %d rows tall in a 32-row window", got)
	}
	// Impact has three text fields: the focused one gets what the other
	// two leave, and all three stay on screen.
	h.goTo("impact")
	h.wantView("Who was affected", "What they could not do", "How much (numbers)")
	if got := h.m.fields[h.m.focus].area.Height(); got < 12 {
		t.Errorf("the focused Impact box is %d rows tall", got)
	}
}

// A time example in an error is never cut at a hyphen: "2026-11-23" and
// "2026-11-23T14:05:00+01:00" stay whole on their line.
func TestTimeExampleIsNotCutMidToken(t *testing.T) {
	for _, w := range []int{60, 70, 80, 110} {
		h := newHarness(t, nil, w, 24)
		h.goTo("timeline").focusPath("timeline.start").typ("half past")
		v := h.view()
		if !strings.Contains(v, "is not a time") {
			t.Fatalf("%d columns: no error:\n%s", w, v)
		}
		for _, ln := range strings.Split(v, "\n") {
			ln = strings.TrimRight(ln, " ")
			if strings.HasSuffix(ln, "2026-11-") || strings.HasSuffix(ln, "2026-") {
				t.Errorf("%d columns: a date is cut at the line's end: %q", w, ln)
			}
		}
		h.wantView("2026-11-23T14:05:00+01:00")
	}
}

func TestCountDrafts(t *testing.T) {
	if got := countDrafts(1); got != "1 draft" {
		t.Errorf("countDrafts(1) = %q", got)
	}
	if got := countDrafts(3); got != "3 drafts" {
		t.Errorf("countDrafts(3) = %q", got)
	}
}

// The full help keeps a gap of two spaces between the widest key and its
// words, in one column and in two.
func TestHelpKeysAndWordsHaveAGap(t *testing.T) {
	for _, size := range [][2]int{{70, 20}, {110, 32}} {
		h := newHarness(t, nil, size[0], size[1])
		h.press("f1")
		h.wantView("pgdn/ctrl+n  next step", "pgup/ctrl+b  previous step")
	}
}

// scrollPane is a preview that remembers how far it was scrolled.
type scrollPane struct{ offset int }

func (p *scrollPane) SetSize(w, h int) tea.Cmd        { return nil }
func (p *scrollPane) SetDraft(d *model.Draft) tea.Cmd { return nil }
func (p *scrollPane) SetDark(bool) tea.Cmd            { return nil }
func (p *scrollPane) Warm(*model.Draft) tea.Cmd       { return nil }
func (p *scrollPane) HalfPageDown()                   { p.offset += 10 }
func (p *scrollPane) HalfPageUp()                     { p.offset = max(p.offset-10, 0) }
func (p *scrollPane) Update(msg tea.Msg) tea.Cmd      { return nil }
func (p *scrollPane) View() string                    { return fmt.Sprintf("preview line %d", p.offset) }
func (p *scrollPane) Top()                            { p.offset = 0 }

// The preview on Review starts at the top each time Review is opened, and
// so does the preview opened with ctrl+p; while it is open, the footer
// says esc closes it.
func TestPreviewStartsAtTheTopAndSaysHowToClose(t *testing.T) {
	pane := &scrollPane{}
	h := newHarness(t, filledDraftForNewUser(), 110, 32, func(o *Options) { o.Preview = pane })
	h.goTo("review")
	h.press("shift+down", "shift+down")
	h.wantView("preview line 20")
	h.goTo("communication").goTo("review")
	h.wantView("preview line 0")
	h.goTo("summary").press("ctrl+p")
	h.wantView("esc close preview")
	h.press("shift+down")
	h.press("esc")
	h.notView("esc close preview")
	h.press("ctrl+p")
	h.wantView("preview line 0")
}

func filledDraftForNewUser() *model.Draft { return filledDraft() }

// Tone findings on Review name the field as the wizard shows it, not the
// draft's key; a denial of blame is not flagged.
func TestToneFindingsNameTheFieldsLabel(t *testing.T) {
	d := model.New("", testNow)
	d.HumanElements = "We do not treat this as human error. Ada was careless."
	h := newHarness(t, d, 110, 60)
	h.goTo("review")
	for range 30 {
		h.press("down")
	}
	h.wantView("blame (advice) in Human elements › The people side:", `"careless"`)
	h.notView("in human_elements", `"human error"`)
}

// In a preview too narrow for the action-item table (70 columns), the
// table is shown as a list a person can read; a wide preview keeps it.
func TestNarrowPreviewShowsTablesAsLists(t *testing.T) {
	d := filledDraft()
	p := newPreviewPane(true)
	p.SetSize(66, 20)
	p.p = run(t, p.p, p.SetDraft(d))
	if md := p.p.Markdown(); !strings.Contains(md, "- Validate timeouts\n  - Owner: payments\n  - Due: 2026-12-15") || strings.Contains(md, "| Action |") {
		t.Fatalf("narrow preview Markdown:\n%s", md)
	}
	p.p = run(t, p.p, p.SetSize(160, 40))
	if md := p.p.Markdown(); !strings.Contains(md, "| Action |") {
		t.Fatalf("wide preview lost its table:\n%s", md)
	}
}

// In a narrow window the next-step hint ends at a word, with "…".
func TestNextHintIsCutAtAWordWithAnEllipsis(t *testing.T) {
	h := newHarness(t, nil, 70, 20)
	line := strings.Split(h.view(), "\n")[1]
	line = strings.TrimRight(line, " ")
	if !strings.Contains(line, "next: Add when") || !strings.HasSuffix(line, "…") {
		t.Fatalf("hint line %q", line)
	}
	words := strings.Fields(strings.TrimSuffix(line, "…"))
	last := words[len(words)-1]
	if full := "Add when the incident started and ended: readers want the duration."; !strings.Contains(full, last+" ") {
		t.Fatalf("cut mid-word: %q", line)
	}
}

// Text Markdown would mangle (a regex, __init__) gets a finding under its
// field, and ctrl+g quotes it as code so the export reads as typed; the
// focused text field says that Markdown works.
func TestMarkdownHazardsAreFoundAndQuotedWithOneKey(t *testing.T) {
	h := newHarness(t, nil, 110, 32)
	h.goTo("root-cause") // Root cause
	h.wantView(markdownGuide)
	h.typ("The rule .*(?:.*=.*) backtracked in __init__ for every request.")
	h.wantView("Markdown would not show .*(?:.*=.*) __init__ as", "ctrl+g puts them in")
	h.press("ctrl+g")
	want := "The rule `.*(?:.*=.*)` backtracked in `__init__` for every request."
	if got := h.m.Draft().RootCause.WhatWentWrong; got != want {
		t.Fatalf("after ctrl+g: %q", got)
	}
	h.notView("Markdown would not show")
	md, err := export.Markdown(h.m.Draft(), export.Options{NoStamp: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), want) {
		t.Fatalf("export:\n%s", md)
	}
	// One-line Markdown fields too (a lesson); literal ones are not flagged.
	h.goTo("lessons").focusPath("lessons+").press("enter").typ("Check retry_count first")
	h.wantView("Markdown would not show retry_count")
	h.goTo("basics").focusPath("title").typ(" in __init__")
	h.notView("Markdown would not show")
}
