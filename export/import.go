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
	"go.yaml.in/yaml/v3"
)

// Import reads a Markdown post-mortem into a draft. A pmwiz export comes
// back exactly (exporting the result gives the same bytes). Other
// post-mortems are mapped by their headings (see headings.go); a section
// that maps to nothing is kept verbatim in Draft.Other, so nothing is
// lost. The warnings say what was guessed or kept aside, for a person.
func Import(md []byte) (*model.Draft, []string, error) {
	if err := checkText(md); err != nil {
		return nil, nil, err
	}
	src := strings.TrimPrefix(string(md), "\ufeff")
	src = strings.ReplaceAll(src, "\r\n", "\n")
	if strings.TrimSpace(src) == "" {
		return nil, nil, errors.New("import: the file is empty: nothing to import")
	}
	im := &importer{d: &model.Draft{Schema: model.SchemaVersion}, ours: Owner([]byte(src)) != NotOurs}
	src = unstamp(src)
	src = im.frontMatter(src)
	im.body(src)
	im.finish()
	return im.d, im.warnings, nil
}

type importer struct {
	d        *model.Draft
	warnings []string
	day      *time.Time // the incident's day, for timelines that give only HH:MM
	fmStart  *time.Time
	fmEnd    *time.Time
	ours     bool // a pmwiz export: values are kept exactly as written
}

func (im *importer) warn(format string, a ...any) {
	im.warnings = append(im.warnings, fmt.Sprintf(format, a...))
}

var frontMatterRe = regexp.MustCompile(`(?s)^---\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)`)

// frontMatter reads YAML front matter, if any, and returns the rest.
func (im *importer) frontMatter(src string) string {
	m := frontMatterRe.FindStringSubmatchIndex(src)
	if m == nil {
		return src
	}
	raw := src[m[2]:m[3]]
	rest := src[m[1]:]
	var fields map[string]yaml.Node
	if err := yaml.Unmarshal([]byte(raw), &fields); err != nil {
		im.warn("front matter is not valid YAML (%v): kept as a section named \"Front matter\"", err)
		im.other("Front matter", "```yaml\n"+raw+"\n```")
		return rest
	}
	var unknown []string
	for k, n := range fields {
		var s string
		_ = n.Decode(&s)
		switch strings.ToLower(k) {
		case "title":
			im.d.Title = s
		case "severity":
			im.d.Severity = s
		case "status":
			im.d.Status = model.Status(s)
		case "authors", "author":
			var list []string
			if n.Decode(&list) != nil {
				list = splitAuthors(s)
			}
			im.d.Authors = list
		case "start", "end":
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				im.warn("front matter %s: %q is not a time like 2026-11-23T14:05:00+01:00: left out", k, s)
				continue
			}
			if strings.ToLower(k) == "start" {
				im.fmStart = &t
			} else {
				im.fmEnd = &t
			}
		case "date":
			if t, ok := parseDay(s, time.UTC); ok {
				im.setDay(t)
			}
		case "score":
			// Computed again from the draft; nothing to keep.
		default:
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		im.warn("front matter keys pmwiz does not use (%s): kept as a section named \"Front matter\"", strings.Join(sortedStrings(unknown), ", "))
		im.other("Front matter", "```yaml\n"+raw+"\n```")
	}
	return rest
}

// heading is a top-level heading of the document.
type heading struct {
	level      int
	text       string // raw Markdown
	start, end int    // byte range of the heading's line(s)
}

func topHeadings(src []byte) []heading {
	doc := parse(src)
	var hs []heading
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok {
			continue
		}
		var parts []string
		lines := h.Lines()
		for i := 0; i < lines.Len(); i++ {
			parts = append(parts, strings.TrimSpace(segText(lines.At(i), src)))
		}
		p := h.Pos()
		if p < 0 {
			continue
		}
		start := bytes.LastIndexByte(src[:p], '\n') + 1
		if lines.Len() > 0 && lines.At(0).Start < start {
			start = bytes.LastIndexByte(src[:lines.At(0).Start], '\n') + 1
		}
		end := p
		if lines.Len() > 0 && lines.At(lines.Len()-1).Stop > end {
			end = lines.At(lines.Len() - 1).Stop
			if src[end-1] == '\n' {
				end--
			}
		}
		if i := bytes.IndexByte(src[end:], '\n'); i >= 0 {
			end += i
		} else {
			end = len(src)
		}
		if !isATX(src, h) && end < len(src) {
			// Setext: the underline is the next line.
			if i := bytes.IndexByte(src[end+1:], '\n'); i >= 0 {
				end += 1 + i
			} else {
				end = len(src)
			}
		}
		hs = append(hs, heading{level: h.Level, text: strings.Join(parts, " "), start: start, end: end})
	}
	return hs
}

