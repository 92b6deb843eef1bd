package model

import (
	"fmt"
	"strings"
	"time"
)

// Layouts the wizard accepts for a time, besides RFC 3339.
var (
	dateTimeLayouts = []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02T15:04:05"}
	clockLayouts    = []string{"15:04", "15:04:05"}
)

// TimeInputHint is what to show a user who typed a time pmwiz cannot read.
const TimeInputHint = "write it as 2026-11-23 14:05, 14:05, or 2026-11-23T14:05:00+01:00"

// ParseTime reads a time as a person types it:
//
//   - RFC 3339 (2026-11-23T14:05:00+01:00): exactly that instant.
//   - a date and a clock (2026-11-23 14:05): in loc.
//   - a clock alone (14:05): on ref's date in loc; if that is earlier than
//     ref, the next day, because an incident that starts at 23:30 and ends
//     at 00:40 ended after midnight, not the morning before.
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
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range dateTimeLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, checkExists(t, s, layout, loc)
		}
	}
	for _, layout := range clockLayouts {
		c, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if ref == nil {
			return time.Time{}, fmt.Errorf("%q has no date and there is no start date to take it from: write it as 2026-11-23 %s", s, s)
		}
		r := ref.In(loc)
		t := time.Date(r.Year(), r.Month(), r.Day(), c.Hour(), c.Minute(), c.Second(), 0, loc)
		if t.Before(*ref) {
			t = time.Date(r.Year(), r.Month(), r.Day()+1, c.Hour(), c.Minute(), c.Second(), 0, loc)
		}
		return t, checkExists(t, t.Format("2006-01-02 ")+s, "2006-01-02 "+layout, loc)
	}
	return time.Time{}, fmt.Errorf("%q is not a time pmwiz can read: %s", s, TimeInputHint)
}

// checkExists catches clocks in a daylight-saving gap, which Go quietly
// moves an hour on.
func checkExists(t time.Time, typed, layout string, loc *time.Location) error {
	if t.In(loc).Format(layout) != typed {
		return fmt.Errorf("%s does not exist in %s: the clocks skipped it that day (daylight saving); check the time", typed, loc)
	}
	return nil
}
