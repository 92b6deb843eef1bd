package model

import (
	"encoding/json"
	"strings"
	"testing"
)

// mergeBase is a draft as two people find it before they edit.
func mergeBase() *Draft {
	d := New("Checkout failed", *at("2026-11-23T16:00:00+01:00"))
	d.Summary = "Checkout failed for EU customers."
	d.Timeline.Events = []Event{
		{At: at("2026-11-23T14:05:00+01:00"), Text: "Migration starts."},
		{At: at("2026-11-23T14:12:00+01:00"), Text: "Alert fires."},
		{At: at("2026-11-23T14:40:00+01:00"), Text: "Migration stopped."},
	}
	d.ActionItems = []ActionItem{{What: "Test migrations on big data", Owner: "ana"}}
	d.Lessons = []string{"Canary schema changes."}
	d.Assessments = map[string]Assessment{"impact": {Status: Partial}}
	AssignIDs(d)
	return d
}

func mustMerge(t *testing.T, b, o, th *Draft) (*Draft, []Conflict) {
	t.Helper()
	d, conflicts, err := Merge(b, o, th)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Encode(d); err != nil {
		t.Fatal(err)
	}
	return d, conflicts
}

func TestMergeCombinesChangesToDifferentFields(t *testing.T) {
	b := mergeBase()
	o, th := b.Clone(), b.Clone()
	o.Summary = "Checkout failed for EU customers for 47 minutes."
	th.Impact.Who = "EU customers"
	th.Assessments["root_cause"] = Assessment{Status: Yes, Note: "checked"}
	o.Assessments["impact"] = Assessment{Status: Yes}
	d, conflicts := mustMerge(t, b, o, th)
	if len(conflicts) != 0 {
		t.Fatalf("conflicts: %+v", conflicts)
	}
	if d.Summary != o.Summary || d.Impact.Who != "EU customers" {
		t.Errorf("summary %q, impact %q", d.Summary, d.Impact.Who)
	}
	if d.Assessments["impact"].Status != Yes || d.Assessments["root_cause"].Note != "checked" {
		t.Errorf("assessments not merged per item: %+v", d.Assessments)
	}
}

func TestMergeKeepsEventsBothSidesAdded(t *testing.T) {
	b := mergeBase()
	o, th := b.Clone(), b.Clone()
	o.Timeline.Events = append(o.Timeline.Events, Event{At: at("2026-11-23T14:50:00+01:00"), Text: "Ours: all clear."})
	th.Timeline.Events = append(th.Timeline.Events[:1:1], append([]Event{{At: at("2026-11-23T14:08:00+01:00"), Text: "Theirs: errors rise."}}, th.Timeline.Events[1:]...)...)
	d, conflicts := mustMerge(t, b, o, th)
	if len(conflicts) != 0 {
		t.Fatalf("conflicts: %+v", conflicts)
	}
	var texts []string
	for _, e := range d.Timeline.Events {
		texts = append(texts, e.Text)
	}
	want := "Migration starts.|Theirs: errors rise.|Alert fires.|Migration stopped.|Ours: all clear."
	if got := strings.Join(texts, "|"); got != want {
		t.Errorf("events:\n got %s\nwant %s", got, want)
	}
}

func TestMergeMovedAndEditedEntryIsOneEntry(t *testing.T) {
	b := mergeBase()
	o, th := b.Clone(), b.Clone()
	ev := o.Timeline.Events
	o.Timeline.Events = []Event{ev[2], ev[0], ev[1]} // ours moves the last event first
	th.Timeline.Events[2].Text = "Migration stopped by hand."
	d, conflicts := mustMerge(t, b, o, th)
	if len(conflicts) != 0 {
		t.Fatalf("conflicts: %+v", conflicts)
	}
	if len(d.Timeline.Events) != 3 {
		t.Fatalf("%d events, want 3: %+v", len(d.Timeline.Events), d.Timeline.Events)
	}
	if got := d.Timeline.Events[0].Text; got != "Migration stopped by hand." {
		t.Errorf("first event %q: the move and the edit should both apply", got)
	}
}

func TestMergeMatchesOldDraftsWithoutIDsByContent(t *testing.T) {
	b := mergeBase()
	for i := range b.Timeline.Events {
		b.Timeline.Events[i].ID = ""
	}
	b.ActionItems[0].ID = ""
	o, th := b.Clone(), b.Clone()
	o.Timeline.Events[1].Text = "Alert fires on EU checkout errors."
	th.Timeline.Events[1].At = at("2026-11-23T14:13:00+01:00")
	th.ActionItems[0].Owner = "bo"
	AssignIDs(o) // ours saved with ids, theirs did not
	d, conflicts := mustMerge(t, b, o, th)
	if len(conflicts) != 0 {
		t.Fatalf("conflicts: %+v", conflicts)
	}
	e := d.Timeline.Events[1]
	if len(d.Timeline.Events) != 3 || e.Text != "Alert fires on EU checkout errors." || !e.At.Equal(*at("2026-11-23T14:13:00+01:00")) {
		t.Errorf("events %+v", d.Timeline.Events)
	}
	if len(d.ActionItems) != 1 || d.ActionItems[0].Owner != "bo" {
		t.Errorf("action items %+v", d.ActionItems)
	}
}

