package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/pmwiz/pmwiz/model"
)

// MaxDraftSize is the largest draft pmwiz reads or writes. A real
// post-mortem is tens of kilobytes; anything near this is a paste gone
// wrong, and refusing it keeps every tool that reads drafts fast.
const MaxDraftSize = 10 << 20

// tempInfix marks every temporary file a save makes (".NAME.json.tmp-…"), so
// listing never mistakes one for a draft and cleaning can find the ones a
// killed save left behind.
const tempInfix = ".tmp-"

// tooLarge says why a draft of n bytes, over MaxDraftSize, is not written.
func tooLarge(n int) error {
	return fmt.Errorf("the draft is %.1f MB, over pmwiz's %d MB limit: remove a large paste and it will save", float64(n)/(1<<20), MaxDraftSize>>20)
}

// SaveError is a save that failed. The draft in memory is intact; when
// Unchanged is true the file on disk still holds the previous save.
type SaveError struct {
	Path      string
	Op        string // what failed: "create a temporary file", "write", "sync", …
	Err       error
	Unchanged bool
}

// opKeepBackup is the one step that can fail after the draft is saved.
const opKeepBackup = "keep the previous version as .bak"

func (e *SaveError) Error() string {
	// The cause comes first: a status line cut at its width must still
	// say "disk full", not a temporary file's path.
	cause, hint := saveHint(e.Err)
	msg := fmt.Sprintf("could not save %s: %s: %v", e.Path, e.Op, e.Err)
	if e.Op == opKeepBackup && !e.Unchanged {
		msg = fmt.Sprintf("saved %s, but could not %s: %v", e.Path, e.Op, e.Err)
	}
	if cause != "" {
		msg = cause + ": " + msg
	}
	if hint != "" {
		msg += " (" + hint + ")"
	}
	if e.Unchanged {
		msg += "; the file still holds the last version saved"
	}
	return msg
}

func (e *SaveError) Unwrap() error { return e.Err }

// saveHint is the cause of a failed save in two words, and what to do.
func saveHint(err error) (cause, hint string) {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "disk full", "the disk is full: free some space and the next save will go through"
	case errors.Is(err, syscall.EFBIG):
		return "file too large", "the file is larger than this system allows (a file-size limit)"
	case errors.Is(err, syscall.EROFS):
		return "read-only file system", "the file system is read-only: pass --drafts-dir to save somewhere else"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied", "permission denied: check who owns the drafts directory and its mode"
	case errors.Is(err, fs.ErrNotExist):
		return "directory gone", "the directory is gone"
	}
	return "", ""
}

// Save writes d as the draft ref so that a crash at any instant leaves
// either the old file or the new one, complete: the bytes go to a
// temporary file in the same directory and are fsynced, the current file
// is hard-linked aside, the temporary file is renamed over the draft, the
// old one over NAME.json.bak, and the directory is fsynced. Every failure
// is returned; none before the rename touches the file on disk.
func (s *Store) Save(ref string, d *model.Draft) error {
	r, err := s.locate(ref)
	if err != nil {
		return err
	}
	if err := s.checkInside(r.inDir, r.path); err != nil {
		return err
	}
	// Entries get their ids here, in d itself, so the next save keeps them
	// (model.AssignIDs): a merge needs them to tell an edit from a new entry.
	model.AssignIDs(d)
	data, err := model.Encode(d)
	if err != nil {
		return &SaveError{Path: r.path, Op: "encode", Err: err, Unchanged: true}
	}
	return s.write(r, data, true)
}

// write is Save once the bytes are known.
func (s *Store) write(r draftRef, data []byte, keepBackup bool) error {
	if len(data) > MaxDraftSize {
		return &SaveError{Path: r.path, Op: "size check", Unchanged: true, Err: tooLarge(len(data))}
	}
	path := r.path
	// A link inside the directory to a draft inside it (checkInside allowed
	// it) is saved through, so the link keeps working.
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	dir := filepath.Dir(path)
	if r.inDir {
		if err := s.ensureDir(); err != nil {
			return &SaveError{Path: path, Op: "recreate the drafts directory", Err: err, Unchanged: true}
		}
	}
	fail := func(op string, err error, cleanup ...string) error {
		for _, p := range cleanup {
			if p != "" {
				_ = s.fs.Remove(p)
			}
		}
		return &SaveError{Path: path, Op: op, Err: err, Unchanged: true}
	}

	tmpName, op, err := writeTemp(s.fs, dir, "."+filepath.Base(path)+tempInfix+"*", data)
	if err != nil {
		return fail(op, err)
	}

	// Keep the current version as NAME.json.bak. A hard link costs nothing
	// and cannot be torn: the old file is never written in place again.
	// The link is made first and renamed over the .bak last, so a crash in
	// between leaves a .bak that is strictly older than the draft.
	bakTmp := ""
	if fi, err := os.Lstat(path); keepBackup && err == nil && fi.Mode().IsRegular() {
		bakTmp = tmpName + ".bak"
		if err := s.fs.Link(path, bakTmp); err != nil {
			if err := s.copyForBackup(path, bakTmp); err != nil {
				return fail(opKeepBackup, err, tmpName, bakTmp)
			}
		}
		// A draft another tool wrote 0644 must not live on as a readable
		// backup: every file in the drafts directory is 0600. Best effort:
		// a looser backup is no reason to fail the save.
		_ = os.Chmod(bakTmp, 0o600)
	}
	if err := s.fs.Rename(tmpName, path); err != nil {
		return fail("replace the draft", err, tmpName, bakTmp)
	}
	if bakTmp != "" {
		if err := s.fs.Rename(bakTmp, path+".bak"); err != nil {
			_ = s.fs.Remove(bakTmp)
			// The draft is saved; only its backup is not the previous one.
			return &SaveError{Path: path, Op: opKeepBackup, Err: err}
		}
	}
	if err := s.fs.SyncDir(dir); err != nil {
		// The new version is in place but may not survive a power cut.
		return &SaveError{Path: path, Op: "sync the directory", Err: err}
	}
	return nil
}

// copyForBackup is the fallback for file systems without hard links.
func (s *Store) copyForBackup(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	name, _, err := writeTemp(s.fs, filepath.Dir(dst), filepath.Base(dst)+"*", data)
	if err != nil {
		return err
	}
	if err := s.fs.Rename(name, dst); err != nil {
		_ = s.fs.Remove(name)
		return err
	}
	return nil
}
