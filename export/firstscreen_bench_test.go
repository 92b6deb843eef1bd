package export

import (
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model/drafttest"
)

// BenchmarkFirstScreen1MB is the export side of the first preview of a
// 1 MB draft: its export, and the blocks that fill the first screen of
// a 40-line pane at 76 columns (BlockRenderer.RenderTop), with a new
// renderer. "warm": the escapes remembered, as in the wizard, which
// exports a big draft once after its first frame; "cold": nothing
// remembered, as in `pmwiz preview DRAFT`, a new process.
func BenchmarkFirstScreen1MB(b *testing.B) {
	d := drafttest.Megabyte()
	if _, err := Markdown(d, Options{NoStamp: true}); err != nil {
		b.Fatal(err)
	}
	for _, memory := range []string{"warm", "cold"} {
		b.Run(memory, func(b *testing.B) {
			for b.Loop() {
				if memory == "cold" {
					escapes.mu.Lock()
					escapes.cur, escapes.old = nil, nil
					escapes.mu.Unlock()
				}
				md, err := Markdown(d, Options{NoStamp: true})
				if err != nil {
					b.Fatal(err)
				}
				br, err := NewBlockRenderer("dark", 76)
				if err != nil {
					b.Fatal(err)
				}
				out, _, err := br.RenderTop(string(md), 40)
				if err != nil || strings.Count(out, "\n") < 40 {
					b.Fatalf("%d lines, %v", strings.Count(out, "\n"), err)
				}
			}
		})
	}
}
