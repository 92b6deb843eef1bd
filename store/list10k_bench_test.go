package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// BenchmarkList10000Cold is the first `pmwiz list` over 10,000 drafts
// (about 12 KB each) with no index: every draft is read, decoded and
// scored (issue 12 asks for under 400 ms). The files are written
// directly, without the crash-safe save's fsyncs, to set up in seconds.
func BenchmarkList10000Cold(b *testing.B) {
	s := mustOpen(b)
	for i := range 10_000 {
		data, err := model.Encode(fullDraft(i))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(s.Dir(), fmt.Sprintf("draft-%05d.json", i)), data, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		os.Remove(filepath.Join(s.Dir(), indexName))
		es, err := s.List()
		if err != nil || len(es) != 10_000 {
			b.Fatal(len(es), err)
		}
	}
}
