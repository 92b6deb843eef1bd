package store

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestLockIsExclusiveAndSaysWhoHoldsIt(t *testing.T) {
	now := time.Date(2026, 11, 24, 8, 15, 0, 0, time.UTC)
	s := mustOpen(t, WithClock(func() time.Time { return now }))
	if err := s.Save("pm", fullDraft(1)); err != nil {
		t.Fatal(err)
	}
	l, err := s.Lock("pm")
	if err != nil {
		t.Fatal(err)
	}
	// flock locks belong to an open file, so a second Lock in this very
	// process conflicts just as a second pmwiz would.
	_, err = s.Lock("pm")
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second Lock = %v, want *LockedError", err)
	}
	host, _ := os.Hostname()
	if le.PID != os.Getpid() || le.Host != host || !le.Since.Equal(now) {
		t.Errorf("LockedError = %+v, want pid %d host %s since %v", le, os.Getpid(), host, now)
	}
	for _, want := range []string{`"pm"`, "pid ", host} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
	// List shows who has it open.
	es, _ := s.List()
	if len(es) != 1 || es[0].LockedBy == nil || es[0].LockedBy.PID != os.Getpid() {
		t.Errorf("List does not show the lock: %+v", es)
	}
	if _, err := s.MoveToTrash("pm"); !errors.As(err, &le) {
		t.Errorf("Trash of a draft open elsewhere = %v, want *LockedError", err)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	if err := l.Unlock(); err != nil {
		t.Fatalf("second Unlock: %v", err)
	}
	if _, err := os.Stat(filepath.Join(s.Dir(), "pm.lock")); !errors.Is(err, os.ErrNotExist) {
		t.Error("Unlock left the lock file behind")
	}
	l2, err := s.Lock("pm")
	if err != nil {
		t.Fatalf("Lock after Unlock: %v", err)
	}
	l2.Unlock()
}

// A lock file left by a pmwiz that died (kill -9, power cut) holds no
// flock: the draft is free at once, with no "stale lock" question.
func TestStaleLockFileIsFree(t *testing.T) {
	s := mustOpen(t)
	stale, _ := json.Marshal(lockInfo{PID: 999999, Host: "gone", Since: t0})
	writeRaw(t, filepath.Join(s.Dir(), "pm.lock"), stale)
	if err := s.Save("pm", fullDraft(1)); err != nil {
		t.Fatal(err)
	}
	es, _ := s.List()
	if len(es) != 1 || es[0].LockedBy != nil {
		t.Errorf("List reports a stale lock as held: %+v", es[0].LockedBy)
	}
	l, err := s.Lock("pm")
	if err != nil {
		t.Fatalf("Lock over a stale lock file: %v", err)
	}
	info, err := readLockInfo(filepath.Join(s.Dir(), "pm.lock"))
	if err != nil || info.PID != os.Getpid() {
		t.Errorf("lock file after takeover = %+v, %v", info, err)
	}
	l.Unlock()
}

// Two processes on one draft: the second is told who holds it; when the
// first is killed, the draft is free at once.
func TestLockAcrossProcesses(t *testing.T) {
	s := mustOpen(t)
	if err := s.Save("pm", fullDraft(1)); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=holdlock", "PMWIZ_DIR="+s.Dir())
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "locked\n" {
		cmd.Process.Kill()
		t.Fatalf("helper: %q", line)
	}
	_, err := s.Lock("pm")
	var le *LockedError
	if !errors.As(err, &le) || le.PID != cmd.Process.Pid {
		t.Fatalf("Lock while another process holds it = %v, want *LockedError with pid %d", err, cmd.Process.Pid)
	}
	if time.Since(le.Since) > time.Minute {
		t.Errorf("Since = %v, want about now", le.Since)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if _, err := os.Stat(filepath.Join(s.Dir(), "pm.lock")); err != nil {
		t.Fatalf("the killed holder's lock file should still be there: %v", err)
	}
	l, err := s.Lock("pm")
	if err != nil {
		t.Fatalf("Lock after the holder was killed: %v", err)
	}
	l.Unlock()
}

func TestLockErrorWithoutDetails(t *testing.T) {
	le := &LockedError{Name: "pm"}
	if got := le.Error(); got != `draft "pm" is open in another pmwiz` {
		t.Errorf("LockedError without details = %q", got)
	}
}
