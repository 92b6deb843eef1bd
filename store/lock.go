package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/gofrs/flock"
	"golang.org/x/sys/unix"
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
	once sync.Once
	err  error
}

// Lock takes the draft ref for editing. The lock lives on a separate
// NAME.lock (saves rename over the draft, which would drop a lock taken on
// the draft itself). It is an flock(2): the kernel releases it when the
// holder exits, however it exits, so a lock left by a killed pmwiz is free
// at once. When another process holds it, the error is a *LockedError.
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
		fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR), flock.SetPermissions(0o600))
		ok, err := fl.TryLock()
		if err != nil {
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
		now, err2 := os.Stat(path)
		if err1 != nil || err2 != nil || !os.SameFile(held, now) {
			_ = fl.Unlock()
			continue
		}
		host, _ := os.Hostname()
		info, _ := json.Marshal(lockInfo{PID: os.Getpid(), Host: host, Since: s.now().UTC().Truncate(time.Second)})
		if err := os.WriteFile(path, append(info, '\n'), 0o600); err != nil {
			_ = fl.Unlock()
			return nil, fmt.Errorf("cannot lock draft %q: write %s: %w (check that the draft's directory is writable and the disk not full)", r.name, path, err)
		}
		return &Lock{fl: fl, path: path}, nil
	}
	return nil, fmt.Errorf("cannot lock draft %q: %s keeps changing; is another pmwiz starting and stopping on it?", r.name, path)
}

// Unlock releases the lock and removes the lock file. It is safe to call
// more than once.
func (l *Lock) Unlock() error {
	if l == nil {
		return nil
	}
	l.once.Do(func() {
		// Remove while still holding the lock, so nobody else's file is
		// removed; a locker that opened the old file notices (see Lock).
		_ = os.Remove(l.path)
		l.err = l.fl.Unlock()
	})
	return l.err
}

func readLockInfo(path string) (lockInfo, error) {
	var info lockInfo
	data, err := os.ReadFile(path)
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
	f, err := os.Open(path)
	if err != nil {
		return nil // no lock file: nobody holds it
	}
	defer f.Close()
	err = unix.Flock(int(f.Fd()), unix.LOCK_SH|unix.LOCK_NB)
	if err == nil {
		_ = unix.Flock(int(f.Fd()), unix.LOCK_UN)
		return nil // a leftover of a killed pmwiz
	}
	if !errors.Is(err, unix.EWOULDBLOCK) {
		return nil
	}
	le := &LockedError{Name: r.name}
	if info, err := readLockInfo(path); err == nil {
		le.PID, le.Host, le.Since = info.PID, info.Host, info.Since
	}
	return le
}
