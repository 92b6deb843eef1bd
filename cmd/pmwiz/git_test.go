package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// These tests work as a team would: one shared repository, two clones,
// each person edits the same post-mortem with pmwiz, commits, and pulls
// the other's work through git, with pmwiz as git's merge driver.

var (
	gitBinOnce sync.Once
	gitBin     string
	gitBinErr  string
)

// TestMain removes the merge-driver binary the git tests share, which no
// one test's TempDir can own: each run left a 24 MB copy in $TMPDIR.
func TestMain(m *testing.M) {
	code := m.Run()
	if gitBin != "" {
		os.RemoveAll(filepath.Dir(gitBin))
	}
	os.Exit(code)
}

// gitTestPmwiz builds the binary git runs as its merge driver.
func gitTestPmwiz(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and runs git")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	gitBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "pmwiz-git-test")
		if err != nil {
			gitBinErr = err.Error()
			return
		}
		gitBin = filepath.Join(dir, "pmwiz")
		if out, err := exec.Command("go", "build", "-o", gitBin, ".").CombinedOutput(); err != nil {
			gitBinErr = err.Error() + "\n" + string(out)
		}
	})
	if gitBinErr != "" {
		t.Fatalf("go build: %s", gitBinErr)
	}
	return gitBin
}

const teamDrafts = "postmortems/drafts"

type teamRepo struct {
	t      *testing.T
	bin    string
	root   string
	origin string
}

// clone is one person's working copy.
type clone struct {
	r    *teamRepo
	name string
	dir  string
}

func newTeamRepo(t *testing.T) *teamRepo {
	r := &teamRepo{t: t, bin: gitTestPmwiz(t), root: t.TempDir()}
	r.origin = filepath.Join(r.root, "origin.git")
	r.git(r.root, "init", "-q", "--bare", "-b", "main", r.origin)
	return r
}

func (r *teamRepo) env(name string) []string {
	return append(os.Environ(),
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "HOME="+r.root,
		"GIT_AUTHOR_NAME="+name, "GIT_AUTHOR_EMAIL="+name+"@example.com",
		"GIT_COMMITTER_NAME="+name, "GIT_COMMITTER_EMAIL="+name+"@example.com",
		store.EnvDraftsDir+"=", "NO_COLOR=1")
}

// git runs git and fails the test when it fails.
func (r *teamRepo) git(dir string, args ...string) string {
	r.t.Helper()
	out, err := r.tryGit(dir, "ana", args...)
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func (r *teamRepo) tryGit(dir, who string, args ...string) (string, error) {
	c := exec.Command("git", args...)
	c.Dir = dir
	c.Env = r.env(who)
	out, err := c.CombinedOutput()
	return string(out), err
}

// clone makes a working copy for name, set up with "pmwiz git setup".
func (r *teamRepo) clone(name string) *clone {
	c := &clone{r: r, name: name, dir: filepath.Join(r.root, name)}
	r.git(r.root, "clone", "-q", r.origin, c.dir)
	if out, code := c.pmwiz("git", "setup"); code != 0 {
		r.t.Fatalf("pmwiz git setup in %s: exit %d\n%s", name, code, out)
	}
	return c
}

func (c *clone) git(args ...string) string {
	c.r.t.Helper()
	out, err := c.r.tryGit(c.dir, c.name, args...)
	if err != nil {
		c.r.t.Fatalf("%s: git %s: %v\n%s", c.name, strings.Join(args, " "), err, out)
	}
	return out
}

func (c *clone) tryGit(args ...string) (string, error) {
	return c.r.tryGit(c.dir, c.name, args...)
}

func (c *clone) pmwiz(args ...string) (string, int) {
	cmd := exec.Command(c.r.bin, append([]string{"--drafts-dir", teamDrafts}, args...)...)
	cmd.Dir = c.dir
	cmd.Env = c.r.env(c.name)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return string(out), ee.ExitCode()
	} else if err != nil {
		c.r.t.Fatal(err)
	}
	return string(out), 0
}

func (c *clone) store() *store.Store {
	s, err := store.Open(filepath.Join(c.dir, teamDrafts))
	if err != nil {
		c.r.t.Fatal(err)
	}
	return s
}

// edit changes the draft as the wizard would (load, change, save) and
// commits it.
func (c *clone) edit(msg string, change func(d *model.Draft)) {
	c.r.t.Helper()
	s := c.store()
	l, err := s.Load("checkout")
	if err != nil {
		c.r.t.Fatalf("%s: load: %v", c.name, err)
	}
	change(l.Draft)
	if err := s.Save("checkout", l.Draft); err != nil {
		c.r.t.Fatal(err)
	}
	c.git("add", "-A")
	c.git("commit", "-q", "-m", msg)
}

