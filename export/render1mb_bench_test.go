package export

import (
	"fmt"
	"strings"
	"testing"
)

// megabyteMarkdown is a post-mortem export of about 1 MB: long paragraphs,
// a 3,000-row timeline table and long lists, the shape of the 1 MB draft
// in tui's benchmarks.
func megabyteMarkdown() string {
	para := "The payment service retried against the stale primary while the replica caught up, and every retry made the queue longer. "
	var b strings.Builder
	b.WriteString("# Checkout failed for 47 minutes\n\n")
	for _, h := range []string{"Summary", "Impact", "Root cause", "Human elements", "What others can learn"} {
		fmt.Fprintf(&b, "## %s\n\n", h)
		for range 8 {
			b.WriteString(strings.Repeat(para, 60) + "\n\n")
		}
	}
	b.WriteString("## Timeline\n\n| Time | Event |\n| --- | --- |\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "| 14:%02d | Step %d of the rollback: drained node %d and watched the error rate |\n", i%60, i, i)
	}
	b.WriteString("\n## Lessons learned\n\n")
	for i := range 600 {
		fmt.Fprintf(&b, "- Lesson %d: a config value needs the same review as the code that reads it\n", i)
	}
	return b.String()
}

// BenchmarkRender1MB is `pmwiz preview` piped (notty) and with --style
// dark over 1 MB of Markdown: block by block on every core.
func BenchmarkRender1MB(b *testing.B) {
	md := megabyteMarkdown()
	for _, style := range []string{"notty", "dark"} {
		b.Run(style, func(b *testing.B) {
			for b.Loop() {
				if _, err := Render(md, 80, style); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGlamourOnly1MB is glamour's own render of the same Markdown in
// one piece, the floor Render is compared with.
func BenchmarkGlamourOnly1MB(b *testing.B) {
	md := megabyteMarkdown()
	for _, style := range []string{"notty", "dark"} {
		b.Run(style, func(b *testing.B) {
			for b.Loop() {
				tr, err := termRenderer(style, 80)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := tr.Render(md); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
