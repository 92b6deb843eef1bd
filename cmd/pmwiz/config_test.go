package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// configRepo is a repository with a .pmwiz.toml at its root and the working
// directory two folders below it; the user's config home is empty.
func configRepo(t *testing.T, toml string) (root string) {
	t.Helper()
	root = t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(root, "home-config"))
	t.Setenv(store.EnvDraftsDir, "")
	os.Unsetenv(store.EnvDraftsDir)
	work := filepath.Join(root, "repo", "services", "checkout")
	os.MkdirAll(work, 0o755)
	os.WriteFile(filepath.Join(root, "repo", ".pmwiz.toml"), []byte(toml), 0o600)
	t.Chdir(work)
	return root
}

func TestTeamConfigDraftsAuthorsZoneAndExport(t *testing.T) {
	root := configRepo(t, `# the SRE team's settings
authors = ["Ana", "Ben"]
timezone = "Europe/Berlin"
drafts = "postmortems/drafts"
layout = "google"
front_matter = true

[front_matter_fields]
draft = true
tags = ["postmortem", "sre"]
`)
	drafts := filepath.Join(root, "repo", "postmortems", "drafts")

	// pmwiz config: each value and where it came from.
	code, out, errOut := runCLI(t, "config")
	if code != 0 {
		t.Fatalf("config: exit %d: %s", code, errOut)
	}
	team := filepath.Join(root, "repo", ".pmwiz.toml")
	for key, want := range map[string]string{
		"timezone": `"Europe/Berlin" ` + team,
		"drafts":   `"` + drafts + `" ` + team,
		"template": `"" default`,
	} {
		if got := strings.Join(configLine(out, key)[1:], " "); got != want {
			t.Errorf("%s: %q, want %q\n%s", key, got, want, out)
		}
	}
	if !strings.Contains(out, "Team file: "+team) || !strings.Contains(out, `["Ana", "Ben"]`) {
		t.Errorf("config:\n%s", out)
	}
	t.Setenv("PMWIZ_LAYOUT", "atlassian")
	_, out, _ = runCLI(t, "config")
	if f := configLine(out, "layout"); len(f) != 3 || f[1] != `"atlassian"` || f[2] != "$PMWIZ_LAYOUT" {
		t.Errorf("the environment beats the team file:\n%s", out)
	}
	_, out, _ = runCLI(t, "--drafts-dir", "/tmp/elsewhere", "config")
	if f := configLine(out, "drafts"); len(f) != 3 || f[1] != `"/tmp/elsewhere"` || f[2] != "--drafts-dir" {
		t.Errorf("a flag beats everything:\n%s", out)
	}
	os.Unsetenv("PMWIZ_LAYOUT")

	// A new draft lands in the team's drafts folder with its authors and
	// time zone.
	code, _, errOut = runCLI(t, "new", "--title", "Checkout down")
	if code != 0 {
		t.Fatalf("new: exit %d: %s", code, errOut)
	}
	entries, _ := os.ReadDir(drafts)
	if len(entries) != 1 {
		t.Fatalf("drafts in %s: %v", drafts, entries)
	}
	data, _ := os.ReadFile(filepath.Join(drafts, entries[0].Name()))
	d, err := model.Decode(data)
	if err != nil || strings.Join(d.Authors, ",") != "Ana,Ben" || d.Timeline.TimeZone != "Europe/Berlin" {
		t.Fatalf("new draft: %v %+v", err, d)
	}

	// Export: the team's layout and front matter, with its extra fields.
	name := strings.TrimSuffix(entries[0].Name(), ".json")
	code, out, errOut = runCLI(t, "export", name)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "---\ntitle: Checkout down\n") || !strings.Contains(out, "draft: true\ntags:\n  - postmortem\n  - sre\n---") {
		t.Errorf("front matter from the team config:\n%s", out)
	}
	_, plain, _ := runCLI(t, "export", "--front-matter=false", name)
	if strings.HasPrefix(plain, "---") {
		t.Errorf("--front-matter=false beats the config:\n%s", plain)
	}
}

func TestBadConfigNamesFileLineAndKey(t *testing.T) {
	root := configRepo(t, "authors = [\"Ana\"]\n\nlayout = \"fancy\"\n")
	team := filepath.Join(root, "repo", ".pmwiz.toml")
	wantRefused(t, []string{"config"}, team+":3: layout: layout \"fancy\": use one of")
	wantRefused(t, []string{"list"}, team+":3: layout")
}

func TestPublishMinFromTheTeamConfig(t *testing.T) {
	root := configRepo(t, "publish_min = 99\ndrafts = \"drafts\"\n")
	drafts := filepath.Join(root, "repo", "drafts")
	os.MkdirAll(drafts, 0o700)
	data, _ := os.ReadFile(filepath.Join(origWD, "testdata", "complete.json"))
	os.WriteFile(filepath.Join(drafts, "checkout.json"), data, 0o600)
	errOut := wantRefusedCode(t, 1, []string{"publish", "-o", "out.md", "checkout"}, "below the 99 this team publishes at", ".pmwiz.toml")
	_ = errOut
	if code, _, errOut := runCLI(t, "publish", "--min", "90", "-o", "out.md", "checkout"); code != 0 {
		t.Errorf("--min 90 beats publish_min 99: exit %d: %s", code, errOut)
	}
}

// wantRefusedCode runs pmwiz and wants exit code and a stderr with every
// one of want.
func wantRefusedCode(t *testing.T, code int, args []string, want ...string) string {
	t.Helper()
	got, _, errOut := runCLI(t, args...)
	if got != code {
		t.Errorf("%v: exit %d, want %d: %s", args, got, code, errOut)
	}
	for _, w := range want {
		if !strings.Contains(errOut, w) {
			t.Errorf("%v: stderr %q lacks %q", args, errOut, w)
		}
	}
	return errOut
}

var origWD, _ = os.Getwd()

// configLine is the fields of key's line in pmwiz config's table.
func configLine(out, key string) []string {
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == key {
			return f
		}
	}
	return []string{key}
}
