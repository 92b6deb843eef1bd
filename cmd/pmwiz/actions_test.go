package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// hostile are action item values a shell would run if they were pasted
// unquoted: quotes, command substitution, backticks, newlines, a fake
// here-document end, variables and a comment.
var hostile = []model.ActionItem{
	{
		What:  "Fix it'; touch PWNED1; echo '\nand $(touch PWNED2) then `touch PWNED3`\nPMWIZ_BODY\ntouch PWNED4",
		Owner: "al\"ice $(touch PWNED5)",
		Due:   "2026-12-01",
		Type:  model.ActionPrevent,
		Link:  "https://example.com/$HOME?a=1&b=`id`",
	},
	{What: "=HYPERLINK(\"http://evil\") # not a comment; $((1+1)) ${PATH} \\ tab\there", Owner: "bob"},
	{What: "Already done", Done: true},
}

func hostileDraft(t *testing.T) string {
	t.Helper()
	d := model.New("Outage with 'quotes' and $(danger)", time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC))
	d.ActionItems = hostile
	data, err := model.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "hostile.json")
	os.WriteFile(p, data, 0o600)
	return p
}

// TestActionsGHScriptIsInert runs the gh script through sh -n, then for
// real with a fake gh on PATH that records its arguments and stdin: every
// value reaches gh exactly as typed and nothing in it runs.
func TestActionsGHScriptIsInert(t *testing.T) {
	isolate(t)
	draft := hostileDraft(t)
	code, script, errOut := runCLI(t, "actions", "--format", "gh", "--label", "post mortem", draft)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	work := t.TempDir()
	scriptPath := filepath.Join(work, "issues.sh")
	os.WriteFile(scriptPath, []byte(script), 0o600)
	if out, err := exec.Command("sh", "-n", scriptPath).CombinedOutput(); err != nil {
		t.Fatalf("sh -n: %v\n%s\n%s", err, out, script)
	}

	bin := filepath.Join(work, "bin")
	os.Mkdir(bin, 0o755)
	fakeGH := `#!/bin/sh
n=$(ls "$RECORD" | grep -c argv || true)
printf '%s\0' "$@" > "$RECORD/$n.argv"
cat > "$RECORD/$n.body"
`
	os.WriteFile(filepath.Join(bin, "gh"), []byte(fakeGH), 0o755)
	record := filepath.Join(work, "record")
	os.Mkdir(record, 0o755)
	run := exec.Command("sh", scriptPath)
	run.Dir = work
	run.Env = append(os.Environ(), "PATH="+bin+":"+os.Getenv("PATH"), "RECORD="+record)
	if out, err := run.CombinedOutput(); err != nil {
		t.Fatalf("running the script: %v\n%s", err, out)
	}
	if matches, _ := filepath.Glob(filepath.Join(work, "PWNED*")); len(matches) > 0 {
		t.Fatalf("the script ran text from the draft: %v\n%s", matches, script)
	}

	argv := func(n int) []string {
		b, _ := os.ReadFile(filepath.Join(record, []string{"0", "1", "2"}[n]+".argv"))
		return strings.Split(strings.TrimSuffix(string(b), "\x00"), "\x00")
	}
	if _, err := os.Stat(filepath.Join(record, "2.argv")); err == nil {
		t.Error("the done item must not become an issue")
	}
	first := argv(0)
	want := []string{"issue", "create", "--title", "Fix it'; touch PWNED1; echo '", "--assignee", "al\"ice $(touch PWNED5)", "--label", "post mortem", "--body-file", "-"}
	if strings.Join(first, "|") != strings.Join(want, "|") {
		t.Errorf("gh argv\n got %q\nwant %q", first, want)
	}
	body, _ := os.ReadFile(filepath.Join(record, "0.body"))
	for _, w := range []string{"and $(touch PWNED2) then `touch PWNED3`\nPMWIZ_BODY\ntouch PWNED4\n", "Due: 2026-12-01", "Link: https://example.com/$HOME?a=1&b=`id`", "From the post-mortem: Outage with 'quotes' and $(danger)"} {
		if !strings.Contains(string(body), w) {
			t.Errorf("body lacks %q:\n%s", w, body)
		}
	}
	second := argv(1)
	if second[3] != "=HYPERLINK(\"http://evil\") # not a comment; $((1+1)) ${PATH} \\ tab here" {
		t.Errorf("second title %q", second[3])
	}
}

func TestActionsCSVMarkdownJSONAndTable(t *testing.T) {
	isolate(t)
	draft := hostileDraft(t)
	_, out, _ := runCLI(t, "actions", "--format", "csv", "--label", "postmortem", draft)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("csv: %v, %d rows\n%s", err, len(rows), out)
	}
	if strings.Join(rows[0], ",") != "summary,description,assignee,due date,labels,status" {
		t.Errorf("header %v", rows[0])
	}
	if rows[1][4] != "postmortem,prevent" || rows[1][3] != "2026-12-01" || rows[3][5] != "done" {
		t.Errorf("row 1 %q, row 3 %q", rows[1], rows[3])
	}
	if !strings.HasPrefix(rows[2][0], "'=HYPERLINK") {
		t.Errorf("a formula is kept as text: %q", rows[2][0])
	}

	_, out, _ = runCLI(t, "actions", "--format", "markdown", draft)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "- [ ] Fix it") || lines[2] != "- [x] Already done" {
		t.Errorf("task list:\n%s", out)
	}

	_, out, _ = runCLI(t, "actions", "--format", "json", draft)
	var j struct {
		SchemaVersion int `json:"schema_version"`
		Items         []struct {
			What string
			Done bool
		}
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil || j.SchemaVersion != 1 || len(j.Items) != 3 || j.Items[0].What != hostile[0].What {
		t.Errorf("json: %v %+v", err, j)
	}

	_, out, _ = runCLI(t, "actions", draft)
	if !strings.Contains(out, "STATUS  OWNER") || !strings.Contains(out, "done") || strings.Contains(out, "\x1b") {
		t.Errorf("table:\n%s", out)
	}
	wantRefused(t, []string{"actions", "--format", "xml", draft}, `--format "xml"`, "csv")
}

func TestActionsFromStdin(t *testing.T) {
	isolate(t)
	data, _ := os.ReadFile("testdata/complete.json")
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"actions", "--format", "markdown", "-"}, bytes.NewReader(data), &out, &errOut)
	if code != 0 || !strings.Contains(out.String(), "- [ ] Run migrations") {
		t.Errorf("exit %d: %s %s", code, out.String(), errOut.String())
	}
}
