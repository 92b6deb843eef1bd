package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
	"github.com/pmwiz/pmwiz/tui"
)

// These tests drive the real binary in tmux, as a person would: the picker
// and the "open elsewhere" question only appear on a terminal.

func buildPmwiz(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and drives it in tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := filepath.Join(t.TempDir(), "pmwiz")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

type tmuxSession struct {
	t      *testing.T
	name   string
	socket string
}

// startTmux runs command in a tmux server of its own (-S): on the shared
// default server, a session ending as the next one starts could take the
// dying server down with it ("server exited unexpectedly"), and a
// developer's own tmux sessions would share the test's server.
func startTmux(t *testing.T, dir string, command string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, name: fmt.Sprintf("pmwiz-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	// A short directory: a socket's path must fit in 108 bytes.
	sockDir, err := os.MkdirTemp("", "pmwiz-tmux")
	if err != nil {
		t.Fatal(err)
	}
	s.socket = filepath.Join(sockDir, "s")
	// The shell stays after pmwiz exits so the test can read its last words.
	cmd := s.tmux("new-session", "-d", "-s", s.name, "-x", "100", "-y", "30",
		"-e", store.EnvDraftsDir+"="+dir, command+"; echo EXIT=$?; sleep 60")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		s.tmux("kill-server").Run()
		os.RemoveAll(sockDir)
	})
	return s
}

// tmux is a tmux command on this session's own server.
func (s *tmuxSession) tmux(args ...string) *exec.Cmd {
	return exec.Command("tmux", append([]string{"-S", s.socket}, args...)...)
}

func (s *tmuxSession) screen() string {
	out, _ := s.tmux("capture-pane", "-p", "-t", s.name).Output()
	return string(out)
}

// waitFor polls the screen until it shows want.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q:\n%s", want, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stepHeading matches the form's heading of a step, "8. Technologies".
// (words one space apart: the score panel stands two or more away).
var stepHeading = regexp.MustCompile(`\b(\d+)\. ([A-Z][A-Za-z&]*(?: [A-Za-z&]+)*)`)

// goToStep presses key (PgDn or PgUp) until the form's heading is the step
// titled title, whatever its number: steps are named, never counted, so a
// step added elsewhere does not break the test. It returns the screen.
func (s *tmuxSession) goToStep(title, key string) string {
	s.t.Helper()
	heading := func(scr string) string {
		if m := stepHeading.FindStringSubmatch(scr); m != nil {
			return strings.TrimSpace(m[2])
		}
		return ""
	}
	for range 20 {
		scr := s.screen()
		h := heading(scr)
		if h == title {
			return scr
		}
		s.keys(key)
		deadline := time.Now().Add(10 * time.Second)
		for heading(s.screen()) == h && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
	}
	s.t.Fatalf("never reached the step %q:\n%s", title, s.screen())
	return ""
}

func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	if err := s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...).Run(); err != nil {
		s.t.Fatal(err)
	}
}

// TestTmux builds the binary once and runs each scenario on it.
func TestTmux(t *testing.T) {
	bin := buildPmwiz(t)
	t.Run("picker opens the chosen draft", func(t *testing.T) { tmuxPicker(t, bin) })
	t.Run("draft open elsewhere offers read-only", func(t *testing.T) { tmuxOpenElsewhere(t, bin) })
	t.Run("list on a terminal shows the newest 30", func(t *testing.T) { tmuxListLimit(t, bin) })
	t.Run("picker scores the rows it shows", func(t *testing.T) { tmuxPickerScores(t, bin) })
}

// tmuxListLimit: on a terminal "pmwiz list" shows the newest 30 drafts and
// says how to see the rest; --all shows every one.
func tmuxListLimit(t *testing.T, bin string) {
	dir := t.TempDir()
	for i := range 32 {
		seed(t, dir, fmt.Sprintf("pm-%02d", i), fmt.Sprintf("Outage %02d", i), testNow.Add(-time.Duration(i)*time.Hour))
	}
	tm := startTmux(t, dir, bin+" list")
	scr := tm.waitFor("EXIT=0")
	if !strings.Contains(scr, "The newest 30 of 32 drafts. Every one: pmwiz list --all") ||
		!strings.Contains(scr, "pm-29 ") || strings.Contains(scr, "pm-30 ") {
		t.Fatalf("pmwiz list on a terminal:\n%s", scr)
	}
	tm2 := startTmux(t, dir, bin+" list --all")
	scr = tm2.waitFor("EXIT=0")
	if strings.Contains(scr, "The newest") || !strings.Contains(scr, "pm-31 ") {
		t.Fatalf("pmwiz list --all on a terminal:\n%s", scr)
	}
}

