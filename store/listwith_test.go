package store

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// varied saves n drafts that score differently (each has a few more
// sections filled than the one before), dated an hour apart, plus one
// broken draft in the middle of the order.
func varied(t *testing.T, n int) *Store {
	t.Helper()
	s := mustOpen(t)
	for i := range n {
		d := fullDraft(i)
		if i%3 == 1 {
			d.FiveWhys, d.HumanElements, d.OthersCanLearn = nil, "", ""
		}
		if i%3 == 2 {
			d.Summary, d.RootCause = "", model.RootCause{}
		}
		d.Updated = tp(t0.Add(-time.Duration(i) * time.Hour))
		data, err := model.Encode(d)
		if err != nil {
			t.Fatal(err)
		}
		writeRaw(t, filepath.Join(s.Dir(), fmt.Sprintf("d%02d.json", i)), data)
	}
	broken := filepath.Join(s.Dir(), "broken.json")
	writeRaw(t, broken, []byte(`{"schema": 1, "title": "cut`))
	at := t0.Add(-time.Duration(n/2)*time.Hour - time.Minute)
	os.Chtimes(broken, at, at)
	// Broken past its title and date, which say it is the newest: only a
	// whole decode finds it broken, and then it is dated by its file.
	typo := filepath.Join(s.Dir(), "typo.json")
	writeRaw(t, typo, []byte(`{"schema": 1, "title": "Typo", "updated": "2030-01-01T00:00:00Z", "timeline": 5}`))
	at = at.Add(-time.Hour)
	os.Chtimes(typo, at, at)
	return s
}

// sameButScore is whether two listings agree on everything but scores.
func sameButScore(t *testing.T, got, want []Entry) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Name != w.Name || g.Title != w.Title || g.Status != w.Status || !g.Updated.Equal(w.Updated) ||
			g.ChangedBy != w.ChangedBy || (g.Err == nil) != (w.Err == nil) {
			t.Errorf("entry %d = %s %q %s %v %+v err %v, want %s %q %s %v %+v err %v", i, g.Name, g.Title, g.Status, g.Updated, g.ChangedBy, g.Err,
				w.Name, w.Title, w.Status, w.Updated, w.ChangedBy, w.Err)
		}
	}
}

// names is the set of names in a listing.
func names(es []Entry) map[string]bool {
	m := map[string]bool{}
	for _, e := range es {
		m[e.Name] = true
	}
	return m
}

func TestListWithScoresTheNewestOnly(t *testing.T) {
	for _, scored := range []int{0, 1, 5, 11, 40} {
		t.Run(fmt.Sprint(scored), func(t *testing.T) {
			s := varied(t, 12)
			got, err := s.ListWith(ListOptions{Scored: scored})
			if err != nil {
				t.Fatal(err)
			}
			ref := mustOpen(t)
			copyDrafts(t, s.Dir(), ref.Dir())
			want, err := ref.List()
			if err != nil {
				t.Fatal(err)
			}
			// The rows shown are List's first rows, broken ones included;
			// the rest are the same drafts.
			shown := min(scored, len(want))
			sameButScore(t, got[:shown], want[:shown])
			if !maps.Equal(names(got), names(want)) {
				t.Errorf("listed %v, List lists %v", names(got), names(want))
			}
			for i, e := range got {
				switch {
				case e.Err != nil:
				case i < scored && (e.Score != want[i].Score || e.MaxScore != want[i].MaxScore):
					t.Errorf("%s (row %d of the %d to score): score %v/%d, List says %v/%d", e.Name, i, scored, e.Score, e.MaxScore, want[i].Score, want[i].MaxScore)
				case i >= scored && e.MaxScore != 0:
					t.Errorf("%s (row %d, past the %d to score) was scored: %v/%d", e.Name, i, scored, e.Score, e.MaxScore)
				}
			}
		})
	}
}

func TestListWithThenListAgreesWithAColdList(t *testing.T) {
	s := varied(t, 12)
	ref := mustOpen(t)
	copyDrafts(t, s.Dir(), ref.Dir())
	// A short listing leaves unscored rows in the index; the full listing
	// after it must score them, not take "no score" from the index.
	if _, err := s.ListWith(ListOptions{Scored: 3}); err != nil {
		t.Fatal(err)
	}
	// A draft saved between the two listings is read again.
	d := fullDraft(40)
	d.Title, d.Updated = "Saved in between", tp(t0.Add(time.Hour))
	if err := s.Save("d05", d); err != nil {
		t.Fatal(err)
	}
	if err := ref.Save("d05", d); err != nil {
		t.Fatal(err)
	}
	want, err := ref.List() // cold: ref has never been listed
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	sameButScore(t, got, want)
	for i := range got {
		if got[i].Score != want[i].Score || got[i].MaxScore != want[i].MaxScore {
			t.Errorf("%s: score %v/%d after a short listing, a cold List says %v/%d", got[i].Name, got[i].Score, got[i].MaxScore, want[i].Score, want[i].MaxScore)
		}
	}
	// And a short listing after a full one shows every score the index has.
	short, err := s.ListWith(ListOptions{Scored: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range short {
		if e.Err == nil && e.MaxScore == 0 {
			t.Errorf("%s (row %d): no score, though the index holds it", e.Name, i)
		}
	}
}

// copyDrafts copies the .json files of one drafts folder into another,
// keeping their modification times (the order of drafts with no date).
func copyDrafts(t *testing.T, from, to string) {
	t.Helper()
	des, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range des {
		if filepath.Ext(de.Name()) != ".json" || de.Name()[0] == '.' {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, de.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fi, err := de.Info()
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(to, de.Name())
		writeRaw(t, dst, data)
		os.Chtimes(dst, fi.ModTime(), fi.ModTime())
	}
}
