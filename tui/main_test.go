package tui

import (
	"os"
	"testing"
)

// TestMain gives the tests a private temporary directory. Tests that press
// ctrl+e create the editor's temporary file but never run the editor, so
// the callback that removes it never runs either; without this, every test
// run left post-mortem text in /tmp.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pmwiz-tui-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("TMPDIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
