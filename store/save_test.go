package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// encode is what Save writes for d: its canonical bytes, with the entry
// ids Save assigns.
func encode(t testing.TB, d *model.Draft) []byte {
	t.Helper()
	d = d.Clone()
	model.AssignIDs(d)
	data, err := model.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// dirNames lists a directory, to spot leftovers.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, de := range des {
		names = append(names, de.Name())
	}
	return names
}

func TestSaveWritesCanonicalBytesAndKeepsPreviousAsBak(t *testing.T) {
	s := mustOpen(t)
	v1, v2 := fullDraft(1), fullDraft(2)
	if err := s.Save("pm", v1); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(s.Dir(), "pm.json")
	if got := readFile(t, path); !bytes.Equal(got, encode(t, v1)) {
		t.Fatalf("draft file is not model.Encode's bytes:\n%s", got)
	}
	if _, err := os.Stat(path + ".bak"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("first save made a .bak: %v", err)
	}
	if err := s.Save("pm", v2); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); !bytes.Equal(got, encode(t, v2)) {
		t.Fatal("second save did not write the new version")
	}
	if got := readFile(t, path+".bak"); !bytes.Equal(got, encode(t, v1)) {
		t.Fatal(".bak is not the previous version")
	}
	// Saving the same draft twice gives the same bytes: drafts diff cleanly.
	if err := s.Save("pm", v2); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); !bytes.Equal(got, encode(t, v2)) {
		t.Fatal("same draft, different bytes")
	}
	if names := dirNames(t, s.Dir()); len(names) != 2 {
		t.Fatalf("leftover files after saves: %v", names)
	}
}

// Every step of a save can fail; none may touch the draft on disk, leave
// a temporary file behind, or hide the error from the caller.
func TestSaveFailureLeavesDraftIntact(t *testing.T) {
	for _, op := range []string{"create", "write", "sync", "close", "rename"} {
		t.Run(op, func(t *testing.T) {
			ffs := newFaultFS(op, syscall.ENOSPC)
			s := mustOpen(t, WithFS(ffs))
			old := fullDraft(1)
			ffs.left = 0 // the first save goes through
			if err := s.Save("pm", old); err != nil {
				t.Fatal(err)
			}
			if err := s.Save("pm", fullDraft(2)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(s.Dir(), "pm.json")
			before, beforeBak := readFile(t, path), readFile(t, path+".bak")

			ffs.left = -1
			err := s.Save("pm", fullDraft(3))
			var se *SaveError
			if !errors.As(err, &se) || !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("Save error = %v, want a *SaveError wrapping ENOSPC", err)
			}
			if !se.Unchanged || se.Path != path {
				t.Errorf("SaveError = %+v, want Unchanged for %s", se, path)
			}
			// The cause first: the wizard's status line is cut at its width
			// (issue 11: it showed a temporary file's path, cut before ENOSPC).
			if !strings.HasPrefix(err.Error(), "disk full: ") {
				t.Errorf("error %q does not start with the cause", err)
			}
			for _, want := range []string{path, "disk is full", "still holds the last version"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
			if got := readFile(t, path); !bytes.Equal(got, before) {
				t.Error("a failed save changed the draft")
			}
			if got := readFile(t, path+".bak"); !bytes.Equal(got, beforeBak) {
				t.Error("a failed save changed the backup")
			}
			if names := dirNames(t, s.Dir()); len(names) != 2 {
				t.Errorf("leftover files after a failed save: %v", names)
			}

			// The fault clears (space freed): the next save goes through.
			ffs.heal()
			if err := s.Save("pm", fullDraft(3)); err != nil {
				t.Fatal(err)
			}
			if got := readFile(t, path); !bytes.Equal(got, encode(t, fullDraft(3))) {
				t.Error("the save after the fault did not write the draft")
			}
		})
	}
}

// The backup is renamed into place after the draft: if that fails the
// draft is saved, the old backup is kept, and the caller hears about it.
func TestSaveBackupRenameFailure(t *testing.T) {
	ffs := newFaultFS("rename-bak", syscall.EIO)
	ffs.left = 0
	s := mustOpen(t, WithFS(ffs))
	for i := 1; i <= 2; i++ {
		if err := s.Save("pm", fullDraft(i)); err != nil {
			t.Fatal(err)
		}
	}
	ffs.left = -1
	err := s.Save("pm", fullDraft(3))
	var se *SaveError
	if !errors.As(err, &se) || se.Unchanged || !strings.HasPrefix(err.Error(), "saved ") {
		t.Fatalf("Save = %v, want a *SaveError saying the draft was saved", err)
	}
	path := filepath.Join(s.Dir(), "pm.json")
	if got := readFile(t, path); !bytes.Equal(got, encode(t, fullDraft(3))) {
		t.Error("draft not saved")
	}
	if got := readFile(t, path+".bak"); !bytes.Equal(got, encode(t, fullDraft(1))) {
		t.Error("old backup not kept")
	}
	if names := dirNames(t, s.Dir()); len(names) != 2 {
		t.Errorf("leftovers: %v", names)
	}
}

func TestSaveWithoutHardLinksCopiesTheBackup(t *testing.T) {
	ffs := newFaultFS("link", syscall.EPERM)
	s := mustOpen(t, WithFS(ffs))
	for i := 1; i <= 2; i++ {
		if err := s.Save("pm", fullDraft(i)); err != nil {
			t.Fatal(err)
		}
	}
	if got := readFile(t, filepath.Join(s.Dir(), "pm.json.bak")); !bytes.Equal(got, encode(t, fullDraft(1))) {
		t.Fatal("backup is not the previous version when links fail")
	}
	if names := dirNames(t, s.Dir()); len(names) != 2 {
		t.Fatalf("leftover files: %v", names)
	}
}

func TestSaveDirSyncFailureIsReported(t *testing.T) {
	ffs := newFaultFS("syncdir", syscall.EIO)
	s := mustOpen(t, WithFS(ffs))
	err := s.Save("pm", fullDraft(1))
	var se *SaveError
	if !errors.As(err, &se) || se.Unchanged {
		t.Fatalf("Save = %v, want a *SaveError that does not claim the file is unchanged", err)
	}
}

// Root ignores directory permissions, and CI runs as root, so a read-only
// directory is injected through the FS interface (EROFS, EACCES); the
// real chmod is tested too when not root.
func TestSaveIntoReadOnlyDirectory(t *testing.T) {
	for _, errno := range []error{syscall.EROFS, syscall.EACCES} {
		t.Run(errno.Error(), func(t *testing.T) {
			ffs := newFaultFS("create", errno)
			ffs.left = 0
			s := mustOpen(t, WithFS(ffs))
			if err := s.Save("pm", fullDraft(1)); err != nil {
				t.Fatal(err)
			}
			ffs.left = -1
			err := s.Save("pm", fullDraft(2))
			if !errors.Is(err, errno) {
				t.Fatalf("Save = %v, want %v", err, errno)
			}
			if !strings.Contains(err.Error(), "read-only") && !strings.Contains(err.Error(), "permission denied") {
				t.Errorf("error does not say what is wrong: %v", err)
			}
			if got := readFile(t, filepath.Join(s.Dir(), "pm.json")); !bytes.Equal(got, encode(t, fullDraft(1))) {
				t.Error("draft changed")
			}
		})
	}
	t.Run("chmod", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root writes into a read-only directory; the injected faults above cover it")
		}
		s := mustOpen(t)
		if err := s.Save("pm", fullDraft(1)); err != nil {
			t.Fatal(err)
		}
		os.Chmod(s.Dir(), 0o500)
		t.Cleanup(func() { os.Chmod(s.Dir(), 0o700) })
		if err := s.Save("pm", fullDraft(2)); !errors.Is(err, os.ErrPermission) {
			t.Fatalf("Save = %v, want permission denied", err)
		}
	})
}

