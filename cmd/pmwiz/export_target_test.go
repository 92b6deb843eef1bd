//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runWithin runs pmwiz with args and fails if it takes more than 10 s:
// the holes this file tests hung (a FIFO) or read without end (/dev/zero).
func runWithin(t *testing.T, args ...string) (int, string) {
	t.Helper()
	type result struct {
		code   int
		errOut string
	}
	done := make(chan result, 1)
	go func() {
		code, _, errOut := runCLI(t, args...)
		done <- result{code, errOut}
	}()
	select {
	case r := <-done:
		return r.code, r.errOut
	case <-time.After(10 * time.Second):
		t.Fatalf("%v did not finish in 10 s", args)
	}
	return 0, ""
}

// export -o onto a FIFO, a device, or a link to either is refused at
// once, with or without --force, and the node is left as it was (issue
// 11, hole 3: -o /dev/zero read for ever, -o fifo.md blocked, and --force
// replaced a device node with a regular file).
func TestExportRefusesTargetsThatAreNotRegularFiles(t *testing.T) {
	isolate(t)
	src := copyDraft(t, "typical")
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	linkToFifo := filepath.Join(dir, "link-to-fifo.md")
	if err := os.Symlink(fifo, linkToFifo); err != nil {
		t.Fatal(err)
	}
	linkToZero := filepath.Join(dir, "zero.md")
	if err := os.Symlink("/dev/zero", linkToZero); err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{
		fifo:        "named pipe",
		linkToFifo:  "named pipe",
		"/dev/zero": "device",
		linkToZero:  "device",
		"/dev/full": "device",
	}
	// A device node of our own (as root), so --force is tried on one
	// without risking the system's /dev/null.
	myNull := filepath.Join(dir, "mynull")
	if err := syscall.Mknod(myNull, syscall.S_IFCHR|0o666, int(mkdev(1, 3))); err == nil {
		targets[myNull] = "device"
	} else {
		t.Logf("mknod (needs root): %v; the device node case is tested on /dev/zero without --force only", err)
	}
	for target, what := range targets {
		before, _ := os.Lstat(target)
		for _, force := range []bool{false, true} {
			if force && strings.HasPrefix(target, "/dev/") {
				continue // never risk the system's devices
			}
			args := []string{"export", "-o", target, src}
			if force {
				args = append(args, "--force")
			}
			code, errOut := runWithin(t, args...)
			if code != 2 || !strings.Contains(errOut, what) || !strings.Contains(errOut, "regular file") {
				t.Errorf("%v: exit %d, stderr %q; want 2 and a refusal saying it is a %s, not a regular file", args, code, errOut, what)
			}
			after, err := os.Lstat(target)
			if err != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
				t.Errorf("%v replaced %s (mode %v, now %v, %v)", args, target, before.Mode(), after, err)
			}
		}
	}
}

// A link to a regular file pmwiz wrote is written through, the link kept;
// a dangling link is refused rather than followed to create its target.
func TestExportThroughSymlinks(t *testing.T) {
	isolate(t)
	src := copyDraft(t, "typical")
	dir := t.TempDir()
	real := filepath.Join(dir, "real.md")
	if code, _, errOut := runCLI(t, "export", "-o", real, src); code != 0 {
		t.Fatalf("first export: %d %s", code, errOut)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "export", "-o", link, src); code != 0 {
		t.Errorf("export through a link to our own export: %d %s", code, errOut)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}
	dangling := filepath.Join(dir, "dangling.md")
	victim := filepath.Join(dir, "victim.md")
	if err := os.Symlink(victim, dangling); err != nil {
		t.Fatal(err)
	}
	wantRefused(t, []string{"export", "-o", dangling, src, "--force"}, "symbolic link", "does not exist")
	if _, err := os.Lstat(victim); err == nil {
		t.Error("export created a file through a dangling link")
	}
}

func mkdev(major, minor uint32) uint64 {
	return uint64(major)<<8 | uint64(minor)
}
