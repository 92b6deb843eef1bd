package store

import (
	"bytes"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// AutosaveOptions tune an Autosaver. Zero values take the defaults.
//
// The autosaver reads time only through the time package (time.Now,
// timers), so tests run it inside a testing/synctest bubble, where the
// clock is fake and advances only when every goroutine waits: that is how
// its timing is tested to the exact second without sleeping.
type AutosaveOptions struct {
	// Debounce is how long typing must pause before a save (default
	// 300 ms).
	Debounce time.Duration
	// MaxDelay bounds how long any change waits, continuous typing
	// included (default 500 ms): at least one save every MaxDelay while
	// changes come. With a save of a large draft costing milliseconds,
	// this is what bounds the typing a kill -9 can lose to about a second
	// (measured by cmd/pmwiz's TestKillNineLosesAtMostASecond).
	MaxDelay time.Duration
	// Base is the draft as the wizard loaded it. Before each save the
	// file on disk is compared with it (then with each save's result): a
	// draft that changed meanwhile is never saved over (see
	// ConflictError). Nil: the file as it is when the autosaver starts.
	Base *Loaded
}

// The autosaver's defaults: see AutosaveOptions.
const (
	DefaultDebounce = 300 * time.Millisecond
	DefaultMaxDelay = 500 * time.Millisecond
)

// SaveResult reports one autosave: when it finished and whether it failed.
type SaveResult struct {
	At  time.Time
	Err error // nil when the draft was saved
}

// Autosaver saves a draft in the background while the user types. The
// wizard calls Changed on every change; saves happen off the UI goroutine,
// about Debounce after typing pauses and at least every MaxDelay during
// continuous typing. A failed save is reported, the draft stays pending,
// and the save is retried (after a short back-off, or on the next pause).
type Autosaver struct {
	store   *Store
	ref     string
	opts    AutosaveOptions
	results chan SaveResult

	mu           sync.Mutex
	latest       *model.Draft // the newest snapshot, owned by the autosaver
	changeSeq    uint64       // counts Changed calls
	savedSeq     uint64       // changeSeq of the newest snapshot on disk
	lastChange   time.Time    // when Changed was last called
	pendingSince time.Time    // first change not yet in a save under way; zero if none
	holdUntil    time.Time    // no retry before this, after a failure
	failures     int          // consecutive failed saves
	closed       bool

	saveMu   sync.Mutex // one save at a time: the goroutine, Flush and Close
	lastKey  []byte     // saved content without "updated", to skip no-op saves
	keyKnown bool
	// diskID is the draft file as this process last read or wrote it;
	// anything else there was written by someone else.
	diskID    fileID
	diskKnown bool
	// conflict is set once the draft changed under us: our version is
	// then saved to conflict.Copy until KeepMine.
	conflict *ConflictError
	copyKey  []byte
	// conflictPosted: the conflict was reported on Results (once).
	conflictPosted bool
	// lockWaived: the user chose to save over a draft another pmwiz holds
	// (KeepMine); from then on only a change on disk is a conflict.
	lockWaived bool
	retaken    []*Lock // locks taken again after someone removed the lock file

	wake      chan struct{}
	stop      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
	closeErr  error
}

// NewAutosaver starts an autosaver for the draft ref. The caller holds the
// draft's lock; Close stops the autosaver and saves what is pending.
func NewAutosaver(s *Store, ref string, opts AutosaveOptions) *Autosaver {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	if opts.MaxDelay <= 0 {
		opts.MaxDelay = DefaultMaxDelay
	}
	a := &Autosaver{
		store:   s,
		ref:     ref,
		opts:    opts,
		results: make(chan SaveResult, 8),
		wake:    make(chan struct{}, 1),
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	a.initDisk(opts.Base)
	go a.run()
	return a
}

// Changed records the live draft after a change. It snapshots d (a deep
// copy, microseconds) so the wizard can go on editing d, and never blocks
// on disk. Call it from the goroutine that edits d.
func (a *Autosaver) Changed(d *model.Draft) {
	if d == nil {
		return
	}
	// New entries get their ids on the live draft, not the snapshot, so
	// every later save writes the same id for the same entry.
	if model.MissingIDs(d) {
		model.AssignIDs(d)
	}
	snap := d.Clone()
	now := time.Now()
	a.mu.Lock()
	a.latest = snap
	a.changeSeq++
	a.lastChange = now
	if a.pendingSince.IsZero() {
		a.pendingSince = now
	}
	a.mu.Unlock()
	select {
	case a.wake <- struct{}{}:
	default:
	}
}

// Results delivers the outcome of every save that wrote (or failed to
// write) the draft. It never blocks the autosaver: when nobody reads, the
// oldest results are dropped and the newest kept. It is closed by Close.
func (a *Autosaver) Results() <-chan SaveResult { return a.results }

// Flush saves the newest snapshot now if it is not on disk yet, and
// returns the save's error. It is safe from any goroutine, any number of
// times, concurrently with autosaves: a signal handler, a deferred
// recover and the quit key may all call it.
func (a *Autosaver) Flush() error { return a.save() }

// Close stops the autosaver, saves what is pending and closes Results.
// Calling it again returns the first call's result. Changed after Close
// still records the draft, and Flush still saves it.
func (a *Autosaver) Close() error {
	a.closeOnce.Do(func() {
		close(a.stop)
		<-a.done
		a.closeErr = a.save()
		for _, l := range a.retaken {
			_ = l.Unlock()
		}
		a.mu.Lock()
		a.closed = true
		close(a.results)
		a.mu.Unlock()
	})
	return a.closeErr
}

func (a *Autosaver) run() {
	defer close(a.done)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		a.mu.Lock()
		due, pending := a.dueLocked()
		a.mu.Unlock()
		if pending {
			if wait := time.Until(due); wait <= 0 {
				_ = a.save()
				continue
			} else {
				timer.Reset(wait)
			}
		}
		select {
		case <-a.wake:
		case <-timer.C:
		case <-a.stop:
			timer.Stop()
			return
		}
		timer.Stop()
	}
}

// dueLocked says when the next save should happen, if one is pending.
func (a *Autosaver) dueLocked() (time.Time, bool) {
	if a.changeSeq == a.savedSeq || a.latest == nil {
		return time.Time{}, false
	}
	due := a.lastChange.Add(a.opts.Debounce)
	if !a.pendingSince.IsZero() {
		if limit := a.pendingSince.Add(a.opts.MaxDelay); limit.Before(due) {
			due = limit
		}
	}
	if due.Before(a.holdUntil) {
		due = a.holdUntil
	}
	return due, true
}

// save writes the newest snapshot if it is not on disk yet.
func (a *Autosaver) save() error {
	a.saveMu.Lock()
	defer a.saveMu.Unlock()

	a.mu.Lock()
	if a.changeSeq == a.savedSeq || a.latest == nil {
		a.mu.Unlock()
		return nil
	}
	snap, seq, at := a.latest, a.changeSeq, a.lastChange
	a.pendingSince = time.Time{} // changes from now on wait for the next save
	a.mu.Unlock()

	wrote, err := a.safeWrite(snap, at)
	now := time.Now()

	a.mu.Lock()
	if err == nil {
		a.savedSeq = seq
		a.failures = 0
		a.holdUntil = time.Time{}
	} else {
		a.failures++
		// Back off from a failing disk (1 s, 2 s, 4 s… up to MaxDelay) so
		// an idle wizard retries without spinning.
		backoff := a.opts.Debounce << min(a.failures-1, 16)
		backoff = min(backoff, a.opts.MaxDelay)
		a.holdUntil = now.Add(backoff)
		if a.pendingSince.IsZero() {
			a.pendingSince = now
		}
	}
	res := SaveResult{At: now, Err: err}
	if err == nil && a.conflict != nil && !a.conflictPosted {
		// Saved, to the copy: the wizard is told once, and asks.
		res.Err, wrote, a.conflictPosted = a.conflict, true, true
	}
	if wrote || err != nil {
		a.postLocked(res)
	}
	a.mu.Unlock()
	return err
}

// safeWrite is write that turns a panic into an error: the autosave
// goroutine is ours, and a panic there would kill pmwiz with the terminal
// still raw and the draft unsaved.
func (a *Autosaver) safeWrite(snap *model.Draft, at time.Time) (wrote bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			wrote, err = false, fmt.Errorf("could not save: internal error: %v", r)
		}
	}()
	return a.write(snap, at)
}

