package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/pmwiz/pmwiz/model"
)

// The text names systems the Technologies list lacks: the Technologies
// step offers them, and ctrl+y adds them in one key.
func TestTechnologiesNamedInTheTextAreOffered(t *testing.T) {
	d := model.New("Queue backlog", testNow)
	d.Summary = "We failed over the PostgreSQL primary while Kafka consumers kept retrying."
	d.Technologies = []string{"PostgreSQL 16"}
	h := newHarness(t, d, 100, 30)
	h.goTo("technologies").settle()
	h.wantView("ctrl+y adds Kafka (named in your text)")
	if strings.Contains(h.view(), "names PostgreSQL") {
		t.Errorf("PostgreSQL 16 is already listed, yet offered:\n%s", h.view())
	}
	h.press("ctrl+y").settle()
	if got := h.m.Draft().Technologies; !slices.Equal(got, []string{"PostgreSQL 16", "Kafka"}) {
		t.Fatalf("technologies %q, want PostgreSQL 16 and Kafka", got)
	}
	h.wantView("added Kafka from the text", "Technology 2")
	if strings.Contains(h.view(), "ctrl+y adds") {
		t.Errorf("the offer stayed after accepting it:\n%s", h.view())
	}
	if saved := h.saver.last(); saved == nil || len(saved.Technologies) != 2 {
		t.Errorf("the added technologies were not saved: %+v", saved)
	}
	// Elsewhere the key does nothing: the offer lives on its step.
	h.goTo("summary").press("ctrl+y")
	if got := h.m.Draft().Technologies; len(got) != 2 {
		t.Errorf("ctrl+y off the Technologies step changed the list: %q", got)
	}
}

func TestReadOnlyDraftOffersNothing(t *testing.T) {
	d := model.New("Queue backlog", testNow)
	d.Summary = "Kafka consumers kept retrying against Redis."
	h := newHarness(t, d, 100, 30, func(o *Options) { o.ReadOnly, o.ReadOnlyReason = true, "open elsewhere" })
	h.goTo("technologies").press("ctrl+y")
	if len(h.m.Draft().Technologies) != 0 || strings.Contains(h.view(), "ctrl+y adds") {
		t.Errorf("a read-only draft offered or took technologies:\n%s", h.view())
	}
}

// The report and the Review step show the best quote under each verdict.
func TestVerdictsShowTheirQuote(t *testing.T) {
	d := model.New("Queue backlog", testNow)
	d.Summary = "We missed the disk alert because it went to an inbox nobody reads."
	d.HumanElements = "Our on-call engineer was on parental leave and fixed it during a nap."
	r := model.Score(d)
	r.Items[0].Evidence[0].Line = 12
	out := ansi.Strip(RenderReportWidth(d.Title, r, 100))
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"“We missed the disk alert because it went to an inbox nobody reads.” (Summary, line 12)", "(Human elements)"} {
		if !strings.Contains(flat, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	h := newHarness(t, d, 100, 40)
	h.goTo("review").settle()
	v := strings.Join(strings.Fields(h.view()), " ")
	if !strings.Contains(v, "“We missed the disk alert because") {
		t.Errorf("the Review step lacks the quote:\n%s", h.view())
	}
}

// Typed in the wizard, a summary of stock apology is not an admission:
// the panel shows ◐, never ✓, and says why.
func TestStockApologyIsNotAnAdmissionInTheWizard(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.goTo("summary").focusPath("summary").typ("We apologize for any inconvenience this may have caused to our valued customers.")
	h.settle()
	if it := h.m.report.Items[0]; it.ID != model.ItemAdmitFailure || it.Status != model.Partial {
		t.Fatalf("admit_failure = %s (%s), want partial", it.Status, it.Reason)
	}
	v := h.view()
	if strings.Contains(v, "✓ Admit failure") || !strings.Contains(v, "◐ Admit failure") {
		t.Errorf("the panel shows the stock apology as an admission:\n%s", v)
	}
	h.focusPath("summary").typ(" We let a certificate expire and broke login for an hour.")
	h.settle()
	if it := h.m.report.Items[0]; it.Status != model.Yes {
		t.Errorf("after owning it: admit_failure = %s (%s), want yes; summary %q", it.Status, it.Reason, h.m.Draft().Summary)
	}
}

// settle delivers the score a slow machine computes off the Update loop
// (the wizard scores asynchronously once a score takes over a
// millisecond), so a test reads the verdicts of the draft as it is.
func (h *harness) settle() *harness {
	h.t.Helper()
	for range 4 {
		if !h.m.scoring {
			break
		}
		h.send(scoredMsg{report: model.Score(h.m.Draft()), took: 0})
	}
	return h
}
