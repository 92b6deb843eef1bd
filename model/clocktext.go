package model

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ClockText is a time, a date, or both, as a person wrote it in a
// post-mortem or typed it into the wizard: "[13:26]", "**16:58 UTC** -",
// "± 23:30 UTC:", "2:05 PM", "13:26 PDT", "14:05 Eastern",
// "2017/01/31 23:00", "31st July 2018". It is what the text says and
// nothing more: a clock with no date has HasDate false, a date with no
// clock has HasClock false, and a zone word that does not fix an offset by
// itself ("Eastern") is only named, so the caller decides with a real time
// zone database. Reading it is pure: no clock, no files.
type ClockText struct {
	HasDate bool
	Year    int // 0 when the text gives a day and month only ("Apr 11")
	Month   time.Month
	Day     int

	HasClock bool
	Hour     int // 0–23, after AM/PM is applied
	Minute   int
	Second   int
	Nano     int

	Zone ZoneText // the zone written right after the time, if any

	// Approximate is set for "± 17:20", "~17:20", "about 17:20".
	Approximate bool
}

// ZoneText is a time zone as written beside a time ("UTC", "PDT",
// "+01:00", "Eastern").
type ZoneText struct {
	Name string // as written; "" when none
	// Fixed reports that the name alone fixes the offset (UTC, PDT,
	// +01:00); Offset is then seconds east of UTC.
	Fixed  bool
	Offset int
	// IANA is the zone people usually mean by the name
	// ("America/Los_Angeles" for PDT or "Pacific"), for callers that want
	// daylight-saving rules; "" for plain offsets.
	IANA string
}

// zoneWords are the zone names people write after a time. An
// abbreviation that names summer or winter time fixes the offset; a
// region word ("Eastern") does not, because it depends on the day.
var zoneWords = map[string]ZoneText{
	"UTC": {Fixed: true, IANA: "UTC"}, "GMT": {Fixed: true, IANA: "UTC"}, "Z": {Fixed: true, IANA: "UTC"},
	"PST": {Fixed: true, Offset: -8 * 3600, IANA: "America/Los_Angeles"}, "PDT": {Fixed: true, Offset: -7 * 3600, IANA: "America/Los_Angeles"},
	"MST": {Fixed: true, Offset: -7 * 3600, IANA: "America/Denver"}, "MDT": {Fixed: true, Offset: -6 * 3600, IANA: "America/Denver"},
	"CST": {Fixed: true, Offset: -6 * 3600, IANA: "America/Chicago"}, "CDT": {Fixed: true, Offset: -5 * 3600, IANA: "America/Chicago"},
	"EST": {Fixed: true, Offset: -5 * 3600, IANA: "America/New_York"}, "EDT": {Fixed: true, Offset: -4 * 3600, IANA: "America/New_York"},
	"WET": {Fixed: true, IANA: "Europe/Lisbon"}, "WEST": {Fixed: true, Offset: 3600, IANA: "Europe/Lisbon"},
	"BST": {Fixed: true, Offset: 3600, IANA: "Europe/London"},
	"CET": {Fixed: true, Offset: 3600, IANA: "Europe/Berlin"}, "CEST": {Fixed: true, Offset: 2 * 3600, IANA: "Europe/Berlin"},
	"EET": {Fixed: true, Offset: 2 * 3600, IANA: "Europe/Helsinki"}, "EEST": {Fixed: true, Offset: 3 * 3600, IANA: "Europe/Helsinki"},
	"JST":  {Fixed: true, Offset: 9 * 3600, IANA: "Asia/Tokyo"},
	"AEST": {Fixed: true, Offset: 10 * 3600, IANA: "Australia/Sydney"}, "AEDT": {Fixed: true, Offset: 11 * 3600, IANA: "Australia/Sydney"},
	"PT": {IANA: "America/Los_Angeles"}, "PACIFIC": {IANA: "America/Los_Angeles"},
	"MT": {IANA: "America/Denver"}, "MOUNTAIN": {IANA: "America/Denver"},
	"CT": {IANA: "America/Chicago"}, "CENTRAL": {IANA: "America/Chicago"},
	"ET": {IANA: "America/New_York"}, "EASTERN": {IANA: "America/New_York"},
}

const (
	zoneAlternation = `UTC|GMT|Z|PST|PDT|MST|MDT|CST|CDT|EST|EDT|WET|WEST|BST|CET|CEST|EET|EEST|JST|AEST|AEDT|PT|MT|CT|ET|[Pp]acific|[Mm]ountain|[Cc]entral|[Ee]astern`
	offsetPattern   = `(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?`
	monthPattern    = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
	weekdayPattern  = `(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`
)

