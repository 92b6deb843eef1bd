package export

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pmwiz/pmwiz/model"
	"github.com/yuin/goldmark/ast"
)

// Import reads a Markdown post-mortem into a draft. A pmwiz export comes
// back exactly (exporting the result gives the same bytes). Other
// post-mortems are read as a careful reader would: the text before the
// first section is the summary, headings are matched by meaning
// (headings.txt), times are read as people write them (model.ClockText),
// and a section that maps to nothing is kept verbatim in Draft.Other, so
// every line of the input ends up somewhere in the draft. The warnings
// say what was guessed or kept aside, for a person.
func Import(md []byte) (*model.Draft, []string, error) {
	if err := checkText(md); err != nil {
		return nil, nil, err
	}
	src := strings.TrimPrefix(string(md), "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	if strings.TrimSpace(src) == "" {
		return nil, nil, errors.New("import: the file is empty: nothing to import")
	}
	if err := checkNesting(src); err != nil {
		return nil, nil, err
	}
	im := &importer{d: &model.Draft{Schema: model.SchemaVersion}, ours: Owner([]byte(src)) != NotOurs}
	src = unstamp(src)
	src = im.frontMatter(src)
	im.document([]byte(src))
	im.finish()
	return im.d, im.report(), nil
}

type importer struct {
	d        *model.Draft
	warnings []string
	kept     []string // headings of unmapped sections kept under Other, for one warning
	aside    []string // headings of recognised sections with no field, kept under Other
	day      *time.Time
	fmStart  *time.Time
	fmEnd    *time.Time
	zone     *model.ZoneText // "All times PDT." in the opening text
	ours     bool            // a pmwiz export: values are kept exactly as written

	src   []byte
	bs    []block
	ms    []mark
	cover map[int]bool // line starts an entry took, while reading entries

	endGuessed bool // the timeline's end is only its last timed event
}

func (im *importer) warn(format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	for _, w := range im.warnings {
		if w == msg {
			return
		}
	}
	im.warnings = append(im.warnings, msg)
}

// report is the warnings, with the sections kept under Other said once
// however many there are.
func (im *importer) report() []string {
	out := im.warnings
	if n := len(im.kept); n == 1 {
		out = append(out, "section "+headingList(im.kept)+" matches no part of a post-mortem: kept verbatim under Other")
	} else if n > 1 {
		out = append(out, fmt.Sprintf("%d sections match no part of a post-mortem: kept verbatim under Other: %s", n, headingList(im.kept)))
	}
	if n := len(im.aside); n == 1 {
		out = append(out, "section "+headingList(im.aside)+" has no field of its own in a draft: kept verbatim under Other")
	} else if n > 1 {
		out = append(out, fmt.Sprintf("%d sections have no field of their own in a draft: kept verbatim under Other: %s", n, headingList(im.aside)))
	}
	return out
}

// headingList names a few headings and counts the rest, so 10,000
// headings give one line.
func headingList(hs []string) string {
	const show = 5
	var names []string
	for _, h := range hs[:min(len(hs), show)] {
		names = append(names, fmt.Sprintf("%q", oneLine(h)))
	}
	list := strings.Join(names, ", ")
	if len(hs) > show {
		list += fmt.Sprintf(" and %d more", len(hs)-show)
	}
	return list
}

// maxNesting bounds how deep quotes and lists may nest on one line. The
// Markdown parser's cost grows with the square of the depth; real
// post-mortems nest a handful of levels.
const maxNesting = 100

// checkNesting refuses a line nested deeper than maxNesting, in one pass
// over the text, before the parser sees it.
func checkNesting(src string) error {
	line := 1
	for i := 0; i < len(src); {
		depth := 0
		j := i
		for j < len(src) {
			k := j
			for k < len(src) && k-j < 4 && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			if k < len(src) && src[k] == '>' {
				depth++
				j = k + 1
				continue
			}
			if k+1 < len(src) && (src[k] == '-' || src[k] == '*' || src[k] == '+') && (src[k+1] == ' ' || src[k+1] == '\t') {
				depth++
				j = k + 2
				continue
			}
			d := k
			for d < len(src) && d-k < 9 && src[d] >= '0' && src[d] <= '9' {
				d++
			}
			if d > k && d+1 < len(src) && (src[d] == '.' || src[d] == ')') && (src[d+1] == ' ' || src[d+1] == '\t') {
				depth++
				j = d + 2
				continue
			}
			break
		}
		if depth > maxNesting {
			return fmt.Errorf("import: line %d nests quotes or lists %d deep; pmwiz reads at most %d levels: flatten that line and import again", line, depth, maxNesting)
		}
		nl := strings.IndexByte(src[j:], '\n')
		if nl < 0 {
			break
		}
		i = j + nl + 1
		line++
	}
	return nil
}

