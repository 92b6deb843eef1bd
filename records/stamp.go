package records

import (
	"strings"
	"time"
)

// stampKind is how much of an instant a written time states.
type stampKind int

const (
	stampNone    stampKind = iota
	stampDated             // 2019-07-02 13:42:01: a date and a clock
	stampSyslog            // Jul  2 13:42:01: a date without a year
	stampClock             // 13:42 or [2:05 PM]: a clock alone
	stampInstant           // an epoch or a time with its zone: exact
)

// stamp is a time as written at the start of a line or in a field, not yet
// placed on a day or in a zone (that needs the resolver's state).
type stamp struct {
	kind              stampKind
	year              int
	month             time.Month
	day               int
	hour, min, sec    int
	nsec              int
	zone              *time.Location // stated by the record; nil: none stated
	instant           time.Time      // stampInstant
	syslogStyle       bool           // "host prog[pid]: msg" follows
	hasSeconds, brack bool
}

var monthAbbrev = map[string]time.Month{
	"Jan": time.January, "Feb": time.February, "Mar": time.March, "Apr": time.April,
	"May": time.May, "Jun": time.June, "Jul": time.July, "Aug": time.August,
	"Sep": time.September, "Oct": time.October, "Nov": time.November, "Dec": time.December,
}

// digits reads exactly n ASCII digits at s[i:].
func digits(s string, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for j := i; j < i+n; j++ {
		c := s[j]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// leadStamp reads the time a line starts with, as logs, chat clients, IRC
// and syslog write it, and returns what follows it. Formats:
//
//	2019-07-02T13:42:00Z, 2019-07-02 13:42:01,123 (+zone), 2019/07/02 13:42:01
//	Jul  2 13:42:01 (syslog), 13:26, 13:26:05, 2:05 PM, any of them in [brackets]
func leadStamp(s string) (stamp, string, bool) {
	var st stamp
	i := 0
	if strings.HasPrefix(s, "[") {
		st.brack = true
		i = 1
	}
	var ok bool
	switch {
	case i+4 < len(s) && (s[i+4] == '-' || s[i+4] == '/'):
		i, ok = st.readDate(s, i)
		if ok && i < len(s) && (s[i] == 'T' || s[i] == ' ') {
			i, ok = st.readClock(s, i+1, false)
			st.kind = stampDated
		} else {
			ok = false
		}
	case i+3 < len(s) && s[i] >= 'A' && s[i] <= 'Z' && s[i+3] == ' ':
		m, known := monthAbbrev[s[i:i+3]]
		if !known {
			return st, "", false
		}
		st.month = m
		i += 4
		if i < len(s) && s[i] == ' ' {
			i++
		}
		d, n := 0, 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && n < 2 {
			d = d*10 + int(s[i]-'0')
			i++
			n++
		}
		if n == 0 || d < 1 || d > 31 || i >= len(s) || s[i] != ' ' {
			return st, "", false
		}
		st.day = d
		i, ok = st.readClock(s, i+1, false)
		st.kind = stampSyslog
		st.syslogStyle = true
	default:
		i, ok = st.readClock(s, i, true)
		st.kind = stampClock
	}
	if !ok {
		return st, "", false
	}
	i = st.readZone(s, i)
	if st.brack {
		if i >= len(s) || s[i] != ']' {
			return st, "", false
		}
		i++
	}
	// The time must end at a word boundary: "13:26abc" is not a time.
	if i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '|' && s[i] != ':' {
		return st, "", false
	}
	if i < len(s) && s[i] == ':' { // "13:26: text"
		i++
	}
	return st, strings.TrimLeft(s[i:], " \t|"), true
}

// readDate reads YYYY-MM-DD (or with slashes) at s[i:].
func (st *stamp) readDate(s string, i int) (int, bool) {
	y, ok1 := digits(s, i, 4)
	sep := s[i+4]
	m, ok2 := digits(s, i+5, 2)
	if !ok1 || !ok2 || i+10 > len(s) || s[i+7] != sep {
		return i, false
	}
	d, ok3 := digits(s, i+8, 2)
	if !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return i, false
	}
	st.year, st.month, st.day = y, time.Month(m), d
	return i + 10, true
}

// readClock reads H:MM or HH:MM, optional :SS and fraction, and (when
// ampm) an optional AM/PM, at s[i:].
func (st *stamp) readClock(s string, i int, ampm bool) (int, bool) {
	h, ok := digits(s, i, 2)
	if ok {
		i += 2
	} else if h, ok = digits(s, i, 1); ok && ampm {
		i++
	} else {
		return i, false
	}
	if i >= len(s) || s[i] != ':' {
		return i, false
	}
	mi, ok := digits(s, i+1, 2)
	if !ok {
		return i, false
	}
	i += 3
	if sec, ok := digits(s, i+1, 2); ok && s[i] == ':' {
		if sec > 60 {
			return i, false
		}
		st.sec, st.hasSeconds = min(sec, 59), true
		i += 3
		if i+1 < len(s) && (s[i] == '.' || s[i] == ',') && s[i+1] >= '0' && s[i+1] <= '9' {
			i++
			scale := 100_000_000
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				st.nsec += int(s[i]-'0') * scale
				scale /= 10
				i++
			}
		}
	}
	if ampm && i+2 < len(s) && s[i] == ' ' {
		switch strings.ToUpper(s[i+1 : i+3]) {
		case "AM", "PM":
			if h < 1 || h > 12 {
				return i, false
			}
			pm := strings.EqualFold(s[i+1:i+3], "PM")
			h %= 12
			if pm {
				h += 12
			}
			i += 3
		}
	}
	if h > 23 || mi > 59 {
		return i, false
	}
	st.hour, st.min = h, mi
	return i, true
}

