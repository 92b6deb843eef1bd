package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// plantIndex rewrites the index with edit applied to each row.
func plantIndex(t *testing.T, s *Store, edit func(*indexFile)) {
	t.Helper()
	path := filepath.Join(s.Dir(), indexName)
	var idx indexFile
	if err := json.Unmarshal(readFile(t, path), &idx); err != nil {
		t.Fatal(err)
	}
	edit(&idx)
	data, err := json.Marshal(idx)
	if err != nil {
		t.Fatal(err)
	}
	writeRaw(t, path, data)
}

func listed(t *testing.T, s *Store, name string) Entry {
	t.Helper()
	es, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("%s not listed", name)
	return Entry{}
}

// A score in the index is shown only while this build scores the way the
// build that wrote it did; a new build of the same scoring keeps it.
func TestListIndexFollowsScoringNotTheBinary(t *testing.T) {
	s := mustOpen(t)
	if err := s.Save("pm", fullDraft(1)); err != nil {
		t.Fatal(err)
	}
	real := listed(t, s, "pm").Score
	setScore := func(scoring string) {
		plantIndex(t, s, func(idx *indexFile) {
			idx.Scoring = scoring
			row := idx.Drafts["pm"]
			row.Score = 1.5
			idx.Drafts["pm"] = row
		})
	}
	setScore(model.ScoringVersion())
	if got := listed(t, s, "pm").Score; got != 1.5 {
		t.Fatalf("same scoring: score %v, want the index's 1.5", got)
	}
	setScore("scored by another rubric")
	if got := listed(t, s, "pm").Score; got != real {
		t.Fatalf("other scoring: score %v, want %v computed again", got, real)
	}
}

// A file whose identity changed but whose bytes did not (touched, checked
// out again) keeps its row; any change of bytes is read and scored again,
// even with the size and the mtime put back.
func TestListIndexRowsFollowTheBytes(t *testing.T) {
	s := mustOpen(t)
	d := fullDraft(1)
	d.Updated = nil // the listing shows the file's time
	if err := s.Save("pm", d); err != nil {
		t.Fatal(err)
	}
	listed(t, s, "pm")
	plantIndex(t, s, func(idx *indexFile) {
		row := idx.Drafts["pm"]
		row.Title = "from the index"
		idx.Drafts["pm"] = row
	})
	path := filepath.Join(s.Dir(), "pm.json")
	later := time.Now().Add(time.Hour).Truncate(time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	e := listed(t, s, "pm")
	if e.Title != "from the index" {
		t.Fatalf("touched file: title %q, want the row kept for the same bytes", e.Title)
	}
	if !e.Updated.Equal(later) {
		t.Fatalf("touched file: updated %v, want the file's new time %v", e.Updated, later)
	}
	// The row now carries the new identity: no read at all next time.
	var idx indexFile
	if err := json.Unmarshal(readFile(t, filepath.Join(s.Dir(), indexName)), &idx); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	if idx.Drafts["pm"].File != fileIDOf(fi) {
		t.Errorf("row identity %+v, file %+v", idx.Drafts["pm"].File, fileIDOf(fi))
	}

	// Same size, same mtime, other bytes: the analysis emptied in place.
	data := readFile(t, path)
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	before := listed(t, s, "pm")
	for _, k := range []string{"five_whys", "lessons", "action_items", "root_cause"} {
		delete(raw, k)
	}
	edited, _ := json.Marshal(raw)
	for len(edited) < len(data) {
		edited = append(edited, ' ')
	}
	if len(edited) != len(data) {
		t.Fatalf("edit is %d bytes, file %d", len(edited), len(data))
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(edited)
	f.Close()
	os.Chtimes(path, later, later)
	after := listed(t, s, "pm")
	want := model.Score(mustDecode(t, edited)).Score
	if want == before.Score {
		t.Fatalf("the edit does not change the score (%v): it cannot show a stale one", want)
	}
	if after.Score != want || after.Title == "from the index" {
		t.Fatalf("edited in place: score %v (was %v), title %q; want %v scored from the new bytes", after.Score, before.Score, after.Title, want)
	}
}

func mustDecode(t *testing.T, data []byte) *model.Draft {
	t.Helper()
	d, err := model.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
