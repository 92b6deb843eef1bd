package store

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func listTitles(t *testing.T, s *Store) map[string]string {
	t.Helper()
	es, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range es {
		if e.Err != nil {
			m[e.Name] = "ERR"
			continue
		}
		m[e.Name] = e.Title
	}
	return m
}

func TestListIndexIsUsedAndInvalidated(t *testing.T) {
	s := mustOpen(t)
	for _, n := range []string{"a", "b"} {
		d := fullDraft(1)
		d.Title = "title " + n
		if err := s.Save(n, d); err != nil {
			t.Fatal(err)
		}
	}
	listTitles(t, s)
	indexPath := filepath.Join(s.Dir(), indexName)
	var idx indexFile
	if err := json.Unmarshal(readFile(t, indexPath), &idx); err != nil || len(idx.Drafts) != 2 {
		t.Fatalf("index after the first List: %v %+v", err, idx)
	}
	if fi, _ := os.Stat(indexPath); fi.Mode().Perm() != 0o600 {
		t.Errorf("index mode %v: it holds titles, so 0600", fi.Mode().Perm())
	}
	// The index is what List reads for unchanged files (planted value).
	ie := idx.Drafts["a"]
	ie.Title = "from the index"
	idx.Drafts["a"] = ie
	data, _ := json.Marshal(idx)
	writeRaw(t, indexPath, data)
	if got := listTitles(t, s); got["a"] != "from the index" {
		t.Fatalf("List did not use the index: %v", got)
	}
	// A save changes the file: List reads it again.
	d := fullDraft(1)
	d.Title = "saved again"
	if err := s.Save("a", d); err != nil {
		t.Fatal(err)
	}
	if got := listTitles(t, s); got["a"] != "saved again" || got["b"] != "title b" {
		t.Fatalf("after a save, List = %v", got)
	}
	// So does an edit in place that keeps the size and the mtime.
	path := filepath.Join(s.Dir(), "b.json")
	fi, _ := os.Stat(path)
	orig := readFile(t, path)
	edited := bytes.Replace(orig, []byte("title b"), []byte("title X"), 1) // same size
	f, _ := os.OpenFile(path, os.O_WRONLY, 0)
	f.Write(edited)
	f.Close()
	os.Chtimes(path, fi.ModTime(), fi.ModTime())
	if got := listTitles(t, s); got["b"] != "title X" {
		t.Fatalf("an edit in place was not noticed: %v", got)
	}
	// A draft that breaks is reported, not served from the index.
	writeRaw(t, path, []byte("{"))
	if got := listTitles(t, s); got["b"] != "ERR" {
		t.Fatalf("broken draft served from the index: %v", got)
	}
	// A trashed draft leaves the index.
	if _, err := s.MoveToTrash("a"); err != nil {
		t.Fatal(err)
	}
	listTitles(t, s)
	idx = indexFile{}
	json.Unmarshal(readFile(t, indexPath), &idx)
	if _, ok := idx.Drafts["a"]; ok {
		t.Error("trashed draft still in the index")
	}
}

func TestListSurvivesABadIndex(t *testing.T) {
	for _, bad := range []string{"", "{", `{"format": 99}`, `{"format": 1, "tool": "another build", "drafts": {"pm": {"title": "stale"}}}`, `{"format": 2, "scoring": "another rubric", "drafts": {"pm": {"title": "stale"}}}`, `[]`} {
		s := mustOpen(t)
		if err := s.Save("pm", fullDraft(1)); err != nil {
			t.Fatal(err)
		}
		writeRaw(t, filepath.Join(s.Dir(), indexName), []byte(bad))
		if got := listTitles(t, s); got["pm"] != fullDraft(1).Title {
			t.Errorf("with index %q, List = %v", bad, got)
		}
	}
}
