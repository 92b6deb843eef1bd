package tui

import (
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// BenchmarkPreviewTypingRefresh1MB is what one refresh of the preview
// costs while the writer types at the start of the 1 MB draft's 60 KB
// summary, which is on screen: the export and the render job, up to its
// landing (a pause's render of what it left is not counted: it comes
// once typing stops).
func BenchmarkPreviewTypingRefresh1MB(b *testing.B) {
	d := hugeDraft()
	p, _ := NewPreview(true).SetSize(60, 28)
	p, cmd := p.SetDraft(d)
	p = run(b, p, cmd)
	letters := []string{"a", "b"}
	base := d.Summary
	i := 0
	for b.Loop() {
		i++
		e := *d
		e.Summary = letters[i%2] + base
		p = refreshOnce(b, p, &e)
	}
}

// refreshOnce is a refresh of p with d: the job it starts, landed.
func refreshOnce(b *testing.B, p Preview, d *model.Draft) Preview {
	p, cmd := p.SetDraft(d)
	if cmd == nil {
		b.Fatal("no render")
	}
	p, _ = p.Update(cmd())
	return p
}
