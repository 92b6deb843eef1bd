package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// Without a terminal, `pmwiz new` asks the wizard's steps as line prompts
// and writes the answers to the draft, then says how to resume it.
func TestNewWithoutATerminalAsksLinePrompts(t *testing.T) {
	dir := t.TempDir()
	answers := strings.Join([]string{
		"", "SEV2", "", "Ada", // Basics: keep the title
		"We broke checkout for 47 minutes.", // Summary
	}, "\n") + "\n"
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"--drafts-dir", dir, "new", "--title", "Checkout outage"}, strings.NewReader(answers), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	o := out.String()
	for _, want := range []string{": Basics\n", ": Summary\n", "Resume it with: pmwiz resume "} {
		if !strings.Contains(o, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != 1 {
		t.Fatalf("drafts: %v", files)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Checkout outage" || d.Severity != "SEV2" || d.Summary != "We broke checkout for 47 minutes." || len(d.Authors) != 1 {
		t.Fatalf("draft: title %q severity %q summary %q authors %v", d.Title, d.Severity, d.Summary, d.Authors)
	}
}

// ACCESSIBLE=1 asks for line prompts even where a terminal would allow
// the full-screen wizard (here there is none either way; the flag parses).
func TestAccessibleFlagAndEnv(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"--accessible"}, nil} {
		if args == nil {
			t.Setenv("ACCESSIBLE", "1")
		}
		var out, errb bytes.Buffer
		code := run(context.Background(), append([]string{"--drafts-dir", dir, "new", "--title", "A11y"}, args...), strings.NewReader(""), &out, &errb)
		if code != 0 || !strings.Contains(out.String(), "accessible mode") {
			t.Fatalf("args %v: exit %d\n%s%s", args, code, out.String(), errb.String())
		}
	}
}

// A draft held by another pmwiz opens read-only: the wizard says who holds
// it, and nothing typed is written.
func TestReadOnlyWizardSaysWhoHoldsTheLock(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	name, _, err := s.Create("Held", testNow)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".json")
	lock, err := s.Lock(name)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	before, _ := os.ReadFile(path)
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"--drafts-dir", dir, "resume", "--read-only", name}, strings.NewReader("New title\n"), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	o := out.String()
	if !strings.Contains(o, "read-only: draft "+strconv.Quote(name)+" is open in another pmwiz (pid") || !strings.Contains(o, "Draft (read-only, not changed): "+path) {
		t.Fatalf("output:\n%s", o)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("a read-only session changed the draft")
	}
}