var (
	// The pieces of a time, in the order people write them. Each is
	// anchored at the start of what is left to read.
	approxRe  = regexp.MustCompile(`^(?:±|~|≈|\+/-|(?i:approx\.?|approximately|about|around|circa|ca\.|c\.)\s)\s*`)
	isoDateRe = regexp.MustCompile(`^(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:T|,?\s+(?:at\s+)?|$)`)
	clockRe   = regexp.MustCompile(`^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:\s?(?i:(a\.?m\.?|p\.?m\.?)))?`)
	// Where a time may start in prose: "at 17:00 UTC", "by 1am".
	proseClockRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}:.])(\d{1,2}(?::\d{2}|\s?[ap]\.?m\b))`)
	zoneRe       = regexp.MustCompile(`^\s?(?:(` + offsetPattern + `)|(` + zoneAlternation + `))(?:\b|$)`)
	offsetRe     = regexp.MustCompile(`^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$`)
	proseDateRe  = []*regexp.Regexp{
		// 2017-01-31, 2017/01/31
		regexp.MustCompile(`\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b`),
		// January 31st 2017, May 30th, 2019, Jan 31, Friday January 31
		regexp.MustCompile(`\b` + weekdayPattern + `(` + monthPattern + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`),
		// 31st July 2018, Friday 29 November 2019, 20. January
		regexp.MustCompile(`\b` + weekdayPattern + `(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(` + monthPattern + `)\b\.?(?:,?\s+(\d{4})\b)?`),
	}
	// In prose a region word must be capitalised: "a central problem"
	// names no zone.
	zoneInProseRe = regexp.MustCompile(`(?:^|[^\p{L}\p{N}])((?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?|UTC|GMT|Z|PST|PDT|MST|MDT|CST|CDT|EST|EDT|WET|WEST|BST|CET|CEST|EET|EEST|JST|AEST|AEDT|Pacific|Mountain|Central|Eastern)(?:$|[^\p{L}\p{N}])`)
	leadWrapRe    = regexp.MustCompile(`^(?:\*\*|__|\*|_|\[|\(|` + "`" + `)`)
	sepRe         = regexp.MustCompile(`^\s*(?:[:\-–—|,.]\s*)?`)
)

// ReadClock reads s as one time and nothing else ("14:05 UTC",
// "2026-11-23 14:05:00.123", "2:05 PM", "2017/01/31 23:00", "31 July
// 2018"). It reports false when anything but blank space is left over.
func ReadClock(s string) (ClockText, bool) {
	s = strings.TrimSpace(s)
	c, n, ok := readClockAt(s)
	if !ok || strings.TrimSpace(s[n:]) != "" {
		if d, ok := FindDate(s); ok && d.Year != 0 && proseDateCovers(s) {
			return d, true
		}
		return ClockText{}, false
	}
	return c, true
}

// proseDateCovers reports a string that is a written-out date and nothing
// else ("31st July 2018", "Monday, January 2, 2006").
func proseDateCovers(s string) bool {
	for _, re := range proseDateRe {
		if loc := re.FindStringIndex(s); loc != nil && loc[0] == 0 && strings.TrimSpace(s[loc[1]:]) == "" {
			return true
		}
	}
	return false
}

// ReadLeadingClock reads a time at the start of a timeline line and
// returns the event text after it, separators and the emphasis around the
// time removed: "[13:26] @cb reports…", "**16:58 UTC** - Fix deployed",
// "**± 23:30 UTC:** one of the engineers…", "2:05 PM: paged",
// "2017/01/31 23:00 — restored". A bare date ("2020-02-20") with no clock
// is read too, with HasClock false. It reports false when the line does
// not start with a time.
func ReadLeadingClock(line string) (c ClockText, rest string, ok bool) {
	s := strings.TrimLeft(line, " \t")
	wrap := ""
	if m := leadWrapRe.FindString(s); m != "" {
		wrap = m
		s = s[len(m):]
	}
	s = strings.TrimLeft(s, " \t")
	c, n, ok := readClockAt(s)
	if !ok {
		return ClockText{}, line, false
	}
	s = s[n:]
	if wrap != "" {
		closer := map[string]string{"[": "]", "(": ")"}[wrap]
		if closer == "" {
			closer = wrap
		}
		t := strings.TrimLeft(s, " \t")
		t = strings.TrimLeft(t, ":")
		if strings.HasPrefix(t, closer) {
			s = t[len(closer):]
		} else if closer == "]" || closer == ")" {
			// "[13:26 something]" is not a time stamp.
			return ClockText{}, line, false
		} else if strings.HasSuffix(strings.TrimRight(s, " \t"), closer) {
			// "**21:17 UTC: published**": the whole event was emphasised;
			// keep the emphasis on its text.
			s = sepRe.ReplaceAllString(s, "")
			return c, wrap + s, true
		}
	}
	s = sepRe.ReplaceAllString(s, "")
	return c, strings.TrimSpace(s), true
}