// document reads the body: the title, the opening text (the summary),
// then each section by what its heading means.
func (im *importer) document(src []byte) {
	im.src = src
	doc := parse(src)
	im.bs = topBlocks(doc, src)
	im.ms = marks(im.bs, src, im.ours)
	ms := im.ms
	from := 0
	if len(ms) > 0 && !ms[0].leadIn && ms[0].level == 1 && ms[0].blockAt == 0 && (sectionKey(ms[0].text) == "" || onlyH1(ms)) {
		if im.d.Title == "" {
			im.d.Title = unescapeLiteral(ms[0].text)
		} else if t := unescapeLiteral(ms[0].text); t != im.d.Title {
			// The front matter named a title already; this one is kept.
			im.other("Title", ms[0].text)
		}
		from = ms[0].end
		ms = ms[1:]
	}
	if im.day == nil && !im.ours {
		// "May 30th, 2019 Prow Flakiness": the title gives the day.
		if c, ok := model.FindDate(im.d.Title); ok {
			im.dayFrom(c)
		}
	}
	level := sectionLevelOf(ms, im.ours)
	lede, secs := im.cut(ms, from, len(src), level)
	im.lede(lede, len(secs) == 0)
	if im.day == nil && !im.ours {
		// "Issue Summary: From 4:12 AM to 5:03 AM PST on Thursday,
		// November 7, 2024": a summary section gives the day as a lede
		// does, and the timeline after it needs that day.
		for _, s := range secs {
			if sectionKey(s.heading) == keySummary {
				if c, ok := model.FindDate(s.text); ok {
					im.dayFrom(c)
				}
				break
			}
		}
	}
	if im.day == nil && !im.ours {
		// "## Incident: On 2024-12-03 webhooks were delayed…" above a
		// timeline of bare clocks: the first date the text gives before
		// the timeline is the day those clocks are on.
		for _, s := range secs {
			if sectionKey(s.heading) == keyTimeline {
				break
			}
			if c, ok := model.FindDate(s.text); ok && c.Year != 0 {
				im.dayFrom(c)
				break
			}
		}
	}
	for _, s := range secs {
		im.section(s)
	}
}

// onlyH1 reports a document whose first heading is its only level-1
// heading, above deeper sections: that heading is the title, even when it
// reads like a section name.
func onlyH1(ms []mark) bool {
	if len(ms) < 2 {
		return false
	}
	for _, m := range ms[1:] {
		if m.level == 1 && !m.leadIn {
			return false
		}
	}
	return true
}

var (
	pmwizMetaRe = regexp.MustCompile(`\*\*(Date|Duration|Severity|Status|Authors):\*\* `)
	metaLineRe  = regexp.MustCompile(`^(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ]{1,20}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$`)
	// "All times PDT.", "All times are in CET", "Times in UTC"
	zoneStatementRe = regexp.MustCompile(`(?i)^[*_(]*(all\s+)?times?\s+(are\s+)?(in\s+)?[^.]{0,40}[.)*_]*$`)
)

// lede reads the text between the title and the first section: metadata
// lines, a statement of the time zone, and the rest, which is the
// summary a reader meets first.
func (im *importer) lede(s section, whole bool) {
	if s.text == "" {
		return
	}
	var rest []string
	for _, line := range strings.Split(s.text, "\n") {
		if im.metaLine(line) {
			continue
		}
		if t := strings.TrimSpace(line); zoneStatementRe.MatchString(t) {
			if z, ok := model.FindZone(t); ok && im.zone == nil {
				im.zone = &z
				continue
			}
		}
		rest = append(rest, line)
	}
	text := trimBlock(strings.Join(rest, "\n"))
	if text == "" {
		return
	}
	if whole {
		im.warn("no sections found: the whole text became the summary")
	}
	if im.day == nil && !im.ours {
		if c, ok := model.FindDate(text); ok {
			im.dayFrom(c)
		}
	}
	im.appendText(&im.d.Summary, text)
}

