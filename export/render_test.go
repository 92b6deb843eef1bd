package export

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func TestRender(t *testing.T) {
	md := mustExport(t, loadTestDraft(t, "typical"), Options{NoStamp: true})
	for _, style := range Styles {
		t.Run(style, func(t *testing.T) {
			out, err := Render(md, 80, style)
			if err != nil {
				t.Fatal(err)
			}
			plain := ansi.Strip(out)
			if !strings.Contains(plain, "Checkout failed for EU customers") || !strings.Contains(plain, "Impact began") {
				t.Errorf("rendered text lacks the title or the timeline:\n%s", plain)
			}
			if style != "notty" && plain == out {
				t.Errorf("%s style has no colour", style)
			}
			if style == "notty" {
				golden.RequireEqual(t, plain)
			}
		})
	}
	if _, err := Render(md, 80, "auto"); err == nil || !strings.Contains(err.Error(), "dark, light or notty") {
		t.Errorf("unknown style: want an error listing the styles, got %v", err)
	}
}

// twoThousandLines is a long post-mortem: the typical export's sections
// repeated until the document is 2,000 lines.
func twoThousandLines(t testing.TB) string {
	md := mustExport(t, loadTestDraft(t, "typical"), Options{NoStamp: true})
	_, body, _ := strings.Cut(md, "## Summary")
	var b strings.Builder
	b.WriteString("# A long post-mortem\n\n")
	for i := 0; strings.Count(b.String(), "\n") < 2000; i++ {
		b.WriteString("## Summary" + body)
	}
	lines := strings.SplitN(b.String(), "\n", 2001)
	return strings.Join(lines[:2000], "\n")
}

func BenchmarkMarkdownTypical(b *testing.B) {
	d := loadTestDraft(b, "typical")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Markdown(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarkdownTypicalCold is an export where no field has been seen
// before (the first export of a draft): every free-text field is parsed.
func BenchmarkMarkdownTypicalCold(b *testing.B) {
	d := loadTestDraft(b, "typical")
	b.ReportAllocs()
	for b.Loop() {
		escapes.mu.Lock()
		escapes.cur, escapes.old = nil, nil
		escapes.mu.Unlock()
		if _, err := Markdown(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImportTypical(b *testing.B) {
	md := []byte(mustExport(b, loadTestDraft(b, "typical"), Options{}))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Import(md); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender2000Lines(b *testing.B) {
	md := twoThousandLines(b)
	for _, style := range Styles {
		b.Run(style, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Render(md, 80, style); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The wizard exports on its event loop while renders run in commands, and
// the CLI may export from several goroutines: both must be safe (run with
// -race).
func TestConcurrentExportAndRender(t *testing.T) {
	d := loadTestDraft(t, "typical")
	want := mustExport(t, d, Options{})
	done := make(chan string, 8)
	for i := range 8 {
		go func() {
			e := d.Clone()
			e.Summary += strings.Repeat(" more", i)
			md, err := Markdown(e, Options{})
			if err != nil {
				done <- err.Error()
				return
			}
			if _, err := Render(string(md), 60, Styles[i%len(Styles)]); err != nil {
				done <- err.Error()
				return
			}
			if i == 0 && string(md) != want {
				done <- "export differs under concurrency"
				return
			}
			done <- ""
		}()
	}
	for range 8 {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}
