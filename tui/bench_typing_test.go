package tui

import (
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// BenchmarkPreviewTypingRefresh1MB is what one refresh of the preview
// costs while the writer types into the 1 MB draft with the preview at
// its top: the export and the render job, up to its landing (a pause's
// render of what it left is not counted: it comes once typing stops).
// "summary": at the start of the 60 KB summary, on screen; "event": in
// an event of the 3,000-row timeline table, below the screen.
func BenchmarkPreviewTypingRefresh1MB(b *testing.B) {
	edits := map[string]func(d *model.Draft, letter string){
		"summary": func(d *model.Draft, letter string) { d.Summary = letter + d.Summary },
		"event": func(d *model.Draft, letter string) {
			d.Timeline.Events = append([]model.Event(nil), d.Timeline.Events...)
			d.Timeline.Events[10].Text = letter + d.Timeline.Events[10].Text
		},
	}
	for _, name := range []string{"summary", "event"} {
		b.Run(name, func(b *testing.B) {
			d := hugeDraft()
			p, _ := NewPreview(true).SetSize(60, 28)
			p, cmd := p.SetDraft(d)
			p = run(b, p, cmd)
			i := 0
			for b.Loop() {
				i++
				e := *d
				edits[name](&e, []string{"a", "b"}[i%2])
				p = refreshOnce(b, p, &e)
			}
		})
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
