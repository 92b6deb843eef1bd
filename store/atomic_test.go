package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	tests := []struct {
		name     string
		existing *fs.FileMode // nil: no file yet
		wantPerm fs.FileMode
	}{
		{name: "new file gets perm", wantPerm: 0o644},
		{name: "existing file keeps its mode", existing: ptr(fs.FileMode(0o640)), wantPerm: 0o640},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "postmortem.md")
			if tt.existing != nil {
				if err := os.WriteFile(path, []byte("old contents"), *tt.existing); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, *tt.existing); err != nil {
					t.Fatal(err)
				}
			}
			if err := WriteFileAtomic(path, []byte("# New\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := string(readFile(t, path)); got != "# New\n" {
				t.Errorf("contents = %q, want the new ones", got)
			}
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if info.Mode().Perm() != tt.wantPerm {
				t.Errorf("mode = %v, want %v", info.Mode().Perm(), tt.wantPerm)
			}
			assertNoTemp(t, dir)
		})
	}
}

func TestWriteFileAtomicFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	// Renaming a file over a directory fails after the temporary file is
	// written: the directory must be untouched and no temporary file left.
	path := filepath.Join(dir, "taken")
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("x"), 0o644); err == nil {
		t.Fatal("writing over a directory succeeded")
	}
	if info, err := os.Stat(path); err != nil || !info.IsDir() {
		t.Errorf("the directory was replaced: %v, %v", info, err)
	}
	assertNoTemp(t, dir)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), tempInfix) {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func ptr[T any](v T) *T { return &v }
