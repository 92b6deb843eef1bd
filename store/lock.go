package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/gofrs/flock"
)

// LockedError says a draft is open for editing in another pmwiz, and who
// that is, so the user can go and close it (or open this one read-only).
type LockedError struct {
	Name  string
	PID   int       // 0 when the holder has not written its details yet
	Host  string    // the holder's host name
	Since time.Time // when the holder took the lock
}

func (e *LockedError) Error() string {
	who := "another pmwiz"
	if e.PID != 0 {
		who = fmt.Sprintf("another pmwiz (pid %d on %s, since %s)", e.PID, e.Host, e.Since.Local().Format("2006-01-02 15:04"))
	}
	return fmt.Sprintf("draft %q is open in %s", e.Name, who)
}

// lockInfo is what a lock file holds: who holds it.
type lockInfo struct {
	PID   int       `json:"pid"`
	Host  string    `json:"host"`
	Since time.Time `json:"since"`
}

// Lock is a draft held open for editing.
type Lock struct {
	fl   *flock.Flock
	path string
	id   os.FileInfo // the lock file we locked, to tell if it was replaced
	// store forgets this lock on Unlock (it tells autosaves who holds what).
	store *Store
	once  sync.Once
	err   error
}

// Lock takes the draft ref for editing. The lock lives on a separate
// NAME.lock (saves rename over the draft, which would drop a lock taken on
// the draft itself). It is an flock(2) (LockFileEx on Windows): the kernel
// releases it when the holder exits, however it exits, so a lock left by a
// killed pmwiz is free at once. When another process holds it, the error
// is a *LockedError.
//
// The lock file is only ever a regular file pmwiz opened itself: a NAME.lock
// that is a symlink (drafts live in git checkouts and shared folders, which
// carry links), a FIFO or a device is refused, never followed or written.
func (s *Store) Lock(ref string) (*Lock, error) {
	r, err := s.locate(ref)
	if err != nil {
		return nil, err
	}
	path := r.lockPath()
	// An unlocking holder removes the file; if that happened between our
	// open and our flock, we hold a lock on a file nobody else can see, so
	// check and try again.
	for attempt := 0; attempt < 10; attempt++ {
		if err := checkLockFile(path); err != nil {
			return nil, fmt.Errorf("cannot lock draft %q: %w", r.name, err)
		}
		fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR|lockOpenFlags), flock.SetPermissions(0o600))
		ok, err := fl.TryLock()
		if err != nil {
			if isLinkErr(err) {
				return nil, fmt.Errorf("cannot lock draft %q: %w", r.name, errLockNotRegular(path, "a symbolic link"))
			}
			return nil, fmt.Errorf("cannot lock draft %q (%s): %w (the lock file sits beside the draft: check that its directory is writable)", r.name, path, err)
		}
		if !ok {
			le := &LockedError{Name: r.name}
			if info, err := readLockInfo(path); err == nil {
				le.PID, le.Host, le.Since = info.PID, info.Host, info.Since
			}
			return nil, le
		}
		held, err1 := fl.Stat()
		now, err2 := os.Lstat(path)
		if err1 != nil || err2 != nil || !os.SameFile(held, now) {
			_ = fl.Unlock()
			continue
		}
		if !held.Mode().IsRegular() {
			_ = fl.Unlock()
			return nil, fmt.Errorf("cannot lock draft %q: %w", r.name, errLockNotRegular(path, describeMode(held.Mode())))
		}
		host, _ := os.Hostname()
		info, _ := json.Marshal(lockInfo{PID: os.Getpid(), Host: host, Since: s.now().UTC().Truncate(time.Second)})
		if err := writeLockInfo(path, held, append(info, '\n')); err != nil {
			_ = fl.Unlock()
			return nil, fmt.Errorf("cannot lock draft %q: write %s: %w (check that the draft's directory is writable and the disk not full)", r.name, path, err)
		}
		l := &Lock{fl: fl, path: path, id: held, store: s}
		s.locks.Store(path, l)
		return l, nil
	}
	return nil, fmt.Errorf("cannot lock draft %q: %s keeps changing; is another pmwiz starting and stopping on it?", r.name, path)
}

