package model

import (
	"fmt"
	"strings"
	"time"
)

// TimeInputHint is what to show a user who typed a time pmwiz cannot read.
const TimeInputHint = "write it as 2026-11-23 14:05, 14:05, 2:05 PM, 14:05 UTC, or 2026-11-23T14:05:00+01:00"

// ParseTime reads a time as a person types it:
//
//   - RFC 3339 (2026-11-23T14:05:00+01:00): exactly that instant.
//   - a date and a clock (2026-11-23 14:05, 2026-11-23 14:05:00.123): in loc.
//   - a clock alone (14:05, 2:05 PM): on ref's date in loc; if that is
//     earlier than ref, the next day, because an incident that starts at
//     23:30 and ends at 00:40 ended after midnight, not the morning before.
//   - either with a zone that fixes the offset (14:05 UTC, 13:26 PDT,
//     14:05 +01:00): in that zone instead of loc.
//
// It reads with ReadClock, the reader import uses too, so the wizard and
// an imported document agree on what a time means.
//
// A clock that does not exist in loc (skipped by a daylight-saving change)
// is an error rather than silently moved: the user should know.
func ParseTime(input string, loc *time.Location, ref *time.Time) (time.Time, error) {
	s := strings.TrimSpace(input)
	if s == "" {
		return time.Time{}, fmt.Errorf("empty time: %s", TimeInputHint)
	}
	if loc == nil {
		loc = time.Local
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	c, ok := ReadClock(s)
	if !ok || !c.HasClock {
		if ok && c.HasDate {
			return time.Time{}, fmt.Errorf("%q is a day without a time: add the time, e.g. %s 14:05", s, s)
		}
		return time.Time{}, fmt.Errorf("%q is not a time pmwiz can read: %s", s, TimeInputHint)
	}
	if c.Zone.Name != "" {
		if zl := c.Zone.Location(); zl != nil {
			loc = zl
		} else if loc.String() != c.Zone.IANA {
			return time.Time{}, fmt.Errorf("%q: %s names a region, not an offset: write the zone's abbreviation (e.g. EST or EDT) or an offset like -05:00", s, c.Zone.Name)
		}
	}
	if c.HasDate {
		if c.Year == 0 {
			return time.Time{}, fmt.Errorf("%q has no year: write it as 2026-11-23 14:05", s)
		}
		t, exists := c.On(nil, loc)
		if !exists {
			return time.Time{}, gapError(c.Year, c.Month, c.Day, c, loc)
		}
		return t, nil
	}
	if ref == nil {
		return time.Time{}, fmt.Errorf("%q has no date and there is no start date to take it from: write it as 2026-11-23 %s", s, s)
	}
	r := ref.In(loc)
	t, exists := c.On(&r, loc)
	if t.Before(*ref) {
		next := time.Date(r.Year(), r.Month(), r.Day()+1, 0, 0, 0, 0, loc)
		t, exists = c.On(&next, loc)
	}
	if !exists {
		w := t.In(loc)
		return time.Time{}, gapError(w.Year(), w.Month(), w.Day(), c, loc)
	}
	return t, nil
}

// gapError names a wall time the clocks skipped.
func gapError(y int, m time.Month, d int, c ClockText, loc *time.Location) error {
	return fmt.Errorf("%04d-%02d-%02d %02d:%02d does not exist in %s: the clocks skipped it that day (daylight saving); check the time", y, m, d, c.Hour, c.Minute, loc)
}
