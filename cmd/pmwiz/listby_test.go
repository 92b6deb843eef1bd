package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// listGit runs git in dir with only the config the test gives it.
func listGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

func seedBy(t *testing.T, dir, name, title string, authors ...string) {
	t.Helper()
	s, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := model.New(title, testNow.Add(-time.Hour))
	d.Authors = authors
	if err := s.Save(name, d); err != nil {
		t.Fatal(err)
	}
}

// In a repository, pmwiz list names who committed each draft last, and
// marks a draft changed since as the local user's, uncommitted.
func TestListShowsWhoChangedEachDraft(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	global := filepath.Join(t.TempDir(), "gitconfig")
	os.WriteFile(global, nil, 0o600)
	t.Setenv("GIT_CONFIG_GLOBAL", global)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	repo := t.TempDir()
	listGit(t, repo, "init", "-q")
	listGit(t, repo, "config", "user.name", "Lee Local")
	dir := filepath.Join(repo, "drafts")
	seedBy(t, dir, "checkout", "Checkout down", "Ana")
	seedBy(t, dir, "dns", "DNS outage", "Ana")
	listGit(t, dir, "add", ".")
	listGit(t, dir, "-c", "user.name=Ben Builder", "-c", "user.email=ben@example.com", "commit", "-q", "-m", "drafts")
	seedBy(t, dir, "dns", "DNS outage, timeline added", "Ana")

	out, errOut, code := pmwiz(t, dir, "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasSuffix(lines[0], "BY") {
		t.Errorf("no BY column:\n%s", out)
	}
	for _, l := range lines[1:] {
		switch {
		case strings.HasPrefix(l, "checkout"):
			if !strings.HasSuffix(l, "Ben Builder") {
				t.Errorf("committed draft: %q, want Ben Builder, who committed it", l)
			}
		case strings.HasPrefix(l, "dns"):
			if !strings.HasSuffix(l, "Lee Local (uncommitted)") {
				t.Errorf("changed draft: %q, want the local user, uncommitted", l)
			}
		}
	}

	out, _, _ = pmwiz(t, dir, "list", "--json")
	validate(t, compileSchema(t, "list.schema.json"), out)
	var items []struct {
		Name      string
		ChangedBy *struct{ Name, Source, At string } `json:"changed_by"`
	}
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		c := it.ChangedBy
		switch {
		case c == nil:
			t.Errorf("%s: changed_by is null", it.Name)
		case it.Name == "checkout" && (c.Name != "Ben Builder" || c.Source != "commit" || c.At == ""):
			t.Errorf("checkout: %+v", *c)
		case it.Name == "dns" && (c.Name != "Lee Local" || c.Source != "uncommitted" || c.At != ""):
			t.Errorf("dns: %+v", *c)
		}
	}
}

// Outside git the column names the draft's last author; with nobody known
// for any draft it is left out. A name from a file is made safe and cut.
func TestListByOutsideGit(t *testing.T) {
	dir := t.TempDir()
	seedBy(t, dir, "solo", "Nobody's")
	out, _, _ := pmwiz(t, dir, "list")
	if strings.Contains(out, "BY") {
		t.Errorf("a BY column with nobody in it:\n%s", out)
	}
	out, _, _ = pmwiz(t, dir, "list", "--json")
	if !strings.Contains(out, `"changed_by": null`) {
		t.Errorf("nobody known: want changed_by null:\n%s", out)
	}

	seedBy(t, dir, "team", "Team's", "Ana", "Ben \x1b]0;pwned\x07Builder "+strings.Repeat("y", 60))
	out, _, _ = pmwiz(t, dir, "list")
	if strings.Contains(out, "\x1b") || strings.Contains(out, "\x07") {
		t.Errorf("an author's escape sequence reached the terminal: %q", out)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(l, "team") && (!strings.Contains(l, "Ben") || !strings.HasSuffix(l, "…") || ansi.StringWidth(l) > 100) {
			t.Errorf("long author: %q, want it cut to the column", l)
		}
	}
}

// With the BY column every line still fits the terminal: the title gives
// way, the name and who never push past the edge.
func TestListWithByFitsTheWidth(t *testing.T) {
	entries := []store.Entry{
		{Name: "2026-11-24-checkout-failed-for-eu-customers", Title: "Checkout failed for EU customers for 85 minutes", Status: "review", Score: 97.5, MaxScore: 100, Updated: testNow,
			ChangedBy: store.ChangedBy{Name: "Maximilian Alexander Featherstonehaugh", Source: store.FromWorkTree}},
		{Name: "dns", Title: "DNS", Status: "draft", Score: 40, MaxScore: 100, Updated: testNow, ChangedBy: store.ChangedBy{Name: "Ana", Source: store.FromCommit}},
		{Name: "broken", Err: os.ErrNotExist, Updated: testNow},
	}
	for _, width := range []int{100, 120} {
		var b strings.Builder
		writeList(&b, "/d", entries, testNow, width)
		lines := strings.Split(strings.TrimSpace(b.String()), "\n")
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: line is %d cells: %q", width, w, l)
			}
		}
		// Wide enough, the mark stays beside the cut name.
		mark := width < 120 || strings.HasSuffix(lines[1], "… (uncommitted)")
		if !mark || !strings.Contains(lines[1], "Max") || !strings.Contains(b.String(), entries[0].Name) ||
			!strings.HasSuffix(lines[2], "Ana") || !strings.Contains(lines[3], "cannot be read") {
			t.Errorf("width %d:\n%s", width, b.String())
		}
	}
}
