package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// writeRaw puts bytes on disk as a draft, the way a broken editor or a
// newer pmwiz might have left them.
func writeRaw(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// unchanged asserts that loading did not modify a file (bytes and mtime).
func unchanged(t *testing.T, path string, data []byte, mtime time.Time) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); !bytes.Equal(got, data) || !fi.ModTime().Equal(mtime) {
		t.Errorf("%s was modified by a load", filepath.Base(path))
	}
}

func TestLoadRoundTrip(t *testing.T) {
	s := mustOpen(t)
	want := fullDraft(7)
	if err := s.Save("pm", want); err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"pm", "pm.json", filepath.Join(s.Dir(), "pm.json")} {
		l, err := s.Load(ref)
		if err != nil {
			t.Fatalf("Load(%q): %v", ref, err)
		}
		if l.Name != "pm" || l.Path != filepath.Join(s.Dir(), "pm.json") {
			t.Errorf("Load(%q) = name %q path %q", ref, l.Name, l.Path)
		}
		if !bytes.Equal(encode(t, l.Draft), encode(t, want)) {
			t.Errorf("Load(%q) returned a different draft", ref)
		}
	}
}

func TestLoadBrokenDrafts(t *testing.T) {
	good := fullDraft(1)
	tests := []struct {
		name     string
		data     []byte
		bak      []byte // nil: no .bak
		wantErr  any    // pointer to the model error type wanted, or nil
		wantText []string
		wantBak  bool
		partial  bool
	}{
		{
			name: "bad JSON with a good backup", data: []byte("{\n  \"schema\": 1,\n  \"title\": \"x\"\n  \"summary\": \"\"\n}\n"),
			bak: encode(t, good), wantErr: new(*model.SyntaxError),
			wantText: []string{"line 4", "left as it is", "pmwiz resume --from-backup pm"}, wantBak: true,
		},
		{
			name: "torn file, corrupt backup", data: encode(t, good)[:100], bak: []byte("{"),
			wantErr: new(*model.SyntaxError), wantText: []string{"cut short", "left as it is"},
		},
		{
			name: "empty file, no backup", data: nil,
			wantErr: new(*model.SyntaxError), wantText: []string{"empty"},
		},
		{
			name: "newer schema", data: []byte(`{"schema": 99, "title": "from the future"}`),
			wantErr: new(*model.SchemaError), wantText: []string{"newer pmwiz", "upgrade"},
		},
		{
			name: "missing schema", data: []byte(`{"title": "no schema"}`),
			wantErr: new(*model.SchemaError), wantText: []string{`"schema": 1`},
		},
		{
			name: "wrong types", data: []byte(`{"schema": 1, "title": 42, "summary": "kept", "lessons": "not a list"}`),
			wantErr: new(*model.DecodeError), wantText: []string{"title", "lessons", "fix those fields"}, partial: true,
		},
		{
			name: "not an object", data: []byte(`[1, 2]`),
			wantErr: new(*model.SyntaxError), wantText: []string{"JSON object"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			path := filepath.Join(s.Dir(), "pm.json")
			writeRaw(t, path, tt.data)
			if tt.bak != nil {
				writeRaw(t, path+".bak", tt.bak)
			}
			fi, _ := os.Stat(path)
			l, err := s.Load("pm")
			if l != nil || err == nil {
				t.Fatalf("Load of a broken draft = %v, %v", l, err)
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error is %T, want *LoadError", err)
			}
			if !errors.As(err, tt.wantErr) {
				t.Errorf("error %v does not wrap %T", err, tt.wantErr)
			}
			msg := err.Error()
			for _, want := range append(tt.wantText, path) {
				if !strings.Contains(msg, want) {
					t.Errorf("error does not say %q:\n%s", want, msg)
				}
			}
			if (le.Backup != nil) != tt.wantBak {
				t.Errorf("backup offered = %v, want %v", le.Backup != nil, tt.wantBak)
			}
			if tt.wantBak && le.Backup.Draft.Title != good.Title {
				t.Errorf("offered backup has title %q", le.Backup.Draft.Title)
			}
			if tt.partial && (le.Partial == nil || le.Partial.Summary != "kept") {
				t.Errorf("partial draft = %+v, want the fields that decoded", le.Partial)
			}
			unchanged(t, path, tt.data, fi.ModTime())
			if names := dirNames(t, s.Dir()); len(names) != 1+btoi(tt.bak != nil) {
				t.Errorf("load created files: %v", names)
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestLoadOffersBackupByPathOutsideTheDirectory(t *testing.T) {
	s := mustOpen(t)
	path := filepath.Join(t.TempDir(), "pm.json")
	writeRaw(t, path, []byte("{"))
	writeRaw(t, path+".bak", encode(t, fullDraft(1)))
	_, err := s.Load(path)
	if err == nil || !strings.Contains(err.Error(), "pmwiz resume --from-backup "+path) {
		t.Fatalf("backup offer for a draft given by path: %v", err)
	}
}

func TestLoadHugeFile(t *testing.T) {
	s := mustOpen(t)
	path := filepath.Join(s.Dir(), "pm.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxDraftSize + 1) // sparse: cheap
	f.Close()
	_, err = s.Load("pm")
	if err == nil || !strings.Contains(err.Error(), "10 MB") || !strings.Contains(err.Error(), path) {
		t.Fatalf("Load of an 10 MB+ file = %v", err)
	}
}

func TestLoadRefusesSymlinkOutOfTheDirectory(t *testing.T) {
	s := mustOpen(t)
	outside := filepath.Join(t.TempDir(), "secret.json")
	writeRaw(t, outside, encode(t, fullDraft(1)))
	if err := os.Symlink(outside, filepath.Join(s.Dir(), "pm.json")); err != nil {
		t.Fatal(err)
	}
	_, err := s.Load("pm")
	if err == nil || !strings.Contains(err.Error(), "outside the drafts directory") {
		t.Fatalf("Load through a link out of the directory = %v", err)
	}
	if err := s.Save("pm", fullDraft(2)); err == nil {
		t.Fatal("Save through a link out of the directory succeeded")
	}
	if got := readFile(t, outside); !bytes.Equal(got, encode(t, fullDraft(1))) {
		t.Fatal("the file outside was changed")
	}
	// The same file, named by its path, is the user's choice: it opens.
	if _, err := s.Load(outside); err != nil {
		t.Fatalf("Load by path: %v", err)
	}

	// A link to another draft inside the directory is followed, and a save
	// writes through it.
	if err := s.Save("real", fullDraft(3)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.json", filepath.Join(s.Dir(), "alias.json")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load("alias"); err != nil {
		t.Fatalf("Load through a link inside the directory: %v", err)
	}
	if err := s.Save("alias", fullDraft(4)); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(filepath.Join(s.Dir(), "alias.json")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("saving replaced the link with a file")
	}
	if got := readFile(t, filepath.Join(s.Dir(), "real.json")); !bytes.Equal(got, encode(t, fullDraft(4))) {
		t.Fatal("save did not write through the link")
	}
}

// Root reads any file whatever its mode, so the permission error is
// injected through the FS interface.
func TestLoadUnreadableFile(t *testing.T) {
	ffs := newFaultFS("open", syscall.EACCES)
	s := mustOpen(t, WithFS(ffs))
	path := filepath.Join(s.Dir(), "pm.json")
	writeRaw(t, path, encode(t, fullDraft(1)))
	_, err := s.Load("pm")
	if err == nil || !strings.Contains(err.Error(), "permission denied") || !strings.Contains(err.Error(), "chmod 600 "+path) {
		t.Fatalf("Load of an unreadable file = %v", err)
	}
	es, _ := s.List()
	if len(es) != 1 || es[0].Err == nil {
		t.Fatalf("List hides an unreadable draft: %+v", es)
	}
}

func TestLoadMissingDraft(t *testing.T) {
	s := mustOpen(t)
	_, err := s.Load("nope")
	if err == nil || !strings.Contains(err.Error(), `no draft named "nope"`) || !strings.Contains(err.Error(), "pmwiz list") {
		t.Fatalf("Load of a missing draft = %v", err)
	}
}

func TestRestoreBackup(t *testing.T) {
	s := mustOpen(t)
	path := filepath.Join(s.Dir(), "pm.json")
	broken := []byte(`{"schema": 1, "title": "half`)
	writeRaw(t, path, broken)
	writeRaw(t, path+".bak", encode(t, fullDraft(1)))
	kept, err := s.RestoreBackup("pm")
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Load("pm")
	if err != nil || l.Draft.Title != fullDraft(1).Title {
		t.Fatalf("after restore, Load = %v", err)
	}
	if got := readFile(t, kept); !bytes.Equal(got, broken) || filepath.Dir(kept) != filepath.Join(s.Dir(), TrashDir) {
		t.Fatalf("broken file not kept in the trash: %s", kept)
	}
	// With no good backup there is nothing to restore, and nothing moves.
	writeRaw(t, path, broken)
	writeRaw(t, path+".bak", []byte("{"))
	if _, err := s.RestoreBackup("pm"); err == nil || !strings.Contains(err.Error(), "no good backup") {
		t.Fatalf("RestoreBackup with a corrupt backup = %v", err)
	}
	if got := readFile(t, path); !bytes.Equal(got, broken) {
		t.Fatal("a failed restore changed the draft")
	}
}
