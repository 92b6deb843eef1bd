package export

import (
	east "github.com/yuin/goldmark/extension/ast"
	"regexp"
	"strings"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/yuin/goldmark/ast"
)

// A timeline is read as people write one: a table with a time column,
// list items or paragraphs that start with a time ("[13:26] …",
// "**± 23:30 UTC:** …", "2:05 PM – …"), dates on lines or sub-headings of
// their own that set the day for the times after them, and sentences
// naming the zone ("All times PDT."). Every line becomes an event or is
// read as the day or zone; nothing is dropped.

var (
	pmwizIntroRe = regexp.MustCompile(`^All times are (?:on (.+?), )?in (.+)\.$`)
	offsetNameRe = regexp.MustCompile(`^(.*) \(UTC[+-]\d\d:\d\d\)$`)
	utcOffsetRe  = regexp.MustCompile(`^UTC([+-])(\d\d):(\d\d)$`)
	isoDayRe     = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})\b`)
	// Words a line that only gives the day or the zone is made of:
	// "2015-10-21 (*all times UTC*)", "All times in CET.", "Friday 29
	// November 2019".
	dayZoneWordsRe = regexp.MustCompile(`(?i)\b(all|times?|are|is|given|shown|in|on|the|of|and|local|time zone|zone|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d{1,4}(?:st|nd|rd|th)?|utc|gmt|z|[a-z]{1,3}[sd]t|cet|cest|bst|wet|west|eet|eest|pacific|eastern|central|mountain)\b`)
	nonLetterRe    = regexp.MustCompile(`[^\p{L}]+`)
)

// resolveZone turns a zone name into a location and, when it is a real
// IANA zone, the name to store in the draft.
func resolveZone(name string) (*time.Location, string, bool) {
	name = strings.TrimSpace(name)
	switch {
	case name == "UTC" || name == "GMT" || name == "Z":
		return time.UTC, "UTC", true
	case utcOffsetRe.MatchString(name):
		m := utcOffsetRe.FindStringSubmatch(name)
		off := (atoi(m[2])*60 + atoi(m[3])) * 60
		if m[1] == "-" {
			off = -off
		}
		return time.FixedZone(name, off), "", true
	case strings.Contains(name, "/"):
		if loc, err := loadLocation(name); err == nil {
			return loc, name, true
		}
	}
	if z, ok := model.FindZone(name); ok {
		return zoneLocation(z)
	}
	return nil, "", false
}

// zoneLocation is where a written zone puts times: the IANA zone people
// mean by it ("PDT", "Pacific" → America/Los_Angeles), so summer and
// winter time both come out right, else its fixed offset.
func zoneLocation(z model.ZoneText) (*time.Location, string, bool) {
	if z.IANA != "" {
		if loc, err := loadLocation(z.IANA); err == nil {
			return loc, z.IANA, true
		}
	}
	if l := z.Location(); l != nil {
		return l, "", true
	}
	return nil, "", false
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// rawEvent is an event as read, before its time is placed.
type rawEvent struct {
	clock    model.ClockText
	timed    bool
	dayShift bool // a date set the day here
	listed   bool // a list item or table row: an event, not prose around them
	text     string
}

type timelineReader struct {
	im        *importer
	events    []rawEvent
	loc       *time.Location
	zoneKnown bool
	day       *time.Time
}

func (im *importer) timeline(s section) {
	r := &timelineReader{im: im, loc: time.UTC}
	if im.zone != nil {
		if l, iana, ok := zoneLocation(*im.zone); ok {
			r.loc, r.zoneKnown = l, true
			im.d.Timeline.TimeZone = iana
		}
	}
	im.eachEntry(s, r.entry, r.table)
	if r.day == nil && im.day != nil {
		t := time.Date(im.day.Year(), im.day.Month(), im.day.Day(), 0, 0, 0, 0, r.loc)
		r.day = &t
	}
	im.timelineEvents(r)
}

// setZone takes the timeline's zone from a sentence or a column header.
func (r *timelineReader) setZone(text string) bool {
	if r.zoneKnown {
		return false
	}
	z, ok := model.FindZone(text)
	if !ok {
		return false
	}
	l, iana, ok := zoneLocation(z)
	if !ok {
		return false
	}
	r.loc, r.zoneKnown = l, true
	r.im.d.Timeline.TimeZone = iana
	return true
}

func (r *timelineReader) entry(e entry) {
	line := e.text
	if m := pmwizIntroRe.FindStringSubmatch(line); m != nil {
		name := m[2]
		if mm := offsetNameRe.FindStringSubmatch(name); mm != nil {
			name = mm[1]
		}
		if l, iana, ok := resolveZone(unescapeLiteral(name)); ok {
			r.loc, r.zoneKnown = l, true
			r.im.d.Timeline.TimeZone = iana
		}
		if m[1] != "" {
			if t, ok := parseDay(m[1], r.loc); ok {
				r.day = &t
			}
		}
		return
	}
	if strings.HasPrefix(line, "Impact lasted ") || strings.HasPrefix(line, "The incident was ") {
		return // pmwiz's durations sentence: computed again
	}
	c, rest, timed := model.ReadLeadingClock(line)
	if timed && c.HasClock {
		r.events = append(r.events, rawEvent{clock: c, timed: true, text: rest})
		return
	}
	if _, isHeading := e.node.(*ast.Heading); isHeading || dayOrZoneOnly(line) {
		// A line that only gives the day or the zone sets them.
		used := r.setZone(line)
		if c, ok := model.FindDate(line); ok && (c.Year != 0 || r.day != nil || r.im.day != nil) {
			r.events = append(r.events, rawEvent{clock: c, dayShift: true})
			used = true
		}
		if used {
			return
		}
	}
	if timed { // a date alone starts the line: the day for what follows
		r.events = append(r.events, rawEvent{clock: c, dayShift: true})
		if strings.TrimSpace(rest) != "" {
			r.events = append(r.events, rawEvent{text: rest})
		}
		return
	}
	if _, isPara := e.node.(*ast.Paragraph); isPara && len(r.events) > 0 && r.events[len(r.events)-1].timed {
		// A paragraph after a timed one goes on with its story.
		last := &r.events[len(r.events)-1]
		last.text += "\n\n" + line
		return
	}
	if c, ok := model.FindDate(line); ok && c.Year != 0 && r.day == nil {
		t := time.Date(c.Year, c.Month, c.Day, 0, 0, 0, 0, r.loc)
		r.day = &t
	}
	_, listed := e.node.(*ast.ListItem)
	r.events = append(r.events, rawEvent{text: strings.TrimLeft(line, "-*+ "), listed: listed})
}

func (r *timelineReader) table(t mdTable) {
	tc := columnIndex(t.header, "time", "when", "timestamp", "date", "time utc", "date and time")
	if tc < 0 {
		tc = 0
	}
	if len(t.header) > 0 {
		r.setZone(t.header[min(tc, len(t.header)-1)])
	}
	for _, row := range t.rows {
		var texts []string
		for i, c := range row {
			if i != tc && c != "" {
				texts = append(texts, c)
			}
		}
		text := strings.Join(texts, " — ")
		when := strings.TrimSpace(strings.Trim(cell(row, tc), "*"))
		if c, rest, ok := model.ReadLeadingClock(when); ok && c.HasClock {
			if rest != "" {
				text = strings.TrimSpace(rest + " " + text)
			}
			r.events = append(r.events, rawEvent{clock: c, timed: true, text: text})
			continue
		}
		if when != "" {
			text = strings.TrimSpace(when + " " + text)
		}
		r.events = append(r.events, rawEvent{text: text, listed: true})
	}
}

// timelineEvents places the events' times: a time with no date takes the
// day in force, and a time well before the one above it has passed
// midnight.
func (im *importer) timelineEvents(r *timelineReader) {
	t := &im.d.Timeline
	day := r.day
	var prev *time.Time
	warnedDay, warnedZone := false, false
	type placed struct {
		at   *time.Time
		text string
	}
	var evs []placed
	startUnknown, sawTimed := false, false
	for _, e := range r.events {
		if e.timed {
			sawTimed = true
		} else if e.listed && !sawTimed {
			// "[???] IOPS reached a critical point": the first event's time
			// is not known, so neither is the start.
			startUnknown = true
		}
		if e.dayShift {
			c := e.clock
			y := c.Year
			if y == 0 {
				switch {
				case day != nil:
					y = day.Year()
				case im.day != nil:
					y = im.day.Year()
				}
			}
			d := time.Date(y, c.Month, c.Day, 0, 0, 0, 0, r.loc)
			day, prev = &d, nil
			continue
		}
		if !e.timed {
			evs = append(evs, placed{text: e.text})
			continue
		}
		c := e.clock
		loc := r.loc
		if c.Zone.Name != "" {
			if l, _, ok := zoneLocation(c.Zone); ok {
				loc = l
				if !r.zoneKnown && c.Zone.IANA != "" {
					t.TimeZone = c.Zone.IANA
				}
			}
		} else if !r.zoneKnown && !warnedZone {
			im.warn("timeline: no time zone given: times read as UTC; set the draft's time zone if that is wrong")
			warnedZone = true
		}
		var dayIn *time.Time
		if day != nil {
			d := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc)
			dayIn = &d
		}
		at, ok := c.On(dayIn, loc)
		if !ok && c.Zone.Fixed && c.Zone.IANA != "" {
			// "02:30 PDT" on a day it names a gap: use the written offset.
			at, ok = c.On(dayIn, c.Zone.Location())
		}
		if !ok {
			if c.HasDate || dayIn != nil {
				evs = append(evs, placed{text: strings.TrimSpace(clockWords(c) + " " + e.text)})
				continue
			}
			if !warnedDay {
				im.warn("timeline: times have no date and the document gives none: kept in the events' text")
				warnedDay = true
			}
			evs = append(evs, placed{text: strings.TrimSpace(clockWords(c) + " " + e.text)})
			continue
		}
		if !c.HasDate && prev != nil && prev.Sub(at) > 8*time.Hour {
			at = at.AddDate(0, 0, 1)
		}
		if c.HasDate && c.Year != 0 || day == nil {
			d := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, at.Location())
			day = &d
		} else if !sameDay(at, *day) {
			d := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, at.Location())
			day = &d
		}
		a := at
		prev = &a
		evs = append(evs, placed{at: &a, text: e.text})
	}
	marked := false
	for _, e := range evs {
		for _, l := range momentLabels {
			if e.text == l {
				marked = true
			}
		}
	}
	for _, e := range evs {
		moment := -1
		for i, l := range momentLabels {
			if e.text == l {
				moment = i
			}
		}
		if moment >= 0 {
			if e.at != nil {
				*[]**time.Time{&t.Start, &t.Detected, &t.Mitigated, &t.End}[moment] = e.at
			}
			continue
		}
		t.Events = append(t.Events, model.Event{At: e.at, Text: e.text})
	}
	if !marked && !im.ours {
		im.endGuessed = keyMoments(t, startUnknown)
	}
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// clockWords writes a clock that could not be placed back as text, so
// the event keeps it.
func clockWords(c model.ClockText) string {
	s := ""
	if c.HasDate {
		if c.Year != 0 {
			s = time.Date(c.Year, c.Month, c.Day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly) + " "
		} else {
			s = time.Date(2000, c.Month, c.Day, 0, 0, 0, 0, time.UTC).Format("Jan 2") + " "
		}
	}
	if c.HasClock {
		s += time.Date(2000, 1, 1, c.Hour, c.Minute, c.Second, 0, time.UTC).Format("15:04")
		if c.Second != 0 {
			s += time.Date(2000, 1, 1, c.Hour, c.Minute, c.Second, 0, time.UTC).Format(":05")
		}
	}
	if c.Zone.Name != "" {
		s += " " + c.Zone.Name
	}
	return strings.TrimSpace(s)
}

var (
	beganRe    = regexp.MustCompile(`(?i)\b(outage|incident|impact|problems?|errors?|issues?|degradation|disruption|failures?)\s+(begins?|began|starts?|started)\b|\bstart of (the )?(impact|incident|outage)\b|\b(began|begins|started|starts)\s+(failing|erroring|to fail|experiencing|returning|rejecting|timing out|dropping)\b`)
	detectedRe = regexp.MustCompile(`(?i)\b(detected|detects|alert(ed|s)?|alarms?|warning|paged|pages|page fired|pager|reports?|reported|notices?|noticed|notified|received a report|first report)\b`)
	mitigateRe = regexp.MustCompile(`(?i)\bmitigated\b|\bmitigation (applied|complete|in place)\b|\bworkaround (applied|in place|deployed)\b`)
	endedRe    = regexp.MustCompile(`(?i)\b(outage|incident|impact)\s+(ends|ended|over|resolved)\b|\bend of (the )?(impact|incident|outage)\b`)
	recoverRe  = regexp.MustCompile(`(?i)\b(resolved|restored|recovered|back to normal|all clear|fully operational|back online|back up and running)\b|\ball (systems|services)\b.{0,20}\boperational\b|\bfix(es)? (was |were |is )?(deployed|rolled out)\b|\b(deployed|rolled out) (the )?fix\b|\bonce again\b.{0,40}\b(usual|normal)\b`)
)

// keyMoments sets the start, detection, mitigation and end from what the
// timeline says, else from its first and last timed events. A timeline
// that opens with an event whose time is not known ("[???] load began to
// climb") has no known start: a careful reader would not invent one.
func keyMoments(t *model.Timeline, startUnknown bool) (endGuessed bool) {
	var first, last, began, mitigated, ended, recovered *time.Time
	for _, e := range t.Events {
		if e.At == nil {
			continue
		}
		if first == nil || e.At.Before(*first) {
			first = e.At
		}
		if last == nil || e.At.After(*last) {
			last = e.At
		}
		switch {
		case began == nil && beganRe.MatchString(e.Text):
			began = e.At
		case endedRe.MatchString(e.Text):
			if ended == nil {
				ended = e.At
			}
		case mitigated == nil && mitigateRe.MatchString(e.Text):
			mitigated = e.At
		case recoverRe.MatchString(e.Text):
			if recovered == nil || e.At.After(*recovered) {
				recovered = e.At
			}
		}
	}
	if t.Start == nil {
		switch {
		case began != nil:
			t.Start = began
		case !startUnknown:
			t.Start = first
		}
	}
	if t.Detected == nil {
		// The first report or alert at or after the start.
		for _, e := range t.Events {
			if e.At != nil && (t.Start == nil || !e.At.Before(*t.Start)) && detectedRe.MatchString(e.Text) && !recoverRe.MatchString(e.Text) {
				t.Detected = e.At
				break
			}
		}
	}
	if t.Mitigated == nil {
		t.Mitigated = mitigated
	}
	if t.End == nil {
		switch {
		case ended != nil:
			t.End = ended
		case recovered != nil:
			t.End = recovered
		default:
			t.End, endGuessed = last, true
		}
	}
	if t.Start != nil && t.End != nil && t.End.Before(*t.Start) {
		t.End = nil
	}
	return endGuessed
}

// dayOrZoneOnly reports a line that says nothing but a day or a zone.
func dayOrZoneOnly(line string) bool {
	if len(line) > 80 {
		return false
	}
	rest := dayZoneWordsRe.ReplaceAllString(line, "")
	return nonLetterRe.ReplaceAllString(rest, "") == "" && strings.ContainsAny(line, "0123456789ACEGMPTUZacegmptuz")
}

// proseRecoveredRe is a sentence that says the service came back.
var proseRecoveredRe = regexp.MustCompile(`(?i)\b(managed to restore|(was|were) (all )?caught up|restored|recovered|resolved|finished (the )?(final )?(restoration|recovery)|(was|were|is|are) back (up|online|to normal)|fully operational|all (systems|services)\b.{0,20}\boperational)\b`)

// endFromProse reads the end from a sentence outside the timeline that
// says, with a time, that service came back ("On February 1st at 17:00
// UTC we managed to restore the database"), when the timeline itself
// did not say when it ended. A sentence with a time but no date takes
// the date of the one before it.
func (im *importer) endFromProse() {
	t := &im.d.Timeline
	if im.ours || t.Start == nil || (t.End != nil && !im.endGuessed) {
		return
	}
	loc := time.UTC
	if l, err := t.Location(); err == nil && t.TimeZone != "" {
		loc = l
	}
	var day *time.Time
	var best *time.Time
	im.eachProseSentence(func(sentence string) bool {
		c, ok := model.FindClock(sentence)
		if !ok {
			return true
		}
		if d, ok := model.FindDate(sentence); ok {
			y := d.Year
			if y == 0 {
				y = t.Start.Year()
			}
			dd := time.Date(y, d.Month, d.Day, 0, 0, 0, 0, loc)
			day = &dd
		}
		if day == nil || !proseRecoveredRe.MatchString(sentence) {
			return true
		}
		at, ok := c.On(day, loc)
		if ok && !at.After(*t.Start) && c.HasClock && !c.HasDate && t.Start.Sub(at) < 24*time.Hour {
			// "Everything was caught up by 2:31 AM" after a start at
			// 11:40 PM: a clock with no date of its own past midnight.
			at = at.Add(24 * time.Hour)
		}
		if ok && at.After(*t.Start) && (best == nil || at.After(*best)) {
			a := at
			best = &a
		}
		return true
	})
	if best != nil && (t.End == nil || best.After(*t.End)) {
		t.End = best
	}
}

// spanFromProse reads the start and end from a sentence that gives both
// ("For 52 minutes, from 09:14 to 10:06 UTC, …", "Between 14:20 and 14:45
// UTC on 2025-05-02 …"), when no timed event gave either: a reader takes
// a summary's span as the incident's. The day is the sentence's own date,
// else the incident's day; without a day nothing is set. An end before
// its start is on the next day ("from 23:40 to 00:20").
func (im *importer) spanFromProse() {
	t := &im.d.Timeline
	if im.ours || t.Start != nil || t.End != nil {
		return
	}
	loc := time.UTC
	if l, err := t.Location(); err == nil && t.TimeZone != "" {
		loc = l
	}
	var onset *time.Time
	im.eachProseSentence(func(sentence string) bool {
		if onset == nil {
			onset = im.datedMoment(sentence, loc)
		}
		from, to, ok := model.FindClockRange(sentence)
		if !ok {
			return true
		}
		day := im.day
		if d, ok := model.FindDate(sentence); ok && d.Year != 0 {
			dd := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
			day = &dd
		}
		if day == nil {
			return true
		}
		start, ok1 := from.On(day, loc)
		end, ok2 := to.On(day, loc)
		if !ok1 || !ok2 {
			return true
		}
		if !end.After(start) {
			end = end.Add(24 * time.Hour)
		}
		t.Start, t.End = &start, &end
		return false
	})
	if t.Start == nil && onset != nil {
		t.Start = onset // endFromProse looks for the end after it
	}
}

// datedMoment reads "At about 11:40 PM Eastern on March 14, 2025, a
// routine upgrade left…": a sentence that dates a moment to the minute,
// day and all. A zone that names a place ("Eastern") is read in that
// place's zone, which becomes the timeline's when it has none.
func (im *importer) datedMoment(sentence string, loc *time.Location) *time.Time {
	c, ok := model.FindClock(sentence)
	if !ok {
		return nil
	}
	d, ok := model.FindDate(sentence)
	if !ok || d.Year == 0 {
		return nil
	}
	c.HasDate, c.Year, c.Month, c.Day = true, d.Year, d.Month, d.Day
	if zl, name, ok := zoneLocation(c.Zone); ok {
		c.Zone, loc = model.ZoneText{}, zl
		if t := &im.d.Timeline; t.TimeZone == "" && name != "" {
			t.TimeZone = name
		}
	}
	when, ok := c.On(nil, loc)
	if !ok {
		return nil
	}
	return &when
}

// eachProseSentence calls fn with each sentence of each top-level
// paragraph, in document order, until fn returns false.
func (im *importer) eachProseSentence(fn func(sentence string) bool) {
	for _, b := range im.bs {
		p, ok := b.node.(*ast.Paragraph)
		if !ok {
			continue
		}
		e, ok := im.entryOf(p, b.start)
		if !ok {
			continue
		}
		for _, sentence := range strings.SplitAfter(e.text, ". ") {
			if !fn(sentence) {
				return
			}
		}
	}
}

// timelineTables reads the timeline from tables of times in a section
// import could not map ("## Incident" holding a "Time (UTC) | Event"
// table), when no timeline was found before it: a reader takes a table
// whose first column is the time as the timeline wherever it stands. The
// section is still kept whole under Other.
func (im *importer) timelineTables(s section) {
	if im.ours || len(im.d.Timeline.Events) > 0 {
		return
	}
	found := false
	for _, p := range s.blocks {
		if t, ok := p.node.(*east.Table); ok && isTimeTable(im.table(t)) {
			found = true
		}
	}
	if !found {
		return
	}
	r := &timelineReader{im: im, loc: time.UTC}
	if im.zone != nil {
		if l, iana, ok := zoneLocation(*im.zone); ok {
			r.loc, r.zoneKnown = l, true
			im.d.Timeline.TimeZone = iana
		}
	}
	im.eachEntry(s, func(entry) {}, func(t mdTable) {
		if isTimeTable(t) {
			r.table(t)
		}
	})
	if r.day == nil && im.day != nil {
		t := time.Date(im.day.Year(), im.day.Month(), im.day.Day(), 0, 0, 0, 0, r.loc)
		r.day = &t
	}
	im.timelineEvents(r)
}

// isTimeTable reports a table whose first column holds the times.
func isTimeTable(t mdTable) bool {
	return len(t.rows) >= 2 && columnIndex(t.header, "time", "when", "timestamp", "time utc", "date and time") == 0
}
