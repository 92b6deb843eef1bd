package store

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// gitEnv keeps the machine's git config out of the test: only what the
// test sets counts.
func gitEnv(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	global := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(global, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", global)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
}

// git runs git in dir; a commit is made by who at the given day.
func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func commitAs(t *testing.T, dir, who string, at time.Time, paths ...string) {
	t.Helper()
	git(t, dir, append([]string{"add", "--"}, paths...)...)
	date := at.Format(time.RFC3339)
	cmd := exec.Command("git", "-C", dir, "-c", "user.name="+who, "-c", "user.email="+strings.ToLower(strings.Fields(who)[0])+"@example.com",
		"commit", "-q", "-m", "edit by "+who)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("commit by %s: %v\n%s", who, err, out)
	}
}

func changedByOf(t *testing.T, s *Store) map[string]ChangedBy {
	t.Helper()
	es, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]ChangedBy{}
	for _, e := range es {
		m[e.Name] = e.ChangedBy
	}
	return m
}

func saveBy(t *testing.T, s *Store, name string, authors ...string) {
	t.Helper()
	d := fullDraft(1)
	d.Title = "draft " + name
	d.Authors = authors
	if err := s.Save(name, d); err != nil {
		t.Fatal(err)
	}
}

func TestListChangedByFromGit(t *testing.T) {
	gitEnv(t)
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	dir := filepath.Join(repo, "postmortems", "drafts")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	saveBy(t, s, "a", "Ana Author")
	saveBy(t, s, "b", "Ana Author")
	saveBy(t, s, "d", "Dee")
	commitAs(t, dir, "Ana Author", day, "a.json", "b.json", "d.json")
	saveBy(t, s, "b", "Ana Author") // Ben edits Ana's draft; authors unchanged
	d := fullDraft(2)
	d.Title = "draft b, Ben's edit"
	d.Authors = []string{"Ana Author"}
	if err := s.Save("b", d); err != nil {
		t.Fatal(err)
	}
	commitAs(t, dir, "Ben Builder", day.Add(24*time.Hour), "b.json")
	// A file of the same name further down (the trash) is not the draft.
	if err := os.MkdirAll(filepath.Join(dir, "old"), 0o700); err != nil {
		t.Fatal(err)
	}
	writeRaw(t, filepath.Join(dir, "old", "d.json"), readFile(t, filepath.Join(dir, "d.json")))
	commitAs(t, dir, "Olga Other", day.Add(48*time.Hour), "old/d.json")
	// Uncommitted: a changed after its commit, c never committed.
	saveBy(t, s, "a", "Ana Author", "Carl")
	saveBy(t, s, "c", "Carl")

	// No user.name: the local change is "you".
	got := changedByOf(t, s)
	want := map[string]ChangedBy{
		"a": {Name: "you", Source: FromWorkTree},
		"b": {Name: "Ben Builder", Source: FromCommit, When: day.Add(24 * time.Hour)},
		"c": {Name: "you", Source: FromWorkTree},
		"d": {Name: "Ana Author", Source: FromCommit, When: day},
	}
	for name, w := range want {
		if g := got[name]; g.Name != w.Name || g.Source != w.Source || !g.When.Equal(w.When) {
			t.Errorf("%s: changed by %+v, want %+v", name, g, w)
		}
	}
	// With user.name set, the local change is named.
	git(t, repo, "config", "user.name", "Lee Local")
	got = changedByOf(t, s)
	for _, name := range []string{"a", "c"} {
		if g := got[name]; g.Name != "Lee Local" || g.Source != FromWorkTree {
			t.Errorf("%s with user.name set: %+v, want Lee Local, uncommitted", name, g)
		}
	}
	// Committing it makes it the commit's author's again.
	commitAs(t, dir, "Carl Coder", day.Add(72*time.Hour), "a.json", "c.json")
	got = changedByOf(t, s)
	for _, name := range []string{"a", "c"} {
		if g := got[name]; g.Name != "Carl Coder" || g.Source != FromCommit {
			t.Errorf("%s after commit: %+v, want Carl Coder's commit", name, g)
		}
	}
}

// Without git (no repository, or git not installed) the listing names the
// draft's last author, and nobody when it has none: never an error.
func TestListChangedByWithoutGit(t *testing.T) {
	check := func(t *testing.T, s *Store) {
		t.Helper()
		saveBy(t, s, "a", "Ana", "Ben ", "  ")
		saveBy(t, s, "n")
		got := changedByOf(t, s)
		if g := got["a"]; g.Name != "Ben" || g.Source != FromAuthors {
			t.Errorf("a: %+v, want Ben from the authors", g)
		}
		if g := got["n"]; g != (ChangedBy{}) {
			t.Errorf("no authors: %+v, want nobody", g)
		}
	}
	t.Run("no repository", func(t *testing.T) {
		s := mustOpen(t)
		if inWorkTree(s.Dir()) {
			t.Skip("the temporary directory is inside a git work tree")
		}
		check(t, s)
	})
	t.Run("git not installed", func(t *testing.T) {
		gitEnv(t)
		repo := t.TempDir()
		git(t, repo, "init", "-q")
		t.Setenv("PATH", t.TempDir())
		s, err := Open(filepath.Join(repo, "drafts"))
		if err != nil {
			t.Fatal(err)
		}
		check(t, s)
	})
	t.Run("repository without commits", func(t *testing.T) {
		gitEnv(t)
		repo := t.TempDir()
		git(t, repo, "init", "-q")
		s, err := Open(filepath.Join(repo, "drafts"))
		if err != nil {
			t.Fatal(err)
		}
		saveBy(t, s, "a", "Ana")
		if g := changedByOf(t, s)["a"]; g.Name != "you" || g.Source != FromWorkTree {
			t.Errorf("never committed: %+v, want you, uncommitted", g)
		}
	})
}

