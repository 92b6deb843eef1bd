package store

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzParseGitLog feeds parseLog what a git log could print, and worse: it
// never panics, names only drafts it was asked about,
// and every name it gives is a commit's author as written in the log.
func FuzzParseGitLog(f *testing.F) {
	f.Add([]byte("\x1eBen Two\x1f1795973319\x00\nb.json\x00trash/t.json\x00\x1eAna\x1f1795973300\x00\na.json\x00b.json\x00"))
	f.Add([]byte("\x1eDan\x1f1\x00\x1eCat\x1f2\x00\na.json\x00"))      // a merge: no files
	f.Add([]byte("a.json\x00\x1eAna\x1fnot a time\x00\nc d.json\x00")) // a file before any commit
	f.Add([]byte("\x1eAna\x1f1\x00\n\na.json\x00\x1e\x1e\x1f\x00"))
	files := map[string]bool{"a.json": true, "b.json": true, "c d.json": true}
	f.Fuzz(func(t *testing.T, out []byte) {
		g := &gitChanges{commits: map[string]ChangedBy{}}
		all := g.parseLog(bytes.NewReader(out), files)
		if all != (len(g.commits) == len(files)) {
			t.Errorf("parseLog says all=%v with %d of %d files", all, len(g.commits), len(files))
		}
		for file, c := range g.commits {
			if !files[file] {
				t.Errorf("commit recorded for %q, not a draft asked about", file)
			}
			if c.Source != FromCommit || strings.ContainsAny(c.Name, "\x00\x1f") ||
				!bytes.Contains(out, []byte("\x1e"+c.Name+"\x1f")) && !bytes.Contains(out, []byte("\x1e"+c.Name+"\x00")) {
				t.Errorf("%s: %+v is not an author the log names", file, c)
			}
		}
	})
}

// The log's first commit naming a file is the one recorded for it.
func TestParseGitLogTakesTheNewestCommit(t *testing.T) {
	log := "\x1eBen Two\x1f1795973319\x00\nb.json\x00old/a.json\x00\x1eDan\x1f1795973310\x00" +
		"\x1eAna\x1f1795973300\x00\na.json\x00b.json\x00c d.json\x00"
	g := &gitChanges{commits: map[string]ChangedBy{}}
	all := g.parseLog(strings.NewReader(log), map[string]bool{"a.json": true, "b.json": true, "c d.json": true, "e.json": true})
	if g.commits["a.json"].Name != "Ana" || g.commits["b.json"].Name != "Ben Two" || g.commits["b.json"].When.Unix() != 1795973319 ||
		g.commits["c d.json"].Name != "Ana" {
		t.Errorf("commits = %+v", g.commits)
	}
	if _, ok := g.commits["e.json"]; ok || all {
		t.Errorf("a file the log never names got a commit (all=%v)", all)
	}
}
