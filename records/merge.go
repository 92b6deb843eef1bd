package records

import (
	"slices"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// Merge adds events to a timeline's events, sorted by time (events without
// a time keep their place at the end, as the user left them), skipping any
// exactly like one already there: same instant, same text. It returns how
// many were added and how many were duplicates.
func Merge(tl *model.Timeline, events []Event) (added, dups int) {
	type key struct {
		at   int64
		text string
	}
	seen := map[key]bool{}
	for _, e := range tl.Events {
		if e.At != nil {
			seen[key{e.At.UnixNano(), e.Text}] = true
		}
	}
	merged := slices.Clone(tl.Events)
	for _, e := range events {
		k := key{e.At.UnixNano(), e.EventText()}
		if seen[k] {
			dups++
			continue
		}
		seen[k] = true
		at := e.At
		merged = append(merged, model.Event{At: &at, Text: k.text})
		added++
	}
	if added == 0 {
		return 0, dups
	}
	// Stable: events at the same instant keep the order they were read or
	// written in; events without a time stay after the timed ones.
	slices.SortStableFunc(merged, func(a, b model.Event) int {
		switch {
		case a.At == nil && b.At == nil:
			return 0
		case a.At == nil:
			return 1
		case b.At == nil:
			return -1
		}
		return a.At.Compare(*b.At)
	})
	tl.Events = merged
	return added, dups
}

// SetMoment sets a key moment of the timeline to t.
func SetMoment(tl *model.Timeline, m Moment, t time.Time) {
	switch m {
	case MomentStart:
		tl.Start = &t
	case MomentDetected:
		tl.Detected = &t
	case MomentMitigated:
		tl.Mitigated = &t
	case MomentEnd:
		tl.End = &t
	}
}