func TestSaveRecreatesAMissingDirectory(t *testing.T) {
	s := mustOpen(t)
	if err := os.RemoveAll(s.Dir()); err != nil {
		t.Fatal(err)
	}
	if err := s.Save("pm", fullDraft(1)); err != nil {
		t.Fatalf("Save into a removed drafts directory: %v", err)
	}
	if fi, err := os.Stat(s.Dir()); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("recreated directory: %v %v", fi.Mode(), err)
	}
}

func TestSaveRefusesAnOversizedDraft(t *testing.T) {
	s := mustOpen(t)
	if err := s.Save("pm", fullDraft(1)); err != nil {
		t.Fatal(err)
	}
	big := fullDraft(2)
	big.Summary = strings.Repeat("x", MaxDraftSize)
	err := s.Save("pm", big)
	if err == nil || !strings.Contains(err.Error(), "10 MB") {
		t.Fatalf("Save of an 10 MB+ draft = %v", err)
	}
	if _, err := s.Load("pm"); err != nil {
		t.Fatalf("draft no longer loads: %v", err)
	}
}

// Post-mortems hold sensitive detail: even under umask 000 nothing pmwiz
// creates is readable by others.
func TestPermissionsUnderUmask000(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "deep", "drafts")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	name, _, err := s.Create("Umask", t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save(name, fullDraft(1)); err != nil {
		t.Fatal(err)
	}
	lock, err := s.Lock(name)
	if err != nil {
		t.Fatal(err)
	}
	check := func(path string, want os.FileMode) {
		t.Helper()
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", filepath.Base(path), fi.Mode().Perm(), want)
		}
	}
	check(dir, 0o700)
	check(filepath.Dir(dir), 0o700)
	check(filepath.Join(dir, name+".json"), 0o600)
	check(filepath.Join(dir, name+".json.bak"), 0o600)
	check(filepath.Join(dir, name+".lock"), 0o600)
	lock.Unlock()
	if _, err := s.MoveToTrash(name); err != nil {
		t.Fatal(err)
	}
	check(filepath.Join(dir, TrashDir), 0o700)
	check(filepath.Join(dir, TrashDir, name+".json"), 0o600)
}

// A draft written 0644 by another tool (or cp) becomes NAME.json.bak on
// the next save: the backup is 0600 like every file pmwiz keeps.
func TestBackupOfALooseDraftIs0600(t *testing.T) {
	s := mustOpen(t)
	path := filepath.Join(s.Dir(), "loose.json")
	writeRaw(t, path, encode(t, fullDraft(1)))
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Save("loose", fullDraft(2)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + ".bak"} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v (%v), want 0600", filepath.Base(p), fi.Mode().Perm(), err)
		}
	}
}