// metaLine reads "**Severity:** SEV-2 · **Status:** Published" (pmwiz) or
// one "Label: value" line; it reports whether the line was metadata.
func (im *importer) metaLine(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" {
		return true
	}
	if locs := pmwizMetaRe.FindAllStringSubmatchIndex(line, -1); len(locs) > 0 && locs[0][0] == 0 {
		for i, l := range locs {
			end := len(line)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			value := strings.TrimSuffix(strings.TrimSpace(line[l[1]:end]), " ·")
			value = strings.TrimSuffix(value, "·")
			im.meta(line[l[2]:l[3]], strings.TrimSpace(value))
		}
		return true
	}
	// "| Start | 2025-02-10 06:30 UTC |": a wiki page's field table. A row
	// whose label pmwiz knows is read; the rest of the table stays text.
	if strings.HasPrefix(line, "|") && strings.HasSuffix(line, "|") {
		if cells := splitRow(line); len(cells) == 2 {
			return im.meta(cells[0], cells[1])
		}
		return false
	}
	m := metaLineRe.FindStringSubmatch(line)
	if m == nil {
		return false
	}
	return im.meta(m[1], strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[2]), "**")))
}

func (im *importer) meta(label, value string) bool {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "date", "incident date":
		if t, ok := parseDay(unescapeLiteral(value), time.UTC); ok {
			im.setDay(t)
			return true
		}
		if c, ok := model.ReadClock(unescapeLiteral(value)); ok && c.HasDate && c.Year != 0 {
			im.dayFrom(c)
			return true
		}
		return false
	case "start", "started", "start time", "began", "impact start", "end", "ended", "end time", "resolved", "impact end":
		// A field that gives the moment to the minute, date and all
		// ("Start: 2025-02-10 06:30 UTC"), as front matter's start does.
		c, ok := model.ReadClock(unescapeLiteral(value))
		if !ok || !c.HasDate || c.Year == 0 || !c.HasClock {
			return false
		}
		t, ok := c.On(nil, time.UTC)
		if !ok {
			return false
		}
		if l := strings.ToLower(label); strings.HasPrefix(l, "start") || l == "began" || l == "impact start" {
			im.fmStart = &t
		} else {
			im.fmEnd = &t
		}
		im.setDay(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
	case "duration":
		// Computed from the timeline.
	case "severity", "sev", "priority", "incident severity":
		im.d.Severity = unescapeLiteral(value)
	case "status":
		st := statusFromLabel(unescapeLiteral(value))
		if !knownStatus(st) && !im.ours {
			im.warn("status %q is not draft, review or published: kept under Other as \"Status\"", value)
			im.other("Status", value)
			return true
		}
		im.d.Status = st
	case "authors", "author", "owner", "owners", "written by", "created by", "prepared by":
		im.d.Authors = splitAuthors(value)
	default:
		return false
	}
	return true
}

func knownStatus(s model.Status) bool {
	_, ok := statusLabels[s]
	return ok
}

func statusFromLabel(s string) model.Status {
	for st, l := range statusLabels {
		if strings.EqualFold(s, l) || strings.EqualFold(s, string(st)) {
			return st
		}
	}
	return model.Status(s)
}

// splitAuthors splits on commas that are not escaped. A linked name
// ("[Ana](https://…)") is kept as written: the link is the author's too.
func splitAuthors(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || (s[i] == ',' && !escapedAt(s, i)) {
			if a := strings.TrimSpace(unescapeLiteral(s[start:i])); a != "" {
				out = append(out, a)
			}
			start = i + 1
		}
	}
	return out
}

func (im *importer) setDay(t time.Time) {
	if im.day == nil {
		im.day = &t
	}
}

// dayFrom takes the incident's day from a date in the text; a date with
// no year takes one only from a day already known.
func (im *importer) dayFrom(c model.ClockText) {
	if !c.HasDate || im.day != nil || c.Year == 0 {
		return
	}
	t := time.Date(c.Year, c.Month, c.Day, 0, 0, 0, 0, time.UTC)
	im.day = &t
}

func (im *importer) other(h, body string) {
	im.d.Other = append(im.d.Other, model.Section{Heading: h, Body: body})
}

