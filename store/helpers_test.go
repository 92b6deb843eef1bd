package store

import (
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/model/drafttest"
)

var t0 = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

func tp(t time.Time) *time.Time { return &t }

// fullDraft is a realistic, complete post-mortem of about 10 KB: every
// section filled, a timeline of events, five whys and action items; the
// drafts of the listing benchmarks and of scripts/bigdraft -kind drafts.
func fullDraft(i int) *model.Draft { return drafttest.Listing(i, t0) }

func mustOpen(t testing.TB, opts ...Option) *Store {
	t.Helper()
	s, err := Open(t.TempDir(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