// write saves snap, stamped as updated at the time of its last change,
// unless its content is what the file already holds: moving the cursor
// must not rewrite the draft or push the real previous version out of
// NAME.json.bak. A draft that changed on disk since we last read or wrote
// it is never saved over: snap goes to a conflict copy beside it.
func (a *Autosaver) write(snap *model.Draft, at time.Time) (bool, error) {
	updated := at.Truncate(time.Second)
	key, data, err := encodeSnapshot(snap, updated)
	if err != nil {
		return false, err
	}
	stamped := *snap
	stamped.Updated = &updated
	if a.conflict != nil {
		return a.writeCopy(&stamped, key)
	}
	if !a.keyKnown {
		a.lastKey, a.keyKnown = a.diskKey(), true
	}
	if a.lastKey != nil && bytes.Equal(key, a.lastKey) {
		return false, nil
	}
	path, _ := a.store.Resolve(a.ref)
	if reason := a.changedOnDisk(path); reason != "" {
		if data == nil {
			if data, err = model.Encode(&stamped); err != nil {
				return false, err
			}
		}
		copyPath, err := a.store.writeCopy(path, "conflict", data)
		if err != nil {
			return false, fmt.Errorf("%s changed on disk (%s) and is left as it is, but your version could not be saved beside it: %w", path, reason, err)
		}
		a.conflict = &ConflictError{Draft: path, Copy: copyPath, Reason: reason}
		a.copyKey = key
		return true, nil
	}
	if data != nil {
		err = a.store.saveEncoded(a.ref, data)
	} else {
		err = a.store.Save(a.ref, &stamped)
	}
	if err != nil {
		return false, err
	}
	a.lastKey = key
	a.noteDisk()
	return true, nil
}

