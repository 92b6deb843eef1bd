package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gateRepo lays out a post-mortem folder the way a team repository has
// one: a good draft, a weak Markdown post-mortem, a nested one and a
// hidden folder that must be skipped.
func gateRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	complete, _ := os.ReadFile("testdata/complete.json")
	weak := "# Cache went down\n\nThe cache went down. We fixed it.\n"
	for path, body := range map[string]string{
		"pm/checkout.json":      string(complete),
		"pm/cache.md":           weak,
		"pm/2026/nested.md":     weak,
		"pm/.drafts/ignored.md": weak,
		"pm/notes.txt":          "not a post-mortem",
	} {
		p := filepath.Join(dir, path)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o600)
	}
	t.Chdir(dir)
	return dir
}

func TestScoreManyFilesDirsAndGlobs(t *testing.T) {
	isolate(t)
	gateRepo(t)
	code, out, errOut := runCLI(t, "score", "--min", "80", "pm", "pm/checkout.json")
	if code != 1 {
		t.Fatalf("two weak files under --min 80: exit %d, want 1; stderr %s", code, errOut)
	}
	for _, want := range []string{
		"FILE", "SCORE", "RESULT",
		"pm/2026/nested.md", "pm/cache.md", "below --min 80",
		"pm/checkout.json", "97.5/100", "ok (--min 80)",
		"✗ Start and end time:",
		"3 file(s): 1 ok, 2 below --min 80",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "ignored.md") || strings.Contains(out, "notes.txt") {
		t.Errorf("hidden folders and non-Markdown files must be skipped:\n%s", out)
	}
	if strings.Count(out, "pm/checkout.json") != 1 {
		t.Errorf("a file named twice is scored once:\n%s", out)
	}
	if !strings.Contains(errOut, "2 of 3 below --min 80") {
		t.Errorf("stderr %q", errOut)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("trailing space in %q", line)
		}
	}

	code, out, _ = runCLI(t, "score", "--json", "pm/**/*.md")
	var all []map[string]any
	if err := json.Unmarshal([]byte(out), &all); err != nil || code != 0 {
		t.Fatalf("glob --json: exit %d, %v\n%s", code, err, out)
	}
	if len(all) != 2 || all[0]["file"] != "pm/2026/nested.md" || all[1]["file"] != "pm/cache.md" {
		t.Errorf("a ** glob matches Markdown files in every folder, got %v", all)
	}
	if all[0]["pass"] != nil || all[0]["min"] != nil || all[0]["schema_version"] != 1.0 {
		t.Errorf("without --min, pass and min are null: %v", all[0])
	}

	wantRefused(t, []string{"score", "pm/*.yaml"}, "pm/*.yaml matches no file")
	os.Mkdir("empty", 0o755)
	wantRefused(t, []string{"score", "empty"}, "empty holds no Markdown post-mortem")
}

func TestScoreJSONGateAndUnreadableFiles(t *testing.T) {
	isolate(t)
	gateRepo(t)
	os.WriteFile("pm/broken.json", []byte("{\"schema\": 1, \"title\": oops}"), 0o600)
	code, out, errOut := runCLI(t, "score", "--json", "--min", "50", "pm/checkout.json", "pm/cache.md", "pm/broken.json")
	if code != 2 {
		t.Fatalf("an unreadable file: exit %d, want 2", code)
	}
	var all []struct {
		File  string
		Min   *float64
		Pass  *bool
		Error *string
		Score *float64
	}
	if err := json.Unmarshal([]byte(out), &all); err != nil || len(all) != 3 {
		t.Fatalf("want 3 reports: %v\n%s", err, out)
	}
	if *all[0].Min != 50 || !*all[0].Pass || *all[1].Pass || all[0].Error != nil {
		t.Errorf("pass/min wrong: %+v %+v", all[0], all[1])
	}
	if all[2].Error == nil || !strings.Contains(*all[2].Error, "line 1") || all[2].Score != nil || all[2].Pass != nil {
		t.Errorf("the broken draft has an error and no score: %+v", all[2])
	}
	if !strings.Contains(errOut, "pm/broken.json") {
		t.Errorf("stderr names the unreadable file: %q", errOut)
	}
}

func TestScoreGitHubAnnotations(t *testing.T) {
	isolate(t)
	gateRepo(t)
	// A file name with the characters a workflow command treats specially.
	os.WriteFile("pm/a,b:c%.md", []byte("# Down\n\nIt broke.\n"), 0o600)
	code, out, _ := runCLI(t, "score", "--format", "github", "--min", "80", "pm/a,b:c%.md", "pm/checkout.json")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, "::") {
			t.Errorf("every line is a workflow command, got %q", l)
		}
	}
	if !strings.Contains(out, "::error file=pm/a%2Cb%3Ac%25.md,line=1,title=pmwiz score ") {
		t.Errorf("the failing file gets an error at line 1 with its name escaped:\n%s", out)
	}
	if !strings.Contains(out, "title=Start and end time (no)::") {
		t.Errorf("missing items are annotated:\n%s", out)
	}
	if !strings.Contains(out, "::notice file=pm/checkout.json,line=1,title=pmwiz score 97.5/100::") {
		t.Errorf("the passing file gets a notice:\n%s", out)
	}
	if strings.Contains(out, "::error file=pm/checkout.json") {
		t.Errorf("a file above --min gets no error:\n%s", out)
	}
}

func TestAnnotationEscapingKeepsTextInert(t *testing.T) {
	var b bytes.Buffer
	annotate(&b, "error", "x.md", 3, "t", "50% done\n::error::forged\r")
	if got := b.String(); !strings.HasPrefix(got, "::error file=x.md,line=3,title=t::50%25 done") {
		t.Errorf("a percent sign is escaped: %q", got)
	}
	if strings.Count(b.String(), "\n") != 1 {
		t.Errorf("one annotation, one line: %q", b.String())
	}
}

func TestScoreStdin(t *testing.T) {
	isolate(t)
	complete, _ := os.ReadFile("testdata/complete.json")
	for name, input := range map[string]string{
		"draft JSON": string(complete),
		"Markdown":   "# Cache outage\n\n## Summary\n\nThe cache failed.\n",
	} {
		var out, errOut bytes.Buffer
		code := run(context.Background(), []string{"score", "--json", "-"}, strings.NewReader(input), &out, &errOut)
		var one map[string]any // one file given alone: one object
		if err := json.Unmarshal(out.Bytes(), &one); code != 0 || err != nil || one["file"] != "-" {
			t.Errorf("%s on stdin: exit %d, %v, %s %s", name, code, err, out.String(), errOut.String())
		}
	}
	wantRefused(t, []string{"score", "-", "-"}, "standard input) is given twice")
}

func TestItemLineReadsEvidence(t *testing.T) {
	// Without evidence the annotation goes on line 1.
	code, out, _ := runCLI(t, "score", "--format", "github", "testdata/rough.json")
	if code != 0 || !strings.Contains(out, ",line=1,") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestEvidenceLine(t *testing.T) {
	for in, want := range map[string]int{
		`{"id":"impact"}`: 1,
		`{"evidence":[]}`: 1,
		`{"evidence":[{"where":"summary","quote":"q","line":0},{"line":7}]}`: 7,
		`{"evidence":[{"line":12},{"line":3}]}`:                              12,
		`not json`:                                                           1,
	} {
		if got := evidenceLine([]byte(in)); got != want {
			t.Errorf("%s: line %d, want %d", in, got, want)
		}
	}
}
