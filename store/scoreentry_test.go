package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A listing that scored nothing, each row then scored on its own, agrees
// with List row for row: scores, titles, dates, and the broken drafts
// (one broken past its head, which the short listing could not tell).
func TestScoreEntryAgreesWithList(t *testing.T) {
	s := varied(t, 12)
	ref := mustOpen(t)
	copyDrafts(t, s.Dir(), ref.Dir())
	want, err := ref.List()
	if err != nil {
		t.Fatal(err)
	}
	short, err := s.ListWith(ListOptions{Scored: 0})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Entry{}
	for _, e := range short {
		if e.Err == nil && e.MaxScore != 0 {
			t.Fatalf("%s was scored by a listing asked to score none", e.Name)
		}
		byName[e.Name] = s.ScoreEntry(e)
	}
	for _, w := range want {
		g, ok := byName[w.Name]
		if !ok {
			t.Errorf("%s: listed by List, not by ListWith", w.Name)
			continue
		}
		if g.Title != w.Title || g.Status != w.Status || !g.Updated.Equal(w.Updated) || g.Score != w.Score || g.MaxScore != w.MaxScore || g.Size != w.Size {
			t.Errorf("%s scored = %q %s %v %v/%d size %d, List says %q %s %v %v/%d size %d", w.Name, g.Title, g.Status, g.Updated, g.Score, g.MaxScore, g.Size,
				w.Title, w.Status, w.Updated, w.Score, w.MaxScore, w.Size)
		}
		if g.Reason() != w.Reason() {
			t.Errorf("%s: scored says %q, List says %q", w.Name, g.Reason(), w.Reason())
		}
		if w.Err == nil && g.MaxScore == 0 {
			t.Errorf("%s: still no score", w.Name)
		}
	}
}

// A draft broken past its title and date is listed whole by a short
// listing; scoring it finds it broken, with the error Load gives.
func TestScoreEntryFindsABrokenDraftAsLoadDoes(t *testing.T) {
	s := varied(t, 4)
	short, err := s.ListWith(ListOptions{Scored: 0})
	if err != nil {
		t.Fatal(err)
	}
	var typo Entry
	for _, e := range short {
		if e.Name == "typo" {
			typo = e
		}
	}
	if typo.Name == "" || typo.Err != nil || typo.Title != "Typo" {
		t.Fatalf("the short listing shows typo as %+v; want it skimmed whole", typo)
	}
	got := s.ScoreEntry(typo)
	_, lerr := s.Load("typo")
	var want, have *LoadError
	if !errors.As(lerr, &want) || !errors.As(got.Err, &have) {
		t.Fatalf("scored: %v; Load: %v; want a *LoadError from both", got.Err, lerr)
	}
	if have.Short() != want.Short() || have.Path != want.Path || have.Hint != want.Hint {
		t.Errorf("scored: %q (%s; %s)\nLoad:   %q (%s; %s)", have.Short(), have.Path, have.Hint, want.Short(), want.Path, want.Hint)
	}
	if got.MaxScore != 0 {
		t.Errorf("a broken draft has a score: %v/%d", got.Score, got.MaxScore)
	}
	// Dated by its file, as List dates a broken draft, not by the date
	// the skim read in it.
	fi, err := os.Stat(filepath.Join(s.Dir(), "typo.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !got.Updated.Equal(fi.ModTime()) {
		t.Errorf("broken draft dated %v, its file %v", got.Updated, fi.ModTime())
	}
}

// A draft that vanished after the listing, or an entry naming something
// else than a draft of the directory, comes back with an error: never a
// score, never a file read outside the directory.
func TestScoreEntryRefusesWhatIsNotAListedDraft(t *testing.T) {
	s := varied(t, 2)
	short, err := s.ListWith(ListOptions{Scored: 0})
	if err != nil {
		t.Fatal(err)
	}
	e := short[0]
	if err := os.Remove(e.Path); err != nil {
		t.Fatal(err)
	}
	if got := s.ScoreEntry(e); got.Err == nil || got.MaxScore != 0 {
		t.Errorf("vanished draft scored: %+v", got)
	}
	outside := filepath.Join(t.TempDir(), "elsewhere.json")
	writeRaw(t, outside, []byte(`{"schema": 1, "title": "Elsewhere"}`))
	for _, bad := range []Entry{
		{Name: "elsewhere", Path: outside},
		{Name: "../" + filepath.Base(filepath.Dir(outside)) + "/elsewhere", Path: outside},
		{Name: "", Path: s.Dir() + "/.json"},
	} {
		if got := s.ScoreEntry(bad); got.Err == nil || got.MaxScore != 0 || got.Title != "" {
			t.Errorf("ScoreEntry(%q, %q) = %+v; want an error", bad.Name, bad.Path, got)
		}
	}
}
