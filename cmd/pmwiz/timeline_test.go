package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// seedIncident saves a draft with a start time, a zone and one event.
func seedIncident(t *testing.T, dir string) string {
	t.Helper()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := model.New("Checkout outage", testNow)
	start := time.Date(2026, 3, 7, 23, 45, 0, 0, time.FixedZone("EST", -5*3600))
	ev := time.Date(2026, 3, 8, 4, 41, 0, 0, time.UTC)
	d.Timeline = model.Timeline{TimeZone: "America/New_York", Start: &start,
		Events: []model.Event{{At: &ev, Text: "ben: yes, 4.12 went out at 23:30"}}}
	if err := s.Save("checkout", d); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "checkout.json")
}

func readDraftFile(t *testing.T, path string) *model.Draft {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func eventLines(d *model.Draft) []string {
	loc, _ := d.Timeline.Location()
	var out []string
	for _, e := range d.Timeline.Events {
		out = append(out, e.At.In(loc).Format("01-02 15:04")+" "+e.Text)
	}
	return out
}

var chat = filepath.Join("..", "..", "records", "testdata", "chat.txt")

func TestTimelineAddOffTerminal(t *testing.T) {
	dir := t.TempDir()
	path := seedIncident(t, dir)
	out, errOut, code := pmwiz(t, dir, "timeline", "add", "checkout", chat, "--since", "23:50", "--until", "3:10", "--exclude", "stuck")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	d := readDraftFile(t, path)
	want := []string{
		"03-07 23:41 ben: yes, 4.12 went out at 23:30", // was there
		"03-07 23:58 ana: PagerDuty alert: checkout 5xx above 5%",
		"03-08 00:05 ben: rolling back to 4.11",
		"03-08 01:59 ben: retrying the migration down-step",
		"03-08 03:05 ana: rolled back, error rate falling", // after the DST jump
	}
	if got := eventLines(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Suggestions are printed, never set without the user.
	if d.Timeline.Detected != nil || d.Timeline.Mitigated != nil || d.Timeline.End != nil {
		t.Errorf("a key moment was set without a keypress: %+v", d.Timeline)
	}
	if !strings.Contains(out, "Added 4 events to checkout") || !strings.Contains(out, "Suggested detection: 2026-03-07 23:58:00") {
		t.Errorf("output:\n%s", out)
	}

	// Adding the whole file again adds only what is new.
	out, errOut, code = pmwiz(t, dir, "timeline", "add", "checkout", chat)
	if code != 0 || !strings.Contains(out, "Added 3 events to checkout (5 were there already)") {
		t.Errorf("second add: exit %d\n%s%s", code, out, errOut)
	}
	if n := len(readDraftFile(t, path).Timeline.Events); n != 8 {
		t.Errorf("%d events after the second add, want 8", n)
	}
	// A third time there is nothing to add, and the file is not written.
	before, _ := os.ReadFile(path)
	out, _, code = pmwiz(t, dir, "timeline", "add", "checkout", chat)
	if after, _ := os.ReadFile(path); code != 0 || !strings.Contains(out, "All 8 events chosen are in checkout already") || string(after) != string(before) {
		t.Errorf("third add: exit %d\n%s", code, out)
	}
}

func TestTimelineAddStdinAndFlags(t *testing.T) {
	dir := t.TempDir()
	path := seedIncident(t, dir)
	old := now
	now = func() time.Time { return testNow }
	defer func() { now = old }()
	var outb, errb strings.Builder
	in := strings.NewReader("14:05 UTC ana: paged\n14:20 ana: rolled back\n")
	code := run(t.Context(), []string{"--drafts-dir", dir, "timeline", "add", "checkout", "-", "--tz", "Europe/Berlin", "--day", "2026-03-08", "--who", "ANA"}, in, &outb, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	got := eventLines(readDraftFile(t, path))
	// 14:05 UTC is 10:05 in New York (summer time began at 02:00 that
	// day); 14:20 without a zone is Berlin time (--tz), 09:20 in New York.
	want := []string{"03-07 23:41 ben: yes, 4.12 went out at 23:30", "03-08 09:20 ana: rolled back", "03-08 10:05 ana: paged"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTimelineAddChangesNothing: a dry run, and every refusal, leave the
// draft's bytes as they were, and say what to do.
func TestTimelineAddChangesNothing(t *testing.T) {
	dir := t.TempDir()
	path := seedIncident(t, dir)
	before, _ := os.ReadFile(path)
	bin := filepath.Join(t.TempDir(), "core.bin")
	os.WriteFile(bin, []byte("\x7fELF\x00\x00\x00"), 0o600)
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("we should talk about this\n"), 0o600)
	big := filepath.Join(t.TempDir(), "big.log")
	var b strings.Builder
	for i := range 2500 {
		fmt.Fprintf(&b, "2026-03-08T05:%02d:%02dZ request %d\n", i/60%60, i%60, i)
	}
	os.WriteFile(big, []byte(b.String()), 0o600)

	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"dry run", []string{chat, "--dry-run"}, 0, []string{"2026-03-07 23:58:00  chat.txt", "8 events would be added", "nothing was changed"}},
		{"binary", []string{bin}, 2, []string{"core.bin: looks binary", "Nothing was changed"}},
		{"unknown format", []string{notes}, 2, []string{"notes.txt: pmwiz cannot tell", "--format", "Nothing was changed"}},
		{"too many", []string{big}, 2, []string{"2500 events match", "more than the 2000", "--since/--until", "Nothing was changed"}},
		{"nothing in the window", []string{chat, "--since", "2026-04-01 00:00"}, 2, []string{"no events", "widen --since/--until", "Nothing was changed"}},
		{"bad regexp", []string{chat, "--grep", "(roll"}, 2, []string{"--grep \"(roll\" is not a regular expression"}},
		{"bad zone", []string{chat, "--tz", "Mars/Olympus"}, 2, []string{"--tz Mars/Olympus is not a time zone"}},
		{"bad format", []string{chat, "--format", "xml"}, 2, []string{"--format xml: pmwiz reads slack, lines"}},
		{"until before since", []string{chat, "--since", "2h", "--until", "-3h"}, 2, []string{"is before --since", "swap them"}},
		{"missing file", []string{"nope.log"}, 2, []string{"nope.log: no such file", "Nothing was changed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := pmwiz(t, dir, append([]string{"timeline", "add", "checkout"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out+errOut, w) {
					t.Errorf("output does not say %q:\n%s%s", w, out, errOut)
				}
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Errorf("the draft changed")
			}
		})
	}
}

func TestTimelineAddLocked(t *testing.T) {
	dir := t.TempDir()
	path := seedIncident(t, dir)
	s, _ := store.Open(dir)
	lock, err := s.Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	before, _ := os.ReadFile(path)
	_, errOut, code := pmwiz(t, dir, "timeline", "add", "checkout", chat)
	if code != 2 || !strings.Contains(errOut, "close it there first") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Errorf("the draft changed while another pmwiz held it")
	}
}
