package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// tmuxSession drives the real binary in a detached tmux, as a person
// would: wait for the screen, press keys, read the screen.
type tmuxSession struct {
	t    *testing.T
	name string
}

func buildPmwiz(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "pmwiz")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func startTmux(t *testing.T, command string) *tmuxSession {
	t.Helper()
	if testing.Short() {
		t.Skip("tmux test: skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	s := &tmuxSession{t: t, name: "pmwiz-test-" + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(time.Now().UnixNano(), 36)}
	// The trailing sleep keeps the pane readable after pmwiz exits.
	cmd := exec.Command("tmux", "new-session", "-d", "-s", s.name, "-x", "100", "-y", "30", command+"; echo EXIT=$?; sleep 60")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("tmux", "kill-session", "-t", s.name).Run() })
	return s
}

func (s *tmuxSession) screen() string {
	out, _ := exec.Command("tmux", "capture-pane", "-t", s.name, "-p").Output()
	return string(out)
}

func (s *tmuxSession) waitFor(text string) string {
	s.t.Helper()
	return s.waitUntil("the screen to show "+strconv.Quote(text), func(sc string) bool { return strings.Contains(sc, text) })
}

func (s *tmuxSession) waitUntil(what string, ok func(string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if sc := s.screen(); ok(sc) {
			return sc
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("gave up waiting for %s:\n%s", what, s.screen())
	return ""
}

func (s *tmuxSession) keys(k ...string) {
	s.t.Helper()
	if out, err := exec.Command("tmux", append([]string{"send-keys", "-t", s.name}, k...)...).CombinedOutput(); err != nil {
		s.t.Fatalf("send-keys: %v\n%s", err, out)
	}
}

func TestTmuxPreviewPager(t *testing.T) {
	bin := buildPmwiz(t)
	draft, _ := filepath.Abs(filepath.Join(exportDrafts, "typical.json"))
	s := startTmux(t, bin+" preview "+draft)
	first := s.waitFor("Checkout failed for EU customers")
	if !strings.Contains(first, "q quit") || !strings.Contains(first, "0%") {
		t.Errorf("no status bar:\n%s", first)
	}
	s.keys("Space")
	s.waitUntil("space to page down", func(sc string) bool {
		return strings.Contains(sc, "%  q quit") && !strings.Contains(sc, "   0%  q quit")
	})
	s.keys("q")
	s.waitFor("EXIT=0")
}

func TestTmuxPublishAsks(t *testing.T) {
	bin := buildPmwiz(t)
	draft := copyDraft(t, "minimal")
	out := filepath.Join(t.TempDir(), "out.md")
	s := startTmux(t, bin+" publish -o "+out+" "+draft)
	s.waitFor("Publish anyway?")
	s.keys("n")
	s.waitFor("EXIT=1")
	if _, err := os.Stat(out); err == nil {
		t.Error("answering no still wrote the export")
	}
	s = startTmux(t, bin+" publish -o "+out+" "+draft)
	s.waitFor("Publish anyway?")
	s.keys("y")
	s.waitFor("EXIT=0")
	if !strings.Contains(readFile(t, out), "**Status:** Published") {
		t.Error("answering yes did not publish")
	}
}