// keep puts a section under Other, verbatim, and notes it for the
// warning: recognised says whether its heading meant something pmwiz has
// no field for ("Resolution") or nothing pmwiz knows.
func (im *importer) keep(heading, body string, recognised bool) {
	h := unescapeLiteral(heading)
	if strings.HasSuffix(h, " (imported)") {
		im.other(strings.TrimSuffix(h, " (imported)"), body)
		return
	}
	im.other(h, body)
	switch {
	case im.ours:
	case recognised:
		im.aside = append(im.aside, h)
	default:
		im.kept = append(im.kept, h)
	}
}

func (im *importer) appendText(dst *string, s string) {
	if s == "" {
		return
	}
	if *dst == "" {
		*dst = s
	} else {
		*dst += "\n\n" + s
	}
}

// section routes one section by what its heading means.
func (im *importer) section(s section) {
	key := sectionKey(s.heading)
	if strings.HasSuffix(unescapeLiteral(s.heading), " (imported)") {
		key = "" // kept by pmwiz from an earlier import: stays under Other
	}
	switch key {
	case "":
		im.timelineTables(s)
		im.keep(s.heading, s.text, false)
	case metaDate, metaAuthors, metaStatus, metaSeverity:
		im.metaSection(key, s)
	case groupImpact, groupRootCause, groupLessons, groupSupport:
		im.group(key, s)
	default:
		if _, ok := proseParts[key]; ok {
			im.prose(key, s)
			return
		}
		im.part(key, s)
	}
}

// leadPart is the part a group's own text goes to.
var leadPart = map[string]string{groupImpact: keyWhat, groupRootCause: keyWrong, groupLessons: keyLessons}

// prose stores a section of free text. Its sub-headings that name
// another part ("**The underlying issue**:" inside a summary) take their
// text there; pmwiz's own exports keep sub-headings as typed text.
func (im *importer) prose(key string, s section) {
	if im.ours || s.subLevel > 6 {
		im.part(key, s)
		return
	}
	first, subs := im.cut(im.ms, s.from, s.to, s.subLevel)
	leftover := []section{first}
	for _, sub := range subs {
		k := sectionKey(sub.heading)
		if lead, ok := leadPart[k]; ok {
			k = lead
		}
		if k != "" && k != key && knownKeys[k] && !strings.HasPrefix(k, "group.") && !strings.HasPrefix(k, "meta.") {
			im.part(k, sub)
			continue
		}
		sub.text = trimBlock(sub.raw + "\n\n" + sub.text)
		leftover = append(leftover, sub)
	}
	im.part(key, joinSections(leftover))
}

// metaSection reads "## Date" or "## Authors" whose body is the value.
func (im *importer) metaSection(key string, s section) {
	label := strings.TrimPrefix(key, "meta.")
	if key == metaAuthors && len(s.blocks) == 1 {
		if _, ok := s.blocks[0].node.(*ast.List); ok {
			im.d.Authors = nil
			for _, e := range im.entries(s, nil) {
				im.d.Authors = append(im.d.Authors, splitAuthors(e.text)...)
			}
			return
		}
	}
	if s.text != "" && !strings.Contains(s.text, "\n") && im.meta(label, s.text) {
		return
	}
	im.keep(s.heading, s.text, true)
}

// group splits a section that holds several parts by its sub-headings.
// Text under no recognised sub-heading stays with the group's main part,
// sub-heading and all, so nothing is lost.
func (im *importer) group(group string, s section) {
	lead := leadPart[group]
	var leftover []section
	if s.subLevel > 6 {
		leftover = append(leftover, s)
	} else {
		first, subs := im.cut(im.ms, s.from, s.to, s.subLevel)
		leftover = append(leftover, first)
		for _, sub := range subs {
			if k := subKey(group, sub.heading); k != "" {
				im.part(k, sub)
				continue
			}
			sub.text = trimBlock(sub.raw + "\n\n" + sub.text)
			sub.blocks = im.withHeading(sub)
			leftover = append(leftover, sub)
		}
	}
	rest := joinSections(leftover)
	rest.heading = s.heading
	if rest.text == "" && len(rest.blocks) == 0 {
		return
	}
	if lead == "" {
		im.keep(s.heading, rest.text, true)
		return
	}
	im.part(lead, rest)
}