func (c *clone) draft() *model.Draft {
	c.r.t.Helper()
	data, err := os.ReadFile(c.draftPath())
	if err != nil {
		c.r.t.Fatal(err)
	}
	d, err := model.Decode(data)
	if err != nil {
		c.r.t.Fatalf("%s: the draft after the merge does not read: %v\n%s", c.name, err, data)
	}
	return d
}

func (c *clone) draftPath() string { return filepath.Join(c.dir, teamDrafts, "checkout.json") }

func tm(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

// startTeam makes the repository, Ana's clone with a committed draft, and
// Ben's clone of it.
func startTeam(t *testing.T) (ana, ben *clone) {
	r := newTeamRepo(t)
	ana = r.clone("ana")
	d := model.New("Checkout failed for EU customers", *tm("2026-11-23T16:00:00+01:00"))
	d.Summary = "Checkout failed."
	d.Timeline.Events = []model.Event{
		{At: tm("2026-11-23T14:05:00+01:00"), Text: "Migration starts."},
		{At: tm("2026-11-23T14:12:00+01:00"), Text: "Alert fires."},
		{At: tm("2026-11-23T14:40:00+01:00"), Text: "Migration stopped."},
	}
	d.ActionItems = []model.ActionItem{{What: "Test migrations on big data", Owner: "ana"}}
	if err := ana.store().Save("checkout", d); err != nil {
		t.Fatal(err)
	}
	ana.git("add", "-A")
	ana.git("commit", "-q", "-m", "post-mortem: first draft")
	ana.git("push", "-q", "origin", "main")
	ben = r.clone("ben")
	return ana, ben
}

func eventTexts(d *model.Draft) string {
	var s []string
	for _, e := range d.Timeline.Events {
		s = append(s, e.Text)
	}
	return strings.Join(s, " | ")
}

func TestGitSetupIsIdempotentAndExplains(t *testing.T) {
	r := newTeamRepo(t)
	c := r.clone("ana") // runs setup once
	attrs := filepath.Join(c.dir, teamDrafts, ".gitattributes")
	ignore := filepath.Join(c.dir, teamDrafts, ".gitignore")
	before := [][]byte{readBytes(t, attrs), readBytes(t, ignore)}
	if !bytes.Contains(before[0], []byte("*.json merge=pmwiz\n")) {
		t.Errorf(".gitattributes: %q", before[0])
	}
	for _, want := range []string{"*.lock", "*.bak", ".index.json", ".trash/"} {
		if !bytes.Contains(before[1], []byte(want+"\n")) {
			t.Errorf(".gitignore lacks %s: %q", want, before[1])
		}
	}
	driver := c.git("config", "--local", "--get", "merge.pmwiz.driver")
	if !strings.Contains(driver, "merge-driver %O %A %B %P") {
		t.Errorf("driver %q", driver)
	}
	out, code := c.pmwiz("git", "setup")
	if code != 0 {
		t.Fatalf("second setup: exit %d\n%s", code, out)
	}
	for _, want := range []string{"already there", "already set", "git add"} {
		if !strings.Contains(out, want) {
			t.Errorf("second setup does not say %q:\n%s", want, out)
		}
	}
	if !bytes.Equal(readBytes(t, attrs), before[0]) || !bytes.Equal(readBytes(t, ignore), before[1]) {
		t.Error("a second setup changed the files")
	}
	// Locks and backups stay out of git; the draft goes in.
	s := c.store()
	d := model.New("x", *tm("2026-11-23T16:00:00Z"))
	_ = s.Save("checkout", d)
	_ = s.Save("checkout", d)
	lock, err := s.Lock("checkout")
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	st := c.git("status", "--porcelain", "--untracked-files=all")
	if strings.Contains(st, ".bak") || strings.Contains(st, ".lock") || !strings.Contains(st, "checkout.json") {
		t.Errorf("git status:\n%s", st)
	}
}

func TestGitSetupOutsideARepositorySaysWhatToDo(t *testing.T) {
	bin := gitTestPmwiz(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "--drafts-dir", filepath.Join(dir, "drafts"), "git", "setup")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "GIT_CEILING_DIRECTORIES="+dir)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 || !strings.Contains(string(out), "not in a git repository") || !strings.Contains(string(out), "--drafts-dir") {
		t.Errorf("exit %v:\n%s", err, out)
	}
}

