package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestWizardEndToEndInTmux builds pmwiz and runs scripts/e2e-tmux.sh on
// it: a person's session in a real terminal, checked on screen and on
// disk. CI installs tmux; without it the test says so and skips.
func TestWizardEndToEndInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end wizard test needs it (apt-get install tmux)")
	}
	if testing.Short() {
		t.Skip("-short: skipping the tmux end-to-end test")
	}
	bin := filepath.Join(t.TempDir(), "pmwiz")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	script, err := filepath.Abs("../../scripts/e2e-tmux.sh")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", script, bin)
	cmd.Env = os.Environ()
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 77 {
		t.Skipf("e2e script skipped:\n%s", out)
	}
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	t.Logf("%s", out)
}
