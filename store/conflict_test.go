package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// openEditor is one wizard's view of the draft "pm": its own Store (as in
// its own process), the lock, the draft as loaded, and an autosaver.
type editor struct {
	s    *Store
	lock *Lock
	d    *model.Draft
	a    *Autosaver
}

func openEditor(t *testing.T, dir string) *editor {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	lock, err := s.Lock("pm")
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Load("pm")
	if err != nil {
		t.Fatal(err)
	}
	e := &editor{s: s, lock: lock, d: l.Draft, a: NewAutosaver(s, "pm", AutosaveOptions{Base: l})}
	t.Cleanup(func() { e.a.Close(); lock.Unlock() })
	return e
}

func (e *editor) typeTitle(t *testing.T, title string) {
	t.Helper()
	e.d.Title = title
	e.a.Changed(e.d)
	if err := e.a.Flush(); err != nil {
		t.Fatal(err)
	}
}

func conflictOf(a *Autosaver) *ConflictError {
	for {
		select {
		case r := <-a.Results():
			var c *ConflictError
			if errors.As(r.Err, &c) {
				return c
			}
		default:
			return nil
		}
	}
}

func titleIn(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return d.Title
}

// Issue 11, hole 2: a removed or replaced lock let a second wizard open
// the draft, and whichever saved last silently erased the other's work.
// Now the first save after the draft changed under a wizard goes to a
// copy beside it, the wizard is told, and both versions stay on disk.
func TestSecondEditorAfterTheLockWasRemovedLosesNothing(t *testing.T) {
	for _, bFirst := range []bool{false, true} {
		s := mustOpen(t)
		if err := s.Save("pm", model.New("start", t0)); err != nil {
			t.Fatal(err)
		}
		a := openEditor(t, s.Dir())
		os.Remove(filepath.Join(s.Dir(), "pm.lock")) // "it looks stale"
		b := openEditor(t, s.Dir())
		if bFirst {
			b.typeTitle(t, "B's work")
			a.typeTitle(t, "A's work")
		} else {
			a.typeTitle(t, "A's work")
			b.typeTitle(t, "B's work")
		}
		c := conflictOf(a.a)
		if c == nil {
			t.Fatalf("bFirst=%v: A was not told the draft is B's now", bFirst)
		}
		if !strings.Contains(c.Reason, "lock file") || !strings.Contains(c.Error(), c.Copy) {
			t.Errorf("conflict %q: want it to say the lock was removed and where A's work is", c)
		}
		if got := titleIn(t, filepath.Join(s.Dir(), "pm.json")); got != "B's work" {
			t.Errorf("bFirst=%v: the draft holds %q, want B's work", bFirst, got)
		}
		if got := titleIn(t, c.Copy); got != "A's work" {
			t.Errorf("bFirst=%v: the copy holds %q, want A's work", bFirst, got)
		}
		if !strings.HasPrefix(c.CopyName(), "pm-conflict-") || ValidateName(c.CopyName()) != nil {
			t.Errorf("copy name %q is not a draft name pmwiz resume takes", c.CopyName())
		}
		// A goes on typing: its work keeps going to the copy.
		a.typeTitle(t, "A's work, more")
		if got := titleIn(t, c.Copy); got != "A's work, more" {
			t.Errorf("A's later typing went to %q", got)
		}
		if got := titleIn(t, filepath.Join(s.Dir(), "pm.json")); got != "B's work" {
			t.Errorf("A's later typing reached the draft: %q", got)
		}
		if conflictOf(a.a) != nil {
			t.Error("the conflict was reported again on every save")
		}
		// A chooses "make mine the draft" while B is still open: A's
		// typing goes to the draft from then on, and B, whose draft
		// changed under it, is the one told next.
		if _, err := a.a.KeepMine(); err != nil {
			t.Fatal(err)
		}
		a.typeTitle(t, "A's work, final")
		if got := titleIn(t, filepath.Join(s.Dir(), "pm.json")); got != "A's work, final" || conflictOf(a.a) != nil {
			t.Errorf("after KeepMine A's typing: draft %q", got)
		}
		b.typeTitle(t, "B's work, more")
		if c := conflictOf(b.a); c == nil || titleIn(t, c.Copy) != "B's work, more" {
			t.Errorf("B was not told its draft changed (%v)", c)
		}
		if got := titleIn(t, filepath.Join(s.Dir(), "pm.json")); got != "A's work, final" {
			t.Errorf("B saved over A's chosen version: %q", got)
		}
	}
}

// A draft rewritten by another program (a sync tool, an editor) is not
// saved over; KeepMine then makes ours the draft and keeps theirs aside.
func TestDraftReplacedOnDiskThenKeepMine(t *testing.T) {
	s := mustOpen(t)
	if err := s.Save("pm", model.New("start", t0)); err != nil {
		t.Fatal(err)
	}
	a := openEditor(t, s.Dir())
	path := filepath.Join(s.Dir(), "pm.json")
	theirs := model.New("written elsewhere", t0)
	data, _ := model.Encode(theirs)
	if err := WriteFileAtomic(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	a.typeTitle(t, "mine")
	c := conflictOf(a.a)
	if c == nil || titleIn(t, path) != "written elsewhere" {
		t.Fatalf("conflict %v, draft %q: want a conflict and the other version untouched", c, titleIn(t, path))
	}
	other, err := a.a.KeepMine()
	if err != nil {
		t.Fatal(err)
	}
	if got := titleIn(t, path); got != "mine" {
		t.Errorf("after KeepMine the draft holds %q", got)
	}
	if got := titleIn(t, other); got != "written elsewhere" {
		t.Errorf("the other version was not kept: %q", got)
	}
	if _, err := os.Stat(c.Copy); !errors.Is(err, os.ErrNotExist) {
		t.Error("the conflict copy is left behind though it is the draft now")
	}
	a.typeTitle(t, "mine, more")
	if got := titleIn(t, path); got != "mine, more" || conflictOf(a.a) != nil {
		t.Errorf("after KeepMine saves go to the draft again: %q", got)
	}
}

// Rewriting the same content (a sync tool, touch) is not a conflict, and
// a lock file removed while nobody else opened the draft is taken again.
func TestSameContentOrRemovedLockAloneIsNoConflict(t *testing.T) {
	s := mustOpen(t)
	if err := s.Save("pm", model.New("start", t0)); err != nil {
		t.Fatal(err)
	}
	a := openEditor(t, s.Dir())
	path := filepath.Join(s.Dir(), "pm.json")
	data, _ := os.ReadFile(path)
	if err := WriteFileAtomic(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(s.Dir(), "pm.lock"))
	a.typeTitle(t, "mine")
	if c := conflictOf(a.a); c != nil || titleIn(t, path) != "mine" {
		t.Fatalf("conflict %v, draft %q: want a plain save", c, titleIn(t, path))
	}
	if _, err := s.Lock("pm"); err == nil {
		t.Error("the removed lock was not taken again: a second pmwiz could open the draft")
	}
}
