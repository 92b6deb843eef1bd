package export

import (
	"regexp"
	"strings"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/yuin/goldmark/ast"
	gtext "github.com/yuin/goldmark/text"
)

// listItemLines returns each list item's lines (raw Markdown, trimmed). A
// body that is not a list gives one item per paragraph or other block,
// so prose is not lost either.
func listItemLines(body string) [][]string {
	src := []byte(body)
	doc := parse(src)
	var items [][]string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if l, ok := n.(*ast.List); ok {
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				if lines := blockLines(it, src); len(lines) > 0 {
					items = append(items, lines)
				}
			}
			continue
		}
		if lines := blockLines(n, src); len(lines) > 0 {
			items = append(items, lines)
		}
	}
	return items
}

// blockLines collects the source lines of every block under n.
func blockLines(n ast.Node, src []byte) []string {
	var out []string
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		lines := c.Lines()
		for i := 0; i < lines.Len(); i++ {
			if s := strings.TrimSpace(segText(lines.At(i), src)); s != "" {
				out = append(out, s)
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// listItems gives one string per item, lines joined by spaces.
func listItems(body string, inline bool) []string {
	var out []string
	for _, lines := range listItemLines(body) {
		out = append(out, strings.Join(lines, " "))
	}
	return out
}

// mdTable is a GFM table read straight from the source lines, so cells
// keep their escapes exactly.
type mdTable struct {
	header []string
	rows   [][]string
}

var delimRowRe = regexp.MustCompile(`^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)

// findTables returns the tables in body and the lines that are not in one.
func findTables(body string) ([]mdTable, []string) {
	lines := strings.Split(body, "\n")
	var tables []mdTable
	var rest []string
	for i := 0; i < len(lines); i++ {
		if i+1 < len(lines) && strings.Contains(lines[i], "|") && delimRowRe.MatchString(strings.TrimSpace(lines[i+1])) && strings.Contains(lines[i+1], "-") {
			t := mdTable{header: splitRow(lines[i])}
			i += 2
			for ; i < len(lines) && strings.Contains(lines[i], "|") && strings.TrimSpace(lines[i]) != ""; i++ {
				t.rows = append(t.rows, splitRow(lines[i]))
			}
			i--
			tables = append(tables, t)
			continue
		}
		rest = append(rest, lines[i])
	}
	return tables, rest
}

// splitRow splits a table row on pipes that are not escaped.
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !escapedAt(line, len(line)-1) {
		line = line[:len(line)-1]
	}
	var cells []string
	start := 0
	for i := 0; i <= len(line); i++ {
		if i == len(line) || (line[i] == '|' && !escapedAt(line, i)) {
			cells = append(cells, strings.TrimSpace(line[start:i]))
			start = i + 1
		}
	}
	return cells
}

func columnIndex(header []string, names ...string) int {
	for i, h := range header {
		n := normHeading(h)
		for _, want := range names {
			if n == want || strings.HasPrefix(n, want+" ") {
				return i
			}
		}
	}
	return -1
}

func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

var (
	ownerRe   = regexp.MustCompile(`(?i)\bowner:\s*([^,;)]+)`)
	dueRe     = regexp.MustCompile(`(?i)\bdue:?\s*(\d{4}-\d{2}-\d{2})`)
	taskBoxRe = regexp.MustCompile(`^\[([ xX])\]\s+`)
	doneRe    = regexp.MustCompile(`(?i)^(done|closed|complete|completed|fixed|resolved|yes|y|true|✓|✔|✅|x|\[x\])$`)
)

func (im *importer) actions(body string) {
	tables, rest := findTables(body)
	for _, t := range tables {
		what := columnIndex(t.header, "action", "action item", "item", "what", "description", "task", "title", "summary")
		if what < 0 {
			what = 0
		}
		owner := columnIndex(t.header, "owner", "owners", "who", "assignee", "assigned to", "responsible")
		due := columnIndex(t.header, "due", "due date", "deadline", "by", "eta", "target date")
		typ := columnIndex(t.header, "type", "kind", "category")
		status := columnIndex(t.header, "status", "done", "state")
		link := columnIndex(t.header, "link", "bug", "ticket", "issue", "tracking", "jira", "url")
		known := map[int]bool{what: true, owner: true, due: true, typ: true, status: true, link: true}
		for _, r := range t.rows {
			a := model.ActionItem{
				What:  cell(r, what),
				Owner: unescapeLiteral(cell(r, owner)),
				Due:   unescapeLiteral(cell(r, due)),
				Done:  doneRe.MatchString(strings.TrimSpace(cell(r, status))),
			}
			if ty := unescapeLiteral(cell(r, typ)); ty != "" {
				a.Type = actionTypeFromLabel(ty)
			}
			if l := cell(r, link); l != "" {
				name, url := parseLink(l)
				if url == "" {
					url = name // a link pmwiz would not make clickable
				}
				a.Link = url
			}
			// Columns pmwiz has no field for go into the action's text.
			for i, c := range r {
				if !known[i] && c != "" && i < len(t.header) {
					a.What += " (" + t.header[i] + ": " + c + ")"
				}
			}
			im.d.ActionItems = append(im.d.ActionItems, a)
		}
	}
	if len(tables) > 0 {
		body = trimBlock(strings.Join(rest, "\n"))
	}
	for _, it := range listItems(body, true) {
		a := model.ActionItem{What: it}
		if m := taskBoxRe.FindStringSubmatch(it); m != nil {
			a.Done = m[1] != " "
			a.What = it[len(m[0]):]
		}
		if m := ownerRe.FindStringSubmatch(it); m != nil {
			a.Owner = strings.TrimSpace(m[1])
		}
		if m := dueRe.FindStringSubmatch(it); m != nil {
			a.Due = m[1]
		}
		im.d.ActionItems = append(im.d.ActionItems, a)
	}
}

func actionTypeFromLabel(s string) model.ActionType {
	for _, t := range model.ActionTypes {
		if strings.EqualFold(s, string(t)) {
			return t
		}
	}
	return model.ActionType(s)
}

var (
	namedLinkRe = regexp.MustCompile(`^\[((?:[^\]\\]|\\.)*)\]\((<(?:[^>\\]|\\.)*>|[^)\s]*)\)$`)
	autoLinkRe  = regexp.MustCompile(`^<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>$`)
	bareURLRe   = regexp.MustCompile(`(?:^|[\s(])(https?://[^\s<>()|]+)`)
)

// parseLink reads what linkMarkdown writes (and a bare URL).
func parseLink(s string) (name, url string) {
	s = strings.TrimSpace(s)
	if m := autoLinkRe.FindStringSubmatch(s); m != nil {
		return "", m[1]
	}
	if m := namedLinkRe.FindStringSubmatch(s); m != nil {
		dest := m[2]
		if strings.HasPrefix(dest, "<") {
			dest = unescapeLiteral(dest[1 : len(dest)-1])
		}
		return unescapeLiteral(m[1]), dest
	}
	if m := bareURLRe.FindStringSubmatchIndex(s); m != nil {
		name := strings.TrimSpace(strings.Trim(strings.TrimSpace(s[:m[2]]+s[m[3]:]), ":-–—()"))
		return unescapeLiteral(name), s[m[2]:m[3]]
	}
	return unescapeLiteral(s), ""
}

func (im *importer) updates(body string) {
	if !pureList(body) {
		// Prose about messaging: kept whole; links in it become channels.
		im.other("Messaging", body)
		for _, it := range listItems(body, false) {
			if name, url := parseLink(it); url != "" {
				im.d.Communication.Channels = append(im.d.Communication.Channels, model.Channel{Name: name, URL: url})
			}
		}
		return
	}
	for _, it := range listItems(body, false) {
		name, url := parseLink(it)
		if name == url {
			name = url
		}
		im.d.Communication.Channels = append(im.d.Communication.Channels, model.Channel{Name: name, URL: url})
	}
}

var (
	pmwizIntroRe = regexp.MustCompile(`^All times are (?:on (.+?), )?in (.+)\.$`)
	offsetNameRe = regexp.MustCompile(`^(.*) \(UTC[+-]\d\d:\d\d\)$`)
	utcOffsetRe  = regexp.MustCompile(`^UTC([+-])(\d\d):(\d\d)$`)
	zoneWordRe   = regexp.MustCompile(`\b(UTC|GMT|[A-Z][a-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?|PST|PDT|EST|EDT|CST|CDT|MST|MDT|CET|CEST|BST|JST|AEST|AEDT)\b`)
	timeLineRe   = regexp.MustCompile(`^(?:[-*+]\s+)?(?:\*\*)?((?:\d{4}[-/]\d{2}[-/]\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?(?:\s?(?:Z|UTC|GMT|PST|PDT|EST|EDT|CST|CDT|MST|MDT|CET|CEST|BST|JST|AEST|AEDT|[+-]\d{2}:?\d{2})\b)?)(?:\*\*)?\s*(?:[-–—:|]\s*)?(.*)$`)
	isoDayRe     = regexp.MustCompile(`\b(\d{4}-\d{2}-\d{2})\b`)
)

// abbreviations people put after times, read as the zone they usually
// mean (the import says so in a warning).
var zoneAbbrev = map[string]string{
	"PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "EST": "America/New_York", "EDT": "America/New_York",
	"CST": "America/Chicago", "CDT": "America/Chicago", "MST": "America/Denver", "MDT": "America/Denver",
	"CET": "Europe/Berlin", "CEST": "Europe/Berlin", "BST": "Europe/London", "JST": "Asia/Tokyo",
	"AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
}

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
	case zoneAbbrev[name] != "":
		loc, err := loadLocation(zoneAbbrev[name])
		return loc, zoneAbbrev[name], err == nil
	case strings.Contains(name, "/"):
		loc, err := loadLocation(name)
		if err == nil {
			return loc, name, true
		}
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

type timelineEntry struct {
	when, text string
}

func (im *importer) timeline(body string) {
	loc := time.UTC
	zoneKnown := false
	var day *time.Time
	tables, rest := findTables(body)
	var loose []string
	for _, line := range rest {
		line = strings.TrimSpace(line)
		if m := pmwizIntroRe.FindStringSubmatch(line); m != nil {
			name := m[2]
			if mm := offsetNameRe.FindStringSubmatch(name); mm != nil {
				name = mm[1]
			}
			if l, iana, ok := resolveZone(unescapeLiteral(name)); ok {
				loc, zoneKnown = l, true
				im.d.Timeline.TimeZone = iana
			}
			if m[1] != "" {
				if t, ok := parseDay(m[1], loc); ok {
					day = &t
				}
			}
			continue
		}
		if strings.HasPrefix(line, "Impact lasted ") || strings.HasPrefix(line, "The incident was ") {
			continue // pmwiz's durations sentence: computed again
		}
		if line != "" && !timeLineRe.MatchString(line) && !strings.HasPrefix(line, "-") && strings.Contains(strings.ToLower(line), "time") || isoDayRe.MatchString(line) && !timeLineRe.MatchString(line) && len(line) < 60 {
			// "All times UTC on 2026-08-19.", "2026-10-14 (all times UTC)"
			found := false
			if m := zoneWordRe.FindString(line); m != "" && !zoneKnown {
				if l, iana, ok := resolveZone(m); ok {
					loc, zoneKnown, found = l, true, true
					im.d.Timeline.TimeZone = iana
				}
			}
			if m := isoDayRe.FindString(line); m != "" && day == nil {
				if t, ok := parseDay(m, loc); ok {
					day, found = &t, true
				}
			}
			if found {
				continue
			}
		}
		loose = append(loose, line)
	}
	if day != nil {
		t := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc)
		day = &t
	}
	var entries []timelineEntry
	for _, t := range tables {
		tc := columnIndex(t.header, "time", "when", "timestamp", "date", "time utc")
		if tc < 0 {
			tc = 0
		}
		if !zoneKnown {
			if m := zoneWordRe.FindString(t.header[min(tc, len(t.header)-1)]); m != "" {
				if l, iana, ok := resolveZone(m); ok {
					loc, zoneKnown = l, true
					im.d.Timeline.TimeZone = iana
				}
			}
		}
		for _, r := range t.rows {
			var texts []string
			for i, c := range r {
				if i != tc && c != "" {
					texts = append(texts, c)
				}
			}
			entries = append(entries, timelineEntry{when: cell(r, tc), text: strings.Join(texts, " — ")})
		}
	}
	if len(tables) == 0 {
		for _, line := range loose {
			if line == "" {
				continue
			}
			if m := timeLineRe.FindStringSubmatch(line); m != nil {
				entries = append(entries, timelineEntry{when: m[1], text: m[2]})
				continue
			}
			entries = append(entries, timelineEntry{text: strings.TrimLeft(line, "-*+ ")})
		}
	}
	if day == nil && im.day != nil {
		t := time.Date(im.day.Year(), im.day.Month(), im.day.Day(), 0, 0, 0, 0, loc)
		day = &t
	}
	im.timelineEntries(entries, loc, zoneKnown, day)
}

func (im *importer) timelineEntries(entries []timelineEntry, loc *time.Location, zoneKnown bool, day *time.Time) {
	t := &im.d.Timeline
	marked := false
	for _, e := range entries {
		for _, l := range momentLabels {
			if e.text == l {
				marked = true
			}
		}
	}
	warnedDay, warnedZone := false, false
	for _, e := range entries {
		var at *time.Time
		if w := strings.TrimSpace(strings.Trim(e.when, "*")); w != "" {
			v, needDay, ok := parseWhen(w, loc, day)
			switch {
			case ok:
				at = &v
				if day == nil || isoDayRe.MatchString(w) {
					// A dated row ("2026-11-20 10:00") gives its day to the
					// time-only rows after it ("10:05"), as people write.
					d := time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, v.Location())
					day = &d
				}
				if !zoneKnown && !warnedZone && !hasZoneSuffix(w) {
					im.warn("timeline: no time zone given: times read as UTC; set the draft's time zone if that is wrong")
					warnedZone = true
				}
			case needDay:
				if !warnedDay {
					im.warn("timeline: times have no date and the document gives none: kept in the events' text")
					warnedDay = true
				}
				e.text = w + " " + e.text
			default:
				e.text = strings.TrimSpace(w + " " + e.text)
			}
		}
		moment := -1
		for i, l := range momentLabels {
			if e.text == l {
				moment = i
			}
		}
		if moment < 0 {
			// A person's own line is always kept as an event; it may also
			// mark a key moment ("OUTAGE BEGINS").
			t.Events = append(t.Events, model.Event{At: at, Text: e.text})
			if !marked && at != nil {
				moment = guessMoment(e.text, t)
			}
		}
		if moment >= 0 && at != nil {
			*[]**time.Time{&t.Start, &t.Detected, &t.Mitigated, &t.End}[moment] = at
		}
	}
}

