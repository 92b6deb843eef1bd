package store

import (
	"io"
	"io/fs"
	"os"
)

// FS is the little of the file system a save touches. It exists so tests
// can make any step fail (a full disk mid-write, a failed fsync, a
// read-only directory, which root ignores) and prove that the draft on
// disk survives every one of them.
type FS interface {
	// CreateTemp creates a new file, mode 0600, in dir (see os.CreateTemp).
	CreateTemp(dir, pattern string) (File, error)
	// Rename atomically replaces newpath with oldpath.
	Rename(oldpath, newpath string) error
	// Link makes newpath a hard link to oldpath; it fails if newpath exists.
	Link(oldpath, newpath string) error
	// Remove deletes a file.
	Remove(name string) error
	// SyncDir makes a directory's entries (renames, links) durable.
	SyncDir(dir string) error
	// Open opens a file for reading (loads go through it too, so a test
	// can make a draft unreadable even as root).
	Open(name string) (fs.File, error)
}

// File is a file being written by a save.
type File interface {
	io.Writer
	Name() string
	Sync() error
	Close() error
}

// OSFS is the real file system.
type OSFS struct{}

func (OSFS) CreateTemp(dir, pattern string) (File, error) { return os.CreateTemp(dir, pattern) }
func (OSFS) Rename(oldpath, newpath string) error         { return os.Rename(oldpath, newpath) }
func (OSFS) Link(oldpath, newpath string) error           { return os.Link(oldpath, newpath) }
func (OSFS) Remove(name string) error                     { return os.Remove(name) }
func (OSFS) Open(name string) (fs.File, error) {
	return os.OpenFile(name, os.O_RDONLY|readOpenFlags, 0)
}

func (OSFS) SyncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