// readClockAt reads an optional approximation mark, an optional numeric
// date and a clock (or the date alone), then an optional zone, from the
// start of s. n is how many bytes it used.
func readClockAt(s string) (c ClockText, n int, ok bool) {
	if m := approxRe.FindString(s); m != "" {
		c.Approximate = true
		n += len(m)
	}
	if m := isoDateRe.FindStringSubmatch(s[n:]); m != nil && m[2] == m[4] {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[3])
		d, _ := strconv.Atoi(m[5])
		if !validDate(y, mo, d) {
			return ClockText{}, 0, false
		}
		c.HasDate, c.Year, c.Month, c.Day = true, y, time.Month(mo), d
		n += len(m[0])
	}
	m := clockRe.FindStringSubmatch(s[n:])
	if m != nil && m[2] == "" && m[5] == "" {
		m = nil // "5" alone is a number; "5 pm" and "5:00" are times
	}
	if m == nil {
		if !c.HasDate {
			return ClockText{}, 0, false
		}
		// A date alone. Put back the blank space the date pattern took.
		for n > 0 && (s[n-1] == ' ' || s[n-1] == '\t') {
			n--
		}
		return c, n, true
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	sec, _ := strconv.Atoi(m[3])
	nano := 0
	if m[4] != "" {
		frac := (m[4] + "000000000")[:9]
		nano, _ = strconv.Atoi(frac)
	}
	if ampm := strings.ToLower(strings.ReplaceAll(m[5], ".", "")); ampm != "" {
		if h < 1 || h > 12 {
			return ClockText{}, 0, false
		}
		h %= 12
		if ampm == "pm" {
			h += 12
		}
	}
	if h > 23 || mi > 59 || sec > 59 {
		return ClockText{}, 0, false
	}
	// "14:05" must not be the start of "14:05:7" or "14:051", nor "1am"
	// the start of a word ("1amp", "01AmA").
	after := s[n+len(m[0]):]
	if after != "" && (isDigit(after[0]) || after[0] == ':' && len(after) > 1 && isDigit(after[1])) {
		return ClockText{}, 0, false
	}
	if r, _ := utf8.DecodeRuneInString(after); m[5] != "" && !strings.HasSuffix(m[5], ".") && unicode.IsLetter(r) {
		return ClockText{}, 0, false
	}
	c.HasClock, c.Hour, c.Minute, c.Second, c.Nano = true, h, mi, sec, nano
	n += len(m[0])
	if z := zoneRe.FindStringSubmatch(s[n:]); z != nil {
		if zt, ok := readZone(strings.TrimSpace(z[0])); ok {
			c.Zone = zt
			n += len(z[0])
		}
	}
	return c, n, true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999 {
		return false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

// readZone reads a zone name or offset written by itself ("UTC", "PDT",
// "+01:00", "UTC-5", "Eastern").
func readZone(s string) (ZoneText, bool) {
	if m := offsetRe.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[2])
		mi, _ := strconv.Atoi(m[3])
		if h > 14 || mi > 59 {
			return ZoneText{}, false
		}
		off := h*3600 + mi*60
		if m[1] == "-" {
			off = -off
		}
		return ZoneText{Name: s, Fixed: true, Offset: off}, true
	}
	z, ok := zoneWords[strings.ToUpper(s)]
	if !ok {
		return ZoneText{}, false
	}
	z.Name = s
	return z, true
}

// FindClock finds the first time of day written in prose that reads as
// one beyond doubt: with a zone ("at 17:00 UTC"), with AM/PM ("by 1am"),
// or after "at" ("at 17:00"). A date right before it ("2020-02-20
// 21:28") is read with it; other dates in the sentence are FindDate's.
func FindClock(text string) (ClockText, bool) {
	for _, m := range proseClockRe.FindAllStringSubmatchIndex(text, 16) {
		at := m[2]
		c, n, ok := readClockAt(text[at:])
		if !ok || !c.HasClock {
			continue
		}
		written := strings.ToLower(text[at : at+n])
		before := strings.ToLower(strings.TrimRight(text[:at], " "))
		if c.Zone.Name != "" || strings.ContainsAny(written, "ap") || strings.HasSuffix(before, " at") || before == "at" {
			return c, true
		}
	}
	return ClockText{}, false
}

