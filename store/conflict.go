package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pmwiz/pmwiz/model"
)

// ConflictError says the draft changed on disk since this pmwiz last read
// or wrote it (a second pmwiz opened it after its lock file was removed,
// a sync tool or an editor replaced it). Nothing was saved over it: this
// pmwiz's version went to Copy, a draft of its own beside it, and goes on
// being saved there until the user chooses (Autosaver.KeepMine).
type ConflictError struct {
	Draft  string // the draft's path: holds the other version
	Copy   string // where this pmwiz's version is saved
	Reason string // what changed, for a person
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s changed on disk (%s): not saved over it; your version is saved as %s", e.Draft, e.Reason, e.Copy)
}

// CopyName is the name of the conflict copy, for `pmwiz resume`.
func (e *ConflictError) CopyName() string {
	return strings.TrimSuffix(filepath.Base(e.Copy), ".json")
}

// conflictCopyName is "NAME-conflict-HHMMSS" (with "-2"… when taken),
// the name cut so that the whole stays a valid draft name.
func conflictCopyName(name, kind string, now time.Time, n int) string {
	suffix := "-" + kind + "-" + now.Format("150405")
	if n > 1 {
		suffix += "-" + strconv.Itoa(n)
	}
	room := maxNameLen - len(suffix)
	for len(name) > room {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	return name + suffix
}

// maxNameLen is ValidateName's limit on a draft name, in bytes.
const maxNameLen = 64

// writeCopy writes data as a new file beside the draft at path, named
// conflictCopyName(…, kind), and returns its path. It never replaces a
// file.
func (s *Store) writeCopy(path, kind string, data []byte) (string, error) {
	dir := filepath.Dir(path)
	name := strings.TrimSuffix(filepath.Base(path), ".json")
	now := s.now()
	for n := 1; n < 100; n++ {
		p := filepath.Join(dir, conflictCopyName(name, kind, now, n)+".json")
		err := createExclusive(p, data)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_ = s.fs.SyncDir(dir)
		return p, nil
	}
	return "", fmt.Errorf("cannot find a free name for a copy of %s", path)
}

// statDraft is the draft file's identity now; ok is false when it is gone.
func statDraft(path string) (fileID, bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return fileID{}, false
	}
	return fileIDOf(fi), true
}

// checkLock says why the draft's lock is no longer this process's, or ""
// when it is (or the draft was opened without one). A lock file removed
// by hand is taken again (retaken is that new lock, for the caller to
// release); one another pmwiz now holds is a conflict.
func (s *Store) checkLock(path string) (reason string, retaken *Lock) {
	l := s.heldLock(path)
	if l == nil || l.Held() {
		return "", nil
	}
	r, err := s.locate(path)
	if err != nil {
		return "", nil
	}
	l2, err := s.Lock(path)
	var le *LockedError
	switch {
	case err == nil:
		// Ours again; the old Lock's Unlock leaves the new file alone.
		return "", l2
	case errors.As(err, &le):
		who := "another pmwiz"
		if le.PID != 0 {
			who = fmt.Sprintf("another pmwiz (pid %d on %s)", le.PID, le.Host)
		}
		return fmt.Sprintf("its lock file %s was removed and %s opened it", filepath.Base(r.lockPath()), who), nil
	}
	return "", nil
}

// decodeKey is the content key of a draft file's bytes, or nil.
func decodeKey(data []byte) []byte {
	d, err := model.Decode(data)
	if err != nil {
		return nil
	}
	key, _ := contentKey(d)
	return key
}