var momentWords = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(outage|incident|impact|problem|errors?)\s+(begins?|began|starts?|started)\b|\bstart of (impact|incident|outage)\b`),
	regexp.MustCompile(`(?i)\b(detected|alert(ed|s)? fired|paged|pages|page fired)\b`),
	regexp.MustCompile(`(?i)\bmitigated\b|\bmitigation (applied|complete)\b`),
	regexp.MustCompile(`(?i)\b(outage|incident|impact)\s+(ends|ended|over|resolved)\b|\bresolved\b|\ball clear\b`),
}

// guessMoment marks the first line that reads like a key moment in a
// timeline written by people ("OUTAGE BEGINS", "Alert fired").
func guessMoment(text string, t *model.Timeline) int {
	slots := []*time.Time{t.Start, t.Detected, t.Mitigated, t.End}
	for i, re := range momentWords {
		if slots[i] == nil && re.MatchString(text) {
			return i
		}
	}
	return -1
}

func hasZoneSuffix(w string) bool {
	f := strings.Fields(w)
	if len(f) < 2 {
		return strings.HasSuffix(w, "Z") || strings.Contains(w, "+") || strings.Count(w, "-") > 2
	}
	_, _, ok := resolveZone(f[len(f)-1])
	return ok
}

// parseWhen reads a timeline time. needDay reports a time of day with no
// date to put it on.
func parseWhen(w string, loc *time.Location, day *time.Time) (t time.Time, needDay, ok bool) {
	if v, err := time.Parse(time.RFC3339, w); err == nil {
		return v, false, true
	}
	if f := strings.Fields(w); len(f) >= 2 {
		if l, _, ok := resolveZone(f[len(f)-1]); ok {
			loc = l
			w = strings.Join(f[:len(f)-1], " ")
		}
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006/01/02 15:04"} {
		if v, err := time.ParseInLocation(layout, w, loc); err == nil {
			return v, false, true
		}
	}
	for _, layout := range []string{"15:04:05", "15:04", "3:04 PM", "3:04PM", "3:04 pm", "3:04pm"} {
		v, err := time.Parse(layout, w)
		if err != nil {
			continue
		}
		if day == nil {
			return time.Time{}, true, false
		}
		return time.Date(day.Year(), day.Month(), day.Day(), v.Hour(), v.Minute(), v.Second(), 0, loc), false, true
	}
	return time.Time{}, false, false
}

func segText(s gtext.Segment, src []byte) string { return string(s.Value(src)) }

// pureList reports a body that is nothing but lists.
func pureList(body string) bool {
	doc := parse([]byte(body))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*ast.List); !ok {
			return false
		}
	}
	return true
}
