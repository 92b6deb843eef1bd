package store

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// RenameToTitle gives the draft at path (a draft in this store, whose lock
// the caller holds) the name Slug makes of title and created, so a draft
// started as "2026-11-29-postmortem-2" becomes "2026-11-29-cdn-outage"
// once it has a title. It never replaces another draft: the new name is
// locked first and claimed with a hard link, which fails when the name
// exists, and "-2", "-3"… are tried as Create does. The old file (and its
// backup) go only once the new one is in place. It returns the new path
// and the lock on it, which the caller releases as it does the old one;
// when the name would not change it returns path and a nil lock.
func (s *Store) RenameToTitle(path, title string, created time.Time) (string, *Lock, error) {
	if filepath.Dir(path) != s.dir || strings.TrimSpace(title) == "" {
		return path, nil, nil
	}
	old := strings.TrimSuffix(filepath.Base(path), ".json")
	base := Slug(title, created)
	for n := 1; n < 1000; n++ {
		name := base
		if n > 1 {
			name = base + "-" + strconv.Itoa(n)
		}
		if name == old {
			return path, nil, nil // already named for this title
		}
		lock, err := s.Lock(name)
		var le *LockedError
		if errors.As(err, &le) {
			continue // another pmwiz is creating or editing that name
		}
		if err != nil {
			return path, nil, err
		}
		next := filepath.Join(s.dir, name+".json")
		err = s.fs.Link(path, next)
		if errors.Is(err, fs.ErrExist) {
			_ = lock.Unlock()
			continue
		}
		if err != nil {
			_ = lock.Unlock()
			return path, nil, &SaveError{Path: next, Op: "rename the draft after its title", Err: err}
		}
		if err := s.fs.Remove(path); err != nil {
			// Both names hold the draft: keep the old one, the one the
			// user was told about, and drop the new.
			_ = s.fs.Remove(next)
			_ = lock.Unlock()
			return path, nil, &SaveError{Path: path, Op: "rename the draft after its title", Err: err}
		}
		if err := s.fs.Link(path+".bak", next+".bak"); err == nil {
			_ = s.fs.Remove(path + ".bak")
		}
		_ = s.fs.SyncDir(s.dir)
		return next, lock, nil
	}
	return path, nil, fmt.Errorf("rename %s: every name from %s to %s-999 is taken", path, base, base)
}

// Discard removes a draft that holds nothing the user wrote (a new draft
// quit at once), with its backup, so an empty "(untitled)" draft is not
// left behind. The caller holds its lock.
func (s *Store) Discard(path string) error {
	if filepath.Dir(path) != s.dir {
		return fmt.Errorf("%s is not in the drafts directory %s", path, s.dir)
	}
	if err := s.fs.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	_ = s.fs.Remove(path + ".bak")
	return s.fs.SyncDir(s.dir)
}
