package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/pmwiz/pmwiz/model"
)

// TrashDir is where "pmwiz rm" puts drafts, inside the drafts directory.
const TrashDir = ".trash"

// MoveToTrash moves the draft ref, and its .bak, to DIR/.trash/ and
// returns where the draft went: nothing is deleted outright, and a draft
// removed by mistake is one mv away. A draft open in another pmwiz is
// refused with a *LockedError.
func (s *Store) MoveToTrash(ref string) (string, error) {
	r, err := s.locate(ref)
	if err != nil {
		return "", err
	}
	if _, err := os.Lstat(r.path); err != nil {
		return "", s.notFound(ref, r, err)
	}
	lock, err := s.Lock(ref)
	if err != nil {
		return "", err
	}
	defer lock.Unlock()

	trash, err := s.trashDir()
	if err != nil {
		return "", err
	}
	dest := s.trashName(trash, r.name, "")
	if err := moveFile(r.path, dest); err != nil {
		return "", fmt.Errorf("cannot move %s to the trash: %w", r.path, err)
	}
	if _, err := os.Lstat(r.bakPath()); err == nil {
		if err := moveFile(r.bakPath(), dest+".bak"); err != nil {
			return dest, fmt.Errorf("moved %s to %s, but not its backup %s: %w", r.path, dest, r.bakPath(), err)
		}
	}
	_ = s.fs.SyncDir(filepath.Dir(r.path))
	_ = s.fs.SyncDir(trash)
	return dest, nil
}

func (s *Store) trashDir() (string, error) {
	trash := filepath.Join(s.dir, TrashDir)
	if err := os.Mkdir(trash, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("cannot create the trash %s: %w", trash, err)
	}
	return trash, nil
}

// trashName picks a free name in the trash: NAME.json, else NAME with the
// time it was trashed, so trashing a second draft of the same name never
// replaces the first.
func (s *Store) trashName(trash, name, tag string) string {
	first := filepath.Join(trash, name+tag+".json")
	if _, err := os.Lstat(first); errors.Is(err, fs.ErrNotExist) && tag == "" {
		return first
	}
	stamp := s.now().Format("20060102-150405")
	for n := 1; ; n++ {
		cand := name + tag + "-" + stamp
		if n > 1 {
			cand += "-" + strconv.Itoa(n)
		}
		p := filepath.Join(trash, cand+".json")
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
	}
}

// moveFile renames, or copies and removes when src and dst are on
// different file systems (a draft given by path, trashed into the drafts
// directory).
func moveFile(src, dst string) error {
	err := os.Rename(src, dst)
	if !errors.Is(err, syscall.EXDEV) {
		return err
	}
	if err := copyFile(src, dst); err != nil {
		return err
	}
	return os.Remove(src)
}

// RestoreBackup makes NAME.json.bak the draft again, when the draft cannot
// be read and its backup can. The broken file is not deleted: a copy goes
// to the trash as NAME.broken-….json first, so whatever it held can still
// be rescued by hand. Call it holding the draft's lock.
func (s *Store) RestoreBackup(ref string) (string, error) {
	r, err := s.locate(ref)
	if err != nil {
		return "", err
	}
	if err := s.checkInside(r.inDir, r.path); err != nil {
		return "", err
	}
	bak, lerr := s.loadFile(r, r.bakPath(), model.Decode)
	if lerr != nil {
		return "", fmt.Errorf("there is no good backup to restore: %w", lerr)
	}
	data, err := os.ReadFile(bak.Path)
	if err != nil {
		return "", err
	}
	var kept string
	if _, err := os.Lstat(r.path); err == nil {
		trash, err := s.trashDir()
		if err != nil {
			return "", err
		}
		kept = s.trashName(trash, r.name, ".broken")
		if err := os.Link(r.path, kept); err != nil {
			if err := copyFile(r.path, kept); err != nil {
				return "", fmt.Errorf("cannot keep a copy of the broken %s in the trash: %w", r.path, err)
			}
		}
	}
	if err := s.write(r, data, false); err != nil {
		return kept, err
	}
	return kept, nil
}

// isTemp tells a save's temporary file from a draft.
func isTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.Contains(name, tempInfix)
}
