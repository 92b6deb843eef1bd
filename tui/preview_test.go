package tui

import (
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
// would.
func run(t testing.TB, p Preview, cmd tea.Cmd) Preview {
	t.Helper()
	if cmd == nil {
		t.Fatal("want a render command, got none")
	}
	p, _ = p.Update(cmd())
	return p
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
		if (cmd != nil) != c.render {
			t.Errorf("%s: render = %v, want %v", c.name, cmd != nil, c.render)
		}
		if cmd != nil {
			p = run(t, p, cmd)
		}
	}
}

func TestPreviewDropsStaleRenders(t *testing.T) {
	d := previewDraft(t)
	p, _ := NewPreview(true).SetSize(60, 20)
	p, first := p.SetDraft(d)
	e := d.Clone()
	e.Title = "A newer title"
	p, second := p.SetDraft(e)
	newer := second()
	older := first()
	p, _ = p.Update(newer)
	p, _ = p.Update(older) // arrives late: must not replace the newer one
	if view := ansi.Strip(p.View()); !strings.Contains(view, "A newer title") {
		t.Errorf("a stale render replaced the newer one:\n%s", view)
	}
	other := NewPreview(true)
	other, _ = other.Update(newer) // another preview's result is ignored
	if strings.Contains(ansi.Strip(other.View()), "A newer title") {
		t.Error("a preview showed another preview's render")
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
