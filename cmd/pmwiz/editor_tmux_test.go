package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestEditorRoundTripsInTmux presses ctrl+e twenty times in a real
// terminal, with an $EDITOR that exits at once, and needs the wizard to
// paint the editor's text every time: bubbletea's renderer restart could
// leave the screen blank for good (tui/editorexec.go).
func TestEditorRoundTripsInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the editor round-trip test needs it (apt-get install tmux)")
	}
	if testing.Short() {
		t.Skip("-short: skipping the tmux editor round-trip test")
	}
	bin := filepath.Join(t.TempDir(), "pmwiz")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	script, err := filepath.Abs("../../scripts/editor-tmux.sh")
	if err != nil {
		t.Fatal(err)
	}
	dumps := t.TempDir()
	cmd := exec.Command("bash", script, bin, "20", dumps)
	cmd.Env = os.Environ()
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 77 {
		t.Skipf("editor script skipped:\n%s", out)
	}
	if err != nil {
		// A hang leaves pmwiz's goroutine dump (SIGQUIT) behind: show it.
		hangs, _ := filepath.Glob(filepath.Join(dumps, "hang-*.txt"))
		for _, h := range hangs {
			if b, rerr := os.ReadFile(h); rerr == nil && len(b) > 0 {
				out = append(append(out, "\n----- "+filepath.Base(h)+" -----\n"...), b...)
			}
		}
		t.Fatalf("%v\n%s", err, out)
	}
	t.Logf("%s", out)
}
