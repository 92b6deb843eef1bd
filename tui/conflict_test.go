package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// The draft changes on disk under the wizard (issue 11, hole 2): with the
// store's real autosaver, the wizard says where each version is, waits for
// a choice, and "o" makes ours the draft with the other kept as a copy.
func TestWizardAsksWhenTheDraftChangedOnDisk(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Save("pm", model.New("start", testNow)); err != nil {
		t.Fatal(err)
	}
	l, err := s.Load("pm")
	if err != nil {
		t.Fatal(err)
	}
	a := store.NewAutosaver(s, "pm", store.AutosaveOptions{Base: l})
	defer a.Close()
	h := newHarness(t, l.Draft, 120, 30, func(o *Options) { o.Saver = a })

	// Someone else's version lands on disk.
	theirs, _ := model.Encode(model.New("written elsewhere", testNow))
	if err := store.WriteFileAtomic(l.Path, theirs, 0o600); err != nil {
		t.Fatal(err)
	}
	h.focusPath("title").typ(" mine")
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	h.send(saveResultMsg(<-a.Results()))
	h.wantView("changed on disk", "pm-conflict-", "o: make yours the draft", "k: keep both")
	if strings.Contains(h.view(), "not saved") {
		t.Errorf("the status line says not saved though ours is in the copy:\n%s", h.view())
	}
	// Typing waits for the answer: a letter does not reach the field.
	h.typ("z")
	if strings.HasSuffix(h.m.draft.Title, "z") {
		t.Error("a key typed while the question is asked went into the field")
	}
	h.press("o")
	if strings.Contains(h.view(), "changed on disk") {
		t.Errorf("the banner stayed after the choice:\n%s", h.view())
	}
	h.wantView("yours is the draft again", "pm-other-")
	got, _ := s.Load("pm")
	if got.Draft.Title != "start mine" {
		t.Errorf("the draft holds %q after o, want ours", got.Draft.Title)
	}
	others, _ := filepath.Glob(filepath.Join(dir, "pm-other-*.json"))
	if len(others) != 1 {
		t.Fatalf("other copies %v, want one", others)
	}
	if data, _ := os.ReadFile(others[0]); !strings.Contains(string(data), "written elsewhere") {
		t.Errorf("the other version is not kept: %s", data)
	}
}

// "k" keeps both: the banner stays, without the question, and typing
// goes on (into the copy).
func TestWizardConflictKeepBoth(t *testing.T) {
	h := newHarness(t, model.New("start", testNow), 120, 30)
	h.send(saveResultMsg{At: testNow, Err: &store.ConflictError{Draft: "/d/pm.json", Copy: "/d/pm-conflict-160000.json", Reason: "another program wrote it"}})
	h.press("k")
	h.wantView("changed on disk", "pm-conflict-160000", "Both are kept")
	if strings.Contains(h.view(), "o: make yours") {
		t.Error("the question stayed after k")
	}
	h.focusPath("title").typ("!")
	if h.m.draft.Title != "start!" {
		t.Errorf("typing after k: title %q", h.m.draft.Title)
	}
}
