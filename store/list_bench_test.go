package store

import (
	"fmt"
	"testing"
)

// BenchmarkList1000 lists a directory of 1,000 complete drafts, as
// "pmwiz list" does. Figures are in docs/performance.md.
func BenchmarkList1000(b *testing.B) {
	s := mustOpen(b)
	for i := range 1000 {
		if err := s.Save(fmt.Sprintf("draft-%04d", i), fullDraft(i)); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		es, err := s.List()
		if err != nil || len(es) != 1000 {
			b.Fatal(len(es), err)
		}
	}
}
