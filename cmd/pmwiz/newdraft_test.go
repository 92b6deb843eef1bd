package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/store"
)

func draftFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	var out []string
	for _, p := range m {
		out = append(out, filepath.Base(p))
	}
	sort.Strings(out)
	return out
}

// A new draft is named after its title once it has one, never over
// another draft; non-ASCII titles are transliterated; an untouched new
// draft is not kept.
func TestNewDraftIsNamedFromItsTitle(t *testing.T) {
	t.Setenv("TZ", "UTC")
	cases := []struct {
		title string
		want  string
	}{
		{"CDN outage", "2026-11-24-cdn-outage.json"},
		{"Сбой оплаты", "2026-11-24-sboi-oplaty.json"},
		{"Größe", "2026-11-24-grosse.json"},
		{"Ærø", "2026-11-24-aero.json"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		// Basics: the title typed in the wizard (line prompts here).
		out, errOut, code := pmwizIn(t, dir, c.title+"\n", "new")
		if code != 0 {
			t.Fatalf("%q: exit %d %s", c.title, code, errOut)
		}
		if got := draftFiles(t, dir); len(got) != 1 || got[0] != c.want {
			t.Errorf("%q: drafts %v, want [%s]", c.title, got, c.want)
		}
		if want := "pmwiz resume " + shellQuote(filepath.Join(dir, c.want)); !strings.Contains(out, want) {
			t.Errorf("%q: output does not say %q:\n%s", c.title, want, out)
		}
	}
}

func TestNewDraftNeverTakesAnotherDraftsName(t *testing.T) {
	t.Setenv("TZ", "UTC")
	dir := t.TempDir()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	other, _, err := s.Create("CDN outage", testNow)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, other+".json"))
	if _, errOut, code := pmwizIn(t, dir, "CDN outage\n", "new"); code != 0 {
		t.Fatalf("exit %d %s", code, errOut)
	}
	got := draftFiles(t, dir)
	if strings.Join(got, " ") != "2026-11-24-cdn-outage-2.json 2026-11-24-cdn-outage.json" {
		t.Fatalf("drafts %v", got)
	}
	after, _ := os.ReadFile(filepath.Join(dir, other+".json"))
	if string(before) != string(after) {
		t.Fatal("the other draft was changed")
	}
}

func TestUntouchedNewDraftIsNotKept(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := pmwizIn(t, dir, "", "new")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errOut)
	}
	if got := draftFiles(t, dir); len(got) != 0 {
		t.Fatalf("an untouched draft was kept: %v", got)
	}
	if !strings.Contains(out, "Nothing was written, so the new draft was not kept.") {
		t.Fatalf("output:\n%s", out)
	}
}

// pmwizIn is pmwiz with stdin.
func pmwizIn(t *testing.T, dir, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	old := now
	now = func() time.Time { return testNow }
	defer func() { now = old }()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"--drafts-dir", dir}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}
