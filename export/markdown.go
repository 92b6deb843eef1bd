// Package export turns a draft into Markdown people can publish (and reads
// Markdown post-mortems back into drafts), and renders Markdown for the
// terminal with glamour. The exported file never contains terminal escapes:
// glamour output is for screens only.
package export

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// Options shape an export.
type Options struct {
	// FrontMatter starts the file with YAML for static site generators
	// (title, date, severity, status, audience, score, authors, start, end). The
	// title then lives there and the body has no level-1 heading.
	FrontMatter bool
	// FrontMatterFields are extra front matter keys (Hugo's draft, tags,
	// description…) from the team's config, written after pmwiz's own;
	// a key pmwiz writes itself is left out.
	FrontMatterFields map[string]any
	// Layout is one of Layouts; empty means "pmwiz".
	Layout string
	// Template, when set, is a Go text/template that replaces the layout
	// (see TemplateData and docs/export.md).
	Template string
	// TemplateName is the template's file name, for errors.
	TemplateName string
	// TemplateTimeout bounds how long a template runs (default
	// DefaultTemplateTimeout).
	TemplateTimeout time.Duration
	// Score is the rubric score for the front matter and templates; nil
	// leaves it out.
	Score *float64
	// NoStamp leaves out the closing comment that marks the file as
	// pmwiz's own (the preview does not need it).
	NoStamp bool
}

// Section is one rendered section of an export, as the template sees it.
type Section struct {
	Key     string // the first part's key, e.g. "summary", "impact.who"
	Heading string // plain text
	Body    string // Markdown, already made safe
}

// Markdown exports d. The result is deterministic: the same draft and
// options always give the same bytes.
func Markdown(d *model.Draft, opts Options) ([]byte, error) {
	if d == nil {
		return nil, fmt.Errorf("export: no draft")
	}
	d = displayed(d)
	var body string
	if opts.Template != "" {
		s, err := runTemplate(d, opts)
		if err != nil {
			return nil, err
		}
		body = s
	} else {
		specs, err := layoutSpecs(opts.Layout)
		if err != nil {
			return nil, err
		}
		body = renderLayout(d, specs, opts)
	}
	if !opts.NoStamp {
		body = Stamp(body)
	}
	return []byte(body), nil
}

// displayed is the draft as the export shows it: times to the second. The
// durations are computed from the same times, so an import of the export
// reproduces them exactly.
func displayed(d *model.Draft) *model.Draft {
	c := d.Clone()
	t := &c.Timeline
	for _, p := range []**time.Time{&t.Start, &t.Detected, &t.Mitigated, &t.End} {
		if *p != nil {
			v := (*p).Truncate(time.Second)
			*p = &v
		}
	}
	for i := range t.Events {
		if at := t.Events[i].At; at != nil {
			v := at.Truncate(time.Second)
			t.Events[i].At = &v
		}
	}
	return c
}

func layoutSpecs(name string) ([]sectionSpec, error) {
	if name == "" {
		name = "pmwiz"
	}
	specs, ok := layouts[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("export: unknown layout %q: use one of %s, or --template FILE", name, strings.Join(Layouts, ", "))
	}
	return specs, nil
}

// renderLayout writes the document: front matter or title, metadata line,
// then each non-empty section, then sections kept from an import.
func renderLayout(d *model.Draft, specs []sectionSpec, opts Options) string {
	var blocks []string
	if opts.FrontMatter {
		blocks = append(blocks, frontMatter(d, opts.Score, opts.FrontMatterFields))
	} else {
		blocks = append(blocks, "# "+titleText(d))
	}
	if m := metadataLine(d); m != "" {
		blocks = append(blocks, m)
	}
	for _, s := range renderSections(d, specs) {
		blocks = append(blocks, "## "+escapeLiteral(s.Heading), s.Body)
	}
	return strings.Join(blocks, "\n\n") + "\n"
}

// renderSections returns the layout's non-empty sections, then the
// sections an import kept verbatim.
func renderSections(d *model.Draft, specs []sectionSpec) []Section {
	var out []Section
	for _, spec := range specs {
		var parts []string
		for _, p := range spec.parts {
			level := sectionLevel + 1
			if spec.multi() {
				level++
			}
			body := renderPart(d, p.key, level)
			if body == "" {
				continue
			}
			if spec.multi() {
				body = "### " + p.sub + "\n\n" + body
			}
			parts = append(parts, body)
		}
		if len(parts) > 0 {
			out = append(out, Section{Key: spec.parts[0].key, Heading: spec.heading, Body: strings.Join(parts, "\n\n")})
		}
	}
	for _, o := range d.Other {
		body := sanitizeBlock(o.Body, sectionLevel+1)
		h := otherHeading(o.Heading)
		if body == "" {
			continue
		}
		out = append(out, Section{Key: keyOther, Heading: h, Body: body})
	}
	return out
}

// titleText is the escaped title, or a plain stand-in: a document with
// an empty first heading reads as broken.
func titleText(d *model.Draft) string {
	if t := escapeLiteral(d.Title); t != "" {
		return t
	}
	return untitled
}

const untitled = "Incident post-mortem"

// otherHeading keeps an imported section's heading, unless it would be
// read back as one of pmwiz's own sections.
func otherHeading(h string) string {
	h = oneLine(h)
	if h == "" {
		return "Notes"
	}
	if sectionKey(h) != "" {
		return h + " (imported)"
	}
	return h
}