// encodeSnapshot is the snapshot's content key and, when it can be had
// from the same encoding, the bytes to save with updated stamped in (a
// draft of megabytes is encoded once per save, not twice). A snapshot
// whose entries still lack ids gets them from Store.Save, after the key
// is taken, as before: data is nil then.
func encodeSnapshot(snap *model.Draft, updated time.Time) (key, data []byte, err error) {
	if model.MissingIDs(snap) {
		key, err = contentKey(snap)
		return key, nil, err
	}
	return model.EncodeStamped(snap, updated)
}

// saveEncoded is Save of bytes encodeSnapshot encoded.
func (s *Store) saveEncoded(ref string, data []byte) error {
	r, err := s.locate(ref)
	if err != nil {
		return err
	}
	if err := s.checkInside(r.inDir, r.path); err != nil {
		return err
	}
	return s.write(r, data, true)
}

// writeCopy saves our version to the conflict copy.
func (a *Autosaver) writeCopy(stamped *model.Draft, key []byte) (bool, error) {
	if bytes.Equal(key, a.copyKey) {
		return false, nil
	}
	if err := a.store.Save(a.conflict.Copy, stamped); err != nil {
		return false, err
	}
	a.copyKey = key
	return true, nil
}

// initDisk records the draft file as the wizard loaded it.
func (a *Autosaver) initDisk(base *Loaded) {
	if base != nil && base.id != (fileID{}) {
		a.diskID, a.diskKnown = base.id, true
		if key, err := contentKey(base.Draft); err == nil {
			a.lastKey, a.keyKnown = key, true
		}
		return
	}
	a.lastKey, a.keyKnown = a.diskKey(), true
	a.noteDisk()
}

// noteDisk records the draft file as it is now, as ours.
func (a *Autosaver) noteDisk() {
	if path, err := a.store.Resolve(a.ref); err == nil {
		a.diskID, a.diskKnown = statDraft(path)
	}
}

