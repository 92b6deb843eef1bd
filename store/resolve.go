package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// draftRef is a resolved DRAFT argument.
type draftRef struct {
	name  string // the file name without .json
	path  string // absolute path of the .json file
	inDir bool   // the file lives in the drafts directory
	// listed is what List's lstat saw at path, or nil: see openAsListed.
	listed os.FileInfo
}

func (r draftRef) bakPath() string  { return r.path + ".bak" }
func (r draftRef) lockPath() string { return strings.TrimSuffix(r.path, ".json") + ".lock" }

// Resolve turns a DRAFT argument into the path of an existing draft file.
// ref is a draft name in the drafts directory ("2026-11-24-db-outage"),
// or a path to a .json file anywhere ("./pm.json", "/tmp/x.json"). A bare
// "NAME.json" is the file in the current directory when one is there,
// else the draft NAME.
func (s *Store) Resolve(ref string) (string, error) {
	r, err := s.locate(ref)
	if err != nil {
		return "", err
	}
	if _, err := os.Lstat(r.path); err != nil {
		return "", s.notFound(ref, r, err)
	}
	return r.path, nil
}

// locate parses ref without touching the disk (but for the "NAME.json"
// rule): the file may not exist yet.
func (s *Store) locate(ref string) (draftRef, error) {
	if ref == "" {
		return draftRef{}, errors.New("no draft given: pass a draft name (see \"pmwiz list\") or a path to a .json file")
	}
	isPath := strings.ContainsRune(ref, os.PathSeparator) || strings.ContainsRune(ref, '/')
	if !isPath && strings.HasSuffix(ref, ".json") {
		if _, err := os.Lstat(ref); err == nil {
			isPath = true
		} else {
			ref = strings.TrimSuffix(ref, ".json")
		}
	}
	if !isPath {
		if err := ValidateName(ref); err != nil {
			return draftRef{}, err
		}
		return draftRef{name: ref, path: filepath.Join(s.dir, ref+".json"), inDir: true}, nil
	}
	if !strings.HasSuffix(ref, ".json") {
		return draftRef{}, fmt.Errorf("%s: a draft file's name ends in .json; pass a draft name (see \"pmwiz list\") or a path to a .json file", ref)
	}
	abs, err := filepath.Abs(ref)
	if err != nil {
		return draftRef{}, fmt.Errorf("%s: %w", ref, err)
	}
	name := strings.TrimSuffix(filepath.Base(abs), ".json")
	return draftRef{name: name, path: abs, inDir: filepath.Dir(abs) == s.dir}, nil
}

func (s *Store) notFound(ref string, r draftRef, err error) error {
	if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", r.path, err)
	}
	if r.inDir {
		return fmt.Errorf("no draft named %q in %s: run \"pmwiz list\" to see your drafts", r.name, s.dir)
	}
	return fmt.Errorf("%s: no such file: check the path, or run \"pmwiz list\" to see the drafts in %s", r.path, s.dir)
}

// checkInside refuses a draft in the directory that is a symbolic link to
// somewhere outside it: a planted link must not make pmwiz read (or, on
// save, replace) a file the user never chose. A path given on the command
// line is the user's choice and is followed.
func (s *Store) checkInside(inDir bool, path string) error {
	if !inDir {
		return nil
	}
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("%s is a symbolic link that leads nowhere (%v): remove it, or replace it with the draft file", path, err)
	}
	dir, err := filepath.EvalSymlinks(s.dir)
	if err != nil {
		dir = s.dir
	}
	if filepath.Dir(target) != dir {
		return fmt.Errorf("%s is a symbolic link to %s, outside the drafts directory; pmwiz does not follow it: open that file by its path, or copy it into %s", path, target, s.dir)
	}
	return nil
}
