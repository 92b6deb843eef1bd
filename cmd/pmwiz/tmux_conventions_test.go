package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// On a terminal, errors go through fang's styled branch: a usage mistake
// ends with "Try --help", a typo names the command meant.
func TestTmuxTerminalConventions(t *testing.T) {
	bin := buildPmwiz(t)
	dir := t.TempDir()

	t.Run("typo", func(t *testing.T) {
		s := startTmux(t, dir, bin+" scroe")
		scr := s.waitFor("EXIT=2")
		for _, want := range []string{"ERROR", "Did you mean this?", "score", "Try --help for usage."} {
			if !strings.Contains(scr, want) {
				t.Errorf("screen lacks %q:\n%s", want, scr)
			}
		}
	})
	t.Run("unknown flag", func(t *testing.T) {
		s := startTmux(t, dir, bin+" list --jsn")
		scr := s.waitFor("EXIT=2")
		if !strings.Contains(scr, "unknown flag: --jsn") || !strings.Contains(scr, "Try --help for usage.") {
			t.Errorf("screen:\n%s", scr)
		}
	})
	t.Run("PMWIZ_PAGER", func(t *testing.T) {
		data, _ := os.ReadFile("testdata/complete.json")
		draft := filepath.Join(dir, "checkout.json")
		os.WriteFile(draft, data, 0o600)
		got := filepath.Join(dir, "paged.txt")
		// A pager given with shell quoting: a path with a space.
		pagerDir := filepath.Join(dir, "my pager")
		os.Mkdir(pagerDir, 0o755)
		pager := filepath.Join(pagerDir, "pg")
		os.WriteFile(pager, []byte("#!/bin/sh\necho \"LESS=$LESS\" > \"$1\"\ncat >> \"$1\"\necho PAGED\n"), 0o755)
		s := startTmux(t, dir, "PMWIZ_PAGER=\"'"+pager+"' "+got+"\" PAGER=false "+bin+" preview "+draft)
		scr := s.waitFor("EXIT=")
		if !strings.Contains(scr, "PAGED") || !strings.Contains(scr, "EXIT=0") {
			t.Fatalf("the pager did not run:\n%s", scr)
		}
		deadline := time.Now().Add(5 * time.Second)
		var text string
		for time.Now().Before(deadline) {
			b, _ := os.ReadFile(got)
			if text = ansi.Strip(string(b)); strings.Contains(text, "Action items") {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		if !strings.Contains(text, "Checkout failed for EU") || !strings.HasPrefix(text, "LESS=FRX\n") {
			t.Errorf("the pager got:\n%.600s", text)
		}
	})
}
