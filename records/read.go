package records

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmwiz/pmwiz/model"
)

// ErrStop, returned by an emit function, ends reading without an error.
var ErrStop = errors.New("stop reading")

// sampleSize is how much of a record detection looks at.
const sampleSize = 64 << 10

// ReadError is a record pmwiz could not read: it names the file, says how
// far reading got and what to do.
type ReadError struct {
	Name  string
	Line  int   // 0 when not about one line
	Bytes int64 // bytes read before the problem
	Msg   string
	Err   error // the cause, when there is one to test for (ErrNoDay)
}

func (e *ReadError) Unwrap() error { return e.Err }

func (e *ReadError) Error() string {
	var b strings.Builder
	b.WriteString(model.SafeLine(e.Name))
	if e.Line > 0 {
		fmt.Fprintf(&b, ", line %d", e.Line)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Bytes > 0 {
		fmt.Fprintf(&b, " (read %s)", byteSize(e.Bytes))
	}
	return b.String()
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// ReadPath reads the record at path: a file, or a Slack export directory.
// It opens only regular files and directories: a FIFO or a device would
// block or never end.
func ReadPath(path string, o Options, f *Filter, emit func(Event) error) (Stats, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Stats{}, &ReadError{Name: path, Msg: openHint(err)}
	}
	switch {
	case fi.IsDir():
		if o.Format != FormatAuto && o.Format != FormatSlack {
			return Stats{}, &ReadError{Name: path, Msg: fmt.Sprintf("is a directory, and only a Slack export is read as one (not --format %s)", o.Format)}
		}
		return readSlackDir(path, o, f, emit)
	case !fi.Mode().IsRegular():
		return Stats{}, &ReadError{Name: path, Msg: "is not a regular file (a FIFO, device or socket): save the record to a file first, or pipe it in with -"}
	}
	file, err := os.Open(path)
	if err != nil {
		return Stats{}, &ReadError{Name: path, Msg: openHint(err)}
	}
	defer file.Close()
	return read(file, path, filepath.Dir(path), o, f, emit)
}

func openHint(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory: check the path"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: check the file's owner and mode"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Read reads one record from r; name is what errors and events call it
// ("stdin", a file name).
func Read(r io.Reader, name string, o Options, f *Filter, emit func(Event) error) (Stats, error) {
	return read(r, name, "", o, f, emit)
}

func read(r io.Reader, name, dir string, o Options, f *Filter, emit func(Event) error) (Stats, error) {
	br := bufio.NewReaderSize(r, sampleSize)
	sample, err := br.Peek(sampleSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return Stats{}, &ReadError{Name: name, Msg: err.Error()}
	}
	if i := bytes.IndexByte(sample, 0); i >= 0 {
		return Stats{}, &ReadError{Name: name, Msg: fmt.Sprintf("looks binary (a NUL byte at offset %d), not a log or a chat export: pass the text record instead", i)}
	}
	format := o.Format
	if format == FormatAuto {
		format = detect(sample)
		if format == FormatAuto {
			return Stats{}, &ReadError{Name: name, Msg: unknownFormat(sample)}
		}
	}
	s := &sink{name: name, source: sourceName(name), filter: f, emit: emit}
	switch format {
	case FormatSlack:
		users, channel := map[string]string{}, "slack"
		if dir != "" {
			users, channel = loadSlackUsers(filepath.Dir(dir), dir), cleanName("#"+filepath.Base(dir))
		}
		err = readSlackDay(br, s, newResolver(o), users, channel)
	case FormatLines:
		err = readLines(br, s, newResolver(o))
	case FormatJSONL:
		err = readJSONL(br, s, newResolver(o))
	case FormatLogfmt:
		err = readLogfmt(br, s, newResolver(o))
	case FormatCSV:
		err = readCSV(br, s, newResolver(o))
	default:
		return Stats{}, &ReadError{Name: name, Msg: fmt.Sprintf("unknown format %q: use one of %s", format, FormatList())}
	}
	if errors.Is(err, ErrStop) {
		err = nil
	}
	if err == nil && s.stats.Timed == 0 {
		err = s.fail(0, fmt.Sprintf("read %d lines as %s but found no time in any of them: check the file, or pass --format", s.stats.Lines, format))
	}
	return s.stats, err
}

// FormatList is the formats for a message: "slack, lines, jsonl, logfmt, csv".
func FormatList() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

func sourceName(name string) string {
	if name == "" || name == "-" {
		return "stdin"
	}
	return cleanName(filepath.Base(name))
}

// sink counts, filters and hands on the events a reader reads.
type sink struct {
	name, source string
	filter       *Filter
	emit         func(Event) error
	stats        Stats
}

// offer takes an event whose time is known: the window is checked before
// the text is built (build is called only for events in it).
func (s *sink) offer(e Event, build func(*Event)) error {
	s.stats.Timed++
	if !s.filter.InWindow(e.At) {
		return nil
	}
	if build != nil {
		build(&e)
	}
	if e.Source == "" {
		e.Source = s.source
	}
	if e.Text == "" && e.Who == "" {
		return nil
	}
	if !s.filter.Keep(e) {
		return nil
	}
	s.stats.Kept++
	return s.emit(e)
}

// failWith is fail for an error a caller may test for.
func (s *sink) failWith(line int, err error) error {
	return &ReadError{Name: s.name, Line: line, Bytes: s.stats.Bytes, Msg: err.Error(), Err: err}
}

func (s *sink) fail(line int, msg string) error {
	return &ReadError{Name: s.name, Line: line, Bytes: s.stats.Bytes, Msg: msg}
}

// scanLines calls each for every line of r, numbered from 1, and refuses
// a line over MaxLine with an error that says what was read.
func (s *sink) scanLines(r io.Reader, each func(line string, n int) error) error {
	sc := bufio.NewScanner(&countReader{r: r, n: &s.stats.Bytes})
	sc.Buffer(make([]byte, 0, 64<<10), MaxLine)
	n := 0
	for sc.Scan() {
		n++
		b := sc.Bytes()
		s.stats.Lines++
		if err := each(string(bytes.TrimRight(b, "\r")), n); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return s.fail(n+1, fmt.Sprintf("is longer than %d MB without a line break: this is not a log or a chat export pmwiz can read (a binary or minified file?); pass the right file, or cut the part you need with grep", MaxLine>>20))
		}
		return s.fail(n+1, err.Error())
	}
	return nil
}

// detect names the format of a record from its first bytes.
func detect(sample []byte) Format {
	trimmed := bytes.TrimLeft(sample, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '[' && bytes.Contains(trimmed, []byte(`"ts"`)) {
		return FormatSlack
	}
	var lines []string
	for _, l := range strings.Split(string(sample), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
		if len(lines) == 20 {
			break
		}
	}
	// The last line of a full sample may be cut short: leave it out.
	if len(sample) == sampleSize && len(lines) > 1 {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return FormatAuto
	}
	if strings.HasPrefix(lines[0], "{") {
		return FormatJSONL
	}
	stamped, logfmt := 0, 0
	for _, l := range lines {
		if _, _, ok := leadStamp(l); ok || isBashStamp(l) || isZshHistory(l) {
			stamped++
		}
		if looksLogfmt(l) {
			logfmt++
		}
	}
	switch {
	case stamped*2 >= len(lines):
		return FormatLines
	case logfmt*2 >= len(lines):
		return FormatLogfmt
	case looksCSV(lines):
		return FormatCSV
	}
	return FormatAuto
}

func unknownFormat(sample []byte) string {
	first, _, _ := strings.Cut(strings.TrimSpace(string(sample)), "\n")
	if len(first) > 60 {
		first = first[:60] + "…"
	}
	return fmt.Sprintf("pmwiz cannot tell what kind of record this is: its first lines (%q) do not start with a time it reads, and it is not JSON lines, logfmt, CSV with a time column or a Slack export. Pass --format (%s); docs/timeline.md shows each", cleanText(first), FormatList())
}

// countReader counts the bytes read through it, for messages.
type countReader struct {
	r io.Reader
	n *int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	return n, err
}
