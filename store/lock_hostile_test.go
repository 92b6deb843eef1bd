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

// A NAME.lock that is a symlink is refused, and its target is neither
// written nor created: drafts live in git checkouts and shared folders,
// which carry links (issue 11, hole 1).
func TestLockNeverFollowsASymlink(t *testing.T) {
	for _, dangling := range []bool{false, true} {
		s := mustOpen(t)
		if err := s.Save("x", fullDraft(1)); err != nil {
			t.Fatal(err)
		}
		victim := filepath.Join(t.TempDir(), "victim")
		if !dangling {
			writeRaw(t, victim, []byte("precious\n"))
		}
		if err := os.Symlink(victim, filepath.Join(s.Dir(), "x.lock")); err != nil {
			t.Fatal(err)
		}
		l, err := s.Lock("x")
		if err == nil {
			l.Unlock()
			t.Fatalf("Lock through a symlinked x.lock succeeded (dangling=%v)", dangling)
		}
		for _, want := range []string{"symbolic link", "x.lock", "rm "} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
		}
		data, rerr := os.ReadFile(victim)
		switch {
		case dangling && rerr == nil:
			t.Errorf("Lock created the symlink's target: %q", data)
		case !dangling && string(data) != "precious\n":
			t.Errorf("the symlink's target now holds %q", data)
		}
		// Listing reads no lock through the link either.
		if es, _ := s.List(); len(es) != 1 || es[0].LockedBy != nil {
			t.Errorf("List with a symlinked lock: %+v", es)
		}
	}
}

// A FIFO as NAME.lock is refused at once, not waited on.
func TestLockRefusesAFIFO(t *testing.T) {
	s := mustOpen(t)
	if err := s.Save("x", fullDraft(1)); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(s.Dir(), "x.lock"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		l, err := s.Lock("x")
		l.Unlock()
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("Lock on a FIFO lock = %v, want a refusal naming the pipe", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Lock hung on a FIFO")
	}
}

// Removing or replacing the lock file is noticed by its holder.
func TestLockHeldNoticesARemovedOrReplacedLock(t *testing.T) {
	s := mustOpen(t)
	if err := s.Save("x", fullDraft(1)); err != nil {
		t.Fatal(err)
	}
	l, err := s.Lock("x")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	if !l.Held() {
		t.Fatal("a fresh lock is not Held")
	}
	os.Remove(l.Path())
	if l.Held() {
		t.Error("Held after the lock file was removed")
	}
	l2, err := s.Lock("x")
	if err != nil {
		t.Fatalf("a second Lock after rm x.lock: %v", err)
	}
	if l.Held() || !l2.Held() {
		t.Errorf("after a second Lock: first Held=%v, second Held=%v", l.Held(), l2.Held())
	}
	// The first holder unlocking does not remove the second's lock file.
	l.Unlock()
	if !l2.Held() {
		t.Error("the first holder's Unlock removed the second holder's lock file")
	}
	l2.Unlock()
}
