//go:build unix

package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// swapFS replaces a file the moment before pmwiz first opens it: what
// another program could do between the listing's look at the directory
// and its read of the draft.
type swapFS struct {
	OSFS
	once sync.Once
	swap func(name string)
}

func (f *swapFS) Open(name string) (fs.File, error) {
	f.once.Do(func() { f.swap(name) })
	return f.OSFS.Open(name)
}

// List opens a draft it saw as a regular file without looking at it
// again first; a file replaced in between is never read as that draft,
// but checked from the start and listed for what it now is.
func TestListChecksADraftReplacedBeforeItIsRead(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "elsewhere.json")
	writeRaw(t, outside, encode(t, fullDraft(7)))
	for _, tc := range []struct {
		name    string
		replace func(t *testing.T, s *Store, path string)
		check   func(t *testing.T, e Entry)
	}{
		{"by a link out of the drafts directory", func(t *testing.T, s *Store, path string) {
			os.Remove(path)
			if err := os.Symlink(outside, path); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, e Entry) {
			if e.Err == nil || !strings.Contains(e.Err.Error(), "outside the drafts directory") || e.Title != "" {
				t.Errorf("listed %q, error %v; want the link refused", e.Title, e.Err)
			}
		}},
		{"by a named pipe", func(t *testing.T, s *Store, path string) {
			os.Remove(path)
			if err := syscall.Mkfifo(path, 0o600); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
		}, func(t *testing.T, e Entry) {
			if e.Err == nil || !strings.Contains(e.Err.Error(), "named pipe") {
				t.Errorf("listed %q, error %v; want it called a named pipe", e.Title, e.Err)
			}
		}},
		{"by a new save", func(t *testing.T, s *Store, path string) {
			d := fullDraft(1)
			d.Title = "Saved meanwhile"
			if err := s.Save("pm", d); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, e Entry) {
			if e.Err != nil || e.Title != "Saved meanwhile" {
				t.Errorf("listed %q, error %v; want the new save's title", e.Title, e.Err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := &swapFS{}
			s := mustOpen(t, WithFS(fsys))
			if err := s.Save("pm", fullDraft(1)); err != nil {
				t.Fatal(err)
			}
			fsys.swap = func(name string) {
				if filepath.Base(name) == "pm.json" {
					tc.replace(t, s, name)
				}
			}
			done := make(chan []Entry, 1)
			go func() {
				es, err := s.List()
				if err != nil {
					t.Error(err)
				}
				done <- es
			}()
			select {
			case es := <-done:
				if len(es) != 1 {
					t.Fatalf("listed %d drafts: %+v", len(es), es)
				}
				tc.check(t, es[0])
			case <-time.After(10 * time.Second):
				t.Fatal("List hung")
			}
		})
	}
}
