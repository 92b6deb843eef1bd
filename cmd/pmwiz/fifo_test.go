//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// score, export and import of a named pipe say what it is instead of
// waiting forever for someone to write to it.
func TestMarkdownNamedPipeIsRefused(t *testing.T) {
	isolate(t)
	pipe := filepath.Join(t.TempDir(), "pm.md")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, args := range [][]string{{"score", pipe}, {"export", pipe}, {"import", pipe}} {
		done := make(chan string, 1)
		go func() {
			_, _, errOut := runCLI(t, args...)
			done <- errOut
		}()
		select {
		case errOut := <-done:
			if !strings.Contains(errOut, "not a regular file") {
				t.Errorf("%v: stderr %q, want it to say the file is not a regular file", args, errOut)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%v hung on a named pipe", args)
		}
	}
}