// A repository git cannot read (here a .git file pointing nowhere) is no
// error: the listing names the drafts' authors.
func TestListChangedByWhenGitFails(t *testing.T) {
	gitEnv(t)
	repo := t.TempDir()
	writeRaw(t, filepath.Join(repo, ".git"), []byte("gitdir: "+filepath.Join(repo, "nowhere")+"\n"))
	s, err := Open(filepath.Join(repo, "drafts"))
	if err != nil {
		t.Fatal(err)
	}
	saveBy(t, s, "a", "Ana")
	if g := changedByOf(t, s)["a"]; g.Name != "Ana" || g.Source != FromAuthors {
		t.Errorf("git failing: %+v, want Ana from the authors", g)
	}
}

// Listing a folder in someone else's repository runs no program that
// repository's config names: git's file-system monitor hook is a command.
func TestListRunsNoFSMonitorHook(t *testing.T) {
	gitEnv(t)
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	ran := filepath.Join(t.TempDir(), "ran")
	hook := filepath.Join(t.TempDir(), "hook.sh")
	if err := os.WriteFile(hook, []byte("#!/bin/sh\ntouch "+ran+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	git(t, repo, "config", "core.fsmonitor", hook)
	s, err := Open(filepath.Join(repo, "drafts"))
	if err != nil {
		t.Fatal(err)
	}
	saveBy(t, s, "a", "Ana")
	changedByOf(t, s)
	if _, err := os.Stat(ran); err == nil {
		t.Error("the repository's fsmonitor hook ran during a listing")
	}
}

// A change made on a branch is its author's, not the merger's.
func TestListChangedByThroughAMerge(t *testing.T) {
	gitEnv(t)
	repo := t.TempDir()
	git(t, repo, "init", "-q", "-b", "main")
	s, err := Open(repo)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	saveBy(t, s, "a", "Ana")
	saveBy(t, s, "b", "Ana")
	commitAs(t, repo, "Ana Author", day, "a.json", "b.json")
	git(t, repo, "checkout", "-q", "-b", "side")
	saveBy(t, s, "a", "Ana", "Cat")
	commitAs(t, repo, "Cat Coder", day.Add(time.Hour), "a.json")
	git(t, repo, "checkout", "-q", "main")
	saveBy(t, s, "b", "Ana", "Ben")
	commitAs(t, repo, "Ben Builder", day.Add(2*time.Hour), "b.json")
	git(t, repo, "-c", "user.name=Dan Merger", "-c", "user.email=dan@example.com", "merge", "-q", "--no-ff", "-m", "merge", "side")
	got := changedByOf(t, s)
	if got["a"].Name != "Cat Coder" || got["b"].Name != "Ben Builder" {
		t.Errorf("after a merge: a by %+v, b by %+v; want Cat Coder and Ben Builder", got["a"], got["b"])
	}
}

// While HEAD stays, the last commits come from the index, not from git
// log; a new commit, or a file put back as committed, reads them again.
func TestListChangedByCachesTheLogPerHead(t *testing.T) {
	gitEnv(t)
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	s, err := Open(repo)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	saveBy(t, s, "a", "Ana")
	saveBy(t, s, "b", "Ana")
	commitAs(t, repo, "Ana Author", day, "a.json", "b.json")
	changedByOf(t, s)
	plantIndex(t, s, func(idx *indexFile) {
		if idx.Git == nil || len(idx.Git.Commits) != 2 {
			t.Fatalf("no log kept in the index: %+v", idx.Git)
		}
		c := idx.Git.Commits["b.json"]
		c.Name = "Planted"
		idx.Git.Commits["b.json"] = c
	})
	// A change not committed, then undone: same HEAD, same committed set.
	saveBy(t, s, "a", "Ana", "Zed")
	if got := changedByOf(t, s); got["a"].Source != FromWorkTree || got["b"].Name != "Planted" {
		t.Fatalf("same HEAD: a %+v, b %+v; want a uncommitted and b from the index", got["a"], got["b"])
	}
	git(t, repo, "checkout", "--", "a.json")
	if got := changedByOf(t, s); got["a"].Name != "Ana Author" || got["a"].Source != FromCommit {
		t.Fatalf("a put back as committed: %+v, want Ana Author's commit", got["a"])
	}
	saveBy(t, s, "a", "Ana", "Cat")
	commitAs(t, repo, "Cat Coder", day.Add(time.Hour), "a.json")
	got := changedByOf(t, s)
	if got["a"].Name != "Cat Coder" || got["b"].Name != "Ana Author" {
		t.Fatalf("new HEAD: a %+v, b %+v; want Cat Coder and Ana Author from git", got["a"], got["b"])
	}
}
