package model

import (
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // IANA zones work on machines without a zoneinfo database
)

// Validate lists what is wrong in a draft that decoded fine: values out of
// their set, times out of order, more whys than five. A draft with
// problems still loads, scores and saves; the problems are shown so the
// user can fix them. Each message says what to do.
func (d *Draft) Validate() []Problem {
	var ps []Problem
	add := func(field, format string, a ...any) {
		ps = append(ps, Problem{field, fmt.Sprintf(format, a...)})
	}
	if d.Status != "" && d.Status != StatusDraft && d.Status != StatusReview && d.Status != StatusPublished {
		add(PathStatus, "%q is not a status: use draft, review or published", d.Status)
	}
	if d.Audience != "" && d.Audience != AudiencePublic && d.Audience != AudienceInternal {
		add(PathAudience, "%q is not an audience: use public or internal", d.Audience)
	}
	loc, err := d.Timeline.Location()
	if err != nil {
		add(PathTimeZone, "%v", err)
	}
	if d.Timeline.Day != "" {
		if _, err := time.Parse(time.DateOnly, d.Timeline.Day); err != nil {
			add(PathDay, "%q is not a day: write it as YYYY-MM-DD, like 2026-11-23", d.Timeline.Day)
		}
	}
	ps = append(ps, d.Timeline.orderProblems(loc)...)
	if n := len(d.FiveWhys); n > MaxWhys {
		add(PathFiveWhys, "%d entries, but the Five Whys stop at %d: merge or remove %d", n, MaxWhys, n-MaxWhys)
	}
	for i, a := range d.ActionItems {
		if a.Due != "" {
			if _, err := time.Parse(DueLayout, a.Due); err != nil {
				add(EntryFieldPath(PathActionItems, i, KeyDue), "%q is not a date: write it as YYYY-MM-DD, like 2026-12-01", a.Due)
			}
		}
		if a.Type != "" && !validActionType(a.Type) {
			add(EntryFieldPath(PathActionItems, i, KeyType), "%q is not an action type: use mitigate, prevent, process or other", a.Type)
		}
		if a.Link != "" && !IsWebURL(a.Link) {
			add(EntryFieldPath(PathActionItems, i, KeyLink), "%q is not a web link: write the full URL, starting with https://", a.Link)
		}
	}
	for i, ch := range d.Communication.Channels {
		if ch.URL != "" && !IsWebURL(ch.URL) {
			add(EntryFieldPath(PathChannels, i, KeyURL), "%q is not a web link: write the full URL, starting with https://", ch.URL)
		}
	}
	for _, id := range sortedKeys(d.Assessments) {
		if _, ok := RubricItemByID(id); !ok {
			add(MapEntryPath(PathAssessments, id), "not a rubric item: use one of %s", strings.Join(rubricIDs(), ", "))
			continue
		}
		if s := d.Assessments[id].Status; !validVerdict(s) {
			add(MapEntryPath(MapEntryPath(PathAssessments, id), KeyVerdict), "%q is not a verdict: use yes, partial or no", s)
		}
	}
	return ps
}

func validActionType(t ActionType) bool {
	for _, v := range ActionTypes {
		if v == t {
			return true
		}
	}
	return false
}

func rubricIDs() []string {
	ids := make([]string, len(Rubric))
	for i, it := range Rubric {
		ids[i] = it.ID
	}
	return ids
}

// Location is the zone the timeline is shown in: its IANA TimeZone, or
// the machine's local zone when none is set.
func (t Timeline) Location() (*time.Location, error) {
	if t.TimeZone == "" {
		return time.Local, nil
	}
	loc, err := loadLocation(t.TimeZone)
	if err != nil {
		return time.Local, fmt.Errorf("%q is not a time zone: use an IANA name like Europe/Berlin or America/New_York", t.TimeZone)
	}
	return loc, nil
}

// orderProblems reports times that come before the start, or an end
// before mitigation, showing both times so the slip is easy to see.
func (t Timeline) orderProblems(loc *time.Location) []Problem {
	var ps []Problem
	check := func(field, what string, earlier *time.Time, earlierName string, later *time.Time) {
		if earlier == nil || later == nil || !later.Before(*earlier) {
			return
		}
		ps = append(ps, Problem{field, fmt.Sprintf("%s before the %s (%s > %s): fix one of the two",
			what, earlierName, clock(*earlier, *later, loc), clock(*later, *earlier, loc))})
	}
	check(PathDetected, "detected", t.Start, "start", t.Detected)
	check(PathMitigated, "mitigated", t.Start, "start", t.Mitigated)
	check(PathEnd, "ends", t.Start, "start", t.End)
	check(PathEnd, "ends", t.Mitigated, "mitigation", t.End)
	return ps
}

// clock shows a time as 14:05, or with its date when other is on another
// day, so "23:50 > 00:10" does not hide a date slip.
func clock(t, other time.Time, loc *time.Location) string {
	t, other = t.In(loc), other.In(loc)
	if t.YearDay() != other.YearDay() || t.Year() != other.Year() {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("15:04")
}

// locations caches time.LoadLocation, which reads and parses zone data on
// every call: Validate runs on every keystroke.
var locations sync.Map // name → *time.Location

func loadLocation(name string) (*time.Location, error) {
	if loc, ok := locations.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	locations.Store(name, loc)
	return loc, nil
}
