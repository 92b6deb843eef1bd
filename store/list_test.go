package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

func TestListNewestFirstWithBrokenDraftsShown(t *testing.T) {
	now := time.Now()
	s := mustOpen(t, WithClock(func() time.Time { return now }))
	for i, name := range []string{"old", "new", "mid"} {
		d := fullDraft(i)
		d.Updated = tp(t0.Add(map[string]time.Duration{"old": -48 * time.Hour, "new": 0, "mid": -time.Hour}[name]))
		if err := s.Save(name, d); err != nil {
			t.Fatal(err)
		}
	}
	// A draft with no "updated" is dated by its file.
	noDate := model.New("no date", t0)
	noDate.Updated = nil
	if err := s.Save("nodate", noDate); err != nil {
		t.Fatal(err)
	}
	fileTime := t0.Add(-30 * time.Minute)
	os.Chtimes(filepath.Join(s.Dir(), "nodate.json"), fileTime, fileTime)
	// A broken draft: listed, with its error, dated by its file.
	broken := filepath.Join(s.Dir(), "broken.json")
	writeRaw(t, broken, []byte(`{"schema": 1, "title": "cut`))
	brokenTime := t0.Add(-2 * time.Hour)
	os.Chtimes(broken, brokenTime, brokenTime)
	// Not drafts: backups, locks, temp files (fresh and stale), the trash,
	// a directory, other files.
	writeRaw(t, filepath.Join(s.Dir(), "x.lock"), nil)
	writeRaw(t, filepath.Join(s.Dir(), "notes.txt"), nil)
	fresh := filepath.Join(s.Dir(), ".new.json"+tempInfix+"123")
	stale := filepath.Join(s.Dir(), ".new.json"+tempInfix+"456")
	writeRaw(t, fresh, []byte("{"))
	writeRaw(t, stale, []byte("{"))
	old := now.Add(-time.Hour)
	os.Chtimes(stale, old, old)
	os.Mkdir(filepath.Join(s.Dir(), "dir.json"), 0o700)
	os.Mkdir(filepath.Join(s.Dir(), TrashDir), 0o700)
	writeRaw(t, filepath.Join(s.Dir(), TrashDir, "gone.json"), encode(t, fullDraft(9)))

	es, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name)
	}
	if got, want := names, []string{"new", "nodate", "mid", "broken", "old"}; !equal(got, want) {
		t.Fatalf("List order = %v, want %v", got, want)
	}
	if e := es[0]; e.Title != fullDraft(1).Title || e.Status != model.StatusDraft || e.Path != filepath.Join(s.Dir(), "new.json") || e.Err != nil || e.MaxScore == 0 {
		t.Errorf("entry = %+v", e)
	}
	if e := es[1]; !e.Updated.Equal(fileTime) {
		t.Errorf("draft without updated dated %v, want its file time %v", e.Updated, fileTime)
	}
	var le *LoadError
	if e := es[3]; !errors.As(e.Err, &le) || !e.Updated.Equal(brokenTime) {
		t.Errorf("broken entry = %+v", e)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Error("stale temporary file not cleaned up")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file (a save under way) was removed")
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestListAgreesWithLoad(t *testing.T) {
	// List decodes with a faster decoder; for every draft it must say what
	// Load says: same title, and an error exactly when Load fails.
	s := mustOpen(t)
	files := map[string]string{
		"ok":      string(encode(t, fullDraft(1))),
		"types":   `{"schema": 1, "title": 42}`,
		"future":  `{"schema": 2, "title": "x"}`,
		"zero":    `{"schema": 0, "title": "x"}`,
		"noschem": `{"title": "x"}`,
		"extra":   `{"schema": 1, "title": "x", "later": {"a": 1}}`,
		"badtime": `{"schema": 1, "created": "yesterday"}`,
		"trail":   `{"schema": 1} {}`,
	}
	for name, data := range files {
		writeRaw(t, filepath.Join(s.Dir(), name+".json"), []byte(data))
	}
	es, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		l, err := s.Load(e.Name)
		if (err == nil) != (e.Err == nil) {
			t.Errorf("%s: List error %v, Load error %v", e.Name, e.Err, err)
			continue
		}
		if err == nil && l.Draft.Title != e.Title {
			t.Errorf("%s: List title %q, Load title %q", e.Name, e.Title, l.Draft.Title)
		}
	}
}