func (im *importer) body(src string) {
	b := []byte(src)
	hs := topHeadings(b)
	pos := 0
	if len(hs) > 0 && hs[0].level == 1 && (sectionKey(hs[0].text) == "" || onlyH1(hs)) {
		if im.d.Title == "" {
			im.d.Title = unescapeLiteral(hs[0].text)
		}
		pos = hs[0].end
		hs = hs[1:]
	}
	if len(hs) == 0 {
		rest := trimBlock(src[pos:])
		im.preamble(rest, true)
		return
	}
	level := 6
	for _, h := range hs {
		level = min(level, h.level)
	}
	var sections []heading
	for _, h := range hs {
		if h.level == level {
			sections = append(sections, h)
		}
	}
	im.preamble(trimBlock(src[pos:sections[0].start]), false)
	for i, h := range sections {
		stop := len(src)
		if i+1 < len(sections) {
			stop = sections[i+1].start
		}
		im.section(h.text, level, trimBlock(src[h.end:stop]))
	}
}

// onlyH1 reports a document whose first heading is its only level-1
// heading, above deeper sections: that heading is the title, even when it
// reads like a section name.
func onlyH1(hs []heading) bool {
	if len(hs) < 2 {
		return false
	}
	for _, h := range hs[1:] {
		if h.level == 1 {
			return false
		}
	}
	return true
}

var (
	pmwizMetaRe = regexp.MustCompile(`\*\*(Date|Duration|Severity|Status|Authors):\*\* `)
	metaLineRe  = regexp.MustCompile(`^(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ]{1,20}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$`)
)

// preamble reads the metadata between the title and the first section.
// Lines that are not metadata become the summary (when the document has
// no headings, or no summary section) or a section named "Introduction".
func (im *importer) preamble(s string, whole bool) {
	if s == "" {
		return
	}
	var rest []string
	for _, line := range strings.Split(s, "\n") {
		if im.metaLine(line) {
			continue
		}
		rest = append(rest, line)
	}
	text := trimBlock(strings.Join(rest, "\n"))
	if text == "" {
		return
	}
	if whole {
		im.warn("no sections found: the whole text became the summary")
		im.appendText(&im.d.Summary, text)
		return
	}
	im.other("Introduction", text)
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
		}
	case "duration":
		// Computed from the timeline.
	case "severity", "sev", "priority", "incident severity":
		im.d.Severity = unescapeLiteral(value)
	case "status":
		st := statusFromLabel(unescapeLiteral(value))
		if !knownStatus(st) && !im.ours {
			im.warn("status %q is not draft, review or published: kept as a section named \"Status\"", value)
			im.other("Status", value)
			return true
		}
		im.d.Status = st
	case "authors", "author", "owner", "owners", "written by":
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

// splitAuthors splits on commas that are not escaped.
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

