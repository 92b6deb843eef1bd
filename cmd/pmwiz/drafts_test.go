package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

var testNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// pmwiz runs the CLI in-process with the drafts directory dir and a
// stdin that is not a terminal.
func pmwiz(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	old := now
	now = func() time.Time { return testNow }
	defer func() { now = old }()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"--drafts-dir", dir}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func seed(t *testing.T, dir string, name, title string, updated time.Time) {
	t.Helper()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := model.New(title, updated)
	if err := s.Save(name, d); err != nil {
		t.Fatal(err)
	}
}

func TestListHumanNewestFirst(t *testing.T) {
	dir := t.TempDir()
	seed(t, dir, "older", "DNS outage", testNow.Add(-26*time.Hour))
	seed(t, dir, "newer", "Checkout \x1b[31mfailed\x1b[0m", testNow.Add(-2*time.Hour-10*time.Minute))
	os.WriteFile(filepath.Join(dir, "broken.json"), []byte("{"), 0o600)
	os.Chtimes(filepath.Join(dir, "broken.json"), testNow.Add(-5*time.Minute), testNow.Add(-5*time.Minute))

	out, errOut, code := pmwiz(t, dir, "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "NAME") {
		t.Fatalf("list output:\n%s", out)
	}
	for i, want := range [][]string{
		{"broken", "cannot be read", "5 min ago"},
		{"newer", "Checkout", "draft", "2 h ago"},
		{"older", "DNS outage", "yesterday"},
	} {
		for _, w := range want {
			if !strings.Contains(lines[i+1], w) {
				t.Errorf("line %d %q does not show %q", i+1, lines[i+1], w)
			}
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("a title's escape sequence reached the terminal: %q", out)
	}
}

func TestListJSON(t *testing.T) {
	dir := t.TempDir()
	seed(t, dir, "pm", "DB failover", testNow.Add(-time.Hour))
	os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"schema": 9}`), 0o600)
	out, errOut, code := pmwiz(t, dir, "list", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(items) != 2 {
		t.Fatalf("%d items", len(items))
	}
	byName := map[string]map[string]any{}
	for _, it := range items {
		for _, k := range []string{"name", "path", "title", "status", "score", "updated", "error"} {
			if _, ok := it[k]; !ok {
				t.Errorf("item %v has no %q", it["name"], k)
			}
		}
		byName[it["name"].(string)] = it
	}
	pm := byName["pm"]
	if pm["title"] != "DB failover" || pm["status"] != "draft" || pm["error"] != nil || pm["path"] != filepath.Join(dir, "pm.json") {
		t.Errorf("pm = %v", pm)
	}
	if _, err := time.Parse(time.RFC3339, pm["updated"].(string)); err != nil {
		t.Errorf("updated %v is not RFC 3339", pm["updated"])
	}
	if b := byName["broken"]; b["score"] != nil || !strings.Contains(b["error"].(string), "newer pmwiz") {
		t.Errorf("broken = %v", b)
	}
	// An empty directory is an empty array, not null.
	out, _, _ = pmwiz(t, t.TempDir(), "list", "--json")
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("empty list --json = %q", out)
	}
}

func TestNewCreatesADraftAndResumeFindsIt(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := pmwiz(t, dir, "new", "--title", "Checkout outage")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	name := "2026-11-24-checkout-outage"
	// With --drafts-dir the name alone would not find it again: the path is given.
	if !strings.Contains(out, "Resume it with: pmwiz resume "+filepath.Join(dir, name+".json")) {
		t.Errorf("new printed:\n%s", out)
	}
	// The lock is released when the wizard returns.
	if _, err := os.Stat(filepath.Join(dir, name+".lock")); !os.IsNotExist(err) {
		t.Error("lock file left behind")
	}
	out, errOut, code = pmwiz(t, dir, "resume", name)
	if code != 0 || !strings.Contains(out, name) {
		t.Fatalf("resume: exit %d\n%s%s", code, out, errOut)
	}
}

func TestResumeErrors(t *testing.T) {
	dir := t.TempDir()
	_, errOut, code := pmwiz(t, dir, "resume", "nope")
	if code != 2 || !strings.Contains(strings.ToLower(errOut), "pmwiz list") {
		t.Errorf("resume of a missing draft: exit %d, %q", code, errOut)
	}
	os.WriteFile(filepath.Join(dir, "pm.json"), []byte("{"), 0o600)
	_, errOut, code = pmwiz(t, dir, "resume", "pm")
	if code != 2 || !strings.Contains(strings.ToLower(errOut), "left as it is") {
		t.Errorf("resume of a broken draft: exit %d, %q", code, errOut)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "pm.json")); string(data) != "{" {
		t.Error("resume changed a broken draft")
	}
}

func TestResumeFromBackup(t *testing.T) {
	dir := t.TempDir()
	seed(t, dir, "pm", "Good title", testNow)
	path := filepath.Join(dir, "pm.json")
	os.Rename(path, path+".bak")
	os.WriteFile(path, []byte(`{"schema": 1, "title": "cut`), 0o600)
	out, errOut, code := pmwiz(t, dir, "resume", "--from-backup", "pm")
	if code != 0 || !strings.Contains(out, path) || !strings.Contains(errOut, "Restored") {
		t.Fatalf("resume --from-backup: exit %d\n%s%s", code, out, errOut)
	}
	s, _ := store.Open(dir)
	if l, err := s.Load("pm"); err != nil || l.Draft.Title != "Good title" {
		t.Fatalf("after restore: %v", err)
	}
}

func TestResumeWhileOpenElsewhere(t *testing.T) {
	dir := t.TempDir()
	seed(t, dir, "pm", "Held", testNow)
	s, _ := store.Open(dir)
	lock, err := s.Lock("pm")
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	_, errOut, code := pmwiz(t, dir, "resume", "pm")
	if code != 2 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"pid " + strconv.Itoa(os.Getpid()), "read-only"} {
		if !strings.Contains(strings.ToLower(errOut), want) {
			t.Errorf("stderr does not say %q:\n%s", want, errOut)
		}
	}
	out, errOut, code := pmwiz(t, dir, "resume", "--read-only", "pm")
	if code != 0 || !strings.Contains(out, "read-only") {
		t.Errorf("resume --read-only: exit %d\n%s%s", code, out, errOut)
	}
	_, errOut, code = pmwiz(t, dir, "rm", "pm")
	if code != 2 || !strings.Contains(errOut, "close it there first") {
		t.Errorf("rm of an open draft: exit %d %q", code, errOut)
	}
}

