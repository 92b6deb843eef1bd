package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

const exportDrafts = "../../export/testdata/drafts"

// copyDraft puts a test draft in a temporary directory, so commands that
// write it back (publish) do not touch the repository.
func copyDraft(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(exportDrafts, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name+".json")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// isolate points pmwiz at a private drafts directory, never the user's.
func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv(store.EnvDraftsDir, dir)
	return dir
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestExportToStdoutIsTheGoldenExport(t *testing.T) {
	isolate(t)
	code, out, errOut := runCLI(t, "export", filepath.Join(exportDrafts, "typical.json"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := readFile(t, "../../export/testdata/TestGolden/pmwiz.golden"); out != want {
		t.Errorf("stdout differs from the golden export:\n%s", out)
	}
	code, out, _ = runCLI(t, "export", "--layout", "google", "--front-matter", filepath.Join(exportDrafts, "typical.json"))
	if code != 0 || !strings.HasPrefix(out, "---\ntitle: Checkout failed") || !strings.Contains(out, "score: 97.5") || !strings.Contains(out, "## Root Causes") {
		t.Errorf("front matter with the rubric score and the google layout expected, got exit %d:\n%s", code, out)
	}
}

func TestExportOverwriteRules(t *testing.T) {
	isolate(t)
	draft := filepath.Join(exportDrafts, "typical.json")
	dir := t.TempDir()
	out := filepath.Join(dir, "postmortem.md")

	code, _, errOut := runCLI(t, "export", "-o", out, draft)
	if code != 0 {
		t.Fatalf("first export: exit %d: %s", code, errOut)
	}
	first := readFile(t, out)
	if code, _, errOut = runCLI(t, "export", "-o", out, draft); code != 0 {
		t.Fatalf("re-export over pmwiz's own file: exit %d: %s", code, errOut)
	}

	// Someone edits the export: pmwiz must not throw the edit away.
	edited := strings.Replace(first, "85 minutes", "eighty-five minutes", 1)
	if err := os.WriteFile(out, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, "export", "-o", out, draft)
	if code != 2 || !strings.Contains(errOut, "edited since pmwiz wrote it") || readFile(t, out) != edited {
		t.Errorf("edited file: exit %d, stderr %q; the edit must survive", code, errOut)
	}

	// A file pmwiz never wrote.
	mine := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(mine, []byte("# My notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, "export", "-o", mine, draft)
	if code != 2 || !strings.Contains(errOut, "not written by pmwiz") || readFile(t, mine) != "# My notes\n" {
		t.Errorf("foreign file: exit %d, stderr %q", code, errOut)
	}
	if code, _, errOut = runCLI(t, "export", "--force", "-o", mine, draft); code != 0 || readFile(t, mine) != first {
		t.Errorf("--force: exit %d, stderr %q", code, errOut)
	}

	// Through a symlink: the target is written, the link kept.
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(out, link); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut = runCLI(t, "export", "--force", "-o", link, draft); code != 0 {
		t.Fatalf("symlink: exit %d: %s", code, errOut)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced by a file")
	}
	if code, _, errOut = runCLI(t, "export", "-o", dir, draft); code != 2 || !strings.Contains(errOut, "is a directory") {
		t.Errorf("directory: exit %d, stderr %q", code, errOut)
	}
	// No temporary files left behind.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestExportBadInput(t *testing.T) {
	isolate(t)
	draft := filepath.Join(exportDrafts, "typical.json")
	tmpl := filepath.Join(t.TempDir(), "t.tmpl")
	if err := os.WriteFile(tmpl, []byte("{{ .Title "), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown layout", []string{"export", "--layout", "confluence", draft}, "use one of pmwiz, google, atlassian, pagerduty"},
		{"layout and template", []string{"export", "--layout", "google", "--template", tmpl, draft}, "layout"},
		{"missing template", []string{"export", "--template", "nope.tmpl", draft}, "nope.tmpl"},
		{"broken template", []string{"export", "--template", tmpl, draft}, "t.tmpl"},
		{"missing draft", []string{"export", "nope.json"}, "no draft named \"nope\""},
	}
	for _, c := range cases {
		code, _, errOut := runCLI(t, c.args...)
		if code == 0 || !strings.Contains(strings.ToLower(errOut), strings.ToLower(c.want)) {
			t.Errorf("%s: exit %d, stderr %q, want it to mention %q", c.name, code, errOut, c.want)
		}
	}
}

func TestPreviewPiped(t *testing.T) {
	isolate(t)
	draft := filepath.Join(exportDrafts, "typical.json")
	code, out, errOut := runCLI(t, "preview", "--width", "60", draft)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Contains(out, "\x1b") || !strings.Contains(out, "Checkout failed for EU customers") || strings.Contains(out, "<!--") {
		t.Errorf("piped auto preview should be plain rendered text:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if len([]rune(line)) > 60 {
			t.Errorf("line wider than --width 60: %q", line)
			break
		}
	}
	// Plain text reads as text: no Markdown markers left from rendering
	// bold (the timeline's "**Detected**"), no spaces padding each line.
	if !strings.Contains(out, "| Detected") || strings.Contains(out, "**") {
		t.Errorf("piped preview shows Markdown's bold markers:\n%s", out)
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.TrimRight(line, " ") != line {
			t.Errorf("line %d ends in spaces: %q", i+1, line)
			break
		}
	}
	if code, out, _ = runCLI(t, "preview", "--style", "dark", draft); code != 0 || !strings.Contains(out, "\x1b[") {
		t.Errorf("--style dark asked for colour: exit %d", code)
	}
	for _, args := range [][]string{{"--style", "sepia"}, {"--width", "5"}} {
		code, _, errOut := runCLI(t, append(append([]string{"preview"}, args...), draft)...)
		if code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestPublish(t *testing.T) {
	isolate(t)
	out := filepath.Join(t.TempDir(), "published.md")

	// The minimal draft has no times, impact or root cause: publishing it
	// off a terminal needs --force, and nothing is written without it.
	minimal := copyDraft(t, "minimal")
	before := readFile(t, minimal)
	code, _, errOut := runCLI(t, "publish", "-o", out, minimal)
	if code != 1 || !strings.Contains(errOut, "must-haves are not complete") || !strings.Contains(errOut, "Start and end time") || !strings.Contains(errOut, "--force") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if _, err := os.Stat(out); err == nil || readFile(t, minimal) != before {
		t.Error("a refused publish must not write the export or change the draft")
	}
	code, stdout, errOut := runCLI(t, "publish", "--force", "-o", out, minimal)
	if code != 0 || !strings.Contains(stdout, "Published") {
		t.Fatalf("--force: exit %d: %s", code, errOut)
	}
	if !strings.Contains(readFile(t, out), "**Status:** Published") {
		t.Error("the export does not say published")
	}
	d, err := model.Decode([]byte(readFile(t, minimal)))
	if err != nil || d.Status != model.StatusPublished {
		t.Errorf("the draft was not marked published: %v %v", d.Status, err)
	}

	// The typical draft has every must-have: it publishes without asking.
	typical := copyDraft(t, "typical")
	if code, _, errOut = runCLI(t, "publish", "-o", out, typical); code != 0 {
		t.Errorf("complete draft: exit %d: %s", code, errOut)
	}
	if code, _, _ = runCLI(t, "publish", typical); code == 0 {
		t.Error("publish without -o should fail")
	}
}

func TestImportCommand(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	md := filepath.Join(dir, "pm.md")
	_, exported, _ := runCLI(t, "export", filepath.Join(exportDrafts, "typical.json"))
	if err := os.WriteFile(md, []byte(exported), 0o600); err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join(dir, "back.json")
	code, out, errOut := runCLI(t, "import", "-o", draft, md)
	if code != 0 || strings.TrimSpace(out) != draft || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, again, _ := runCLI(t, "export", draft); again != exported {
		t.Errorf("export → import → export differs:\n%s", again)
	}
	if code, _, errOut = runCLI(t, "import", "-o", draft, md); code != 2 || !strings.Contains(errOut, "exists") {
		t.Errorf("existing draft: exit %d, stderr %q", code, errOut)
	}

	// Without -o: a new draft in the drafts directory, never replacing one.
	drafts := isolate(t)
	foreign := "../../export/testdata/postmortems/pagerduty.md"
	code, out, errOut = runCLI(t, "import", foreign)
	name := strings.TrimSpace(out)
	if code != 0 || !strings.HasSuffix(name, "-payments-api-elevated-errors-postmortem") || !strings.Contains(errOut, "section \"Responders\" matches no part of a post-mortem: kept verbatim under Other") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if _, out, _ = runCLI(t, "import", foreign); strings.TrimSpace(out) != name+"-2" {
		t.Errorf("second import should get a new name, got %q", out)
	}
	if code, out, _ = runCLI(t, "export", name); code != 0 || !strings.Contains(out, "# Payments API Elevated Errors") {
		t.Errorf("the imported draft cannot be exported by name: exit %d", code)
	}
	saved := filepath.Join(drafts, name+".json")
	if d, err := model.Decode([]byte(readFile(t, saved))); err != nil || d.Severity != "SEV-1" || d.Created == nil {
		t.Errorf("saved draft: %+v, %v", d, err)
	}
	if code, _, errOut = runCLI(t, "import", filepath.Join(dir, "missing.md")); code != 2 || !strings.Contains(strings.ToLower(errOut), "cannot read") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
}

func TestExportAndPreviewReadMarkdown(t *testing.T) {
	isolate(t)
	src := "../../export/testdata/postmortems/atlassian.md"
	code, out, errOut := runCLI(t, "export", "--layout", "pagerduty", src)
	if code != 0 || !strings.Contains(out, "## Overview") || !strings.Contains(out, "## Leadup") || !strings.Contains(errOut, "kept verbatim under Other: \"Leadup\"") {
		t.Errorf("exit %d, stderr %q:\n%s", code, errOut, out)
	}
	if code, out, _ = runCLI(t, "preview", "--width", "70", src); code != 0 || !strings.Contains(out, "Jira webhooks delayed") {
		t.Errorf("preview of a Markdown file: exit %d:\n%s", code, out)
	}
}

func TestPublishRefusesADraftOpenElsewhere(t *testing.T) {
	dir := isolate(t)
	s, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	name, _, err := s.Create("Checkout outage", testNow)
	if err != nil {
		t.Fatal(err)
	}
	lock, err := s.Lock(name)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	out := filepath.Join(t.TempDir(), "out.md")
	code, _, errOut := runCLI(t, "publish", "--force", "-o", out, name)
	if code != 2 || !strings.Contains(errOut, "is open in another pmwiz") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("published a draft another pmwiz is editing")
	}
}

// A tired user mistypes a template or the output directory: the error
// names the file (and line) and says what to do, without Go's internals
// ("template: template: template:1:", ".x.md.tmp-123456").
func TestExportErrorsNameTheFileAndSayWhatToDo(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	draft := filepath.Join(exportDrafts, "typical.json")
	badParse := filepath.Join(dir, "bad.tmpl")
	badField := filepath.Join(dir, "field.tmpl")
	os.WriteFile(badParse, []byte("# {{ .Title }\n"), 0o600)
	os.WriteFile(badField, []byte("# {{ .Title }}\n{{ .Nope }}\n"), 0o600)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"export", "--template", badParse, draft}, []string{badParse + ":1: unexpected", "docs/export.md"}},
		{[]string{"export", "--template", badField, draft}, []string{badField + ":2:", "Nope", "docs/export.md"}},
		{[]string{"export", "--template", filepath.Join(dir, "none.tmpl"), draft}, []string{"--template " + filepath.Join(dir, "none.tmpl") + ": cannot read it: no such file"}},
		{[]string{"export", "-o", filepath.Join(dir, "missing", "pm.md"), draft}, []string{"the directory " + filepath.Join(dir, "missing") + " does not exist", "mkdir -p"}},
	} {
		errOut := wantRefused(t, tc.args, tc.want...)
		for _, bad := range []string{"template: template", ".tmp-"} {
			if strings.Contains(errOut, bad) {
				t.Errorf("%v: stderr %q leaks %q", tc.args, errOut, bad)
			}
		}
	}
}

// Mixing up drafts (.json) and Markdown (.md) between import and resume
// gets an error that says which command to use, not a junk draft whose
// summary is the JSON text, nor a draft file pmwiz cannot open.
func TestImportAndResumeMixUps(t *testing.T) {
	dir := isolate(t)
	md := filepath.Join(t.TempDir(), "old.md")
	os.WriteFile(md, []byte("# Old outage\n\n## Summary\n\nWe broke it.\n"), 0o600)
	draft := filepath.Join(exportDrafts, "typical.json")
	noExt := filepath.Join(t.TempDir(), "newdraft")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"import", draft}, "is a draft already (import reads Markdown post-mortems): open it with pmwiz resume"},
		{[]string{"import", "-o", noExt, md}, "use -o " + noExt + ".json"},
		{[]string{"resume", md}, "is a Markdown file, not a draft: import it first (pmwiz import " + md + ")"},
		{[]string{"publish", "-o", filepath.Join(t.TempDir(), "out.md"), md}, "is a Markdown file, not a draft: publish marks a draft published, so import it first"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a mix-up saved something in the drafts directory: %v", entries)
	}
	if _, err := os.Stat(noExt); err == nil {
		t.Errorf("import -o wrote %s, a draft pmwiz cannot open", noExt)
	}
}

// "-o checkout.json --force" from a tired hand: the Markdown must never
// replace a draft (there may be no backup) nor the file being exported.
func TestExportNeverOverwritesADraftOrItsSource(t *testing.T) {
	dir := isolate(t)
	b, _ := os.ReadFile(filepath.Join(exportDrafts, "typical.json"))
	inDir := filepath.Join(dir, "checkout.json")
	os.WriteFile(inDir, b, 0o600)
	other := copyDraft(t, "minimal")
	otherBefore := readFile(t, other)
	md := filepath.Join(t.TempDir(), "old.md")
	os.WriteFile(md, []byte("# Old outage\n\n## Summary\n\nWe broke it.\n"), 0o600)
	for _, tc := range []struct {
		args []string
		file string
		want string
	}{
		{[]string{"export", "-o", inDir, "--force", "checkout"}, inDir, "is the file being exported"},
		{[]string{"export", "-o", other, "--force", "checkout"}, other, "is a pmwiz draft"},
		{[]string{"publish", "-o", inDir, "--force", "checkout"}, inDir, "is the file being exported"},
		{[]string{"publish", "-o", other, "--force", "checkout"}, other, "is a pmwiz draft"},
		{[]string{"export", "-o", md, "--force", md}, md, "is the file being exported"},
	} {
		before := readFile(t, tc.file)
		code, _, errOut := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
		if readFile(t, tc.file) != before {
			t.Errorf("%v: replaced %s", tc.args, tc.file)
		}
	}
	if readFile(t, other) != otherBefore {
		t.Error("the other draft changed")
	}
}

func TestPreviewWidthBounds(t *testing.T) {
	isolate(t)
	draft := filepath.Join(exportDrafts, "typical.json")
	for _, tc := range []struct {
		width string
		want  string
	}{
		{"5", "too narrow to read: use 20 or more"},
		{"100000", "wider than any screen: use at most 1000"},
	} {
		code, out, errOut := runCLI(t, "preview", "--width", tc.width, draft)
		if code != 2 || !strings.Contains(errOut, tc.want) || out != "" {
			t.Errorf("--width %s: exit %d, stdout %d bytes, stderr %q; want 2 and %q", tc.width, code, len(out), errOut, tc.want)
		}
	}
}

// import -o --force over an existing draft keeps what it replaces as
// .bak, and never replaces a draft another pmwiz has open.
func TestImportForceKeepsTheReplacedDraft(t *testing.T) {
	isolate(t)
	md := filepath.Join(t.TempDir(), "old.md")
	os.WriteFile(md, []byte("# Old outage\n\n## Summary\n\nWe broke it.\n"), 0o600)
	target := copyDraft(t, "typical")
	before := readFile(t, target)

	s, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	lock, err := s.Lock(target)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "import", "-o", target, "--force", md)
	if code != 2 || !strings.Contains(errOut, "open in another pmwiz") || readFile(t, target) != before {
		t.Errorf("import over an open draft: exit %d, stderr %q; want 2, the draft untouched", code, errOut)
	}
	lock.Unlock()

	code, _, errOut = runCLI(t, "import", "-o", target, "--force", md)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(readFile(t, target), `"title": "Old outage"`) {
		t.Error("the import did not replace the draft")
	}
	if readFile(t, target+".bak") != before {
		t.Error("the replaced draft was not kept as .bak")
	}
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("imported draft mode %v, want 0600", fi.Mode().Perm())
	}
}
