package records

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readCSV reads a CSV export with a header row (an alert history, an
// incident tool's log): the time column is found by name (keys.txt), or
// as the first column whose first value is a time.
func readCSV(r io.Reader, s *sink, res *resolver) error {
	br := &boundedReader{r: r, s: s}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return csvError(s, br, err)
	}
	header = append([]string(nil), header...)
	cols := csvColumns(header)
	n := 1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(s, br, err)
		}
		n++
		s.stats.Lines++
		if cols.time < 0 {
			// No column is named like a time: take the first whose value
			// is one, once.
			for i, v := range rec {
				if _, ok := valueStamp(v); ok {
					cols.time = i
					break
				}
			}
		}
		if cols.time < 0 || cols.time >= len(rec) {
			s.stats.Skipped++
			continue
		}
		st, ok := valueStamp(rec[cols.time])
		if !ok {
			s.stats.Skipped++
			continue
		}
		at, err := res.resolve(st)
		if err != nil {
			return s.failWith(n, err)
		}
		if err := s.offer(Event{At: at, Line: n}, func(e *Event) {
			e.Who, e.Text = cleanName(cols.get(rec, cols.who)), cleanText(cols.message(header, rec))
		}); err != nil {
			return err
		}
	}
}

func csvError(s *sink, br *boundedReader, err error) error {
	if br.err != nil {
		return br.err
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return s.fail(pe.Line, "is not valid CSV: "+pe.Err.Error())
	}
	return s.fail(0, err.Error())
}

type csvCols struct{ time, text, who, level int }

func (c csvCols) get(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return rec[i]
}

// text is the text column; without one, the other columns as
// "name: value" pairs.
func (c csvCols) message(header, rec []string) string {
	if c.text >= 0 {
		return levelPrefix(c.get(rec, c.level)) + c.get(rec, c.text)
	}
	var parts []string
	for i, v := range rec {
		if i == c.time || i == c.who || strings.TrimSpace(v) == "" {
			continue
		}
		if i < len(header) && header[i] != "" {
			v = header[i] + ": " + v
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, " · ")
}

func csvColumns(header []string) csvCols {
	c := csvCols{-1, -1, -1, -1}
	best := map[string]int{}
	for i, h := range header {
		r, ok := roleOf[strings.ToLower(strings.TrimSpace(h))]
		if !ok {
			continue
		}
		if prev, seen := best[r.role]; seen && prev <= r.rank {
			continue
		}
		best[r.role] = r.rank
		switch r.role {
		case "time":
			c.time = i
		case "text":
			c.text = i
		case "who":
			c.who = i
		case "level":
			c.level = i
		}
	}
	return c
}

// looksCSV: a header line with commas, and a time column by name or a time
// in the second line.
func looksCSV(lines []string) bool {
	if len(lines) < 2 || !strings.Contains(lines[0], ",") {
		return false
	}
	cr := csv.NewReader(strings.NewReader(lines[0] + "\n" + lines[1] + "\n"))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return false
	}
	if csvColumns(header).time >= 0 {
		return true
	}
	rec, err := cr.Read()
	if err != nil {
		return false
	}
	for _, v := range rec {
		if _, ok := valueStamp(v); ok {
			return true
		}
	}
	return false
}

// boundedReader refuses a line longer than MaxLine, which encoding/csv
// would otherwise hold whole, and counts the bytes read.
type boundedReader struct {
	r       io.Reader
	s       *sink
	lineLen int
	err     error
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.r.Read(p)
	for _, c := range p[:n] {
		if c == '\n' {
			b.lineLen = 0
			continue
		}
		b.lineLen++
		if b.lineLen > MaxLine {
			b.s.stats.Bytes += int64(n)
			b.err = b.s.fail(0, fmt.Sprintf("has a line longer than %d MB: this is not a CSV export pmwiz can read (a binary or minified file?); pass the right file", MaxLine>>20))
			return 0, b.err
		}
	}
	b.s.stats.Bytes += int64(n)
	return n, err
}
