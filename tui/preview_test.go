package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

func previewDraft(t testing.TB) *model.Draft {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "export", "testdata", "drafts", "typical.json"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// run executes cmd (a render) and feeds its message back, as bubbletea
// would, and so on while the preview asks for more (the rest of a first
// screen, a change made meanwhile).
func run(t testing.TB, p Preview, cmd tea.Cmd) Preview {
	t.Helper()
	p, _ = runCounting(t, p, cmd)
	return p
}

// runCounting is run, also counting the renders that drew something new.
func runCounting(t testing.TB, p Preview, cmd tea.Cmd) (Preview, int) {
	t.Helper()
	if cmd == nil {
		t.Fatal("want a render command, got none")
	}
	renders := 0
	for cmd != nil {
		msg := cmd()
		if r, ok := msg.(previewRenderedMsg); ok && !r.same && r.err == nil {
			renders++
		}
		p, cmd = p.Update(msg)
	}
	return p, renders
}

func TestPreviewRendersOffTheUpdateLoop(t *testing.T) {
	p := NewPreview(true)
	if got := ansi.Strip(p.View()); !strings.Contains(got, "Nothing to preview yet") {
		t.Errorf("empty preview: %q", got)
	}
	p, cmd := p.SetSize(60, 20)
	if cmd != nil {
		t.Error("sizing an empty preview should not render")
	}
	p, cmd = p.SetDraft(previewDraft(t))
	if got := ansi.Strip(p.View()); !strings.Contains(got, "Rendering preview") {
		t.Errorf("before the render lands the pane says so, got %q", got)
	}
	p = run(t, p, cmd)
	view := ansi.Strip(p.View())
	if !strings.Contains(view, "Checkout failed for EU customers") || !strings.Contains(view, "Summary") {
		t.Errorf("rendered view lacks the title or summary:\n%s", view)
	}
	for i, line := range strings.Split(view, "\n") {
		if w := ansi.StringWidth(line); w > 60 {
			t.Errorf("line %d is %d wide, pane is 60: %q", i, w, line)
		}
	}
	if n := len(strings.Split(view, "\n")); n > 20 {
		t.Errorf("view has %d lines, pane is 20", n)
	}
}

func TestPreviewFitsThePaneInEveryStyle(t *testing.T) {
	for _, style := range []string{"dark", "light", "notty"} {
		for _, w := range []int{20, 45, 80} {
			p, _ := newPreviewStyle(style).SetSize(w, 200)
			p, cmd := p.SetDraft(previewDraft(t))
			p = run(t, p, cmd)
			for i, line := range strings.Split(ansi.Strip(p.View()), "\n") {
				if lw := ansi.StringWidth(line); lw > w {
					t.Errorf("%s at %d: line %d is %d wide: %q", style, w, i, lw, line)
					break
				}
			}
		}
	}
}

func TestPreviewRendersAgainOnlyWhenSomethingChanged(t *testing.T) {
	d := previewDraft(t)
	p, _ := NewPreview(true).SetSize(60, 20)
	p, cmd := p.SetDraft(d)
	p = run(t, p, cmd)

	cases := []struct {
		name   string
		change func(Preview) (Preview, tea.Cmd)
		render bool
	}{
		{"same draft (a keystroke that changes nothing exported)", func(p Preview) (Preview, tea.Cmd) { return p.SetDraft(d) }, false},
		{"taller pane", func(p Preview) (Preview, tea.Cmd) { return p.SetSize(60, 30) }, false},
		{"wider pane", func(p Preview) (Preview, tea.Cmd) { return p.SetSize(80, 30) }, true},
		{"same style", func(p Preview) (Preview, tea.Cmd) { return p.SetDark(true) }, false},
		{"light background", func(p Preview) (Preview, tea.Cmd) { return p.SetDark(false) }, true},
		{"edited summary", func(p Preview) (Preview, tea.Cmd) {
			e := d.Clone()
			e.Summary += " More."
			return p.SetDraft(e)
		}, true},
	}
	for _, c := range cases {
		var cmd tea.Cmd
		p, cmd = c.change(p)
		renders := 0
		if cmd != nil {
			p, renders = runCounting(t, p, cmd)
		}
		if (renders > 0) != c.render {
			t.Errorf("%s: %d renders, want render = %v", c.name, renders, c.render)
		}
	}
}

// One render runs at a time; changes made meanwhile fold into one more
// render when it lands, and a result that is not the running job's (a
// replayed or another preview's message) never replaces what is shown.
func TestPreviewFoldsChangesIntoOneRenderAndDropsStaleResults(t *testing.T) {
	d := previewDraft(t)
	p, _ := NewPreview(true).SetSize(60, 20)
	p, first := p.SetDraft(d)
	if first == nil {
		t.Fatal("no render started")
	}
	var cmd tea.Cmd
	for i := range 5 {
		e := d.Clone()
		e.Title = fmt.Sprintf("Newer title %d", i)
		if p, cmd = p.SetDraft(e); cmd != nil {
			t.Fatalf("change %d started a second render while one runs", i)
		}
	}
	firstMsg := first()
	p, next := p.Update(firstMsg)
	for next != nil {
		// The first screen's rest, then the folded change: one job at a time.
		msg := next()
		p, next = p.Update(msg)
	}
	if view := ansi.Strip(p.View()); !strings.Contains(view, "Newer title 4") {
		t.Errorf("the last change is not on screen:\n%s", view)
	}
	p, _ = p.Update(firstMsg) // arrives again, late: must not replace the newer one
	if view := ansi.Strip(p.View()); !strings.Contains(view, "Newer title 4") {
		t.Errorf("a stale render replaced the newer one:\n%s", view)
	}
	other, _ := NewPreview(true).SetSize(60, 20)
	other, _ = other.Update(firstMsg) // another preview's result is ignored
	if strings.Contains(ansi.Strip(other.View()), "Checkout failed") {
		t.Error("a preview showed another preview's render")
	}
}

// A resize re-renders at the new width, even while a render at the old
// one is running.
func TestPreviewResizeWhileRenderingRendersAtTheNewWidth(t *testing.T) {
	p, _ := NewPreview(true).SetSize(80, 20)
	p, cmd := p.SetDraft(previewDraft(t))
	p, none := p.SetSize(40, 20)
	if none != nil {
		t.Fatal("a resize started a second render while one runs")
	}
	p = run(t, p, cmd)
	for i, line := range strings.Split(ansi.Strip(p.View()), "\n") {
		if w := ansi.StringWidth(line); w > 40 {
			t.Errorf("line %d is %d wide after resizing to 40: %q", i, w, line)
		}
	}
}

func TestPreviewScrollKeys(t *testing.T) {
	p, _ := NewPreview(true).SetSize(60, 8)
	p, cmd := p.SetDraft(previewDraft(t))
	p = run(t, p, cmd)
	key := func(p Preview, k tea.KeyPressMsg) Preview { p, _ = p.Update(k); return p }

	p = key(p, tea.KeyPressMsg{Code: 'j', Text: "j"})
	if p.ScrollPercent() != 0 {
		t.Error("an unfocused preview took a letter a text field needed")
	}
	p = key(p, tea.KeyPressMsg{Code: tea.KeyPgDown})
	if p.ScrollPercent() == 0 {
		t.Error("page down did not scroll")
	}
	p = p.Focus()
	before := p.ScrollPercent()
	p = key(p, tea.KeyPressMsg{Code: 'j', Text: "j"})
	if p.ScrollPercent() <= before {
		t.Error("j did not scroll a focused preview")
	}
	p = key(p, tea.KeyPressMsg{Code: 'g', Text: "g"})
	if p.ScrollPercent() != 0 {
		t.Error("g did not go to the top")
	}
}

func TestPreviewSurvivesTinySizes(t *testing.T) {
	p, _ := NewPreview(false).SetSize(0, 0)
	p, cmd := p.SetDraft(previewDraft(t))
	p = run(t, p, cmd)
	_ = p.View()
	p, cmd = p.SetSize(3, 1)
	if cmd != nil {
		p = run(t, p, cmd)
	}
	_ = p.View()
}

func BenchmarkPreviewKeystrokeCacheHit(b *testing.B) {
	d := previewDraft(b)
	p, _ := NewPreview(true).SetSize(80, 40)
	p, cmd := p.SetDraft(d)
	p = run(b, p, cmd)
	b.ReportAllocs()
	for b.Loop() {
		var cmd tea.Cmd
		p, cmd = p.SetDraft(d)
		if cmd != nil {
			b.Fatal("cache miss")
		}
	}
}

func BenchmarkPreviewKeystrokeRender(b *testing.B) {
	d := previewDraft(b)
	p, _ := NewPreview(true).SetSize(80, 40)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		e := d.Clone()
		e.Summary += strings.Repeat("x", i%50)
		var cmd tea.Cmd
		p, cmd = p.SetDraft(e)
		p = run(b, p, cmd)
	}
}
