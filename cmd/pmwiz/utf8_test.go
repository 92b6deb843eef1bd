package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Issue 11, hole 10: a draft with bytes that are not UTF-8 is read the
// same way by every command (the bytes left out of every field alike),
// and each says which fields held them.
func TestInvalidUTF8IsLeftOutAlikeAndNamed(t *testing.T) {
	dir := t.TempDir()
	raw := "{\"schema\":1,\"title\":\"Disk\xff outage\",\"summary\":\"The \xfe\xfedisk filled.\"}"
	path := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(path, []byte(raw), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := pmwiz(t, dir, "export", "bad")
	if code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	if !utf8.ValidString(out) || strings.ContainsRune(out, utf8.RuneError) || !strings.Contains(out, "Disk outage") || !strings.Contains(out, "The disk filled.") {
		t.Errorf("export of a draft with bad bytes:\n%s", out)
	}
	for _, want := range []string{"warning", path, "title, summary", "not UTF-8", "check those fields"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q does not say %q", errOut, want)
		}
	}
	// The wizard's line prompts say it too, before the first question.
	out, _, _ = pmwiz(t, dir, "resume", "bad", "--accessible")
	if !strings.Contains(out, "title, summary held bytes that are not UTF-8") {
		t.Errorf("the wizard does not say which fields held bad bytes:\n%s", out)
	}
}