// changedOnDisk says what changed the draft since we last read or wrote
// it, or "" when nothing did. A file with a new identity but the content
// we saved last (a sync tool rewrote it, a touch) is taken as ours.
func (a *Autosaver) changedOnDisk(path string) string {
	reason, retaken := a.store.checkLock(path)
	if retaken != nil {
		a.retaken = append(a.retaken, retaken)
	}
	if reason != "" && !a.lockWaived {
		return reason
	}
	if path == "" || !a.diskKnown {
		return ""
	}
	id, ok := statDraft(path)
	if !ok || id == a.diskID {
		return "" // unchanged, or gone (saving recreates it: nobody's work is lost)
	}
	if data, _, err := ReadRegular(path, MaxDraftSize); err == nil {
		if key := decodeKey(data); key != nil && a.lastKey != nil && bytes.Equal(key, a.lastKey) {
			a.diskID = id
			return ""
		}
	}
	return "another program wrote it since this pmwiz read it"
}

// Diverged is the conflict, if the draft changed on disk and our version
// is being saved beside it; nil otherwise.
func (a *Autosaver) Diverged() *ConflictError {
	a.saveMu.Lock()
	defer a.saveMu.Unlock()
	return a.conflict
}

// KeepMine ends a conflict the user's way: the version on disk is kept
// as a copy beside the draft (its path is returned), and ours is saved as
// the draft, replacing the conflict copy.
func (a *Autosaver) KeepMine() (otherCopy string, err error) {
	a.saveMu.Lock()
	defer a.saveMu.Unlock()
	c := a.conflict
	if c == nil {
		return "", nil
	}
	if data, _, err := ReadRegular(c.Draft, MaxDraftSize); err == nil {
		if otherCopy, err = a.store.writeCopy(c.Draft, "other", data); err != nil {
			return "", fmt.Errorf("could not keep the other version of %s aside, so yours was not saved over it: %w", c.Draft, err)
		}
	}
	a.mu.Lock()
	snap, seq, at := a.latest, a.changeSeq, a.lastChange
	a.mu.Unlock()
	if snap != nil {
		key, err := contentKey(snap)
		if err != nil {
			return otherCopy, err
		}
		stamped := *snap
		updated := at.Truncate(time.Second)
		stamped.Updated = &updated
		if err := a.store.Save(a.ref, &stamped); err != nil {
			return otherCopy, err
		}
		a.lastKey = key
		a.mu.Lock()
		a.savedSeq = max(a.savedSeq, seq)
		a.mu.Unlock()
	}
	a.noteDisk()
	if reason, retaken := a.store.checkLock(c.Draft); reason == "" && retaken != nil {
		a.retaken = append(a.retaken, retaken)
	}
	// Ours is the draft now: the copy and its backup hold nothing more.
	_ = os.Remove(c.Copy)
	_ = os.Remove(c.Copy + ".bak")
	a.conflict, a.copyKey, a.conflictPosted = nil, nil, false
	a.lockWaived = true
	return otherCopy, nil
}

// diskKey is the content key of the draft file as it is now, or nil.
func (a *Autosaver) diskKey() []byte {
	// Read as Load reads a draft (bounded, never a FIFO or a device swapped
	// in for it), not with a plain read that a pipe would hang.
	l, err := a.store.Load(a.ref)
	if err != nil {
		return nil
	}
	key, _ := contentKey(l.Draft)
	return key
}

// contentKey is a draft's canonical bytes with "updated" left out.
func contentKey(d *model.Draft) ([]byte, error) {
	c := *d
	c.Updated = nil
	return model.Encode(&c)
}

// postLocked delivers r without ever blocking, dropping the oldest result
// when the channel is full (the newest is the one that matters).
func (a *Autosaver) postLocked(r SaveResult) {
	if a.closed {
		return
	}
	for {
		select {
		case a.results <- r:
			return
		default:
		}
		select {
		case <-a.results:
		default:
		}
	}
}
