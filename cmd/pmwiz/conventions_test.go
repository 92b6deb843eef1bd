package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

func TestVersionFromBuildInfo(t *testing.T) {
	info := func(v string, settings ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Version: v}}
		for i := 0; i+1 < len(settings); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return bi
	}
	for _, tc := range []struct {
		name    string
		ldflags string
		info    *debug.BuildInfo
		want    string
	}{
		{"ldflags win", "v1.2.3", info("v9.9.9"), "v1.2.3"},
		{"go install of a release", "", info("v1.4.0"), "v1.4.0"},
		{"go build from a clone", "", info("(devel)", "vcs.revision", "0123456789abcdef0123", "vcs.modified", "false"), "devel 0123456789ab"},
		{"with local changes", "", info("(devel)", "vcs.revision", "0123456789abcdef0123", "vcs.modified", "true"), "devel 0123456789ab+dirty"},
		{"go install at a commit", "", info("v0.0.0-20261129150000-0123456789ab"), "v0.0.0-20261129150000-0123456789ab"},
		{"nothing recorded", "", info("(devel)"), "devel (no version control information)"},
	} {
		if got := buildVersion(tc.ldflags, tc.info, true); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	code, out, _ := runCLI(t, "--version")
	if code != 0 || strings.Contains(out, "unknown") || !strings.Contains(out, "pmwiz version ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}

func TestTypoSuggestsTheCommand(t *testing.T) {
	isolate(t)
	wantRefused(t, []string{"scroe"}, `unknown command "scroe"`, "Did you mean this?", "score")
	wantRefused(t, []string{"expor", "x"}, "Did you mean this?", "export")
}

func TestManPageSections(t *testing.T) {
	code, out, _ := runCLI(t, "man")
	if code != 0 {
		t.Fatalf("man: exit %d", code)
	}
	for _, s := range []string{".SH EXIT STATUS", ".SH ENVIRONMENT", ".SH FILES", ".SH EXAMPLES", "PMWIZ_PAGER", "pmwiz\\&.toml", "pmwiz score --min 80 postmortems/"} {
		if !strings.Contains(out, s) {
			t.Errorf("man page lacks %q", s)
		}
	}
}

// Every command a user can run shows how it is used.
func TestEveryCommandHasAnExample(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() != "help" && c.Name() != "completion" && c.Parent() != nil && c.Parent().Name() != "completion" {
			if strings.TrimSpace(c.Example) == "" {
				t.Errorf("%s has no example", c.CommandPath())
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd())
}

func TestPipedListIsNeverCut(t *testing.T) {
	dir := t.TempDir()
	long := "The checkout service returned errors to every European customer for most of the afternoon"
	seed(t, dir, "long", long, testNow.Add(-time.Hour))
	t.Setenv("COLUMNS", "")
	out, _, _ := pmwiz(t, dir, "list")
	if !strings.Contains(out, long) {
		t.Errorf("piped list cut the title:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Errorf("trailing space: %q", l)
		}
	}
	t.Setenv("COLUMNS", "60")
	out, _, _ = pmwiz(t, dir, "list")
	if strings.Contains(out, long) || !strings.Contains(out, "…") {
		t.Errorf("COLUMNS=60 fits the list in 60 columns:\n%s", out)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if n := len([]rune(l)); n > 60 {
			t.Errorf("line of %d columns with COLUMNS=60: %q", n, l)
		}
	}
	var items []map[string]any
	jsonOut, _, _ := pmwiz(t, dir, "list", "--json")
	if err := json.Unmarshal([]byte(jsonOut), &items); err != nil || items[0]["schema_version"] != 1.0 {
		t.Errorf("list --json has schema_version: %v %v", err, items)
	}
}

func TestDashMeansStandardInputAndOutput(t *testing.T) {
	isolate(t)
	md := "# Cache outage\n\n## Summary\n\nThe session cache failed and every login timed out for 20 minutes.\n"
	runIn := func(stdin string, args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	// import - prints the new draft's name; import -o - prints the draft.
	code, name, errOut := runIn(md, "import", "-")
	if code != 0 || strings.TrimSpace(name) == "" {
		t.Fatalf("import -: exit %d, %q %s", code, name, errOut)
	}
	code, draft, _ := runIn(md, "import", "-o", "-", "-")
	if code != 0 || !strings.Contains(draft, `"title": "Cache outage"`) {
		t.Fatalf("import -o - -: exit %d\n%s", code, draft)
	}
	// export - reads that draft's JSON from stdin; preview - too.
	code, exported, _ := runIn(draft, "export", "-")
	if code != 0 || !strings.HasPrefix(exported, "# Cache outage") {
		t.Errorf("export -: exit %d\n%s", code, exported)
	}
	code, _, _ = runIn(draft, "export", "-o", "-", "-")
	if code != 0 {
		t.Errorf("export -o - -: exit %d", code)
	}
	code, preview, _ := runIn(md, "preview", "--width", "60", "-")
	if code != 0 || !strings.Contains(preview, "Cache outage") {
		t.Errorf("preview -: exit %d\n%s", code, preview)
	}
	// The imported draft is in the drafts directory.
	entries, _ := os.ReadDir(os.Getenv("PMWIZ_DRAFTS_DIR"))
	if len(entries) != 1 || entries[0].Name() != strings.TrimSpace(name)+".json" {
		t.Errorf("drafts: %v", entries)
	}
	_ = filepath.Join
}
