package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var layouts = []string{"pmwiz", "google", "atlassian"}

// setup writes a user file and a team file two folders above the working
// directory, and returns the options that find them.
func setup(t *testing.T, user, repo string) (Options, string) {
	t.Helper()
	root := t.TempDir()
	home := filepath.Join(root, "config")
	work := filepath.Join(root, "repo", "docs", "incidents")
	os.MkdirAll(filepath.Join(home, "pmwiz"), 0o755)
	os.MkdirAll(work, 0o755)
	if user != "" {
		os.WriteFile(filepath.Join(home, "pmwiz", UserFileName), []byte(user), 0o600)
	}
	if repo != "" {
		os.WriteFile(filepath.Join(root, "repo", RepoFileName), []byte(repo), 0o600)
	}
	return Options{WorkDir: work, ConfigHome: home, Layouts: layouts, Getenv: func(string) string { return "" }}, root
}

func TestPrecedence(t *testing.T) {
	user := "authors = [\"Uma\"]\ntimezone = \"Asia/Tokyo\"\nlayout = \"atlassian\"\npublish_min = 60\n"
	repo := "layout = \"google\"\ndrafts = \"postmortems/drafts\"\nfront_matter = true\n\n[front_matter_fields]\ndraft = false\ntags = [\"postmortem\"]\n"
	opts, root := setup(t, user, repo)
	env := map[string]string{EnvTimeZone: "Europe/Berlin"}
	opts.Getenv = func(k string) string { return env[k] }
	c, err := Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	userFile := filepath.Join(opts.ConfigHome, "pmwiz", UserFileName)
	repoFile := filepath.Join(root, "repo", RepoFileName)
	for _, tc := range []struct {
		key, value, source string
	}{
		{"authors", `["Uma"]`, userFile},                   // user only
		{"timezone", `"Europe/Berlin"`, "$" + EnvTimeZone}, // env beats user
		{"layout", `"google"`, repoFile},                   // repo beats user
		{"template", `""`, SourceDefault},                  // nobody
		{"front_matter", "true", repoFile},                 //
		{"front_matter_fields", `{draft = false, tags = ["postmortem"]}`, repoFile},
		{"publish_min", "60", userFile},
		{"drafts", `"` + filepath.Join(root, "repo", "postmortems", "drafts") + `"`, repoFile}, // relative to the file
	} {
		var got *Entry
		for _, e := range c.Entries() {
			if e.Key == tc.key {
				got = &e
			}
		}
		if got == nil || got.Value != tc.value || got.Source != tc.source {
			t.Errorf("%s = %+v, want %s from %s", tc.key, got, tc.value, tc.source)
		}
	}
	if len(c.Files) != 2 || c.Files[0] != userFile || c.Files[1] != repoFile {
		t.Errorf("files read %v", c.Files)
	}
}

func TestNoFilesIsTheDefault(t *testing.T) {
	opts, _ := setup(t, "", "")
	c, err := Load(opts)
	if err != nil || c.Layout.Value != "pmwiz" || c.Layout.Set() || len(c.Files) != 0 {
		t.Errorf("%v %+v", err, c)
	}
}

func TestBadFilesNamePathLineAndKey(t *testing.T) {
	for _, tc := range []struct {
		name, repo string
		line       int
		key, msg   string
	}{
		{"syntax", "layout = \"google\"\nauthors = [\n", 2, "authors", "not valid TOML"},
		{"type", "# team settings\n\nauthors = \"Ana\"\n", 3, "authors", "want a list of names"},
		{"zone", "timezone = \"Mars/Olympus\"\n", 1, "timezone", "IANA name"},
		{"layout", "\nlayout = \"fancy\"\n", 2, "layout", "use one of pmwiz, google, atlassian"},
		{"typo", "layout = \"google\"\nlayuot = \"pmwiz\"\n", 2, "layuot", "did you mean layout?"},
		{"unknown", "colour = \"blue\"\n", 1, "colour", "the settings are authors"},
		{"min", "publish_min = 101\n", 1, "publish_min", "0 to 100"},
		{"reserved", "[front_matter_fields]\ntags = []\ntitle = \"x\"\n", 3, "front_matter_fields.title", "pmwiz writes title itself"},
		{"drafts", "drafts = 3\n", 1, "drafts", "want a path"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts, root := setup(t, "", tc.repo)
			_, err := Load(opts)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("want a FileError, got %v", err)
			}
			if fe.Path != filepath.Join(root, "repo", RepoFileName) || fe.Line != tc.line || fe.Key != tc.key || !strings.Contains(fe.Msg, tc.msg) {
				t.Errorf("got %+v (%s)", fe, err)
			}
			if !strings.HasPrefix(err.Error(), fmt.Sprintf("%s:%d: ", fe.Path, tc.line)) {
				t.Errorf("the message starts with path:line: %s", err)
			}
		})
	}
}

func TestBadEnvironment(t *testing.T) {
	opts, _ := setup(t, "", "")
	for k, v := range map[string]string{EnvLayout: "fancy", EnvTimeZone: "Nowhere", EnvFrontMatter: "maybe", EnvPublishMin: "200"} {
		opts.Getenv = func(key string) string {
			if key == k {
				return v
			}
			return ""
		}
		if _, err := Load(opts); err == nil || !strings.Contains(err.Error(), "$"+k) {
			t.Errorf("%s=%s: %v", k, v, err)
		}
	}
}

func TestAFolderOrFIFONamedLikeTheFileIsRefused(t *testing.T) {
	opts, root := setup(t, "", "")
	os.Mkdir(filepath.Join(root, "repo", "docs", RepoFileName), 0o755)
	// A directory is not a config file: the search goes on upward.
	if FindRepoFile(opts.WorkDir) != "" {
		t.Error("a directory named .pmwiz.toml was taken for the file")
	}
	user := filepath.Join(opts.ConfigHome, "pmwiz", UserFileName)
	os.Mkdir(user, 0o755)
	if _, err := Load(opts); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("user config that is a folder: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("authors = [\"a\"]\n[front_matter_fields]\ntags = [1, {x = 2}]\n")
	f.Add("layout = 'google'\npublish_min = 80.5\n")
	f.Add("a = [\n")
	f.Fuzz(func(t *testing.T, s string) {
		file, err := Parse("x.toml", []byte(s), layouts)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != "x.toml" {
				t.Fatalf("errors are FileErrors naming the file: %v", err)
			}
			return
		}
		c := Default()
		file.applyTo(c, "/r/x.toml")
		_ = c.Entries()
	})
}
