package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// scoredFolder saves n drafts, "pm-00" the newest, an hour apart, filled
// in unevenly so that they score differently, and returns the store.
func scoredFolder(t *testing.T, n int) *store.Store {
	t.Helper()
	s, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		at := pickNow.Add(-time.Duration(i) * time.Hour)
		d := model.New(fmt.Sprintf("Outage %02d", i), at)
		if i%2 == 0 {
			d.Summary = "The checkout database ran out of connections after a config change halved the pool."
		}
		if i%3 == 0 {
			d.Impact = model.Impact{Who: "Customers paying by card", What: "Checkout failed", Extent: "12% of orders for 85 minutes"}
		}
		if i%5 == 0 {
			d.Timeline.Start, d.Timeline.End = &at, &at
		}
		if err := s.Save(fmt.Sprintf("pm-%02d", i), d); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// fullScores is every draft's score as a full listing shows it.
func fullScores(t *testing.T, s *store.Store) map[string]string {
	t.Helper()
	es, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range es {
		if e.Err == nil {
			m[e.Name] = ScoreOf(e.Score, e.MaxScore)
		}
	}
	return m
}

// lazyPicker lists s scoring the newest scored drafts, as "pmwiz" does,
// and opens a picker on it at width x height that scores the rest.
func lazyPicker(t *testing.T, s *store.Store, scored, width, height int) (Picker, tea.Cmd) {
	t.Helper()
	es, err := s.ListWith(store.ListOptions{Scored: scored})
	if err != nil {
		t.Fatal(err)
	}
	return pickStep(t, NewPicker(es, true, pickNow).WithScorer(s.ScoreEntry), tea.WindowSizeMsg{Width: width, Height: height})
}

func pickStep(t *testing.T, p Picker, msg tea.Msg) (Picker, tea.Cmd) {
	t.Helper()
	m, cmd := p.Update(msg)
	return m.(Picker), cmd
}

// asked runs a scoring command and returns its message and the names it
// scored, in order.
func asked(t *testing.T, cmd tea.Cmd) (pickerScoredMsg, []string) {
	t.Helper()
	if cmd == nil {
		t.Fatal("no scoring command")
	}
	msg, ok := cmd().(pickerScoredMsg)
	if !ok {
		t.Fatalf("the command brought %T, not scores", msg)
	}
	var names []string
	for _, e := range msg.entries {
		names = append(names, e.Name)
	}
	return msg, names
}

// rowOf is the screen line that shows the draft titled title, or "".
func rowOf(v, title string) string {
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, title+" ") {
			return l
		}
	}
	return ""
}

// pmNames is pm-from .. pm-to-1.
func pmNames(from, to int) []string {
	var ns []string
	for i := from; i < to; i++ {
		ns = append(ns, fmt.Sprintf("pm-%02d", i))
	}
	return ns
}

// On the first screen the drafts the listing scored show their scores;
// the others say they are being scored ("…", never a number) until the
// scores come, and then show the same scores a full listing shows.
func TestPickerScoresTheRowsItShows(t *testing.T) {
	s := scoredFolder(t, 80)
	p, cmd := lazyPicker(t, s, 5, 100, 20) // 16 rows: "new" and 15 drafts
	want := fullScores(t, s)
	v := view(p)
	for i := range 15 {
		row := rowOf(v, fmt.Sprintf("Outage %02d", i))
		switch {
		case row == "":
			t.Fatalf("Outage %02d is not on the first screen:\n%s", i, v)
		case i < 5 && !strings.Contains(row, want[fmt.Sprintf("pm-%02d", i)]):
			t.Errorf("scored by the listing, row %q does not show %s", row, want[fmt.Sprintf("pm-%02d", i)])
		case i >= 5 && (!strings.Contains(row, "score …") || strings.Contains(row, "/100")):
			t.Errorf("not scored yet, row %q does not say so plainly", row)
		}
	}
	msg, names := asked(t, cmd)
	if !slices.Equal(names, pmNames(5, 15)) {
		t.Fatalf("scoring asked for %v, want the unscored rows on screen %v", names, pmNames(5, 15))
	}
	p, cmd = pickStep(t, p, msg)
	if cmd != nil {
		t.Error("a second scoring command with every row on screen scored")
	}
	v = view(p)
	if strings.Contains(v, "…") {
		t.Errorf("still pending after the scores came:\n%s", v)
	}
	for i := range 15 {
		name := fmt.Sprintf("pm-%02d", i)
		if row := rowOf(v, fmt.Sprintf("Outage %02d", i)); !strings.Contains(row, want[name]) {
			t.Errorf("row %q: want %s's score %s, as a full listing says", row, name, want[name])
		}
	}
}

