//go:build unix

package store

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe left in the drafts directory (or passed as a draft) is
// reported, not opened: opening it would wait for a writer forever, and
// "pmwiz list" hung.
func TestNamedPipeIsReportedNotOpened(t *testing.T) {
	s := mustOpen(t)
	if err := s.Save("good", fullDraft(1)); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(s.Dir(), "pipe.json"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan []Entry, 1)
	go func() {
		es, _ := s.List()
		done <- es
	}()
	select {
	case es := <-done:
		found := false
		for _, e := range es {
			if e.Name == "pipe" {
				found = true
				if e.Err == nil || !strings.Contains(e.Err.Error(), "named pipe") {
					t.Errorf("pipe listed with error %v, want one saying it is a named pipe", e.Err)
				}
			}
		}
		if !found {
			t.Errorf("the pipe is not listed: %+v", es)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("List hung on a named pipe")
	}
	if _, err := s.Load("pipe"); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("Load(pipe) = %v, want an error saying it is a named pipe", err)
	}
}

// An index that is not a regular file (a FIFO, which an open waits on for
// ever; a link, here to /dev/zero, which a read never finishes) is not
// read: the listing reads the drafts instead, and replaces it.
func TestListIgnoresAnIndexThatIsNotAFile(t *testing.T) {
	for _, kind := range []string{"fifo", "link to /dev/zero"} {
		t.Run(kind, func(t *testing.T) {
			s := mustOpen(t)
			if err := s.Save("pm", fullDraft(1)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(s.Dir(), indexName)
			var err error
			if kind == "fifo" {
				err = syscall.Mkfifo(path, 0o600)
			} else {
				err = os.Symlink("/dev/zero", path)
			}
			if err != nil {
				t.Skip(err)
			}
			done := make(chan map[string]string, 1)
			go func() { done <- listTitles(t, s) }()
			select {
			case got := <-done:
				if got["pm"] != fullDraft(1).Title {
					t.Errorf("List = %v", got)
				}
			case <-time.After(time.Minute):
				t.Fatal("List is stuck on the index") // a hang, not a timing
			}
			if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
				t.Errorf("the index was not replaced by a file: %v %v", fi, err)
			}
		})
	}
}
