package store

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pmwiz/pmwiz/model"
)

// FuzzListDecode: the listing's fast decoder must call a draft broken
// exactly when Load does, so a broken draft is never listed as fine, and
// a draft it reads must be the draft Load gives (same title, same score).
func FuzzListDecode(f *testing.F) {
	addListDecodeSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, fastErr := fastDecode(data)
		slow, slowErr := model.Decode(data)
		if (fastErr == nil) != (slowErr == nil) {
			t.Fatalf("list decode error %v, load error %v for %q", fastErr, slowErr, data)
		}
		if fastErr == nil {
			if diff := sameDraft(fast, slow); diff != "" {
				t.Fatalf("list decode and load read %q differently: %s", data, diff)
			}
		}
	})
}

// FuzzListSkim: what a listing shows of a draft it only skims is what
// the whole decode reads, and a draft the whole decode accepts is never
// refused by the skim.
func FuzzListSkim(f *testing.F) {
	addListDecodeSeeds(f)
	f.Add([]byte(`{"schema": 1, "title": "Typo", "updated": "2030-01-01T00:00:00+01:00", "timeline": 5}`))
	f.Add([]byte(`{"schema": 1, "authors": ["a", "b"], "authors": null}`))
	f.Add([]byte(`{"schema": 1, "status": "review", "authors": ["\u001b[2J"], "updated": null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		full, fullErr := fastDecode(data)
		head, headErr := skimDecode(data)
		if fullErr != nil {
			return // the skim may accept it: types past the head are not its business
		}
		if headErr != nil {
			t.Fatalf("skim refused %q (%v), which decodes whole", data, headErr)
		}
		if head.Schema != full.Schema || head.Title != full.Title || head.Status != full.Status ||
			!slices.Equal(head.Authors, full.Authors) || (head.Authors == nil) != (full.Authors == nil) ||
			(head.Updated == nil) != (full.Updated == nil) ||
			head.Updated != nil && (!head.Updated.Equal(*full.Updated) || head.Updated.String() != full.Updated.String()) {
			t.Fatalf("skim read %q as %+v, the whole decode as %+v", data, head, full)
		}
	})
}

// addListDecodeSeeds adds the drafts the list decoders are tried on.
func addListDecodeSeeds(f *testing.F) {
	for _, seed := range []string{
		`{"schema": 1, "title": "x"}`,
		`{"Schema": 1}`,
		`{"SCHEMA": 1, "schema": null}`,
		`{"schema": 1.0}`,
		`{"schema": 2}`,
		`{"schema": 1, "title": 4}`,
		`{"schema": 1, "created": "2026-11-24T10:00:00+01:00"}`,
		`{"schema": 1, "created": "2026-11-24T24:00:00Z"}`,
		`{"schema": 1, "timeline": {"events": [{"at": null}]}}`,
		`{"schema": 1, "assessments": {"impact": {"status": "yes"}}}`,
		`{"schema": 1} x`,
		`[]`, ``, `{`, `null`,
		// What encoding/json (v1) read differently from model.Decode:
		`{"schema": 1, "timeline": {"start": "2026-11-24T10:00:00Z"}, "timeline": {"end": "2026-11-24T11:00:00Z"}}`,
		`{"schema": 1, "title": "a", "title": null}`,
		`{"schema": 1, "pending": {"summary": "x"}, "pending": {"impact.who": "y"}}`,
		"{\"schema\": 1, \"title\": \"a\xffb\"}",
		"\xef\xbb\xbf{\"schema\": 1}",
		`{"schema": 1, "title": "a\ud800b\u00e9\ud83d\ude00"}`,
		`{"schema": 1, "created": "2026-11-24T10:00:00,5+01:00"}`,
		`{"schema": 1, "created": "2026-11-24T10:00:00.123456789-23:59"}`,
		`{"schema": 1, "created": "2026-11-24T10:00:00+24:00"}`,
		`{"schema": 1, "created": "2026-11-24t10:00:00z"}`,
		`{"schema": 1, "action_items": [{"done": 1}, {"done": true}]}`,
		`{"schema": 1, "authors": [], "lessons": null, "assessments": {}, "five_whys": [null]}`,
		`{"schema": 1, "newer": {"key": [1, 2e400]}, "timeline": {"newer": true}}`,
		`{"schema": 1, "titlé": "x", "ſchema": 2}`,
	} {
		f.Add([]byte(seed))
	}
	f.Add(encode(f, fullDraft(1)))
}

// FuzzSlug: whatever the title, a new draft's name is valid, plain ASCII
// and leaves room for the "-2" that makes it unique.
func FuzzSlug(f *testing.F) {
	for _, seed := range []string{"Checkout outage", "", "日本語", "\x1b[31m", "../../etc/passwd", strings.Repeat("é", 100), "a/b\\c"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, title string) {
		name := Slug(title, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))
		if err := ValidateName(name); err != nil {
			t.Fatalf("Slug(%q) = %q: %v", title, name, err)
		}
		if len(name)+4 > MaxNameLen {
			t.Fatalf("Slug(%q) = %q leaves no room for a suffix", title, name)
		}
		for _, r := range name {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Slug(%q) = %q holds %q", title, name, r)
			}
		}
	})
}

// FuzzValidateName: a name that passes is one file in the drafts
// directory, and shows on a terminal as itself.
func FuzzValidateName(f *testing.F) {
	for _, seed := range []string{"pm", "..", "a/b", ".x", "\x1b", "é", "a\u202eb", "x.json"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if ValidateName(name) != nil {
			return
		}
		dir := "/drafts"
		p := filepath.Join(dir, name+".json")
		if filepath.Dir(p) != dir || filepath.Base(p) != name+".json" {
			t.Fatalf("valid name %q escapes the directory: %s", name, p)
		}
		if !utf8.ValidString(name) || model.SafeLine(name) != name {
			t.Fatalf("valid name %q is not safe to print", name)
		}
	})
}

// FuzzLoadNeverModifies: whatever bytes a draft file holds, Load either
// returns a draft or a *LoadError naming the file, and leaves it as it was.
func FuzzLoadNeverModifies(f *testing.F) {
	f.Add([]byte(`{"schema": 1}`))
	f.Add([]byte(`{"schema": 1, "title": 4}`))
	f.Add([]byte("{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := mustOpen(t)
		path := filepath.Join(s.Dir(), "pm.json")
		writeRaw(t, path, data)
		_, err := s.Load("pm")
		var le *LoadError
		if err != nil && (!errors.As(err, &le) || !strings.Contains(err.Error(), path)) {
			t.Fatalf("Load error %v does not name %s", err, path)
		}
		if got := readFile(t, path); string(got) != string(data) {
			t.Fatal("Load modified the file")
		}
	})
}