func TestMergeRecordsAConflictWithBothTexts(t *testing.T) {
	b := mergeBase()
	o, th := b.Clone(), b.Clone()
	o.Summary = "Ours: a migration locked orders."
	th.Summary = "Theirs: checkout was down for 47 minutes."
	o.Timeline.Events[0].Text = "Ours: migration 0142 starts."
	th.Timeline.Events[0].Text = "Theirs: the migration starts."
	d, conflicts := mustMerge(t, b, o, th)
	if len(conflicts) != 2 {
		t.Fatalf("%d conflicts, want 2: %+v", len(conflicts), conflicts)
	}
	want := []Conflict{
		{Path: "summary", Base: b.Summary, Ours: o.Summary, Theirs: th.Summary},
		{Path: "timeline.events[0].text", Base: "Migration starts.", Ours: "Ours: migration 0142 starts.", Theirs: "Theirs: the migration starts."},
	}
	for i, w := range want {
		if got := conflicts[i]; got.Path != w.Path || got.Base != w.Base || got.Ours != w.Ours || got.Theirs != w.Theirs {
			t.Errorf("conflict %d:\n got %+v\nwant %+v", i, got, w)
		}
	}
	if len(d.Conflicts) != 2 || d.Summary != o.Summary {
		t.Errorf("the draft should hold ours in the field and both in conflicts: %q, %+v", d.Summary, d.Conflicts)
	}
	data, _ := Encode(d)
	back, err := Decode(data)
	if err != nil || len(back.Conflicts) != 2 {
		t.Fatalf("conflicts do not round-trip: %v %+v", err, back)
	}
}

func TestMergeKeepsAnEntryOneSideRemovedAndTheOtherEdited(t *testing.T) {
	b := mergeBase()
	o, th := b.Clone(), b.Clone()
	o.ActionItems = nil
	th.ActionItems[0].Due = "2026-12-15"
	d, conflicts := mustMerge(t, b, o, th)
	if len(d.ActionItems) != 1 || d.ActionItems[0].Due != "2026-12-15" {
		t.Fatalf("action items %+v", d.ActionItems)
	}
	if len(conflicts) != 1 || conflicts[0].Path != "action_items[0]" || conflicts[0].Ours != "" || !strings.Contains(conflicts[0].Theirs, "2026-12-15") || conflicts[0].Note == "" {
		t.Errorf("conflicts %+v", conflicts)
	}
}

func TestMergeAppliesARemovalTheOtherSideDidNotTouch(t *testing.T) {
	b := mergeBase()
	o, th := b.Clone(), b.Clone()
	o.Timeline.Events = o.Timeline.Events[1:]
	o.Lessons = nil
	th.Summary = "changed"
	d, conflicts := mustMerge(t, b, o, th)
	if len(conflicts) != 0 || len(d.Timeline.Events) != 2 || len(d.Lessons) != 0 || d.Summary != "changed" {
		t.Errorf("conflicts %+v, events %+v, lessons %q, summary %q", conflicts, d.Timeline.Events, d.Lessons, d.Summary)
	}
}

func TestMergeKeepsUnknownKeysFromBothSides(t *testing.T) {
	b := mergeBase()
	o, th := b.Clone(), b.Clone()
	o.Extra = map[string]json.RawMessage{"jira": json.RawMessage(`"OPS-1"`)}
	th.Impact.Extra = map[string]json.RawMessage{"regions": json.RawMessage(`["eu-west-1"]`)}
	d, conflicts := mustMerge(t, b, o, th)
	if len(conflicts) != 0 || string(d.Extra["jira"]) != `"OPS-1"` || !strings.Contains(string(d.Impact.Extra["regions"]), "eu-west-1") {
		t.Errorf("conflicts %+v, extra %s, impact extra %s", conflicts, d.Extra, d.Impact.Extra)
	}
}

func TestMergeTakesTheLaterUpdateTime(t *testing.T) {
	b := mergeBase()
	o, th := b.Clone(), b.Clone()
	o.Updated = at("2026-11-24T09:00:00Z")
	th.Updated = at("2026-11-24T10:00:00Z")
	d, conflicts := mustMerge(t, b, o, th)
	if len(conflicts) != 0 || !d.Updated.Equal(*th.Updated) {
		t.Errorf("updated %v, conflicts %+v", d.Updated, conflicts)
	}
}

func TestMergeOfADraftBothSidesAdded(t *testing.T) {
	o := New("Ours", *at("2026-11-23T16:00:00Z"))
	th := New("Theirs", *at("2026-11-23T16:00:00Z"))
	d, conflicts := mustMerge(t, nil, o, th)
	if len(conflicts) != 1 || conflicts[0].Path != "title" || d.Title != "Ours" {
		t.Errorf("title %q, conflicts %+v", d.Title, conflicts)
	}
}

