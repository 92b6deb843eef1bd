package export

import (
	"strconv"
	"strings"
	"testing"
)

// manySections is a document of n sections pmwiz does not know, each with
// a line of text: the shape that was quadratic before sections were found
// by binary search.
func manySections(n int) []byte {
	var b strings.Builder
	for i := range n {
		b.WriteString("## Heading " + strconv.Itoa(i) + "\n\nSome text " + strconv.Itoa(i) + ".\n\n")
	}
	return []byte(b.String())
}

func BenchmarkImportSections(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		src := manySections(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, _, err := Import(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImportTimeline reads a timeline of list items with times, the
// commonest real shape.
func BenchmarkImportTimeline(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("# Outage on 2026-03-02\n\nAll times UTC.\n\n## Timeline\n\n")
	for i := range 2000 {
		sb.WriteString("- **" + strconv.Itoa(10+i/60%14) + ":" + strconv.Itoa(10+i%50) + " UTC:** something happened and\n  was written on two lines\n")
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, _, err := Import(src); err != nil {
			b.Fatal(err)
		}
	}
}
