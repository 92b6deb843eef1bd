package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// waitUntil polls the screen until ok says it is what the test waits for.
func (s *tmuxSession) waitUntil(what string, ok func(string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.screen()
		if ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("gave up waiting for %s:\n%s", what, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestTmuxExport drives preview's pager and publish's question in the
// real binary, built once.
func TestTmuxExport(t *testing.T) {
	bin := buildPmwiz(t)
	t.Run("preview pages and quits", func(t *testing.T) { tmuxPreviewPager(t, bin) })
	t.Run("publish asks about missing must-haves", func(t *testing.T) { tmuxPublishAsks(t, bin) })
}

func tmuxPreviewPager(t *testing.T, bin string) {
	draft, _ := filepath.Abs(filepath.Join(exportDrafts, "typical.json"))
	s := startTmux(t, t.TempDir(), bin+" preview "+draft)
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

func tmuxPublishAsks(t *testing.T, bin string) {
	draft := copyDraft(t, "minimal")
	out := filepath.Join(t.TempDir(), "out.md")
	s := startTmux(t, t.TempDir(), bin+" publish -o "+out+" "+draft)
	s.waitFor("Publish anyway?")
	s.keys("n")
	s.waitFor("EXIT=1")
	if _, err := os.Stat(out); err == nil {
		t.Error("answering no still wrote the export")
	}
	s = startTmux(t, t.TempDir(), bin+" publish -o "+out+" "+draft)
	s.waitFor("Publish anyway?")
	s.keys("y")
	s.waitFor("EXIT=0")
	if !strings.Contains(readFile(t, out), "**Status:** Published") {
		t.Error("answering yes did not publish")
	}
}