// FindZone finds the first time zone named in prose: "All times PDT.",
// "(*all times UTC*)", "Date and Time in CET", "all times Eastern".
func FindZone(text string) (ZoneText, bool) {
	for _, m := range zoneInProseRe.FindAllStringSubmatch(text, 8) {
		w := m[1]
		// "ET", "CT", "MT", "PT" and "Z" are too short to trust in prose.
		if len(w) < 3 {
			continue
		}
		if z, ok := readZone(w); ok {
			return z, true
		}
	}
	return ZoneText{}, false
}

// FindDate finds the first calendar date written in prose: "On January
// 31st 2017", "May 30th, 2019 Prow Flakiness", "2020-02-20",
// "Friday 29 November 2019", "Apr 11 security incident" (Year 0: no year
// given). The result has HasDate set and no clock.
func FindDate(text string) (ClockText, bool) {
	best, bestAt := ClockText{}, -1
	for i, re := range proseDateRe {
		for _, m := range re.FindAllStringSubmatchIndex(text, 4) {
			if bestAt >= 0 && m[0] >= bestAt {
				break
			}
			g := func(k int) string {
				if m[2*k] < 0 {
					return ""
				}
				return text[m[2*k]:m[2*k+1]]
			}
			var y, mo, d int
			switch i {
			case 0:
				y, _ = strconv.Atoi(g(1))
				mo, _ = strconv.Atoi(g(2))
				d, _ = strconv.Atoi(g(3))
			case 1:
				mo = monthNumber(g(1))
				d, _ = strconv.Atoi(g(2))
				y, _ = strconv.Atoi(g(3))
			case 2:
				d, _ = strconv.Atoi(g(1))
				mo = monthNumber(g(2))
				y, _ = strconv.Atoi(g(3))
			}
			check := y
			if check == 0 {
				check = 2000 // a leap year, so 29 February without a year is a date
			}
			if !validDate(check, mo, d) {
				continue
			}
			best, bestAt = ClockText{HasDate: true, Year: y, Month: time.Month(mo), Day: d}, m[0]
			break
		}
	}
	return best, bestAt >= 0
}

func monthNumber(s string) int {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	i := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", s[:3])
	if i < 0 || i%3 != 0 {
		return 0
	}
	return i/3 + 1
}

// Location is the fixed zone the written zone names, or nil when it
// names none or only a region ("Eastern"), whose offset depends on the
// day: the caller resolves IANA with its time zone database.
func (z ZoneText) Location() *time.Location {
	if !z.Fixed {
		return nil
	}
	if z.Offset == 0 {
		return time.UTC
	}
	return time.FixedZone(z.Name, z.Offset)
}

// On places the clock on a day in loc (the zone written beside the time
// wins when it fixes an offset). The day comes from the text when it
// has a full date, else from day's calendar date as it reads in day's
// own location. ok is false when there is no clock, no
// day to put it on, or the wall time does not exist in the zone (skipped
// by a daylight-saving change).
func (c ClockText) On(day *time.Time, loc *time.Location) (time.Time, bool) {
	if !c.HasClock {
		return time.Time{}, false
	}
	if zl := c.Zone.Location(); zl != nil {
		loc = zl
	}
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := 0, time.Month(0), 0
	switch {
	case c.HasDate && c.Year != 0:
		y, m, d = c.Year, c.Month, c.Day
	case day != nil:
		y, m, d = day.Date()
		if c.HasDate { // day and month from the text, year from day
			m, d = c.Month, c.Day
		}
	default:
		return time.Time{}, false
	}
	t := time.Date(y, m, d, c.Hour, c.Minute, c.Second, c.Nano, loc)
	return t, wallExists(t, loc, y, m, d, c.Hour, c.Minute)
}

// wallExists reports whether t shows the wall clock it was built from:
// Go moves a time in a daylight-saving gap by an hour without a word.
func wallExists(t time.Time, loc *time.Location, y int, m time.Month, d, h, mi int) bool {
	w := t.In(loc)
	return w.Year() == y && w.Month() == m && w.Day() == d && w.Hour() == h && w.Minute() == mi
}