func renderPart(d *model.Draft, key string, level int) string {
	if text, ok := proseParts[key]; ok {
		return sanitizeBlock(*text(d), level)
	}
	switch key {
	case keyFactors:
		return bulletList(d.RootCause.ContributingFactors, escapeInline)
	case keyTimeline:
		return timelineSection(d)
	case keyWhys:
		return whysList(d.FiveWhys)
	case keyLessons:
		return bulletList(d.Lessons, escapeInline)
	case keyActions:
		return actionTable(d.ActionItems)
	case keyTech:
		return bulletList(d.Technologies, escapeLiteral)
	case keyUpdates:
		return channelList(d.Communication.Channels)
	}
	return ""
}

func bulletList(items []string, esc func(string) string) string {
	var lines []string
	for _, it := range items {
		if s := esc(it); s != "" {
			lines = append(lines, "- "+s)
		}
	}
	return strings.Join(lines, "\n")
}

// Labels of the Five Whys; the import reads them back.
const (
	whyLabel     = "**Why?**"
	becauseLabel = "**Because:**"
)

func whysList(whys []model.Why) string {
	var items []string
	n := 0
	for _, w := range whys {
		why, because := escapeInline(w.Why), escapeInline(w.Because)
		if why == "" && because == "" {
			continue
		}
		n++
		num := strconv.Itoa(n) + ". "
		indent := strings.Repeat(" ", len(num))
		switch {
		case why == "":
			items = append(items, num+becauseLabel+" "+because)
			continue
		case !startsWithWhy(why):
			// "Why did checkout fail?" needs no label; "Checkout failed" does.
			why = whyLabel + " " + why
		}
		if because == "" {
			items = append(items, num+why)
		} else {
			// A backslash at the end of a line is a hard line break.
			items = append(items, num+why+"\\\n"+indent+becauseLabel+" "+because)
		}
	}
	return strings.Join(items, "\n")
}

func startsWithWhy(s string) bool {
	return len(s) > 4 && strings.EqualFold(s[:4], "why ")
}

// actionTable shows the columns any item uses; "Action" and "Status" are
// always there, because an action item nobody can tell is done is noise.
func actionTable(items []model.ActionItem) string {
	type col struct {
		name string
		cell func(model.ActionItem) string
	}
	cols := []col{
		{"Action", func(a model.ActionItem) string { return escapeInline(a.What) }},
		{"Owner", func(a model.ActionItem) string { return escapeLiteral(a.Owner) }},
		{"Due", func(a model.ActionItem) string { return escapeLiteral(a.Due) }},
		{"Type", func(a model.ActionItem) string { return escapeLiteral(actionTypeLabel(a.Type)) }},
		{"Status", func(a model.ActionItem) string { return doneLabel(a.Done) }},
		{"Link", func(a model.ActionItem) string { return linkMarkdown("", a.Link) }},
	}
	var kept []model.ActionItem
	for _, a := range items {
		if oneLine(a.What) != "" || oneLine(a.Owner) != "" || oneLine(a.Due) != "" || oneLine(a.Link) != "" || a.Done || oneLine(string(a.Type)) != "" {
			kept = append(kept, a)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	var used []col
	for i, c := range cols {
		if i == 0 || c.name == "Status" || slices.ContainsFunc(kept, func(a model.ActionItem) bool { return c.cell(a) != "" }) {
			used = append(used, c)
		}
	}
	var rows [][]string
	header := make([]string, len(used))
	for i, c := range used {
		header[i] = c.name
	}
	rows = append(rows, header)
	for _, a := range kept {
		row := make([]string, len(used))
		for i, c := range used {
			row[i] = c.cell(a)
		}
		rows = append(rows, row)
	}
	return table(rows)
}

func actionTypeLabel(t model.ActionType) string {
	s := oneLine(string(t))
	if slices.Contains(model.ActionTypes, model.ActionType(s)) {
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

func doneLabel(done bool) string {
	if done {
		return "Done"
	}
	return "Open"
}

// table writes a GFM table; the first row is the header. Cells are
// already escaped.
func table(rows [][]string) string {
	var b strings.Builder
	for i, r := range rows {
		b.WriteString("|")
		for _, c := range r {
			if c == "" {
				b.WriteString(" |")
				continue
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|")
			for range r {
				b.WriteString(" --- |")
			}
			b.WriteString("\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func channelList(chs []model.Channel) string {
	var lines []string
	for _, ch := range chs {
		if s := linkMarkdown(ch.Name, ch.URL); s != "" {
			lines = append(lines, "- "+s)
		}
	}
	return strings.Join(lines, "\n")
}

// linkMarkdown writes a named link, a bare autolink, or just the name.
// A URL that an autolink cannot hold goes in an angle-bracket destination,
// where only <, > and backslashes need escaping.
func linkMarkdown(name, url string) string {
	name, url = oneLine(name), oneLine(url)
	switch {
	case url == "":
		return escapeLiteral(name)
	case !safeScheme.MatchString(url):
		// javascript: and friends never become links; shown as text.
		return escapeLiteral(strings.TrimSpace(name + " " + url))
	case name == "" && plainURL.MatchString(url):
		return "<" + url + ">"
	case name == "":
		name = url
	}
	if plainURL.MatchString(url) {
		return "[" + escapeLiteral(name) + "](" + url + ")"
	}
	return "[" + escapeLiteral(name) + "](<" + escapeAngle(url) + ">)"
}

func escapeAngle(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		switch u[i] {
		case '<', '>', '\\', '|':
			b.WriteByte('\\')
		}
		b.WriteByte(u[i])
	}
	return b.String()
}

var safeScheme = regexp.MustCompile(`(?i)^(https?://|mailto:)`)

// plainURL is a URL that can be written as-is: an autolink or a plain
// link destination, with nothing Markdown or a table would act on.
var plainURL = regexp.MustCompile("^(https?://|mailto:)[^\\s<>|\\\\()\\[\\]`*_]+$")
