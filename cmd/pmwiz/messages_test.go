package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// Issue 11, hole 9: "pmwiz score x.json.bak" said there is no draft named
// so; it reads the backup at that path, from anywhere.
func TestScoreReadsABackupByItsPath(t *testing.T) {
	dir := t.TempDir()
	seed(t, dir, "pm", "first title", testNow)
	seed(t, dir, "pm", "second title", testNow) // pm.json.bak is the first
	bak := filepath.Join(dir, "pm.json.bak")
	out, errOut, code := pmwiz(t, dir, "export", bak)
	if code != 0 || !strings.Contains(out, "first title") {
		t.Fatalf("export %s: exit %d, stderr %q, out %q", bak, code, errOut, out)
	}
	t.Chdir(dir)
	if _, errOut, code := pmwiz(t, dir, "score", "pm.json.bak"); code == 2 || strings.Contains(errOut, "no draft named") {
		t.Errorf("score pm.json.bak: exit %d, %q", code, errOut)
	}
	if _, errOut, code := pmwiz(t, dir, "score", "gone.json.bak"); code != 2 || !strings.Contains(errOut, "gone.json.bak") || !strings.Contains(errOut, "no such file") {
		t.Errorf("score of a missing backup: exit %d, %q", code, errOut)
	}
}

// A draft whose file name holds an escape byte (another tool put it
// there) is listed as something that opens it, not a cleaned name that
// opens nothing, and no escape byte reaches the terminal.
func TestListShowsARefThatOpensADraftWithAnEscapeInItsName(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	dir := t.TempDir()
	seed(t, dir, "plain", "plain one", testNow)
	data, _ := model.Encode(model.New("escaped one", testNow))
	odd := filepath.Join(dir, "odd\x1b[31mname.json")
	if err := os.WriteFile(odd, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := pmwiz(t, dir, "list")
	if code != 0 {
		t.Fatalf("list: %d %s", code, errOut)
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Fatalf("list printed a raw escape byte:\n%q", out)
	}
	var ref string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "escaped one") {
			ref = strings.Fields(line)[0]
		}
	}
	if !strings.HasPrefix(ref, "$'") {
		t.Fatalf("the odd draft is listed as %q, want a $'…' path:\n%s", ref, out)
	}
	// Pasted into a shell, it is the file's path; pmwiz opens it.
	pasted, err := exec.Command("bash", "-c", "printf %s "+ref).Output()
	if err != nil || string(pasted) != odd {
		t.Fatalf("bash reads %s as %q (%v), want %q", ref, pasted, err, odd)
	}
	if out, errOut, code := pmwiz(t, dir, "export", string(pasted)); code != 0 || !strings.Contains(out, "escaped one") {
		t.Errorf("export of the listed path: exit %d, %q", code, errOut)
	}
}