func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestGitMergeOfDifferentFieldsIsClean(t *testing.T) {
	ana, ben := startTeam(t)
	ana.edit("summary", func(d *model.Draft) { d.Summary = "Checkout failed for 47 minutes." })
	ana.git("push", "-q", "origin", "main")
	ben.edit("impact", func(d *model.Draft) {
		d.Impact.Who = "EU customers"
		d.Assessments = map[string]model.Assessment{"impact": {Status: model.Yes, Note: "checked"}}
	})
	if out, err := ben.tryGit("pull", "--no-rebase", "--no-edit", "origin", "main"); err != nil {
		t.Fatalf("pull: %v\n%s", err, out)
	}
	d := ben.draft()
	if d.Summary != "Checkout failed for 47 minutes." || d.Impact.Who != "EU customers" || d.Assessments["impact"].Note != "checked" || len(d.Conflicts) != 0 {
		t.Errorf("merged draft: summary %q, who %q, assessments %+v, conflicts %+v", d.Summary, d.Impact.Who, d.Assessments, d.Conflicts)
	}
	if st := ben.git("status", "--porcelain"); st != "" {
		t.Errorf("work tree not clean after the merge:\n%s", st)
	}
}

func TestGitPullRebaseKeepsEventsBothAdded(t *testing.T) {
	ana, ben := startTeam(t)
	ana.edit("event", func(d *model.Draft) {
		d.Timeline.Events = append(d.Timeline.Events, model.Event{At: tm("2026-11-23T14:50:00+01:00"), Text: "Ana: all clear."})
	})
	ana.git("push", "-q", "origin", "main")
	ben.edit("event", func(d *model.Draft) {
		ev := d.Timeline.Events
		d.Timeline.Events = append([]model.Event{ev[0], {At: tm("2026-11-23T14:08:00+01:00"), Text: "Ben: errors rise."}}, ev[1:]...)
	})
	if out, err := ben.tryGit("pull", "--rebase", "origin", "main"); err != nil {
		t.Fatalf("pull --rebase: %v\n%s", err, out)
	}
	want := "Migration starts. | Ben: errors rise. | Alert fires. | Migration stopped. | Ana: all clear."
	if got := eventTexts(ben.draft()); got != want {
		t.Errorf("events:\n got %s\nwant %s", got, want)
	}
	if log := ben.git("log", "--oneline"); strings.Count(log, "\n") != 3 {
		t.Errorf("a rebase should leave a straight history of 3 commits:\n%s", log)
	}
}

func TestGitMergeOfAMovedAndAnEditedEvent(t *testing.T) {
	ana, ben := startTeam(t)
	ana.edit("reorder", func(d *model.Draft) {
		ev := d.Timeline.Events
		d.Timeline.Events = []model.Event{ev[1], ev[0], ev[2]}
	})
	ana.git("push", "-q", "origin", "main")
	ben.edit("edit", func(d *model.Draft) { d.Timeline.Events[0].Text = "Migration 0142 starts on the EU primary." })
	if out, err := ben.tryGit("pull", "--no-rebase", "--no-edit", "origin", "main"); err != nil {
		t.Fatalf("pull: %v\n%s", err, out)
	}
	want := "Alert fires. | Migration 0142 starts on the EU primary. | Migration stopped."
	if got := eventTexts(ben.draft()); got != want {
		t.Errorf("events:\n got %s\nwant %s", got, want)
	}
}

