package store

import (
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// Entry ids are what lets a git merge tell an edited entry from a new one:
// an id written once must be written again by every later save, edits or not.
func TestSaveGivesEntriesIDsThatLaterSavesKeep(t *testing.T) {
	s := mustOpen(t)
	d := fullDraft(1)
	if err := s.Save("pm", d); err != nil {
		t.Fatal(err)
	}
	first, err := s.Load("pm")
	if err != nil {
		t.Fatal(err)
	}
	id := first.Draft.Timeline.Events[3].ID
	if id == "" || d.Timeline.Events[3].ID != id {
		t.Fatalf("saved id %q, in memory %q: the draft saved must keep the id it was given", id, d.Timeline.Events[3].ID)
	}
	d.Timeline.Events[3].Text = "Edited after the first save."
	d.Timeline.Events = append([]model.Event{{Text: "A new first event."}}, d.Timeline.Events...)
	if err := s.Save("pm", d); err != nil {
		t.Fatal(err)
	}
	again, err := s.Load("pm")
	if err != nil {
		t.Fatal(err)
	}
	if got := again.Draft.Timeline.Events[4]; got.ID != id || got.Text != "Edited after the first save." {
		t.Errorf("after an edit and an insert, event %+v, want id %q", got, id)
	}
	if again.Draft.Timeline.Events[0].ID == "" {
		t.Error("the new event got no id")
	}
}

func TestAutosaverGivesTheLiveDraftItsIDs(t *testing.T) {
	s := mustOpen(t)
	a := NewAutosaver(s, "pm", AutosaveOptions{})
	d := fullDraft(1)
	a.Changed(d)
	if d.ActionItems[0].ID == "" {
		t.Fatal("Changed did not give the wizard's draft its ids, so each save would invent new ones")
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load("pm")
	if err != nil {
		t.Fatal(err)
	}
	if got.Draft.ActionItems[0].ID != d.ActionItems[0].ID {
		t.Errorf("saved id %q, live id %q", got.Draft.ActionItems[0].ID, d.ActionItems[0].ID)
	}
}
