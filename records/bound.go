package records

import (
	"fmt"
	"strings"
	"time"
)

// WhenHint says how --since and --until are written.
const WhenHint = "write a time (2026-11-23 14:05, 14:05, 2026-11-23T14:05:00Z) or a duration around the incident (30m before its start: --since 30m; 2h after its end: --until 2h)"

// ParseWhen reads a --since or --until bound: a time as a log writes it
// (a clock alone is the occurrence nearest ref), or a duration measured
// from around (the incident's start for --since, its end for --until):
// "30m" or "-30m" is before it for since, "2h" or "+2h" after it for until.
func ParseWhen(s string, loc *time.Location, ref, around *time.Time, isUntil bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if d, err := time.ParseDuration(strings.TrimLeft(s, "+-")); err == nil {
		if around == nil {
			return time.Time{}, fmt.Errorf("%q is a duration, but the draft has no start or end time to measure it from: give a time instead (%s)", s, WhenHint)
		}
		switch {
		case strings.HasPrefix(s, "+"):
		case strings.HasPrefix(s, "-"):
			d = -d
		case !isUntil:
			d = -d // --since 30m: the half hour before the start
		}
		return around.Add(d), nil
	}
	st, ok := valueStamp(s)
	if !ok {
		return time.Time{}, fmt.Errorf("%q is not a time or a duration pmwiz reads: %s", s, WhenHint)
	}
	r := newResolver(Options{Zone: loc, Day: ref})
	t, err := r.resolve(st)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: %v", s, err)
	}
	return t, nil
}
