package store

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// Create makes a new draft titled title, created at now, and returns its
// name: a slug of the date and title ("2026-11-24-checkout-outage"), with
// "-2", "-3"… when that name is taken. The name is claimed atomically (a
// hard link, which fails if the name exists), so two pmwiz starting at the
// same instant never share a draft, and the file appears complete or not
// at all.
func (s *Store) Create(title string, now time.Time) (string, *model.Draft, error) {
	// Whole seconds: a draft is read by people, in diffs.
	now = now.Truncate(time.Second)
	d := model.New(title, now)
	name, err := s.CreateFrom(d, now)
	if err != nil {
		return "", nil, err
	}
	return name, d, nil
}

// CreateFrom is Create for a draft that already holds text (an import):
// d is written under a fresh name made from its title and now, in one
// step, so there is no empty draft first and no backup of one.
func (s *Store) CreateFrom(d *model.Draft, now time.Time) (string, error) {
	data, err := model.Encode(d)
	if err != nil {
		return "", err
	}
	if len(data) > MaxDraftSize {
		return "", &SaveError{Path: s.dir, Op: "create a new draft", Err: tooLarge(len(data))}
	}
	if err := s.ensureDir(); err != nil {
		return "", err
	}
	base := Slug(d.Title, now)
	tmpName, op, err := writeTemp(s.fs, s.dir, "."+base+".json"+tempInfix+"*", data)
	if err != nil {
		return "", &SaveError{Path: s.dir, Op: "create a new draft: " + op, Err: err}
	}
	// The temporary file only lends its bytes to the name claimed below.
	defer s.fs.Remove(tmpName)
	for n := 1; n < 1000; n++ {
		name := base
		if n > 1 {
			name = base + "-" + strconv.Itoa(n)
		}
		path := filepath.Join(s.dir, name+".json")
		err := s.fs.Link(tmpName, path)
		if err != nil && !errors.Is(err, fs.ErrExist) {
			// No hard links here (some network and FUSE file systems):
			// claim the name with O_EXCL instead. A crash mid-write could
			// then leave a torn new draft, but a new draft holds nothing
			// typed yet.
			err = createExclusive(path, data)
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", &SaveError{Path: path, Op: "create a new draft", Err: err}
		}
		if err := s.fs.SyncDir(s.dir); err != nil {
			return "", &SaveError{Path: path, Op: "sync the directory", Err: err}
		}
		return name, nil
	}
	return "", fmt.Errorf("cannot create a draft named %s: names up to %s-999 are all taken in %s", base, base, s.dir)
}
