package model

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzDecodeScore feeds arbitrary bytes to the decoder and whatever
// decodes to the scorer and the encoder: nothing may panic, and a decoded
// draft must survive encode → decode → encode unchanged.
func FuzzDecodeScore(f *testing.F) {
	f.Add([]byte(`{"schema":1}`))
	f.Add([]byte(`{"schema":1,"title":7,"timeline":{"start":"x","events":[{"at":true}]},"zz":{"a":[1]}}`))
	f.Add([]byte(`{"schema":1,"five_whys":[{},{},{},{},{},{}],"assessments":{"impact":{"status":"yes"},"x":{}}}`))
	f.Add([]byte(`{"schema":2}`))
	f.Add([]byte("{\"schema\":1,\"summary\":\"we regret \\u001b[31m any inconvenience\"}"))
	if doc, err := os.ReadFile(filepath.Join("..", "docs", "draft-format.md")); err == nil {
		f.Add([]byte(cutBetween(string(doc), "```json\n", "```")))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode(data)
		if d == nil {
			if err == nil {
				t.Fatal("no draft and no error")
			}
			return
		}
		r := Score(d)
		if r.Score < 0 || r.Score > 100 || len(r.Items) != len(Rubric) {
			t.Fatalf("score %v with %d items", r.Score, len(r.Items))
		}
		for _, f := range r.Findings {
			checkFinding(t, d, f)
		}
		first, err := Encode(d)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		d2, _ := Decode(first)
		if d2 == nil {
			t.Fatalf("re-decode failed for:\n%s", first)
		}
		second, err := Encode(d2)
		if err != nil || !bytes.Equal(first, second) {
			t.Fatalf("unstable encoding:\n%s\n---\n%s", first, second)
		}
	})
}

func checkFinding(t *testing.T, d *Draft, f Finding) {
	t.Helper()
	for _, tf := range FreeText(d) {
		if tf.Field == f.Field {
			if f.Offset < 0 || f.Offset+len(f.Phrase) > len(tf.Text) || tf.Text[f.Offset:f.Offset+len(f.Phrase)] != f.Phrase {
				t.Fatalf("finding %+v does not point into %q", f, tf.Text)
			}
			return
		}
	}
	t.Fatalf("finding at unknown field %s", f.Field)
}

func FuzzToneText(f *testing.F) {
	for _, s := range []string{"We apologize for any inconvenience", "we take ... seriously", "It appears that possibly", "we’re sorry for any", "inconvenien"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, fd := range CheckToneText("summary", text) {
			if fd.Offset < 0 || fd.Offset+len(fd.Phrase) > len(text) || text[fd.Offset:fd.Offset+len(fd.Phrase)] != fd.Phrase {
				t.Fatalf("finding %+v does not point into %q", fd, text)
			}
		}
	})
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2026-11-23 14:05", "14:05", "2026-11-23T14:05:00+01:00", "02:30", "x", "2:05 PM", "14:05 UTC", "2026-11-23 14:05:00.123", "2026-11-23 14:05 Eastern"} {
		f.Add(s)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	ref := time.Date(2026, 3, 29, 1, 0, 0, 0, berlin)
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ParseTime(in, berlin, &ref)
		if err == nil && strings.TrimSpace(in) == "" {
			t.Fatalf("empty input parsed as %v", got)
		}
		if err != nil && err.Error() == "" {
			t.Fatal("empty error message")
		}
		// A clock with no date lands at or after the reference.
		if c, ok := ReadClock(in); err == nil && ok && !c.HasDate && got.Before(ref) {
			t.Fatalf("ParseTime(%q) = %v, before the reference %v", in, got, ref)
		}
	})
}

func FuzzSafeText(f *testing.F) {
	for _, s := range []string{"a\x1b[31mb", "\x1b]0;t\x07", "\u202e", "\r\n\b\x00", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, out := range []string{SafeText(in), SafeLine(in)} {
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 out of %q", in)
			}
			for _, r := range out {
				if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isBidiControl(r) {
					t.Fatalf("%q survived in %q (from %q)", r, out, in)
				}
			}
		}
		if s := SafeText(in); SafeText(s) != s {
			t.Fatalf("SafeText is not idempotent on %q", in)
		}
		if strings.ContainsAny(SafeLine(in), "\n\t") {
			t.Fatalf("SafeLine kept a newline or tab: %q", in)
		}
	})
}
