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

// runCLI runs pmwiz in-process and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// wantRefused runs pmwiz with args and wants exit status 2 and a stderr
// holding every one of want; it returns stderr for further checks.
func wantRefused(t *testing.T, args []string, want ...string) string {
	t.Helper()
	code, _, errOut := runCLI(t, args...)
	if code != 2 {
		t.Errorf("%v: exit %d, want 2", args, code)
	}
	for _, w := range want {
		if !strings.Contains(errOut, w) {
			t.Errorf("%v: stderr %q does not contain %q", args, errOut, w)
		}
	}
	return errOut
}

func TestScoreHumanOutput(t *testing.T) {
	code, out, _ := runCLI(t, "score", "testdata/rough.json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"Login outage", "Score 22.5/100",
		// "Login was unavailable. We apologize for any inconvenience…":
		// a stock apology owns nothing.
		"◐ Admit failure", "✗ Sound like a human", "◐ Communication channel",
		"→ Add the full link, with https://",
		// Findings name the field as the wizard does, not the draft's key.
		`boilerplate in Summary › What failed, in plain words: "valued customers"`,
		"blame (advice, not scored) in Root cause › What went wrong: \"human error\"",
		"timeline.end: ends before the start (14:05 > 13:50)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("piped output must be plain text, found escape sequences")
	}
}

func TestScoreJSON(t *testing.T) {
	code, out, _ := runCLI(t, "score", "--json", "testdata/complete.json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	// One file given alone prints one object (several print an array).
	var r struct {
		SchemaVersion int `json:"schema_version"`
		File          string
		Score         float64
		Max           int
		Items         []map[string]any
		Findings      []map[string]any
		Metrics       map[string]any
		Problems      []map[string]any
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not one JSON report: %v\n%s", err, out)
	}
	if r.SchemaVersion != 1 || r.File != "testdata/complete.json" {
		t.Errorf("schema_version %d, file %q", r.SchemaVersion, r.File)
	}
	if r.Score != 97.5 || r.Max != 100 || len(r.Items) != 12 || r.Findings == nil || r.Problems == nil {
		t.Fatalf("unexpected report: %+v", r)
	}
	first := r.Items[0]
	for _, k := range []string{"id", "tier", "title", "status", "points", "max", "source", "reason", "next"} {
		if _, ok := first[k]; !ok {
			t.Errorf("item lacks %q: %v", k, first)
		}
	}
	if r.Items[5]["source"] != "reviewer" {
		t.Errorf("impact is assessed by a reviewer in the example, got %v", r.Items[5])
	}
	if r.Metrics["duration_seconds"] != float64(47*60) || r.Metrics["duration"] != "47m" {
		t.Errorf("metrics = %v", r.Metrics)
	}
}

func TestScoreExitCodes(t *testing.T) {
	if code, _, _ := runCLI(t, "score", "--min", "97.5", "testdata/complete.json"); code != 0 {
		t.Errorf("score equal to --min: exit %d, want 0", code)
	}
	code, _, errOut := runCLI(t, "score", "--min", "98", "testdata/complete.json")
	if code != 1 || !strings.Contains(errOut, "97.5 is below --min 98") {
		t.Errorf("below --min: exit %d, stderr %q", code, errOut)
	}

	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{\n  \"schema\": 1,\n  \"title\": oops\n}\n"), 0o600)
	code, _, errOut = runCLI(t, "score", bad)
	if code != 2 || !strings.Contains(errOut, "bad.json") || !strings.Contains(errOut, "line 3, column 12") {
		t.Errorf("bad JSON: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "score", filepath.Join(dir, "missing.json"))
	if code != 2 || !strings.Contains(errOut, "missing.json") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
	future := filepath.Join(dir, "future.json")
	os.WriteFile(future, []byte(`{"schema": 9}`), 0o600)
	code, _, errOut = runCLI(t, "score", future)
	if code != 2 || !strings.Contains(errOut, "upgrade pmwiz") {
		t.Errorf("future schema: exit %d, stderr %q", code, errOut)
	}
}

func TestScoreRejectsMinOutOfRange(t *testing.T) {
	code, _, errOut := runCLI(t, "score", "--min", "500", "testdata/complete.json")
	if code != 2 || !strings.Contains(errOut, "from 0 to 100") {
		t.Errorf("--min 500: exit %d, stderr %q", code, errOut)
	}
}

func TestScoreByDraftName(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile("testdata/complete.json")
	os.WriteFile(filepath.Join(dir, "checkout.json"), data, 0o600)
	code, out, errOut := runCLI(t, "--drafts-dir", dir, "score", "checkout")
	if code != 0 || !strings.Contains(out, "Score 97.5/100") {
		t.Fatalf("score by name: exit %d, out %q, err %q", code, out, errOut)
	}
}

func TestScoreMarkdownPostMortem(t *testing.T) {
	code, out, errOut := runCLI(t, "score", "--json", "../../export/testdata/postmortems/google-sre.md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r struct {
		Score float64
		Items []struct{ ID, Status string }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not one JSON report: %v\n%s", err, out)
	}
	status := map[string]string{}
	for _, it := range r.Items {
		status[it.ID] = it.Status
	}
	// The Google SRE-shaped post-mortem has an impact, a root cause and action items.
	if r.Score <= 40 || status["impact"] == "no" || status["root_cause"] == "no" || status["lessons"] == "no" {
		t.Fatalf("a Markdown post-mortem scored as if empty: %v %v", r.Score, status)
	}
}

// Help is read as printed: fang does not turn cobra's `NAME` argument
// markers into anything, so a backtick in help is a stray character.
func TestHelpHasNoStrayBackticks(t *testing.T) {
	isolate(t)
	for _, c := range []string{"score", "list", "new", "resume", "rm", "export", "preview", "publish", "import"} {
		code, out, errOut := runCLI(t, c, "--help")
		if code != 0 {
			t.Fatalf("%s --help: exit %d: %s", c, code, errOut)
		}
		if strings.Contains(out, "`") {
			t.Errorf("%s --help shows a backtick:\n%s", c, out)
		}
	}
}

// A tired user forgets the argument or the -o: the error says what is
// missing and how the command is used, not "accepts 1 arg(s), received 0".
func TestMissingArgumentsSayWhatIsNeeded(t *testing.T) {
	isolate(t)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"score"}, []string{"pmwiz score needs a DRAFT", "pmwiz list", "Usage: pmwiz score"}},
		{[]string{"export"}, []string{"pmwiz export needs a DRAFT", "Usage: pmwiz export"}},
		{[]string{"preview"}, []string{"pmwiz preview needs a DRAFT"}},
		{[]string{"import"}, []string{"pmwiz import needs a FILE.md"}},
		{[]string{"rm"}, []string{"pmwiz rm needs at least one DRAFT"}},
		{[]string{"export", "checkout", "outage"}, []string{"takes 1 argument(s), got 2 (checkout outage)", "quote a name"}},
		{[]string{"resume", "a", "b"}, []string{"pmwiz resume takes 1 argument(s), got 2"}},
		{[]string{"publish", "checkout"}, []string{"pmwiz publish needs -o FILE", "pmwiz publish -o postmortem.md checkout"}},
	} {
		wantRefused(t, tc.args, tc.want...)
	}
}