// A draft that cannot be locked at all (here its lock path is a
// directory; on a read-only disk it cannot be created) is not edited, but
// can be read.
func TestResumeWhenTheLockCannotBeTaken(t *testing.T) {
	dir := t.TempDir()
	seed(t, dir, "pm", "Unlockable", testNow)
	os.Mkdir(filepath.Join(dir, "pm.lock"), 0o700)
	_, errOut, code := pmwiz(t, dir, "resume", "pm")
	if code != 2 || !strings.Contains(errOut, "Cannot lock") || !strings.Contains(errOut, "--read-only "+filepath.Join(dir, "pm.json")) {
		t.Fatalf("resume of an unlockable draft: exit %d\n%s", code, errOut)
	}
}

func TestRmMovesToTrash(t *testing.T) {
	dir := t.TempDir()
	seed(t, dir, "a", "A", testNow)
	seed(t, dir, "b", "B", testNow)
	out, errOut, code := pmwiz(t, dir, "rm", "a", "missing", "b")
	if code != 2 || !strings.Contains(errOut, `no draft named "missing"`) {
		t.Errorf("rm with a missing draft: exit %d %q", code, errOut)
	}
	for _, n := range []string{"a", "b"} {
		if !strings.Contains(out, filepath.Join(dir, store.TrashDir, n+".json")) {
			t.Errorf("rm did not say where %s went:\n%s", n, out)
		}
		if _, err := os.Stat(filepath.Join(dir, store.TrashDir, n+".json")); err != nil {
			t.Errorf("%s not in the trash", n)
		}
	}
}

func TestDefaultActionWithoutATerminal(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "fresh")
	// No drafts: plain pmwiz starts a new one; nothing typed, it is not kept.
	out, errOut, code := pmwiz(t, dir)
	if code != 0 || !strings.Contains(out, ": Basics\n") || !strings.Contains(out, "the new draft was not kept") {
		t.Fatalf("pmwiz with no drafts: exit %d\n%s%s", code, out, errOut)
	}
	seed(t, dir, "2026-11-24-postmortem", "", testNow)
	// Drafts, but no terminal: no picker; list them and say what to do.
	_, errOut, code = pmwiz(t, dir)
	if code != 2 || !strings.Contains(errOut, "2026-11-24-postmortem") || !strings.Contains(errOut, "pmwiz resume NAME") {
		t.Fatalf("pmwiz off a terminal: exit %d\n%s", code, errOut)
	}
	_, errOut, code = pmwiz(t, dir, "resume")
	if code != 2 || !strings.Contains(strings.ToLower(errOut), "not a terminal") {
		t.Fatalf("pmwiz resume off a terminal: exit %d\n%s", code, errOut)
	}
}

