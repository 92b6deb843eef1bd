package export

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // time zones the same on every machine, so exports are too

	"github.com/pmwiz/pmwiz/model"
)

// zone is where the draft's times are shown: its IANA time zone, or the
// offset the incident's times were written with.
type zone struct {
	loc  *time.Location
	name string // "Europe/Paris", "UTC", "UTC+05:30"
}

func draftZone(d *model.Draft) zone {
	if tz := strings.TrimSpace(d.Timeline.TimeZone); tz != "" && tz != "Local" {
		if loc, err := loadLocation(tz); err == nil {
			return zone{loc, tz}
		}
	}
	ref := firstTime(d.Timeline)
	if ref == nil {
		return zone{time.UTC, "UTC"}
	}
	_, off := ref.Zone()
	return fixedZone(off)
}

var locations sync.Map // name → *time.Location: LoadLocation reads a file each time

func loadLocation(name string) (*time.Location, error) {
	if l, ok := locations.Load(name); ok {
		return l.(*time.Location), nil
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	locations.Store(name, l)
	return l, nil
}

func fixedZone(off int) zone {
	if off == 0 {
		return zone{time.UTC, "UTC"}
	}
	name := "UTC" + offsetText(off)
	return zone{time.FixedZone(name, off), name}
}

func offsetText(off int) string {
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d:%02d", sign, off/3600, off%3600/60)
}

func firstTime(t model.Timeline) *time.Time {
	for _, p := range []*time.Time{t.Start, t.Detected, t.Mitigated, t.End} {
		if p != nil {
			return p
		}
	}
	for _, e := range t.Events {
		if e.At != nil {
			return e.At
		}
	}
	return nil
}

// describe names the zone for a reader: "Europe/Paris (UTC+01:00)", with
// the offset in force at ref.
func (z zone) describe(ref *time.Time) string {
	if z.name == "UTC" || strings.HasPrefix(z.name, "UTC+") || strings.HasPrefix(z.name, "UTC-") {
		return z.name
	}
	at := time.Now()
	if ref != nil {
		at = *ref
	}
	_, off := at.In(z.loc).Zone()
	return escapeLiteral(z.name) + " (UTC" + offsetText(off) + ")"
}

const (
	dayLayout  = "2 January 2006"
	cellDay    = "2006-01-02 15:04"
	cellMinute = "15:04"
)

// Labels of the four moments the timeline marks; the import reads them.
var momentLabels = [4]string{"**Impact began**", "**Detected**", "**Mitigated**", "**Impact ended**"}

type row struct {
	at    *time.Time
	order int // key moments before events at the same minute
	text  string
}

func timelineRows(d *model.Draft) []row {
	t := d.Timeline
	var rows []row
	for i, p := range []*time.Time{t.Start, t.Detected, t.Mitigated, t.End} {
		if p != nil {
			rows = append(rows, row{at: p, order: i, text: momentLabels[i]})
		}
	}
	for _, e := range t.Events {
		text := escapeInline(e.Text)
		if e.At == nil && text == "" {
			continue
		}
		for _, l := range momentLabels {
			if text == l {
				// Typed to look like a marker: show it as typed instead.
				text = escapeLiteral(e.Text)
			}
		}
		rows = append(rows, row{at: e.At, order: 4, text: text})
	}
	// Untimed events keep their place after the timed ones.
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		switch {
		case a.at == nil || b.at == nil:
			return a.at != nil && b.at == nil
		case !a.at.Equal(*b.at):
			return a.at.Before(*b.at)
		default:
			return a.order < b.order
		}
	})
	return rows
}

// timelineSection: a sentence naming the zone (and the day, when the
// whole incident fits in one), the durations, then the table.
func timelineSection(d *model.Draft) string {
	rows := timelineRows(d)
	if len(rows) == 0 {
		return ""
	}
	z := draftZone(d)
	ref := firstTime(d.Timeline)
	day := ""
	sameDay := true
	for _, r := range rows {
		if r.at == nil {
			continue
		}
		dd := r.at.In(z.loc).Format(time.DateOnly)
		if day == "" {
			day = dd
		} else if dd != day {
			sameDay = false
		}
	}
	seconds := false
	for _, r := range rows {
		if r.at != nil && r.at.Second() != 0 {
			seconds = true
		}
	}
	var intro string
	cellLayout := cellDay
	switch {
	case day == "":
		intro = ""
	case sameDay:
		t, _ := time.ParseInLocation(time.DateOnly, day, z.loc)
		intro = "All times are on " + t.Format(dayLayout) + ", in " + z.describe(ref) + "."
		cellLayout = cellMinute
	default:
		intro = "All times are in " + z.describe(ref) + "."
	}
	if seconds {
		cellLayout += ":05"
	}
	table := [][]string{{"Time", "Event"}}
	for _, r := range rows {
		cell := ""
		if r.at != nil {
			cell = r.at.In(z.loc).Format(cellLayout)
		}
		table = append(table, []string{cell, r.text})
	}
	var blocks []string
	if intro != "" {
		blocks = append(blocks, intro)
	}
	if m := metricsSentence(d.Timeline); m != "" {
		blocks = append(blocks, m)
	}
	blocks = append(blocks, tableText(table))
	return strings.Join(blocks, "\n\n")
}

func tableText(rows [][]string) string { return table(rows) }

// metricsSentence gives the durations readers ask for first.
func metricsSentence(t model.Timeline) string {
	m := model.ComputeMetrics(t)
	var parts []string
	if m.TimeToDetect != nil {
		parts = append(parts, "detected "+model.HumanDuration(*m.TimeToDetect))
	}
	if m.TimeToMitigate != nil {
		parts = append(parts, "mitigated "+model.HumanDuration(*m.TimeToMitigate))
	}
	list := strings.Join(parts, " and ")
	switch {
	case m.Duration != nil && list != "":
		return "Impact lasted " + model.HumanDuration(*m.Duration) + ". It was " + list + " after it began."
	case m.Duration != nil:
		return "Impact lasted " + model.HumanDuration(*m.Duration) + "."
	case list != "":
		return "The incident was " + list + " after impact began."
	}
	return ""
}

// metadataLine: date, duration, severity, status, authors. Values are
// literal; labels are what the import looks for.
func metadataLine(d *model.Draft) string {
	var parts []string
	add := func(label, value string) {
		if value != "" {
			parts = append(parts, "**"+label+":** "+value)
		}
	}
	z := draftZone(d)
	if d.Timeline.Start != nil {
		add("Date", d.Timeline.Start.In(z.loc).Format(dayLayout))
	} else if day, err := time.Parse(time.DateOnly, d.Timeline.Day); err == nil {
		add("Date", day.Format(dayLayout)) // known only to the day
	}
	if m := model.ComputeMetrics(d.Timeline); m.Duration != nil {
		add("Duration", model.HumanDuration(*m.Duration))
	}
	add("Severity", escapeLiteral(d.Severity))
	add("Status", escapeLiteral(statusLabel(d.Status)))
	var authors []string
	for _, a := range d.Authors {
		if a := escapeLiteral(a); a != "" {
			authors = append(authors, strings.ReplaceAll(a, ",", `\,`))
		}
	}
	add("Authors", strings.Join(authors, ", "))
	return strings.Join(parts, " · ")
}

var statusLabels = map[model.Status]string{
	model.StatusDraft:     "Draft",
	model.StatusReview:    "In review",
	model.StatusPublished: "Published",
}

func statusLabel(s model.Status) string {
	if l, ok := statusLabels[s]; ok {
		return l
	}
	return string(s)
}
