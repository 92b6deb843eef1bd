package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func thousandDrafts(b *testing.B) *Store {
	b.Helper()
	s := mustOpen(b)
	for i := range 1000 {
		if err := s.Save(fmt.Sprintf("draft-%04d", i), fullDraft(i)); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkList1000 is "pmwiz list" over 1,000 complete drafts (about
// 12 KB each), the usual case: the index is warm, a few files changed.
// Figures are in docs/performance.md.
func BenchmarkList1000(b *testing.B) {
	s := thousandDrafts(b)
	if _, err := s.List(); err != nil { // builds the index
		b.Fatal(err)
	}
	for b.Loop() {
		es, err := s.List()
		if err != nil || len(es) != 1000 {
			b.Fatal(len(es), err)
		}
	}
}

// BenchmarkList1000Cold is the first listing after an upgrade (or with the
// index deleted): every draft is read, decoded and scored.
func BenchmarkList1000Cold(b *testing.B) {
	s := thousandDrafts(b)
	for b.Loop() {
		os.Remove(filepath.Join(s.Dir(), indexName))
		es, err := s.List()
		if err != nil || len(es) != 1000 {
			b.Fatal(len(es), err)
		}
	}
}

// BenchmarkSave is one crash-safe save of a 12 KB draft: two fsyncs.
func BenchmarkSave(b *testing.B) {
	s := mustOpen(b)
	d := fullDraft(1)
	for b.Loop() {
		if err := s.Save("pm", d); err != nil {
			b.Fatal(err)
		}
	}
}
