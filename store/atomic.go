package store

import (
	"io/fs"
	"os"
	"path/filepath"
)

// writeTemp writes data to a new file made by fsys.CreateTemp(dir,
// pattern), fsyncs and closes it, and returns its name. On failure the
// temporary file is removed and op names the step that failed, so each
// caller can say what went wrong in its own words.
func writeTemp(fsys FS, dir, pattern string, data []byte) (name, op string, err error) {
	tmp, err := fsys.CreateTemp(dir, pattern)
	if err != nil {
		return "", "create a temporary file", err
	}
	name = tmp.Name()
	op = "write"
	_, err = tmp.Write(data)
	if err == nil {
		op, err = "sync", tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil && cerr != nil {
		op, err = "close", cerr
	}
	if err != nil {
		_ = fsys.Remove(name)
		return "", op, err
	}
	return name, "", nil
}

// WriteFileAtomic replaces path with data so that readers, and the file
// after a crash, hold the old contents or the new, never half of either:
// the bytes go to a temporary file beside path, are fsynced, renamed over
// path, and the directory is fsynced. An existing file keeps its
// permissions; a new one gets perm. It is the store's own crash-safe write,
// for files outside the drafts directory (an exported post-mortem).
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) error {
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
	}
	fsys := OSFS{}
	dir := filepath.Dir(path)
	tmp, _, err := writeTemp(fsys, dir, "."+filepath.Base(path)+tempInfix+"*", data)
	if err != nil {
		return err
	}
	if err := os.Chmod(tmp, perm); err != nil {
		_ = fsys.Remove(tmp)
		return err
	}
	if err := fsys.Rename(tmp, path); err != nil {
		_ = fsys.Remove(tmp)
		return err
	}
	// The file is whole either way; a failed directory sync only risks the
	// rename not surviving a power cut, which is no reason to report failure
	// after the new contents are in place.
	_ = fsys.SyncDir(dir)
	return nil
}

// createExclusive writes data, fsynced, to path, which must not exist
// (fs.ErrExist otherwise): claiming a name and filling it are one step,
// where hard links are not available to make them atomic. A failed write
// removes the half-written file.
func createExclusive(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(path)
	}
	return err
}

// copyFile copies src to a new file dst, mode 0600, where a hard link or
// rename cannot cross file systems.
func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return createExclusive(dst, data)
}