func TestDraftsDirPrecedence(t *testing.T) {
	env, flag := t.TempDir(), t.TempDir()
	t.Setenv(store.EnvDraftsDir, env)
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"new", "-t", "env"}, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatal(errb.String())
	}
	if !strings.Contains(out.String(), env) {
		t.Errorf("without --drafts-dir the draft is not in $%s: %s", store.EnvDraftsDir, out.String())
	}
	o, _, _ := pmwiz(t, flag, "new", "-t", "flag")
	if !strings.Contains(o, flag) {
		t.Errorf("--drafts-dir not used: %s", o)
	}
}

// On a 100-column terminal every line of "pmwiz list" fits: a wrapped
// table is unreadable. Titles are cut, names never (resume takes them).
// The score reads as "pmwiz score" prints it.
func TestListFitsTheWidth(t *testing.T) {
	// Only broken drafts: the reason still gets the line's width.
	var only strings.Builder
	writeList(&only, "/d", []store.Entry{{Name: "fifo", Err: errors.New("a named pipe (FIFO), not a draft file"), Updated: testNow}}, testNow, 100)
	if !strings.Contains(only.String(), "cannot be read: a named pipe (FIFO), not a draft file") {
		t.Errorf("the reason is cut:\n%s", only.String())
	}

	long := strings.Repeat("x", 60)
	entries := []store.Entry{
		{Name: "2026-11-24-" + long[:40], Title: "Checkout failed for EU customers for 85 minutes", Status: "review", Score: 97.5, MaxScore: 100, Updated: testNow},
		{Name: "dns", Title: "DNS", Status: "draft", Score: 40, MaxScore: 100, Updated: testNow},
		{Name: "broken", Err: errors.New("not valid JSON: line 4, column 1"), Updated: testNow},
	}
	for _, width := range []int{100, 120} {
		var b strings.Builder
		writeList(&b, "/d", entries, testNow, width)
		for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: line is %d cells: %q", width, w, l)
			}
		}
		// A broken draft's reason uses the empty status and score columns.
		if !strings.Contains(b.String(), entries[0].Name) || !strings.Contains(b.String(), "97.5/100") || !strings.Contains(b.String(), "cannot be read: not valid JSON") {
			t.Errorf("width %d: name cut or score rounded:\n%s", width, b.String())
		}
	}
}

// Tab completion offers draft names, so nobody types a dated slug.
func TestCompletionOffersDraftNames(t *testing.T) {
	dir := t.TempDir()
	seed(t, dir, "2026-11-24-checkout-outage", "Checkout", testNow)
	seed(t, dir, "2026-11-20-dns", "DNS", testNow)
	t.Setenv(store.EnvDraftsDir, dir)
	for _, args := range [][]string{{"__complete", "resume", "2026-11-24"}, {"__complete", "export", "2026-11-24"}, {"__complete", "rm", "2026-11-20-dns", "2026-11-24"}} {
		code, out, _ := runCLI(t, args...)
		if code != 0 || !strings.Contains(out, "2026-11-24-checkout-outage\n") || strings.Contains(out, "2026-11-20-dns\n") {
			t.Errorf("%v: exit %d, completions:\n%s", args, code, out)
		}
	}
}

// In the default drafts directory (here set by PMWIZ_DRAFTS_DIR) the short
// name is enough to resume.
func TestResumeHintUsesTheNameInTheDefaultDirectory(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("PMWIZ_DRAFTS_DIR", dir)
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"new", "--title", "Disk full"}, strings.NewReader(""), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !regexp.MustCompile(`Resume it with: pmwiz resume \d{4}-\d{2}-\d{2}-disk-full\n`).MatchString(out.String()) {
		t.Fatalf("want the short name in the resume hint:\n%s", out.String())
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/tmp/d/x.json":     "/tmp/d/x.json",
		"/tmp/my drafts/x":  "'/tmp/my drafts/x'",
		"/tmp/it's/x.json":  `'/tmp/it'\''s/x.json'`,
		"/tmp/$HOME/x.json": "'/tmp/$HOME/x.json'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
