package store

import (
	"path/filepath"
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// A listing shows what "pmwiz resume" would open: the same title and the
// same score, also for drafts a hand edit or another tool left odd.
func TestListReadsDraftsAsLoadDoes(t *testing.T) {
	for _, tc := range []struct {
		name, data, title string
	}{
		{"a title emptied by a later null", `{"schema": 1, "title": "First", "title": null}`, ""},
		{"a title given twice", `{"schema": 1, "title": "First", "title": "Second"}`, "Second"},
		{"bytes that are not UTF-8", "{\"schema\": 1, \"title\": \"Caf\xe9 outage\"}", "Caf outage"},
		{"a key in capitals, which Load ignores", `{"schema": 1, "TITLE": "Shouted", "title": "Quiet"}`, "Quiet"},
		{"a byte-order mark", "\xef\xbb\xbf{\"schema\": 1, \"title\": \"Notepad\"}", "Notepad"},
		{"the timeline given twice", `{"schema": 1, "title": "T", "timeline": {"start": "2026-11-24T10:00:00Z", "end": "2026-11-24T11:00:00Z"}, "timeline": {"end": "2026-11-24T11:00:00Z"}}`, "T"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustOpen(t)
			writeRaw(t, filepath.Join(s.Dir(), "pm.json"), []byte(tc.data))
			l, err := s.Load("pm")
			if err != nil {
				t.Fatal(err)
			}
			es, err := s.List()
			if err != nil || len(es) != 1 {
				t.Fatal(es, err)
			}
			e := es[0]
			if e.Err != nil || e.Title != tc.title || l.Draft.Title != tc.title {
				t.Errorf("listed %q (err %v), loaded %q, want %q", e.Title, e.Err, l.Draft.Title, tc.title)
			}
			if want := model.Score(l.Draft).Score; e.Score != want {
				t.Errorf("listed score %v, loaded draft scores %v", e.Score, want)
			}
		})
	}
}
