package tui

import (
	"sync"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// parseTime reads a time typed into the wizard with model.ParseTime:
// "2026-11-23 14:05", "14:05", "2:05 PM", "14:05 UTC" (on ref's date) or
// RFC 3339, wall times in
// loc so a DST change follows the zone's rules.
//
// model.ParseTime puts a bare clock at or after ref, which is right for
// detection, mitigation and end (an incident from 23:30 ends at 00:40 the
// next day). For the start and for events, which may come before the
// reference (the deploy at 13:50 that caused a 14:05 outage), nearest
// takes the occurrence nearest ref instead.
func parseTime(input string, loc *time.Location, ref *time.Time, nearest bool) (time.Time, error) {
	t, err := model.ParseTime(input, loc, ref)
	if err != nil || !nearest || ref == nil || !isClock(input) {
		return t, err
	}
	if t.Sub(*ref) > 12*time.Hour {
		if loc == nil {
			loc = time.Local
		}
		w := t.In(loc)
		prev := time.Date(w.Year(), w.Month(), w.Day()-1, w.Hour(), w.Minute(), w.Second(), 0, loc)
		if prev.In(loc).Hour() == w.Hour() { // not in a DST gap the day before
			return prev, nil
		}
	}
	return t, nil
}

// isClock reports whether the input is a clock time with no date
// ("14:05", "2:05 PM", "14:05 UTC").
func isClock(s string) bool {
	c, ok := model.ReadClock(s)
	return ok && c.HasClock && !c.HasDate
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
	if loc, err := loadLocation(name); err == nil {
		return loc
	}
	return time.Local
}

// zones caches time.LoadLocation, which opens and parses the zone file on
// every call: a timeline step formats every event's time in the draft's
// zone (strace showed the file opened 414 times before the first frame).
var zones sync.Map // name → *time.Location or error

func loadLocation(name string) (*time.Location, error) {
	if v, ok := zones.Load(name); ok {
		if loc, ok := v.(*time.Location); ok {
			return loc, nil
		}
		return nil, v.(error)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		zones.Store(name, err)
		return nil, err
	}
	zones.Store(name, loc)
	return loc, nil
}

// zoneLabel names a zone for the user: "Europe/Berlin (UTC+01:00)".
func zoneLabel(loc *time.Location, at time.Time) string {
	name := loc.String()
	if name == "Local" {
		name = "local time"
	}
	return name + " (UTC" + at.In(loc).Format("-07:00") + ")"
}
