package model

import (
	"encoding/json"
	"maps"
	"slices"
	"time"
)

// Clone returns a deep copy of d that shares nothing mutable with it, so
// an autosave can encode a snapshot on another goroutine while the wizard
// goes on editing the original. Strings are immutable and shared; slices,
// maps and times are copied. It costs microseconds even for large drafts,
// unlike an encode/decode round trip.
func (d *Draft) Clone() *Draft {
	if d == nil {
		return nil
	}
	c := *d
	c.Authors = slices.Clone(d.Authors)
	c.Created = cloneTime(d.Created)
	c.Updated = cloneTime(d.Updated)
	c.Timeline = d.Timeline.clone()
	c.Impact.Extra = maps.Clone(d.Impact.Extra)
	c.RootCause.ContributingFactors = slices.Clone(d.RootCause.ContributingFactors)
	c.RootCause.Extra = maps.Clone(d.RootCause.Extra)
	c.FiveWhys = cloneEach(d.FiveWhys, func(w Why) Why { w.Extra = maps.Clone(w.Extra); return w })
	c.Lessons = slices.Clone(d.Lessons)
	c.ActionItems = cloneEach(d.ActionItems, func(a ActionItem) ActionItem { a.Extra = maps.Clone(a.Extra); return a })
	c.Technologies = slices.Clone(d.Technologies)
	c.Communication.Channels = cloneEach(d.Communication.Channels, func(ch Channel) Channel { ch.Extra = maps.Clone(ch.Extra); return ch })
	c.Communication.Extra = maps.Clone(d.Communication.Extra)
	if d.Assessments != nil {
		c.Assessments = make(map[string]Assessment, len(d.Assessments))
		for k, a := range d.Assessments {
			a.Extra = maps.Clone(a.Extra)
			c.Assessments[k] = a
		}
	}
	c.Pending = maps.Clone(d.Pending)
	c.Conflicts = cloneEach(d.Conflicts, func(k Conflict) Conflict { k.Extra = maps.Clone(k.Extra); return k })
	c.Other = cloneEach(d.Other, func(s Section) Section { s.Extra = maps.Clone(s.Extra); return s })
	c.Extra = cloneRaw(d.Extra)
	return &c
}

func (t Timeline) clone() Timeline {
	c := t
	c.Start, c.Detected, c.Mitigated, c.End = cloneTime(t.Start), cloneTime(t.Detected), cloneTime(t.Mitigated), cloneTime(t.End)
	c.Events = cloneEach(t.Events, func(e Event) Event {
		e.At = cloneTime(e.At)
		e.Extra = maps.Clone(e.Extra)
		return e
	})
	c.Extra = maps.Clone(t.Extra)
	return c
}

func cloneTime(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	c := *t
	return &c
}

func cloneEach[T any](s []T, f func(T) T) []T {
	if s == nil {
		return nil
	}
	out := make([]T, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

// cloneRaw copies the map; raw values are never mutated in place, so the
// byte slices themselves can be shared.
func cloneRaw(m map[string]json.RawMessage) map[string]json.RawMessage {
	return maps.Clone(m)
}