func TestTrashKeepsEverything(t *testing.T) {
	s := mustOpen(t)
	for i := 1; i <= 2; i++ {
		if err := s.Save("pm", fullDraft(i)); err != nil {
			t.Fatal(err)
		}
	}
	dest, err := s.MoveToTrash("pm")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(s.Dir(), TrashDir, "pm.json"); dest != want {
		t.Errorf("trashed to %s, want %s", dest, want)
	}
	if got := readFile(t, dest); !bytes.Equal(got, encode(t, fullDraft(2))) {
		t.Error("trashed draft differs")
	}
	if got := readFile(t, dest+".bak"); !bytes.Equal(got, encode(t, fullDraft(1))) {
		t.Error("backup not trashed with the draft")
	}
	if es, _ := s.List(); len(es) != 0 {
		t.Errorf("trashed draft still listed: %+v", es)
	}
	// A second draft of the same name goes to the trash too, beside the first.
	if err := s.Save("pm", fullDraft(3)); err != nil {
		t.Fatal(err)
	}
	dest2, err := s.MoveToTrash("pm")
	if err != nil || dest2 == dest {
		t.Fatalf("second trash = %s, %v", dest2, err)
	}
	if got := readFile(t, dest); !bytes.Equal(got, encode(t, fullDraft(2))) {
		t.Error("the first trashed draft was overwritten")
	}
	if _, err := s.MoveToTrash("pm"); err == nil {
		t.Error("trashing a missing draft succeeded")
	}
	// A draft given by its path, outside the drafts directory.
	outside := filepath.Join(t.TempDir(), "elsewhere.json")
	writeRaw(t, outside, encode(t, fullDraft(4)))
	if _, err := s.MoveToTrash(outside); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(outside); !errors.Is(err, os.ErrNotExist) {
		t.Error("draft given by path still there")
	}
	if got := readFile(t, filepath.Join(s.Dir(), TrashDir, "elsewhere.json")); !bytes.Equal(got, encode(t, fullDraft(4))) {
		t.Error("draft given by path not in the trash")
	}
}

// Three drafts imported or created within one second have the same
// "updated" (drafts store whole seconds): the one written last still comes
// first, not the first in alphabetical order.
func TestListSameSecondNewestFileFirst(t *testing.T) {
	s := mustOpen(t)
	for i, name := range []string{"c-first", "a-second", "b-third"} {
		d := fullDraft(i)
		d.Updated = tp(t0)
		if err := s.Save(name, d); err != nil {
			t.Fatal(err)
		}
		at := t0.Add(time.Duration(i) * 100 * time.Millisecond)
		os.Chtimes(filepath.Join(s.Dir(), name+".json"), at, at)
	}
	es, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name)
	}
	if want := []string{"b-third", "a-second", "c-first"}; !equal(names, want) {
		t.Fatalf("List order = %v, want %v", names, want)
	}
}

func TestEntryReasonIsOneLine(t *testing.T) {
	s := mustOpen(t)
	writeRaw(t, filepath.Join(s.Dir(), "broken.json"), []byte(`{"schema": 1, "title": "cut`))
	if err := s.Save("fine", fullDraft(1)); err != nil {
		t.Fatal(err)
	}
	es, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		switch e.Name {
		case "fine":
			if r := e.Reason(); r != "" {
				t.Errorf("a readable draft has reason %q, want none", r)
			}
		case "broken":
			r := e.Reason()
			if !strings.HasPrefix(r, "not valid JSON") || strings.Contains(r, "\n") {
				t.Errorf("broken draft's reason = %q, want one line saying it is not valid JSON", r)
			}
		}
	}
}