// withHeading is a sub-section's blocks with its heading's block first,
// so list-shaped parts keep the sub-heading as an entry.
func (im *importer) withHeading(sub section) []piece {
	for _, b := range blocksIn(im.bs, sub.headStart, sub.headStart+1) {
		if b.start != sub.headStart {
			continue
		}
		if len(sub.blocks) > 0 && sub.blocks[0].node == b.node {
			// A lead-in line: its paragraph goes on after it.
			out := append([]piece(nil), sub.blocks...)
			out[0].from = b.start
			return out
		}
		return append([]piece{{node: b.node, from: b.start}}, sub.blocks...)
	}
	return sub.blocks
}

func joinSections(ss []section) section {
	var out section
	var texts []string
	for _, s := range ss {
		if s.text != "" {
			texts = append(texts, s.text)
		}
		out.blocks = append(out.blocks, s.blocks...)
	}
	out.text = strings.Join(texts, "\n\n")
	if len(ss) > 0 {
		out.heading = ss[0].heading
	}
	return out
}

// part stores one part's section in the draft.
func (im *importer) part(key string, s section) {
	if s.text == "" {
		return
	}
	d := im.d
	if text, ok := proseParts[key]; ok {
		im.appendText(text(d), s.text)
		return
	}
	switch key {
	case keyFactors:
		for _, e := range im.entries(s, nil) {
			d.RootCause.ContributingFactors = append(d.RootCause.ContributingFactors, e.text)
		}
	case keyLessons:
		var rows []string
		onTable := func(t mdTable) {
			if isActionTable(t) {
				im.actionRows(t)
				return
			}
			rows = append(rows, tableRowTexts(t)...)
		}
		for _, e := range im.entries(s, onTable) {
			d.Lessons = append(d.Lessons, e.text)
		}
		d.Lessons = append(d.Lessons, rows...)
	case lessonWell, lessonWrong:
		for _, e := range im.entries(s, nil) {
			d.Lessons = append(d.Lessons, lessonPrefix[key]+e.text)
		}
	case keyTech:
		im.technologies(s)
	case keyWhys:
		im.whys(s)
	case keyActions:
		im.actions(s)
	case keyUpdates:
		im.updates(s)
	case keyTimeline:
		im.timeline(s)
	case metaDate, metaAuthors, metaStatus, metaSeverity:
		im.metaSection(key, s)
	case groupImpact, groupRootCause, groupLessons, groupSupport:
		im.group(key, s)
	default:
		im.keep(s.heading, s.text, false)
	}
}

func (im *importer) finish() {
	t := &im.d.Timeline
	if im.fmStart != nil {
		t.Start = im.fmStart
	}
	if im.fmEnd != nil {
		t.End = im.fmEnd
	}
	im.spanFromProse()
	im.endFromProse()
	if t.Start == nil && im.day != nil {
		t.Day = im.day.Format(time.DateOnly)
	}
	if len(im.d.FiveWhys) > model.MaxWhys {
		im.warn("%d whys found; a draft holds %d: the rest are kept but the wizard shows the first %d", len(im.d.FiveWhys), model.MaxWhys, model.MaxWhys)
	}
}

// parseDay reads a calendar day written the ways post-mortems write it.
func parseDay(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{dayLayout, time.DateOnly, "Monday 2 January 2006", "January 2, 2006", "Jan 2, 2006", "2006/01/02", "2 Jan 2006", "Monday, January 2, 2006", time.RFC3339} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func sortedStrings(s []string) []string {
	out := append([]string(nil), s...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// checkText refuses what is not text: an image, an archive or a file in a
// legacy encoding would otherwise become a "summary" of garbage, scored
// and saved as if someone had written it.
func checkText(md []byte) error {
	line := func(at int) int { return bytes.Count(md[:at], []byte("\n")) + 1 }
	if i := bytes.IndexByte(md, 0); i >= 0 {
		return fmt.Errorf("import: line %d: the file holds binary data (a NUL byte), not Markdown: pass a Markdown post-mortem", line(i))
	}
	if !utf8.Valid(md) {
		i := 0
		for i < len(md) {
			r, n := utf8.DecodeRune(md[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return fmt.Errorf("import: line %d: the file is not UTF-8 text: save it as UTF-8 (e.g. iconv -f latin1 -t utf-8 FILE > FILE.utf8.md) and import that", line(i))
	}
	return nil
}
