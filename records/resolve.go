package records

import (
	"errors"
	"fmt"
	"time"
)

// rollover is how far a clock-only time may go back before it is read as
// the next day: logs are in order within minutes, and an incident that
// runs past midnight writes 23:58 then 00:03.
const rollover = 6 * time.Hour

// resolver places written times on the time line. It remembers the last
// time it placed so that clock-only lines roll over midnight and a wall
// time the clocks showed twice (the hour repeated when daylight saving
// ends) is read as the occurrence that keeps the record in order.
type resolver struct {
	loc  *time.Location
	day  *time.Time
	prev time.Time
	seen bool
}

func newResolver(o Options) *resolver {
	return &resolver{loc: o.zone(), day: o.Day}
}

// ErrNoDay is what a record with clock-only times (or syslog dates
// without a year) fails with when there is no incident day to place them
// on: errors.Is(err, ErrNoDay).
var ErrNoDay = errors.New("a time without a date, and no incident day")

// errNoDay is ErrNoDay for one written time.
type errNoDay struct{ written string }

func (e errNoDay) Is(target error) bool { return target == ErrNoDay }

func (e errNoDay) Error() string {
	return fmt.Sprintf("%s has no date, and the draft has no start time to take the day from: set the start in the wizard, or pass --day YYYY-MM-DD", e.written)
}

// resolve returns the instant st names.
func (r *resolver) resolve(st stamp) (time.Time, error) {
	var t time.Time
	switch st.kind {
	case stampInstant:
		t = st.instant
	case stampDated:
		if st.zone != nil {
			t = time.Date(st.year, st.month, st.day, st.hour, st.min, st.sec, st.nsec, st.zone)
		} else {
			t = r.wall(st.year, st.month, st.day, st)
		}
	case stampSyslog:
		if r.day == nil {
			return t, errNoDay{fmt.Sprintf("%s %2d %02d:%02d:%02d", st.month.String()[:3], st.day, st.hour, st.min, st.sec)}
		}
		// The year nearest the incident: a log from late December read
		// for an incident on 2 January is last year's.
		ref := r.day.In(r.loc)
		best := time.Time{}
		for _, y := range []int{ref.Year() - 1, ref.Year(), ref.Year() + 1} {
			c := r.wall(y, st.month, st.day, st)
			if best.IsZero() || absDur(c.Sub(*r.day)) < absDur(best.Sub(*r.day)) {
				best = c
			}
		}
		t = best
	case stampClock:
		loc := r.loc
		if st.zone != nil {
			loc = st.zone
		}
		switch {
		case r.seen:
			p := r.prev.In(loc)
			t = r.wallIn(loc, p.Year(), p.Month(), p.Day(), st)
			if t.Before(r.prev.Add(-rollover)) {
				t = r.wallIn(loc, p.Year(), p.Month(), p.Day()+1, st)
			}
		case r.day != nil:
			// The first clock takes the incident's day: the occurrence
			// nearest the start, so 23:50 before a 00:10 start is the
			// evening before.
			d := r.day.In(loc)
			for _, off := range []int{-1, 0, 1} {
				c := r.wallIn(loc, d.Year(), d.Month(), d.Day()+off, st)
				if t.IsZero() || absDur(c.Sub(*r.day)) < absDur(t.Sub(*r.day)) {
					t = c
				}
			}
		default:
			return t, errNoDay{clockText(st)}
		}
	default:
		return t, fmt.Errorf("no time")
	}
	r.prev, r.seen = t, true
	return t, nil
}

func clockText(st stamp) string {
	if st.hasSeconds {
		return fmt.Sprintf("%02d:%02d:%02d", st.hour, st.min, st.sec)
	}
	return fmt.Sprintf("%02d:%02d", st.hour, st.min)
}

func (r *resolver) wall(y int, m time.Month, d int, st stamp) time.Time {
	return r.wallIn(r.loc, y, m, d, st)
}

// wallIn is the instant a wall clock showed in loc. When the clocks showed
// that time twice, the first occurrence not before the previous line is
// taken, so a log written through the repeated hour stays in order.
func (r *resolver) wallIn(loc *time.Location, y int, m time.Month, d int, st stamp) time.Time {
	t := time.Date(y, m, d, st.hour, st.min, st.sec, st.nsec, loc)
	// Most times are nowhere near a clock change: the same offset an hour
	// either side means the wall time happened once.
	_, off := t.Zone()
	if _, before := t.Add(-time.Hour).Zone(); before == off {
		if _, after := t.Add(time.Hour).Zone(); after == off {
			return t
		}
	}
	if !r.seen {
		if e := t.Add(-time.Hour); sameWall(e, t, loc) {
			return e
		}
		return t
	}
	var options []time.Time
	for _, delta := range []time.Duration{-time.Hour, 0, time.Hour} {
		if c := t.Add(delta); delta == 0 || sameWall(c, t, loc) {
			options = append(options, c)
		}
	}
	for _, c := range options {
		if !c.Before(r.prev) {
			return c
		}
	}
	return options[len(options)-1]
}

func sameWall(a, b time.Time, loc *time.Location) bool {
	a, b = a.In(loc), b.In(loc)
	return a.Year() == b.Year() && a.YearDay() == b.YearDay() && a.Hour() == b.Hour() && a.Minute() == b.Minute() && a.Second() == b.Second()
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
