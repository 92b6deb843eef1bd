package model

import (
	"fmt"
	"testing"
)

// mergeSides builds what the merge driver reads for a big post-mortem: a
// base of about kb KB (model.Encode's bytes) and two edits of it, each
// touching text fields, editing and moving events and adding some, with
// one field both changed (a conflict).
func mergeSides(tb testing.TB, kb int) (base, ours, theirs []byte) {
	d := typicalDraft(kb)
	AssignIDs(d)
	o, t := d.Clone(), d.Clone()
	o.Summary = "Ours: " + o.Summary
	t.Summary = "Theirs: " + t.Summary
	t.Impact.Who = "Theirs: every EU customer"
	n := len(d.Timeline.Events)
	for i := 0; i < n; i += 10 {
		o.Timeline.Events[i].Text = fmt.Sprintf("Ours edited event %d", i)
	}
	for i := 5; i < n; i += 10 {
		t.Timeline.Events[i].Text = fmt.Sprintf("Theirs edited event %d", i)
	}
	o.Timeline.Events[0], o.Timeline.Events[n-1] = o.Timeline.Events[n-1], o.Timeline.Events[0]
	for i := range 20 {
		t.Timeline.Events = append(t.Timeline.Events, Event{At: d.Timeline.Start, Text: fmt.Sprintf("Theirs added event %d", i)})
		o.Lessons = append(o.Lessons, fmt.Sprintf("Ours added lesson %d", i))
	}
	AssignIDs(o)
	AssignIDs(t)
	enc := func(d *Draft) []byte {
		b, err := Encode(d)
		if err != nil {
			tb.Fatal(err)
		}
		return b
	}
	return enc(d), enc(o), enc(t)
}

// BenchmarkMergeDraft200KB is the merge driver's work on two edits of a
// 200 KB draft: decode the three versions, merge, encode the result.
func BenchmarkMergeDraft200KB(b *testing.B) {
	base, ours, theirs := mergeSides(b, 200)
	if len(ours) < 200<<10 {
		b.Fatalf("ours is %d bytes, want at least 200 KB", len(ours))
	}
	b.SetBytes(int64(len(ours)))
	b.ReportAllocs()
	for b.Loop() {
		bd, err1 := Decode(base)
		od, err2 := Decode(ours)
		td, err3 := Decode(theirs)
		if err1 != nil || err2 != nil || err3 != nil {
			b.Fatal(err1, err2, err3)
		}
		m, conflicts, err := Merge(bd, od, td)
		if err != nil || len(conflicts) != 1 {
			b.Fatalf("%v, %d conflicts", err, len(conflicts))
		}
		if _, err := Encode(m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMergeOnly200KB is Merge alone, on decoded drafts.
func BenchmarkMergeOnly200KB(b *testing.B) {
	base, ours, theirs := mergeSides(b, 200)
	bd, _ := Decode(base)
	od, _ := Decode(ours)
	td, _ := Decode(theirs)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Merge(bd, od, td); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode200KB(b *testing.B) {
	_, ours, _ := mergeSides(b, 200)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(ours); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssignIDsKeystroke200KB is what the autosaver adds to every
// change of a big draft whose entries have their ids already.
func BenchmarkAssignIDsKeystroke200KB(b *testing.B) {
	d := typicalDraft(200)
	AssignIDs(d)
	b.ReportAllocs()
	for b.Loop() {
		if MissingIDs(d) {
			AssignIDs(d)
		}
	}
}
