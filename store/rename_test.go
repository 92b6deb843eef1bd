package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Renaming after the title never takes a name another draft has, or one
// another pmwiz holds locked (it may be creating it right now), and the
// backup goes with the draft.
func TestRenameToTitleIsSafe(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	old, _, err := s.Create("", day)
	if err != nil {
		t.Fatal(err)
	}
	oldPath := filepath.Join(dir, old+".json")
	if err := os.WriteFile(oldPath+".bak", []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Create("CDN outage", day); err != nil { // takes …-cdn-outage
		t.Fatal(err)
	}
	held, err := s.Lock("2026-11-29-cdn-outage-2") // another pmwiz holds -2
	if err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()
	path, lock, err := s.RenameToTitle(oldPath, "CDN outage", day)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	if filepath.Base(path) != "2026-11-29-cdn-outage-3.json" {
		t.Fatalf("renamed to %s", path)
	}
	if _, err := os.Stat(oldPath); !os.IsNotExist(err) {
		t.Error("the old name is still there")
	}
	if _, err := os.Stat(path + ".bak"); err != nil {
		t.Error("the backup did not follow the draft")
	}
	if _, err := s.Load(path); err != nil {
		t.Fatal(err)
	}
	// Already named for its title: nothing moves.
	if p2, l2, err := s.RenameToTitle(path, "CDN outage", day); err != nil || p2 != path || l2 != nil {
		t.Fatalf("second rename: %s %v %v", p2, l2, err)
	}
}