// Paging down, resizing, moving within the screen: each draft is asked
// for once, when it first comes into view, and never again, even while
// its score is on the way.
func TestPickerAsksForEachRowOnceAsItComesIntoView(t *testing.T) {
	s := scoredFolder(t, 80)
	p, cmd := lazyPicker(t, s, 0, 100, 20)
	first, names := asked(t, cmd)
	if !slices.Equal(names, pmNames(0, 15)) {
		t.Fatalf("first screen asked for %v", names)
	}
	// The same size again, and moving inside the screen: nothing new.
	for _, msg := range []tea.Msg{tea.WindowSizeMsg{Width: 100, Height: 20}, key("down"), key("down"), key("up")} {
		if p, cmd = pickStep(t, p, msg); cmd != nil {
			_, again := asked(t, cmd)
			t.Fatalf("%v asked again for %v", msg, again)
		}
	}
	// Page down before the first scores are back: only the rows scrolled in.
	p, cmd = pickStep(t, p, tea.KeyPressMsg{Code: tea.KeyPgDown})
	second, names := asked(t, cmd)
	if len(names) == 0 || slices.ContainsFunc(names, func(n string) bool { return slices.Contains(pmNames(0, 15), n) }) {
		t.Fatalf("after page down asked for %v: want only rows new on screen", names)
	}
	v := view(p)
	for _, n := range names {
		title := "Outage " + strings.TrimPrefix(n, "pm-")
		if row := rowOf(v, title); !strings.Contains(row, "score …") {
			t.Errorf("%s scrolled in, its row %q does not say it is being scored", n, row)
		}
	}
	// A taller window shows more rows: those are asked for, no others.
	p, cmd = pickStep(t, p, tea.WindowSizeMsg{Width: 100, Height: 40})
	third, more := asked(t, cmd)
	for _, n := range more {
		if slices.Contains(names, n) || slices.Contains(pmNames(0, 15), n) {
			t.Errorf("asked again for %s after a resize", n)
		}
	}
	// The scores come back out of order; every row on screen has its own.
	for _, msg := range []pickerScoredMsg{third, first, second} {
		if p, cmd = pickStep(t, p, msg); cmd != nil {
			t.Error("scores coming back asked for more")
		}
	}
	want := fullScores(t, s)
	v = view(p)
	for _, n := range slices.Concat(names, more) {
		title := "Outage " + strings.TrimPrefix(n, "pm-")
		if row := rowOf(v, title); !strings.Contains(row, want[n]) {
			t.Errorf("%s: row %q, want score %s", n, row, want[n])
		}
	}
	// Back to the top: scored already, nothing asked.
	p, cmd = pickStep(t, p, tea.KeyPressMsg{Code: tea.KeyHome})
	if cmd != nil {
		t.Error("home asked again for rows scored already")
	}
	if v := view(p); strings.Contains(v, "…") || !strings.Contains(rowOf(v, "Outage 03"), want["pm-03"]) {
		t.Errorf("back at the top:\n%s", v)
	}
}

// A filter brings drafts from anywhere in the list on screen: they are
// scored, filled in the filtered list and the whole one; scores that come
// back for rows filtered away meanwhile are kept for later, not shown in
// the wrong place.
func TestPickerScoresFilteredRows(t *testing.T) {
	s := scoredFolder(t, 80)
	p, _ := lazyPicker(t, s, 15, 100, 20) // the first screen is scored
	want := fullScores(t, s)
	var cmd tea.Cmd
	for _, k := range []string{"/", "7"} {
		p, cmd = pickStep(t, p, key(k))
	}
	msg, names := asked(t, cmd)
	// Outage 07 is on the first screen, scored by the listing; the others
	// holding a 7 are further down (pm-79 is past the 16 rows shown).
	wantNames := []string{"pm-17", "pm-27", "pm-37", "pm-47", "pm-57", "pm-67", "pm-70", "pm-71", "pm-72", "pm-73", "pm-74", "pm-75", "pm-76", "pm-77", "pm-78"}
	if !slices.Equal(names, wantNames) {
		t.Fatalf("the filter asked for %v, want %v", names, wantNames)
	}
	if v := view(p); !strings.Contains(rowOf(v, "Outage 37"), "score …") || !strings.Contains(rowOf(v, "Outage 07"), want["pm-07"]) {
		t.Fatalf("filtered, before the scores:\n%s", v)
	}
	// The filter narrows to "77" before the scores are back.
	p, cmd = pickStep(t, p, key("7"))
	if cmd != nil {
		t.Error("narrowing the filter asked again for rows being scored")
	}
	p, _ = pickStep(t, p, msg)
	v := view(p)
	if rowOf(v, "Outage 37") != "" || !strings.Contains(rowOf(v, "Outage 77"), want["pm-77"]) {
		t.Fatalf("filtered to 77 after the scores came:\n%s", v)
	}
	// Without the filter, a row filtered away meanwhile has its score.
	p, _ = pickStep(t, p, key("esc"))
	p, _ = pickStep(t, p, key("end"))
	if row := rowOf(view(p), "Outage 72"); !strings.Contains(row, want["pm-72"]) {
		t.Errorf("after the filter, row %q, want %s", row, want["pm-72"])
	}
}

