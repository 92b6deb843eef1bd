package store

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"sync"
)

// faultFS is the real file system with one step made to fail, to prove a
// failed save never harms the draft on disk.
type faultFS struct {
	OSFS
	mu sync.Mutex
	// failOp names the step that fails: "create", "write", "sync",
	// "close", "link", "rename-bak", "rename", "syncdir".
	failOp string
	err    error
	// failures left before the fault clears; <0 means for ever.
	left  int
	calls map[string]int
}

func newFaultFS(op string, err error) *faultFS {
	return &faultFS{failOp: op, err: err, left: -1, calls: map[string]int{}}
}

func (f *faultFS) fail(op string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls[op]++
	if op != f.failOp || f.left == 0 {
		return nil
	}
	if f.left > 0 {
		f.left--
	}
	return f.err
}

func (f *faultFS) heal() {
	f.mu.Lock()
	f.left = 0
	f.mu.Unlock()
}

func (f *faultFS) CreateTemp(dir, pattern string) (File, error) {
	if err := f.fail("create"); err != nil {
		return nil, err
	}
	file, err := f.OSFS.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &faultFile{File: file, fs: f}, nil
}

func (f *faultFS) Rename(oldpath, newpath string) error {
	op := "rename"
	if strings.HasSuffix(newpath, ".bak") {
		op = "rename-bak"
	}
	if err := f.fail(op); err != nil {
		return err
	}
	return f.OSFS.Rename(oldpath, newpath)
}

func (f *faultFS) Link(oldpath, newpath string) error {
	if err := f.fail("link"); err != nil {
		return err
	}
	return f.OSFS.Link(oldpath, newpath)
}

func (f *faultFS) Open(name string) (fs.File, error) {
	if err := f.fail("open"); err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return f.OSFS.Open(name)
}

func (f *faultFS) SyncDir(dir string) error {
	if err := f.fail("syncdir"); err != nil {
		return err
	}
	return f.OSFS.SyncDir(dir)
}

// faultFile fails a write half-way: half the bytes reach the file, as
// when a disk fills up in the middle of a save.
type faultFile struct {
	File
	fs *faultFS
}

func (f *faultFile) Write(p []byte) (int, error) {
	if err := f.fs.fail("panic"); err != nil {
		panic(err)
	}
	if err := f.fs.fail("write"); err != nil {
		n, _ := f.File.Write(p[:len(p)/2])
		return n, err
	}
	return f.File.Write(p)
}

func (f *faultFile) Sync() error {
	if err := f.fs.fail("sync"); err != nil {
		return err
	}
	return f.File.Sync()
}

func (f *faultFile) Close() error {
	err := f.File.Close()
	if ferr := f.fs.fail("close"); ferr != nil {
		return ferr
	}
	return err
}

var errInjected = errors.New("injected fault")