func TestMergeKeepsEarlierConflictsUntilResolved(t *testing.T) {
	b := mergeBase()
	b.Conflicts = []Conflict{{Path: "summary", Ours: "a", Theirs: "b"}}
	o, th := b.Clone(), b.Clone()
	o.Conflicts = nil // ours resolved it
	th.Severity = "SEV2"
	d, _ := mustMerge(t, b, o, th)
	if len(d.Conflicts) != 0 || d.Severity != "SEV2" {
		t.Errorf("resolved conflict came back: %+v", d.Conflicts)
	}
	d, _ = mustMerge(t, b, b.Clone(), th)
	if len(d.Conflicts) != 1 {
		t.Errorf("an open conflict was dropped: %+v", d.Conflicts)
	}
}

func TestAssignIDsIsStableAndUnique(t *testing.T) {
	d := &Draft{Schema: 1, Timeline: Timeline{Events: []Event{{Text: "same"}, {Text: "same"}, {Text: "other", ID: "kept"}}}}
	AssignIDs(d)
	ev := d.Timeline.Events
	if ev[0].ID == "" || ev[0].ID == ev[1].ID || ev[2].ID != "kept" {
		t.Fatalf("ids %q %q %q", ev[0].ID, ev[1].ID, ev[2].ID)
	}
	again := &Draft{Schema: 1, Timeline: Timeline{Events: []Event{{Text: "same"}, {Text: "same"}}}}
	AssignIDs(again)
	if again.Timeline.Events[0].ID != ev[0].ID {
		t.Errorf("the same content should get the same id on another machine")
	}
	ev[0].Text = "edited"
	AssignIDs(d)
	if d.Timeline.Events[0].ID != again.Timeline.Events[0].ID {
		t.Errorf("an edit changed the id")
	}
	if MissingIDs(d) {
		t.Error("MissingIDs after AssignIDs")
	}
	d.ActionItems = append(d.ActionItems, ActionItem{What: "new"})
	if !MissingIDs(d) {
		t.Error("MissingIDs misses a new action item")
	}
	d.Timeline.Events = append(d.Timeline.Events, d.Timeline.Events[0]) // a copied entry
	AssignIDs(d)
	if d.Timeline.Events[3].ID == d.Timeline.Events[0].ID {
		t.Errorf("a duplicated id was not replaced")
	}
}

func TestMergeKeepsAVerdictOneSideRemovedAndTheOtherChanged(t *testing.T) {
	b := mergeBase()
	o, th := b.Clone(), b.Clone()
	delete(o.Assessments, "impact")
	th.Assessments["impact"] = Assessment{Status: Yes, Note: "checked the order logs"}
	d, conflicts := mustMerge(t, b, o, th)
	if a := d.Assessments["impact"]; a.Status != Yes || a.Note != "checked the order logs" {
		t.Errorf("assessment %+v", a)
	}
	if len(conflicts) != 1 || conflicts[0].Path != "assessments.impact" {
		t.Errorf("conflicts %+v", conflicts)
	}
}

func TestMergeKeepsTwoEventsAddedAtTheSameMinute(t *testing.T) {
	b := mergeBase()
	o, th := b.Clone(), b.Clone()
	o.Timeline.Events = append(o.Timeline.Events, Event{At: at("2026-11-23T14:50:00+01:00"), Text: "Ours: rollback done."})
	th.Timeline.Events = append(th.Timeline.Events, Event{At: at("2026-11-23T14:50:00+01:00"), Text: "Theirs: status page updated."})
	d, conflicts := mustMerge(t, b, o, th)
	if len(conflicts) != 0 || len(d.Timeline.Events) != 5 {
		t.Errorf("conflicts %+v, events %+v", conflicts, d.Timeline.Events)
	}
}

// The merge compares trees built straight from drafts; they must hold
// exactly what Encode writes, or a merge would see changes nobody made.
func TestDraftTreeIsWhatEncodeWrites(t *testing.T) {
	inputs := []string{
		`{"schema":1,"title":7,"timeline":{"start":"x","events":[{"at":true,"text":"t"}]},"zz":{"a":[1,2.50]},"n":12}`,
		`{"schema":1,"assessments":{"impact":{"status":""},"x":{"status":"yes","k":null}},"other":[{"heading":""}],"conflicts":[{"path":"summary","ours":"","theirs":""}]}`,
		`{"schema":1,"summary":"a <b> & c","action_items":[{"what":"w","done":true,"due":5}],"pending":{"timeline.end":"soon"}}`,
	}
	for _, in := range inputs {
		d, _ := Decode([]byte(in))
		if d == nil {
			t.Fatalf("%s does not decode", in)
		}
		b := mergeBase()
		b.Extra = d.Extra
		for _, x := range []*Draft{d, b} {
			got, err := draftTree(x)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := Encode(x)
			dec := json.NewDecoder(strings.NewReader(string(data)))
			dec.UseNumber()
			var want any
			if err := dec.Decode(&want); err != nil {
				t.Fatal(err)
			}
			if !equal(got, want) {
				g, _ := json.Marshal(got)
				t.Errorf("tree of %s\n got %s\nwant %s", in, g, data)
			}
		}
	}
}
