package store

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestValidateName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
		want string // in the error
	}{
		{"2026-11-24-checkout-outage", true, ""},
		{"db outage (eu)", true, ""},
		{"panne-électricité", true, ""},
		{strings.Repeat("a", 64), true, ""},
		{"", false, "empty"},
		{strings.Repeat("a", 65), false, "65 bytes"},
		{strings.Repeat("é", 33), false, "66 bytes"},
		{"a/b", false, "slash"},
		{`a\b`, false, "slash"},
		{"..", false, ".."},
		{"a..b", false, ".."},
		{".hidden", false, "starts with a dot"},
		{".trash", false, "starts with a dot"},
		{"bell\a", false, "control character"},
		{"esc\x1b[31mred", false, "control character"},
		{"new\nline", false, "control character"},
		{"rtl\u202eevil", false, "control character"},
		{"bad\xffutf8", false, "UTF-8"},
	}
	for _, tt := range tests {
		err := ValidateName(tt.name)
		if (err == nil) != tt.ok {
			t.Errorf("ValidateName(%q) = %v, want ok=%v", tt.name, err, tt.ok)
			continue
		}
		if err != nil && !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ValidateName(%q) = %q, want it to say %q", tt.name, err, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	day := time.Date(2026, 11, 24, 23, 59, 0, 0, time.UTC)
	tests := []struct{ title, want string }{
		{"Checkout outage", "2026-11-24-checkout-outage"},
		{"  DB: 5xx on /api/v2!! ", "2026-11-24-db-5xx-on-api-v2"},
		{"Panne d'électricité à Zürich", "2026-11-24-panne-delectricite-a-zurich"},
		{"", "2026-11-24-postmortem"},
		{"!!! ???", "2026-11-24-postmortem"},
		// Non-ASCII titles are transliterated, not dropped.
		{"Сбой оплаты", "2026-11-24-sboi-oplaty"},
		{"Größe", "2026-11-24-grosse"},
		{"Ærø", "2026-11-24-aero"},
		{"日本語", "2026-11-24-ri-ben-yu"},
		// Escape sequences are removed before the title is read.
		{"\x1b[31m red \x1b[0m", "2026-11-24-red"},
		{strings.Repeat("word ", 30), "2026-11-24-word-word-word-word-word-word-word-word-word-word"},
	}
	for _, tt := range tests {
		got := Slug(tt.title, day)
		if got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.title, got, tt.want)
		}
		if err := ValidateName(got); err != nil || len(got)+4 > MaxNameLen {
			t.Errorf("Slug(%q) = %q: not a valid name with room for a suffix: %v", tt.title, got, err)
		}
	}
}

func TestResolve(t *testing.T) {
	s := mustOpen(t)
	if err := s.Save("pm", fullDraft(1)); err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir()
	outside := filepath.Join(elsewhere, "other.json")
	writeRaw(t, outside, encode(t, fullDraft(2)))
	t.Chdir(elsewhere)
	writeRaw(t, filepath.Join(elsewhere, "pm.json"), encode(t, fullDraft(3)))

	tests := []struct {
		ref, want, err string
	}{
		{ref: "pm", want: filepath.Join(s.Dir(), "pm.json")},
		{ref: outside, want: outside},
		{ref: "./other.json", want: outside},
		{ref: "other.json", want: outside}, // a file in the current directory
		{ref: "pm.json", want: filepath.Join(elsewhere, "pm.json")},
		{ref: "other", err: `no draft named "other"`},
		{ref: "./notes.txt", err: "ends in .json"},
		{ref: "/nope/x.json", err: "no such file"},
		{ref: "", err: "no draft given"},
		{ref: "bad\x1bname", err: "control character"},
	}
	for _, tt := range tests {
		got, err := s.Resolve(tt.ref)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Resolve(%q) = %q, %v; want error %q", tt.ref, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tt.ref, got, err, tt.want)
		}
	}
	// "NAME.json" falls back to the draft when no such file is here.
	os.Remove(filepath.Join(elsewhere, "pm.json"))
	if got, err := s.Resolve("pm.json"); err != nil || got != filepath.Join(s.Dir(), "pm.json") {
		t.Errorf("Resolve(pm.json) = %q, %v", got, err)
	}
}

func TestDefaultDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	t.Setenv(EnvDraftsDir, "")
	got, err := DefaultDir("")
	if want := filepath.Join(home, "data", "pmwiz", "drafts"); err != nil || got != want {
		t.Errorf("DefaultDir with XDG_DATA_HOME = %q, %v; want %q", got, err, want)
	}
	t.Setenv(EnvDraftsDir, filepath.Join(home, "env"))
	if got, _ := DefaultDir(""); got != filepath.Join(home, "env") {
		t.Errorf("DefaultDir with %s = %q", EnvDraftsDir, got)
	}
	t.Chdir(home)
	if got, _ := DefaultDir("flag"); got != filepath.Join(home, "flag") {
		t.Errorf("DefaultDir(flag) = %q, want it absolute and first", got)
	}
}

func TestOpenCreatesDirectoryAndRejectsAFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() || fi.Mode().Perm() != 0o700 || s.Dir() != dir {
		t.Fatalf("Open did not create %s 0700", dir)
	}
	file := filepath.Join(t.TempDir(), "f")
	writeRaw(t, file, nil)
	if _, err := Open(file); err == nil || !strings.Contains(err.Error(), "is a file") {
		t.Fatalf("Open(a file) = %v", err)
	}
}

func TestCreateMakesUniqueNames(t *testing.T) {
	s := mustOpen(t)
	var names []string
	for range 3 {
		name, d, err := s.Create("Checkout outage", t0)
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != "Checkout outage" || d.Created == nil || !d.Created.Equal(t0) {
			t.Errorf("Create returned %+v", d)
		}
		names = append(names, name)
	}
	want := []string{"2026-11-24-checkout-outage", "2026-11-24-checkout-outage-2", "2026-11-24-checkout-outage-3"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("names = %v, want %v", names, want)
	}
	for _, n := range names {
		if l, err := s.Load(n); err != nil || l.Draft.Title != "Checkout outage" {
			t.Errorf("Load(%s) = %v", n, err)
		}
	}
	if got := len(dirNames(t, s.Dir())); got != 3 {
		t.Errorf("%d files after 3 creates, want 3 (no temp files)", got)
	}
}

func TestCreateWithoutHardLinks(t *testing.T) {
	ffs := newFaultFS("link", syscall.EPERM)
	s := mustOpen(t, WithFS(ffs))
	a, _, err1 := s.Create("No links", t0)
	b, _, err2 := s.Create("No links", t0)
	if err1 != nil || err2 != nil || a == b {
		t.Fatalf("Create without hard links: %q %v, %q %v", a, err1, b, err2)
	}
	for _, n := range []string{a, b} {
		if l, err := s.Load(n); err != nil || l.Draft.Title != "No links" {
			t.Errorf("Load(%s) = %v", n, err)
		}
	}
}

func TestConcurrentCreatesNeverShareAName(t *testing.T) {
	s := mustOpen(t)
	const n = 20
	names := make(chan string, n)
	for range n {
		go func() {
			name, _, err := s.Create("Race", t0)
			if err != nil {
				t.Error(err)
			}
			names <- name
		}()
	}
	seen := map[string]bool{}
	for range n {
		name := <-names
		if seen[name] {
			t.Fatalf("two creates got %q", name)
		}
		seen[name] = true
	}
}

func TestCreateFromKeepsTheTextAndMakesNoBackup(t *testing.T) {
	s := mustOpen(t)
	d := fullDraft(1)
	d.Title = "Imported outage"
	name, err := s.CreateFrom(d, t0)
	if err != nil {
		t.Fatal(err)
	}
	if name != "2026-11-24-imported-outage" {
		t.Errorf("name = %q, want one made from the title and date", name)
	}
	l, err := s.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	if l.Draft.Summary != d.Summary || len(l.Draft.Timeline.Events) != len(d.Timeline.Events) {
		t.Errorf("loaded draft lost the imported text: %+v", l.Draft)
	}
	if got := dirNames(t, s.Dir()); len(got) != 1 {
		t.Errorf("files after CreateFrom = %v, want the draft alone (no .bak of an empty draft, no temp file)", got)
	}
}