// tmuxPickerScores: over 80 drafts the picker's listing scores the
// newest 60; the first screen shows scores, and so do the rows paged
// into view past those 60, each the score "pmwiz score" gives.
func tmuxPickerScores(t *testing.T, bin string) {
	dir := t.TempDir()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // title: score
	for i := range 80 {
		d := model.New(fmt.Sprintf("Outage %02d", i), testNow.Add(-time.Duration(i)*time.Hour))
		if i%2 == 0 {
			d.Summary = "The checkout database ran out of connections after a config change halved the pool."
		}
		if i%3 == 0 {
			d.Impact = model.Impact{Who: "Customers paying by card", What: "Checkout failed", Extent: "12% of orders for 85 minutes"}
		}
		if err := s.Save(fmt.Sprintf("pm-%02d", i), d); err != nil {
			t.Fatal(err)
		}
		r := model.Score(d)
		want[d.Title] = tui.ScoreOf(r.Score, r.Max)
	}
	// Every "Outage NN" row on screen shows that draft's score, and
	// none is still being worked out.
	scored := func(from, to int) func(string) bool {
		return func(scr string) bool {
			for i := from; i <= to; i++ {
				title := fmt.Sprintf("Outage %02d", i)
				row := ""
				for _, l := range strings.Split(scr, "\n") {
					if strings.Contains(l, title+" ") {
						row = l
					}
				}
				if !strings.Contains(row, want[title]) {
					return false
				}
			}
			return !strings.Contains(scr, "…")
		}
	}
	// 100x30: 26 rows, drafts 00 to 25 ("resume" offers no new one).
	tm := startTmux(t, dir, bin+" resume")
	tm.waitUntil("the first 26 drafts with their scores", scored(0, 25))
	// Three pages down the cursor is on draft 78: drafts 53 to 78 are shown,
	// 60 to 78 past those the listing scored.
	tm.keys("PgDn", "PgDn", "PgDn")
	tm.waitFor("› Outage 78")
	tm.waitUntil("drafts 53 to 78 with their scores", scored(53, 78))
	tm.keys("Escape")
	tm.waitFor("EXIT=0")
}

func tmuxPicker(t *testing.T, bin string) {
	dir := t.TempDir()
	s, _ := store.Open(dir)
	s.Create("Checkout outage", testNow.Add(-time.Hour))
	s.Create("DNS failure", testNow)

	tm := startTmux(t, dir, bin)
	scr := tm.waitFor("Pick a post-mortem")
	checkout, dns := strings.Index(scr, "Checkout outage"), strings.Index(scr, "DNS failure")
	if !strings.Contains(scr, "› + Start a new post-mortem") || dns < 0 || checkout < dns {
		t.Fatalf("picker screen (want new first, then newest first):\n%s", scr)
	}
	tm.keys("Down")
	tm.waitFor("› DNS failure")
	tm.keys("Down")
	tm.waitFor("› Checkout outage")
	tm.keys("Enter")
	tm.waitFor("Steps") // the wizard is open on it
	tm.keys("C-c")
	scr = tm.waitFor("EXIT=0")
	if !strings.Contains(scr, filepath.Join(dir, "2026-11-24-checkout-outage.json")) {
		t.Fatalf("did not open the chosen draft:\n%s", scr)
	}

	// "n" starts a new post-mortem.
	tm2 := startTmux(t, dir, bin)
	tm2.waitFor("Pick a post-mortem")
	tm2.keys("n")
	tm2.waitFor("Steps")
	// A title typed in the wizard names the draft on the way out.
	tm2.keys("-l", "Picker outage")
	tm2.waitFor("Picker outage")
	tm2.keys("C-c")
	scr = tm2.waitFor("EXIT=0")
	if es, _ := s.List(); len(es) != 3 {
		t.Fatalf("n did not create a draft: %d drafts", len(es))
	}
	if !strings.Contains(scr, "-picker-outage.json") {
		t.Fatalf("the new draft is not named after its title:\n%s", scr)
	}

	// "n" and quit at once: nothing written, nothing kept.
	tm3 := startTmux(t, dir, bin)
	tm3.waitFor("Pick a post-mortem")
	tm3.keys("n")
	tm3.waitFor("Steps")
	tm3.keys("C-c")
	tm3.waitFor("the new draft was not kept")
	if es, _ := s.List(); len(es) != 3 {
		t.Fatalf("an untouched draft was kept: %d drafts", len(es))
	}
}

func tmuxOpenElsewhere(t *testing.T, bin string) {
	dir := t.TempDir()
	s, _ := store.Open(dir)
	name, _, _ := s.Create("Held", testNow)
	lock, err := s.Lock(name)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()

	tm := startTmux(t, dir, bin+" resume "+name)
	scr := tm.waitFor("Open it read-only? [y/N]")
	if !strings.Contains(scr, fmt.Sprintf("pid %d", os.Getpid())) {
		t.Errorf("does not say who holds the draft:\n%s", scr)
	}
	tm.keys("y", "Enter")
	scr = tm.waitFor("Steps")
	tm.keys("C-c")
	tm.waitFor("EXIT=0")
	if !strings.Contains(scr, "read-only") {
		t.Fatalf("not opened read-only:\n%s", scr)
	}

	// Answering no (or just Enter) leaves without opening.
	tm2 := startTmux(t, dir, bin+" resume "+name)
	tm2.waitFor("Open it read-only? [y/N]")
	tm2.keys("Enter")
	scr = tm2.waitFor("EXIT=0")
	if strings.Contains(scr, "Draft (read-only)") {
		t.Fatalf("opened after a no:\n%s", scr)
	}
}
