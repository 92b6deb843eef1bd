package records

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// endless is a reader of n bytes of one byte: a 5 GB single line without
// the disk space.
type endless struct {
	b    byte
	left int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.left <= 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), e.left)
	for i := range p[:n] {
		p[i] = e.b
	}
	e.left -= n
	return int(n), nil
}

func TestReadErrors(t *testing.T) {
	huge := func() io.Reader { return &endless{b: 'a', left: 5 << 30} }
	stampedHuge := func() io.Reader {
		return io.MultiReader(strings.NewReader("2026-11-23T13:42:00Z ok\n2026-11-23T13:43:00Z "), huge())
	}
	tests := []struct {
		name   string
		r      func() io.Reader
		format Format
		want   []string // the error names the file and says what was read and what to do
	}{
		{"binary", func() io.Reader { return strings.NewReader("\x7fELF\x02\x01\x01\x00\x00rest") }, "", []string{"app.bin", "binary", "offset 7"}},
		{"5 GB single line", huge, FormatLines, []string{"app.bin, line 1", "longer than 1 MB", "read 1.0 MB"}},
		{"5 GB line after good ones", stampedHuge, "", []string{"app.bin, line 2", "longer than 1 MB"}},
		{"5 GB CSV line", func() io.Reader { return io.MultiReader(strings.NewReader("time,msg\n"), huge()) }, FormatCSV, []string{"app.bin", "longer than 1 MB"}},
		{"5 GB JSON line", func() io.Reader { return io.MultiReader(strings.NewReader(`{"ts":"`), huge()) }, FormatJSONL, []string{"app.bin, line 1", "longer than 1 MB"}},
		{"unknown", func() io.Reader { return strings.NewReader("dear diary\nthe site went down\n") }, "", []string{"app.bin", "cannot tell", "dear diary", "--format"}},
		{"no times when forced", func() io.Reader { return strings.NewReader("dear diary\n") }, FormatLines, []string{"app.bin", "no time in any", "1 lines"}},
		{"not a slack day", func() io.Reader { return strings.NewReader(`{"ts": 1}`) }, FormatSlack, []string{"app.bin", "not a Slack day file"}},
		{"clock without a day", func() io.Reader { return strings.NewReader("13:26 ana: hi\n") }, "", []string{"app.bin, line 1", "13:26 has no date", "--day"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			_, err := Read(tt.r(), "app.bin", Options{Format: tt.format, Zone: time.UTC}, nil, func(Event) error { n++; return nil })
			if err == nil {
				t.Fatalf("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestSlackNothingInWindow(t *testing.T) {
	f := &Filter{Since: at("2030-01-01T00:00:00Z")}
	_, err := ReadPath(filepath.Join("testdata", "slack"), Options{}, f, func(Event) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "no Slack day files") || !strings.Contains(err.Error(), "--since") {
		t.Errorf("got %v, want an error that says to widen the window", err)
	}
}

func TestNotRegular(t *testing.T) {
	_, err := ReadPath(os.DevNull, Options{}, nil, func(Event) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("got %v", err)
	}
	_, err = ReadPath(filepath.Join(t.TempDir(), "missing.log"), Options{}, nil, func(Event) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "missing.log: no such file") {
		t.Errorf("got %v", err)
	}
}

func TestStop(t *testing.T) {
	n := 0
	_, err := ReadPath(filepath.Join("testdata", "python.log"), Options{Zone: time.UTC}, nil, func(Event) error {
		n++
		return ErrStop
	})
	if err != nil || n != 1 {
		t.Errorf("ErrStop: %d events, %v", n, err)
	}
	boom := errors.New("boom")
	_, err = ReadPath(filepath.Join("testdata", "python.log"), Options{Zone: time.UTC}, nil, func(Event) error { return boom })
	if !errors.Is(err, boom) {
		t.Errorf("emit's error: %v", err)
	}
}

func TestDetect(t *testing.T) {
	tests := map[string]Format{
		"chat.txt": FormatLines, "syslog.log": FormatLines, "python.log": FormatLines, "bash_history": FormatLines,
		"zsh_history": FormatLines, "app.jsonl": FormatJSONL, "app.logfmt": FormatLogfmt, "alerts.csv": FormatCSV,
		"slack/incident-checkout/2026-03-08.json": FormatSlack,
	}
	for file, want := range tests {
		data, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		if got := detect(data); got != want {
			t.Errorf("%s: detected %q, want %q", file, got, want)
		}
	}
}

// TestSlackOneLine: a day file written on one line (not pretty-printed) is
// read; a single "message" of gigabytes is refused after a few megabytes.
func TestSlackOneLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := range 30000 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"type":"message","user":"U1","text":"a line of chat that is not short at all","ts":"1772946150.000200"}`)
	}
	b.WriteString("]")
	st, err := Read(strings.NewReader(b.String()), "2026-03-08.json", Options{}, nil, func(Event) error { return nil })
	if err != nil || st.Kept != 30000 {
		t.Fatalf("one-line day file of %d bytes: %d kept, %v", b.Len(), st.Kept, err)
	}
	huge := io.MultiReader(strings.NewReader(`[{"type":"message","text":"`), &endless{b: 'a', left: 5 << 30})
	_, err = Read(huge, "2026-03-08.json", Options{Format: FormatSlack}, nil, func(Event) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "message over 4 MB") {
		t.Errorf("a 5 GB message: %v", err)
	}
}

func TestErrNoDay(t *testing.T) {
	_, err := Read(strings.NewReader("[13:26] <ana> hi\n"), "chat", Options{}, nil, func(Event) error { return nil })
	if !errors.Is(err, ErrNoDay) {
		t.Errorf("clock-only lines without a day: %v, want ErrNoDay", err)
	}
	_, err = Read(strings.NewReader("2026-11-23T13:26:00Z hi\n"), "log", Options{}, nil, func(Event) error { return nil })
	if err != nil {
		t.Errorf("dated lines need no day: %v", err)
	}
}