func TestGitConflictIsRecordedThenResolvedAndCommitted(t *testing.T) {
	ana, ben := startTeam(t)
	ana.edit("summary", func(d *model.Draft) { d.Summary = "Ana: a migration locked the orders table." })
	ana.git("push", "-q", "origin", "main")
	ben.edit("summary", func(d *model.Draft) {
		d.Summary = "Ben: checkout was down for 47 minutes."
		d.Severity = "SEV2"
	})
	out, err := ben.tryGit("pull", "--no-rebase", "--no-edit", "origin", "main")
	if err == nil {
		t.Fatalf("the pull should stop on the conflict:\n%s", out)
	}
	for _, want := range []string{"merged, with 1 conflict", "summary", "pmwiz resolve " + teamDrafts + "/checkout.json", "CONFLICT"} {
		if !strings.Contains(out, want) {
			t.Errorf("git's output lacks %q:\n%s", want, out)
		}
	}
	d := ben.draft() // a valid draft, not conflict markers
	if d.Summary != "Ben: checkout was down for 47 minutes." || d.Severity != "SEV2" || len(d.Conflicts) != 1 {
		t.Fatalf("draft: summary %q, severity %q, conflicts %+v", d.Summary, d.Severity, d.Conflicts)
	}
	if c := d.Conflicts[0]; c.Path != "summary" || c.Base != "Checkout failed." || c.Ours != "Ben: checkout was down for 47 minutes." || c.Theirs != "Ana: a migration locked the orders table." {
		t.Errorf("conflict %+v", c)
	}
	st, code := ben.pmwiz("status")
	if code != 1 || !strings.Contains(st, "checkout  1 conflict: summary") || !strings.Contains(st, "pmwiz resolve") {
		t.Errorf("status: exit %d\n%s", code, st)
	}

	// Ben looks at both versions, combines them, and commits.
	shown, code := ben.pmwiz("resolve", "checkout")
	for _, want := range []string{"1. summary", "base:   Checkout failed.", "ours:   Ben: checkout was down for 47 minutes.", "theirs: Ana: a migration locked the orders table."} {
		if code != 1 || !strings.Contains(shown, want) {
			t.Errorf("resolve (exit %d) does not show %q:\n%s", code, want, shown)
		}
	}
	done, code := ben.pmwiz("resolve", "checkout", "--text", "Checkout was down for 47 minutes: a migration locked the orders table.")
	if code != 0 || !strings.Contains(done, "No conflicts left") {
		t.Errorf("resolve --text: exit %d\n%s", code, done)
	}
	ben.git("add", teamDrafts+"/checkout.json")
	ben.git("commit", "-q", "--no-edit")
	if st, code := ben.pmwiz("status"); code != 0 || !strings.Contains(st, "No conflicts") {
		t.Errorf("status after resolving: exit %d\n%s", code, st)
	}
	ben.git("push", "-q", "origin", "main")
	ana.git("pull", "-q", "--no-rebase", "origin", "main")
	if got := ana.draft().Summary; got != "Checkout was down for 47 minutes: a migration locked the orders table." {
		t.Errorf("Ana got %q", got)
	}
}