// Scores that are stale or were never asked for are ignored: a draft is
// filled in once, with what was asked for.
func TestPickerIgnoresScoresNotAskedFor(t *testing.T) {
	s := scoredFolder(t, 30)
	p, cmd := lazyPicker(t, s, 0, 100, 10)
	msg, _ := asked(t, cmd)
	p, _ = pickStep(t, p, msg)
	before := view(p)
	bogus := msg.entries[0]
	bogus.Score, bogus.MaxScore = 1, 3
	elsewhere := store.Entry{Name: "not-listed", Title: "Not listed", Score: 2, MaxScore: 3}
	far := store.Entry{Name: "pm-29", Title: "Outage 29", Score: 1, MaxScore: 3} // off screen, never asked for
	p, cmd = pickStep(t, p, pickerScoredMsg{entries: []store.Entry{bogus, elsewhere, far}})
	if cmd != nil {
		t.Error("a stale message asked for scores")
	}
	if v := view(p); v != before {
		t.Errorf("a stale message changed the screen:\n%s\nwas:\n%s", v, before)
	}
	p, _ = pickStep(t, p, key("end"))
	if row := rowOf(view(p), "Outage 29"); strings.Contains(row, "1/3") {
		t.Errorf("a score never asked for was shown: %q", row)
	}
}

// A draft broken past its title and date looks whole to the listing; when
// scored it is found broken and shown as the listing shows broken drafts.
func TestPickerShowsADraftFoundBrokenWhenScored(t *testing.T) {
	s := scoredFolder(t, 3)
	typo := filepath.Join(s.Dir(), "typo.json")
	if err := os.WriteFile(typo, []byte(`{"schema": 1, "title": "Typo", "updated": "2026-11-24T11:30:00Z", "timeline": 5}`), 0o600); err != nil {
		t.Fatal(err)
	}
	p, cmd := lazyPicker(t, s, 0, 100, 12)
	if row := rowOf(view(p), "Typo"); !strings.Contains(row, "score …") {
		t.Fatalf("before scoring, the typo row %q", row)
	}
	msg, _ := asked(t, cmd)
	p, cmd = pickStep(t, p, msg)
	if cmd != nil {
		t.Error("a broken draft was asked for again")
	}
	v := view(p)
	row := ""
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "typo") {
			row = l
		}
	}
	if !strings.Contains(row, "cannot be read") || !strings.Contains(row, "timeline") || strings.Contains(v, "score …") {
		t.Fatalf("the broken draft after scoring:\n%s", v)
	}
}

// A picker with no scorer (every draft scored by the listing, or none to
// be had) never promises a score: a row without one shows "–".
func TestPickerWithoutScorerShowsNoScore(t *testing.T) {
	es := []store.Entry{{Name: "a", Title: "Unscored", Status: model.StatusDraft, Updated: pickNow}}
	p, cmd := pickStep(t, NewPicker(es, false, pickNow), tea.WindowSizeMsg{Width: 80, Height: 10})
	if cmd != nil {
		t.Error("a picker with no scorer returned a command")
	}
	if row := rowOf(view(p), "Unscored"); !strings.Contains(row, "score –") {
		t.Errorf("row %q", row)
	}
}

// The pending mark at a fixed size and colour profile.
func TestPickerPendingGolden(t *testing.T) {
	es := pickerEntries()
	es[1].Score, es[1].MaxScore = 0, 0
	s, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	p := NewPicker(es, true, pickNow).WithScorer(s.ScoreEntry)
	m, _ := p.Update(tea.WindowSizeMsg{Width: 80, Height: 12}) // asks for its score
	golden.RequireEqual(t, renderAt(t, m.(Picker), 80, 12))
}

// Two drafts titled alike are told apart by name; when scoring finds one
// of them broken, the other's title is its own again and needs no name.
func TestPickerTitlesFollowScoring(t *testing.T) {
	s := scoredFolder(t, 1)
	for name, body := range map[string]string{
		"typo":  `{"schema": 1, "title": "Typo", "updated": "2026-11-24T11:30:00Z", "timeline": 5}`,
		"typo2": `{"schema": 1, "title": "Typo", "updated": "2026-11-24T11:00:00Z"}`,
	} {
		if err := os.WriteFile(filepath.Join(s.Dir(), name+".json"), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p, cmd := lazyPicker(t, s, 0, 100, 12)
	if v := view(p); !strings.Contains(v, "Typo        typo2 ·") || !strings.Contains(v, "Typo        typo ·") {
		t.Fatalf("two drafts titled Typo, the rows do not name their drafts:\n%s", v)
	}
	msg, _ := asked(t, cmd)
	p, _ = pickStep(t, p, msg)
	if v := view(p); strings.Contains(v, "typo2 ·") || !strings.Contains(v, "typo  cannot be read") {
		t.Errorf("the other Typo is broken; its row still names its draft:\n%s", v)
	}
}