// readZone reads a zone the record states after a clock: Z, +02:00,
// -0700, " UTC", " GMT". Named zones other than UTC are ambiguous (IST,
// CST) and are left in the text.
func (st *stamp) readZone(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == 'Z':
		st.zone = time.UTC
		return i + 1
	case c == '+' || c == '-':
		h, ok := digits(s, i+1, 2)
		if !ok || h > 14 {
			return i
		}
		j := i + 3
		m := 0
		if j < len(s) && s[j] == ':' {
			j++
		}
		if v, ok := digits(s, j, 2); ok && v < 60 {
			m = v
			j += 2
		} else if s[j-1] == ':' {
			return i
		}
		off := h*3600 + m*60
		if c == '-' {
			off = -off
		}
		st.zone = time.FixedZone("", off)
		return j
	case c == ' ':
		for _, name := range []string{" UTC", " GMT", " +", " -"} {
			if !strings.HasPrefix(s[i:], name) {
				continue
			}
			if name[1] == '+' || name[1] == '-' {
				// " +0200" but not " +10 users": four digits at least.
				if j := st.readZone(s, i+1); j >= i+6 {
					return j
				}
				st.zone = nil
				return i
			}
			j := i + len(name)
			if j == len(s) || s[j] == ' ' || s[j] == ']' {
				st.zone = time.UTC
				return j
			}
		}
	}
	return i
}

// valueStamp reads a time written alone in a field (JSON, logfmt, CSV,
// Slack): an epoch in seconds, milliseconds, microseconds or nanoseconds,
// or any time leadStamp reads, with nothing after it.
func valueStamp(s string) (stamp, bool) {
	s = strings.TrimSpace(s)
	if t, ok := epoch(s); ok {
		return stamp{kind: stampInstant, instant: t}, true
	}
	st, rest, ok := leadStamp(s)
	if !ok || rest != "" {
		return stamp{}, false
	}
	return st, true
}

// epoch reads a Unix time: 10 digits are seconds (with an optional
// fraction), 13 milliseconds, 16 microseconds, 19 nanoseconds. Other
// lengths are not taken: a 4-digit number is more likely a port or a count.
func epoch(s string) (time.Time, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if len(whole) == 0 || len(frac) > 9 {
		return time.Time{}, false
	}
	var v int64
	for i := 0; i < len(whole); i++ {
		c := whole[i]
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
		v = v*10 + int64(c-'0')
	}
	ns := 0
	scale := 100_000_000
	for i := 0; i < len(frac); i++ {
		c := frac[i]
		if c < '0' || c > '9' {
			return time.Time{}, false
		}
		ns += int(c-'0') * scale
		scale /= 10
	}
	switch len(whole) {
	case 10:
		return time.Unix(v, int64(ns)).UTC(), true
	case 13:
		if frac == "" {
			return time.UnixMilli(v).UTC(), true
		}
	case 16:
		if frac == "" {
			return time.UnixMicro(v).UTC(), true
		}
	case 19:
		if frac == "" {
			return time.Unix(0, v).UTC(), true
		}
	}
	return time.Time{}, false
}