func (im *importer) other(h, body string) {
	im.d.Other = append(im.d.Other, model.Section{Heading: h, Body: body})
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

// section routes one top-level section by its heading.
func (im *importer) section(rawHeading string, level int, body string) {
	key := sectionKey(rawHeading)
	switch key {
	case "":
		h := unescapeLiteral(rawHeading)
		if strings.HasSuffix(h, " (imported)") {
			h = strings.TrimSuffix(h, " (imported)")
		} else {
			im.warn("section %q matches no part of a post-mortem: kept verbatim under Other", h)
		}
		if body != "" {
			im.other(h, body)
		}
	case groupImpact, groupRootCause, groupLessons, groupSupport:
		im.group(key, rawHeading, splitSubs(body, level+1))
	default:
		im.part(key, body)
	}
}

// sub is a piece of a section under one sub-heading ("" for the text
// before the first).
type sub struct {
	heading string
	raw     string // the sub-heading's own line(s), to put back verbatim
	body    string
}

func splitSubs(body string, level int) []sub {
	b := []byte(body)
	var cuts []heading
	for _, h := range topHeadings(b) {
		if h.level == level {
			cuts = append(cuts, h)
		}
	}
	first := len(body)
	if len(cuts) > 0 {
		first = cuts[0].start
	}
	subs := []sub{{body: trimBlock(body[:first])}}
	for i, h := range cuts {
		stop := len(body)
		if i+1 < len(cuts) {
			stop = cuts[i+1].start
		}
		subs = append(subs, sub{heading: h.text, raw: body[h.start:h.end], body: trimBlock(body[h.end:stop])})
	}
	return subs
}

// group splits a section that holds several parts by its sub-headings.
// Text under no recognised sub-heading stays with the group's main part,
// sub-heading and all, so nothing is lost.
func (im *importer) group(group, rawHeading string, subs []sub) {
	lead := map[string]string{groupImpact: keyWhat, groupRootCause: keyWrong, groupLessons: keyLessons}[group]
	var leftover []string
	if subs[0].body != "" {
		leftover = append(leftover, subs[0].body)
	}
	for _, s := range subs[1:] {
		if k := subKey(group, s.heading); k != "" {
			im.part(k, s.body)
			continue
		}
		leftover = append(leftover, s.raw+"\n\n"+s.body)
	}
	text := trimBlock(strings.Join(leftover, "\n\n"))
	if text == "" {
		return
	}
	if lead == "" {
		im.other(unescapeLiteral(rawHeading), text)
		return
	}
	im.part(lead, text)
}

// part stores one part's body in the draft.
func (im *importer) part(key, body string) {
	if body == "" {
		return
	}
	d := im.d
	switch key {
	case keySummary:
		im.appendText(&d.Summary, body)
	case keyWho:
		im.appendText(&d.Impact.Who, body)
	case keyWhat:
		im.appendText(&d.Impact.What, body)
	case keyExtent:
		im.appendText(&d.Impact.Extent, body)
	case keyWrong:
		im.appendText(&d.RootCause.WhatWentWrong, body)
	case keyAnalysis:
		im.appendText(&d.RootCause.Analysis, body)
	case keyHuman:
		im.appendText(&d.HumanElements, body)
	case keyOthers:
		im.appendText(&d.OthersCanLearn, body)
	case keyFactors:
		d.RootCause.ContributingFactors = append(d.RootCause.ContributingFactors, listItems(body, true)...)
	case keyLessons:
		d.Lessons = append(d.Lessons, listItems(body, true)...)
	case lessonWell, lessonWrong, lessonLucky:
		for _, l := range listItems(body, true) {
			d.Lessons = append(d.Lessons, lessonPrefix[key]+l)
		}
	case keyTech:
		im.technologies(body)
	case keyWhys:
		im.whys(body)
	case keyActions:
		im.actions(body)
	case keyUpdates:
		im.updates(body)
	case keyTimeline:
		im.timeline(body)
	}
}

func (im *importer) technologies(body string) {
	items := listItems(body, false)
	if len(items) == 1 && !strings.HasPrefix(strings.TrimSpace(body), "-") && strings.Contains(items[0], ",") {
		items = splitAuthors(items[0])
		im.d.Technologies = append(im.d.Technologies, items...)
		return
	}
	for _, it := range items {
		im.d.Technologies = append(im.d.Technologies, unescapeLiteral(it))
	}
}

var (
	becausePrefixRe = regexp.MustCompile(`(?i)^(?:\*\*)?because:?(?:\*\*)?:?\s*`)
	whyBecauseRe    = regexp.MustCompile(`(?i)^(.*?\?)\s+(?:[-–—:]\s*)?(because\b.*)$`)
)

func (im *importer) whys(body string) {
	for _, lines := range listItemLines(body) {
		var w model.Why
		first := lines[0]
		if strings.HasSuffix(first, `\`) && escapedAt(first+"x", len(first)) {
			first = first[:len(first)-1] // the hard line break
		}
		switch {
		case strings.HasPrefix(first, whyLabel+" "):
			w.Why = strings.TrimPrefix(first, whyLabel+" ")
		case strings.HasPrefix(first, becauseLabel+" "):
			w.Because = strings.TrimPrefix(first, becauseLabel+" ")
		default:
			w.Why = first
		}
		if len(lines) > 1 {
			rest := strings.Join(lines[1:], " ")
			if strings.HasPrefix(rest, becauseLabel+" ") {
				w.Because = strings.TrimPrefix(rest, becauseLabel+" ")
			} else {
				w.Because = becausePrefixRe.ReplaceAllString(rest, "")
			}
		} else if m := whyBecauseRe.FindStringSubmatch(w.Why); m != nil && w.Because == "" {
			w.Why, w.Because = m[1], becausePrefixRe.ReplaceAllString(m[2], "")
		}
		if w.Why != "" || w.Because != "" {
			im.d.FiveWhys = append(im.d.FiveWhys, w)
		}
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