func TestGitMergeRefusesADraftFromANewerPmwiz(t *testing.T) {
	ana, ben := startTeam(t)
	newer := bytes.Replace(readBytes(t, ana.draftPath()), []byte(`"schema": 1`), []byte(`"schema": 99`), 1)
	newer = bytes.Replace(newer, []byte("Checkout failed."), []byte("Written by pmwiz from the future."), 1)
	if err := os.WriteFile(ana.draftPath(), newer, 0o600); err != nil {
		t.Fatal(err)
	}
	ana.git("commit", "-q", "-am", "newer pmwiz")
	ana.git("push", "-q", "origin", "main")
	ben.edit("summary", func(d *model.Draft) { d.Summary = "Ben's summary." })
	ours := readBytes(t, ben.draftPath())
	out, err := ben.tryGit("pull", "--no-rebase", "--no-edit", "origin", "main")
	if err == nil {
		t.Fatalf("the merge should stop:\n%s", out)
	}
	for _, want := range []string{"newer pmwiz", "schema 99", "upgrade pmwiz", "git show :3:" + teamDrafts + "/checkout.json"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if got := readBytes(t, ben.draftPath()); !bytes.Equal(got, ours) {
		t.Errorf("our draft was changed:\n%s", got)
	}
	if theirs := ben.git("show", ":3:"+teamDrafts+"/checkout.json"); !strings.Contains(theirs, "pmwiz from the future") {
		t.Errorf("theirs is not kept by git:\n%s", theirs)
	}
}

func TestGitMergeWithABrokenDraftLeavesGitsConflict(t *testing.T) {
	ana, ben := startTeam(t)
	broken := readBytes(t, ana.draftPath())
	broken = append(bytes.Replace(broken[:len(broken)/2], []byte("Checkout failed."), []byte("Ana's half-written summary."), 1), '\n')
	if err := os.WriteFile(ana.draftPath(), broken, 0o600); err != nil {
		t.Fatal(err)
	}
	ana.git("commit", "-q", "-am", "oops")
	ana.git("push", "-q", "origin", "main")
	ben.edit("summary", func(d *model.Draft) { d.Summary = "Ben's summary." })
	out, err := ben.tryGit("pull", "--no-rebase", "--no-edit", "origin", "main")
	if err == nil {
		t.Fatalf("the merge should stop:\n%s", out)
	}
	for _, want := range []string{"cannot merge " + teamDrafts + "/checkout.json field by field", "line-by-line conflict", "CONFLICT"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	file := string(readBytes(t, ben.draftPath()))
	for _, want := range []string{"<<<<<<< ours", ">>>>>>> theirs", "Ben's summary.", "Ana's half-written summary."} {
		if !strings.Contains(file, want) {
			t.Errorf("the file lacks %q:\n%s", want, file)
		}
	}
	if st, code := ben.pmwiz("status"); code != 1 || !strings.Contains(st, "checkout.json") {
		t.Errorf("status: exit %d\n%s", code, st)
	}
}

func TestGitMergeWithABinaryFileKeepsOurs(t *testing.T) {
	ana, ben := startTeam(t)
	if err := os.WriteFile(ana.draftPath(), []byte("\x00\x01binary\x00"), 0o600); err != nil {
		t.Fatal(err)
	}
	ana.git("commit", "-q", "-am", "binary")
	ana.git("push", "-q", "origin", "main")
	ben.edit("summary", func(d *model.Draft) { d.Summary = "Ben's summary." })
	ours := readBytes(t, ben.draftPath())
	out, err := ben.tryGit("pull", "--no-rebase", "--no-edit", "origin", "main")
	if err == nil {
		t.Fatalf("the merge should stop:\n%s", out)
	}
	if !strings.Contains(out, "cannot merge") {
		t.Errorf("output:\n%s", out)
	}
	if got := readBytes(t, ben.draftPath()); !bytes.Equal(got, ours) {
		t.Errorf("our draft was changed:\n%q", got)
	}
	if theirs := ben.git("show", ":3:"+teamDrafts+"/checkout.json"); !strings.Contains(theirs, "binary") {
		t.Errorf("theirs is not kept by git: %q", theirs)
	}
}

// The README's team walk-through is run as written, so it stays true.
func TestReadmeTeamWalkthroughRuns(t *testing.T) {
	bin := gitTestPmwiz(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "## Working as a team")
	_, script, ok2 := strings.Cut(section, "```sh\n")
	script, _, ok3 := strings.Cut(script, "\n```\n")
	if !ok || !ok2 || !ok3 {
		t.Fatal("README has no shell block under \"Working as a team\"")
	}
	home := t.TempDir()
	cmd := exec.Command("bash", "-c", script)
	cmd.Dir = home
	cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"HOME="+home, "TMPDIR="+home, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "NO_COLOR=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the walk-through failed: %v\n%s", err, out)
	}
	for _, want := range []string{
		"merged, with 1 conflict: both sides changed summary",
		"checkout  1 conflict: summary",
		"theirs: Checkout failed for 47 minutes",
		"EU customers could not pay for 47 minutes: migration 0142 locked the orders table.", // Ana's export
		"The checkout error alert pages Ben.",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the walk-through's output lacks %q:\n%s", want, out)
		}
	}
}

// During "git pull --rebase" git replays your commit on theirs: "ours" is
// the upstream and "theirs" your own change, as everywhere in git.
func TestGitPullRebaseConflictIsResolvedAndContinued(t *testing.T) {
	ana, ben := startTeam(t)
	ana.edit("summary", func(d *model.Draft) { d.Summary = "Ana's summary." })
	ana.git("push", "-q", "origin", "main")
	ben.edit("summary", func(d *model.Draft) { d.Summary = "Ben's summary." })
	out, err := ben.tryGit("pull", "--rebase", "origin", "main")
	if err == nil || !strings.Contains(out, "merged, with 1 conflict") {
		t.Fatalf("the rebase should stop on the conflict: %v\n%s", err, out)
	}
	if d := ben.draft(); d.Summary != "Ana's summary." || len(d.Conflicts) != 1 || d.Conflicts[0].Theirs != "Ben's summary." {
		t.Fatalf("during the rebase: summary %q, conflicts %+v", d.Summary, d.Conflicts)
	}
	if res, code := ben.pmwiz("resolve", "checkout", "--theirs"); code != 0 {
		t.Fatalf("resolve: exit %d\n%s", code, res)
	}
	ben.git("add", teamDrafts+"/checkout.json")
	c := exec.Command("git", "rebase", "--continue")
	c.Dir = ben.dir
	c.Env = append(ben.r.env("ben"), "GIT_EDITOR=true")
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("rebase --continue: %v\n%s", err, out)
	}
	if d := ben.draft(); d.Summary != "Ben's summary." || len(d.Conflicts) != 0 {
		t.Errorf("after the rebase: summary %q, conflicts %+v", d.Summary, d.Conflicts)
	}
	if log := ben.git("log", "--format=%s"); log != "summary\nsummary\npost-mortem: first draft\n" {
		t.Errorf("history:\n%s", log)
	}
}