// Held reports whether this lock is still the draft's lock: its file is
// still at NAME.lock. Someone removing or replacing the lock file (a habit
// with locks that look stale) lets a second pmwiz take the draft, so a
// save checks this first.
func (l *Lock) Held() bool {
	if l == nil {
		return false
	}
	now, err := os.Lstat(l.path)
	return err == nil && os.SameFile(l.id, now)
}

// heldLock is the lock this process holds on the draft at path, or nil.
func (s *Store) heldLock(path string) *Lock {
	r, err := s.locate(path)
	if err != nil {
		return nil
	}
	if l, ok := s.locks.Load(r.lockPath()); ok {
		return l.(*Lock)
	}
	return nil
}

// Path is the lock file's path.
func (l *Lock) Path() string { return l.path }

// errLockNotRegular says a lock file is something pmwiz will not touch.
func errLockNotRegular(path, what string) error {
	return fmt.Errorf("%s is %s, not a lock file pmwiz made: pmwiz never follows or writes it; remove it (rm %s) and try again", path, what, path)
}

// checkLockFile refuses a NAME.lock that is anything but a regular file
// (or missing), before opening it: opening a device can do things.
func checkLockFile(path string) error {
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode().IsRegular() {
		return nil
	}
	return errLockNotRegular(path, describeMode(fi.Mode()))
}

func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// isLinkErr is the error an O_NOFOLLOW open of a symlink gives.
func isLinkErr(err error) bool {
	return errors.Is(err, syscall.ELOOP) || errors.Is(err, syscall.EMLINK)
}

// writeLockInfo writes who holds the lock into the lock file, which must
// still be the file we locked (held): opened without following links.
func writeLockInfo(path string, held os.FileInfo, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|lockOpenFlags, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !os.SameFile(fi, held) {
		return errors.New("the lock file was replaced while pmwiz took it")
	}
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err = f.WriteAt(data, 0)
	return err
}

// Unlock releases the lock and removes the lock file. It is safe to call
// more than once.
func (l *Lock) Unlock() error {
	if l == nil {
		return nil
	}
	l.once.Do(func() {
		if l.store != nil {
			l.store.locks.CompareAndDelete(l.path, l)
		}
		// Remove while still holding the lock, so nobody else's file is
		// removed; a locker that opened the old file notices (see Lock).
		// Only our own file: a replaced lock belongs to someone else.
		if l.Held() {
			_ = os.Remove(l.path)
		}
		l.err = l.fl.Unlock()
	})
	return l.err
}

// maxLockInfo bounds what is read of a lock file: it holds one short line.
const maxLockInfo = 4 << 10

func readLockInfo(path string) (lockInfo, error) {
	var info lockInfo
	if err := checkLockFile(path); err != nil {
		return info, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|lockOpenFlags, 0)
	if err != nil {
		return info, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return info, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxLockInfo))
	if err != nil {
		return info, err
	}
	err = json.Unmarshal(data, &info)
	return info, err
}

// lockedBy reports who holds the lock on a draft, or nil when nobody
// does. It only probes: it creates, removes and changes nothing, so a
// listing works on a read-only directory and never disturbs a wizard.
func lockedBy(r draftRef) *LockedError {
	path := r.lockPath()
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
		return nil // no lock file (or not one pmwiz made): nobody holds it
	}
	fl := flock.New(path, flock.SetFlag(os.O_RDONLY|lockOpenFlags))
	defer fl.Close()
	ok, err := fl.TryRLock()
	if err != nil {
		return nil
	}
	if ok {
		_ = fl.Unlock()
		return nil // a leftover of a killed pmwiz
	}
	le := &LockedError{Name: r.name}
	if info, err := readLockInfo(path); err == nil {
		le.PID, le.Host, le.Since = info.PID, info.Host, info.Since
	}
	return le
}
