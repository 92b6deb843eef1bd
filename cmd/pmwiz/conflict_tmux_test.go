package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// Issue 11, hole 2, with two real wizards: A opens the draft, its lock
// file is removed (or replaced by another file), B opens the same draft
// with no question, both type, both quit. Before, the draft held only
// the last one's text. Now A is told on screen, A's work is in a copy
// beside the draft, B's is the draft, and A's last words say where each is.
func TestTwoWizardsAfterTheLockWasRemovedOrReplaced(t *testing.T) {
	bin := buildPmwiz(t)
	for _, how := range []string{"removed", "replaced"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			s, err := store.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Save("x", model.New("start", time.Now())); err != nil {
				t.Fatal(err)
			}
			a := startTmux(t, dir, bin+" resume x")
			a.waitFor("1. Basics")
			lock := filepath.Join(dir, "x.lock")
			switch how {
			case "removed":
				os.Remove(lock)
			case "replaced":
				tmp := filepath.Join(dir, "other.lock")
				os.WriteFile(tmp, []byte("{}\n"), 0o600)
				if err := os.Rename(tmp, lock); err != nil {
					t.Fatal(err)
				}
			}
			b := startTmux(t, dir, bin+" resume x")
			scr := b.waitFor("1. Basics")
			if strings.Contains(scr, "read-only") {
				t.Fatalf("B opened read-only: the test needs the hole open:\n%s", scr)
			}
			a.keys("-l", " typed by A")
			a.waitFor("typed by A")
			b.keys("-l", " typed by B")
			b.waitFor("typed by B")
			// A's next save finds the draft is B's now.
			a.waitFor("changed on disk")
			a.keys("C-c")
			out := a.waitFor("EXIT=")
			if !strings.Contains(out, "Saved your version") || !strings.Contains(out, "x-conflict-") {
				t.Errorf("A's last words do not say where its work is:\n%s", out)
			}
			b.keys("C-c")
			b.waitFor("EXIT=")

			l, err := s.Load("x")
			if err != nil {
				t.Fatal(err)
			}
			if l.Draft.Title != "start typed by B" {
				t.Errorf("the draft holds %q, want B's work", l.Draft.Title)
			}
			copies, _ := filepath.Glob(filepath.Join(dir, "x-conflict-*.json"))
			if len(copies) != 1 {
				t.Fatalf("conflict copies %v, want one", copies)
			}
			c, err := s.Load(copies[0])
			if err != nil {
				t.Fatal(err)
			}
			if c.Draft.Title != "start typed by A" {
				t.Errorf("the copy holds %q, want A's work", c.Draft.Title)
			}
		})
	}
}
