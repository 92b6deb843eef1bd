// Package records reads what happened during an incident — chat exports,
// chat and IRC logs, syslog, application logs (timestamped lines, JSON
// lines, logfmt) and CSV exports — into candidate timeline events.
//
// Readers stream: a file is read once, line by line or message by message,
// the caller's filter is applied as each event is read, and no line may be
// longer than MaxLine, so a 1 GB log costs the same memory as a 1 KB one.
// Text is neutralised with model.SafeLine as it is read: nothing from a
// record can reach a terminal or a draft as an escape sequence.
//
// The package imports only model; it opens files but never writes any.
package records

import (
	"time"
)

// Event is one candidate timeline event read from a record.
type Event struct {
	At     time.Time
	Source string // where it was read: a file's base name, "#channel", "stdin"
	Who    string // who said or logged it, when the record says
	Text   string // one line, neutralised
	Line   int    // line (or message) number in its file, from 1
}

// EventText is the text an event gets in the draft: "who: text".
func (e Event) EventText() string {
	if e.Who == "" {
		return e.Text
	}
	return e.Who + ": " + e.Text
}

// Format names a kind of record.
type Format string

const (
	FormatAuto   Format = ""
	FormatSlack  Format = "slack"
	FormatLines  Format = "lines"
	FormatJSONL  Format = "jsonl"
	FormatLogfmt Format = "logfmt"
	FormatCSV    Format = "csv"
)

// Formats lists the formats --format accepts, in the order docs show them.
var Formats = []Format{FormatSlack, FormatLines, FormatJSONL, FormatLogfmt, FormatCSV}

// MaxLine is the longest line (or CSV record, or JSON line) a reader takes.
// Real log lines are under a few kilobytes; a longer one is a binary file,
// a minified blob or a file that is not a log at all.
const MaxLine = 1 << 20

// MaxText is the most characters an event's text keeps; the rest is cut
// with "…" so one stack trace cannot swamp a timeline.
const MaxText = 500

// Options say how to read a record.
type Options struct {
	Format Format
	// Zone is where times that state no zone were written: the draft's
	// zone, or --tz.
	Zone *time.Location
	// Day is the incident's reference instant (its start): a clock-only
	// time takes its day, and a syslog date without a year its year.
	// Nil when the draft has none; such records are then refused.
	Day *time.Time
}

func (o Options) zone() *time.Location {
	if o.Zone == nil {
		return time.Local
	}
	return o.Zone
}

// Stats say what a reader read, for messages and errors.
type Stats struct {
	Bytes   int64 // bytes read
	Lines   int   // lines, messages or records read
	Timed   int   // of those, how many had a time pmwiz could read
	Kept    int   // of those, how many the filter kept
	Skipped int   // lines without a time (continuations, headers, noise)
}
