package tui

import (
	"fmt"
	"strings"
	"time"
)

// parseTime reads a time typed into the wizard: "2026-11-23 14:05",
// "14:05" (on ref's date, the occurrence nearest ref, so an event at 00:10
// after a 23:50 start lands on the next day) or RFC 3339. Wall times are in
// loc, so a DST change is handled by the zone rules, not by adding hours.
//
// It stands in for model.ParseTime until the model package ships it; the
// wizard calls nothing else to read a time.
func parseTime(input string, loc *time.Location, ref *time.Time) (time.Time, error) {
	s := strings.TrimSpace(input)
	if loc == nil {
		loc = time.Local
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	for _, layout := range []string{"15:04", "15:04:05"} {
		clock, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if ref == nil {
			return time.Time{}, fmt.Errorf("%q has no date: type the date too (2026-11-23 %s), or set the start time first", s, s)
		}
		r := ref.In(loc)
		day := func(offset int) time.Time {
			return time.Date(r.Year(), r.Month(), r.Day()+offset, clock.Hour(), clock.Minute(), clock.Second(), 0, loc)
		}
		t := day(0)
		switch {
		case t.Sub(r) > 12*time.Hour:
			t = day(-1)
		case r.Sub(t) > 12*time.Hour:
			t = day(1)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a time: use 2026-11-23 14:05, 14:05 (on the start date) or RFC 3339", s)
}

// formatTime shows a time the way parseTime reads it back, in loc.
func formatTime(t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.Local
	}
	t = t.In(loc)
	if t.Second() != 0 {
		return t.Format("2006-01-02 15:04:05")
	}
	return t.Format("2006-01-02 15:04")
}

// draftLocation is the draft's time zone, or local time when it names
// none (or one this machine does not know; the field shows that error).
func draftLocation(name string) *time.Location {
	if name == "" {
		return time.Local
	}
	if loc, err := time.LoadLocation(name); err == nil {
		return loc
	}
	return time.Local
}

// zoneLabel names a zone for the user: "Europe/Berlin (UTC+01:00)".
func zoneLabel(loc *time.Location, at time.Time) string {
	name := loc.String()
	if name == "Local" {
		name = "local time"
	}
	return name + " (UTC" + at.In(loc).Format("-07:00") + ")"
}
