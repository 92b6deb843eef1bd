package records

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

func TestFilter(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	o := Options{Zone: ny, Day: at("2026-03-07T23:45:00-05:00")}
	tests := []struct {
		name string
		f    *Filter
		want []string // texts
	}{
		{"window", &Filter{Since: at("2026-03-08T05:00:00Z"), Until: at("2026-03-08T07:05:00Z")},
			[]string{"rolling back to 4.11", "rollback stuck on the db migration", "retrying the migration down-step", "rolled back, error rate falling"}},
		{"grep", &Filter{Grep: regexp.MustCompile(`(?i)roll`)},
			[]string{"rolling back to 4.11", "rollback stuck on the db migration", "rolled back, error rate falling"}},
		{"grep and exclude", &Filter{Grep: regexp.MustCompile(`(?i)roll`), Exclude: regexp.MustCompile(`stuck`)},
			[]string{"rolling back to 4.11", "rolled back, error rate falling"}},
		{"who, without case or @", &Filter{Who: []string{"@BEN"}},
			[]string{"yes, 4.12 went out at 23:30", "rolling back to 4.11", "retrying the migration down-step", "all clear, back to normal"}},
		{"grep sees the speaker", &Filter{Grep: regexp.MustCompile(`^ana: roll`)},
			[]string{"rollback stuck on the db migration", "rolled back, error rate falling"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			st, err := ReadPath(filepath.Join("testdata", "chat.txt"), o, tt.f, func(e Event) error {
				got = append(got, e.Text)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if st.Timed != 8 || st.Kept != len(tt.want) || st.Skipped != 1 {
				t.Errorf("stats %+v", st)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	t1, t2, t3 := at("2026-11-23T13:00:00Z"), at("2026-11-23T14:00:00Z"), at("2026-11-23T15:00:00Z")
	tl := model.Timeline{Events: []model.Event{
		{At: t2, Text: "ana: paged"},
		{Text: "some time that afternoon: a customer called"},
	}}
	added, dups := Merge(&tl, []Event{
		{At: *t3, Who: "ben", Text: "resolved"},
		{At: *t2, Who: "ana", Text: "paged"}, // already there
		{At: *t1, Text: "deploy"},
		{At: *t3, Who: "ben", Text: "resolved"}, // twice in the input
		{At: *t2, Text: "paged"},                // same time, other text: kept
	})
	if added != 3 || dups != 2 {
		t.Errorf("added %d, dups %d; want 3, 2", added, dups)
	}
	var got []string
	for _, e := range tl.Events {
		when := "-"
		if e.At != nil {
			when = e.At.Format("15:04")
		}
		got = append(got, when+" "+e.Text)
	}
	want := "13:00 deploy|14:00 ana: paged|14:00 paged|15:00 ben: resolved|- some time that afternoon: a customer called"
	if strings.Join(got, "|") != want {
		t.Errorf("merged:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}

func TestSuggest(t *testing.T) {
	texts := []string{
		"deploy 4.12 started",
		"PagerDuty alert: checkout 5xx", // first alert: detection
		"another alert fired",
		"unresolved questions remain", // not "resolved"
		"rolled back to 4.11",         // mitigation
		"fix deployed",
		"resolved",                  // an end
		"all clear, back to normal", // the last end wins
		"alerting rules reviewed later",
	}
	var events []Event
	for i, s := range texts {
		events = append(events, Event{At: time.Unix(int64(i), 0), Text: s})
	}
	got := Suggest(events)
	want := map[Moment]int{MomentDetected: 1, MomentMitigated: 4, MomentEnd: 7}
	for _, m := range Moments {
		g, gok := got[m]
		w, wok := want[m]
		if g != w || gok != wok {
			t.Errorf("%s: got %d (%v), want %d (%v)", m, g, gok, w, wok)
		}
	}
}

func TestParseWhen(t *testing.T) {
	start, end := at("2026-11-23T14:00:00Z"), at("2026-11-23T15:30:00Z")
	tests := []struct {
		in      string
		isUntil bool
		want    string
	}{
		{"30m", false, "2026-11-23T13:30:00Z"},
		{"-30m", false, "2026-11-23T13:30:00Z"},
		{"+10m", false, "2026-11-23T14:10:00Z"},
		{"2h", true, "2026-11-23T17:30:00Z"},
		{"-15m", true, "2026-11-23T15:15:00Z"},
		{"13:05", false, "2026-11-23T13:05:00Z"},
		{"2026-11-22 23:00", false, "2026-11-22T23:00:00Z"},
		{"2026-11-23T16:00:00+01:00", true, "2026-11-23T15:00:00Z"},
		{"yesterday", false, "error"},
	}
	for _, tt := range tests {
		around := start
		if tt.isUntil {
			around = end
		}
		got, err := ParseWhen(tt.in, time.UTC, start, around, tt.isUntil)
		s := got.UTC().Format(time.RFC3339)
		if err != nil {
			s = "error"
		}
		if s != tt.want {
			t.Errorf("ParseWhen(%q, until=%v) = %s (%v), want %s", tt.in, tt.isUntil, s, err, tt.want)
		}
	}
}
