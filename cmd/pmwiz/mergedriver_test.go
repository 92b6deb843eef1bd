package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// driverFiles writes git's three temporary files and returns their paths.
func driverFiles(t *testing.T, base, ours, theirs string) (string, string, string) {
	t.Helper()
	dir := t.TempDir()
	paths := make([]string, 3)
	for i, content := range []string{base, ours, theirs} {
		paths[i] = filepath.Join(dir, []string{"base", "ours", "theirs"}[i])
		if err := os.WriteFile(paths[i], []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return paths[0], paths[1], paths[2]
}

func encodeDraft(t *testing.T, edit func(d *model.Draft)) string {
	t.Helper()
	d := model.New("Checkout", testNow)
	d.Summary = "Base."
	if edit != nil {
		edit(d)
	}
	model.AssignIDs(d)
	b, err := model.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMergeDriverExitCodes(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	base := encodeDraft(t, nil)
	tests := []struct {
		name               string
		base, ours, theirs string
		code               int
		inOurs, inErr      []string
	}{
		{"clean", base,
			encodeDraft(t, func(d *model.Draft) { d.Severity = "SEV2" }),
			encodeDraft(t, func(d *model.Draft) { d.Impact.Who = "EU customers" }),
			0, []string{`"severity": "SEV2"`, `"who": "EU customers"`}, nil},
		{"both added the draft", "",
			encodeDraft(t, func(d *model.Draft) { d.Title = "Ours" }),
			encodeDraft(t, func(d *model.Draft) { d.Title = "Theirs" }),
			1, []string{`"title": "Ours"`, `"theirs": "Theirs"`}, []string{"1 conflict", "title"}},
		{"not a draft, merged by git", "a\nb\nc\nd\ne\n", "A\nb\nc\nd\ne\n", "a\nb\nc\nd\nE\n",
			0, []string{"A\nb\nc\nd\nE\n"}, nil},
		{"a newer schema", base, base, strings.Replace(base, `"schema": 1`, `"schema": 3`, 1),
			2, []string{`"schema": 1`}, []string{"newer pmwiz", "schema 3", "git show :3:pm.json"}},
		{"an empty side", base, base, "",
			2, []string{`"summary": "Base."`}, []string{"cannot merge pm.json field by field", "the file is empty", "holds ours, unchanged"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, o, th := driverFiles(t, tt.base, tt.ours, tt.theirs)
			_, errOut, code := pmwiz(t, t.TempDir(), "merge-driver", b, o, th, "pm.json")
			got, _ := os.ReadFile(o)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s\n%s", code, tt.code, errOut, got)
			}
			for _, want := range tt.inOurs {
				if !strings.Contains(string(got), want) {
					t.Errorf("result lacks %q:\n%s", want, got)
				}
			}
			for _, want := range tt.inErr {
				if !strings.Contains(errOut, want) {
					t.Errorf("message lacks %q:\n%s", want, errOut)
				}
			}
			if tt.code == 1 {
				if _, err := model.Decode(got); err != nil {
					t.Errorf("a merge with conflicts must still be a valid draft: %v", err)
				}
			}
		})
	}
}
