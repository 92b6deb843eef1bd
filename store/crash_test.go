package store

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// TestCrashDuringSave kills a process that saves in a loop with SIGKILL at
// random moments and proves the draft on disk is always a complete
// version: the last one the process reported saved, or the one it was
// saving. Never empty, torn or mixed. Its backup is always whole too.
func TestCrashDuringSave(t *testing.T) {
	rounds := 200
	if testing.Short() {
		rounds = 40
	}
	s := mustOpen(t)
	path := filepath.Join(s.Dir(), "pm.json")
	if err := s.Save("pm", crashVersion(0)); err != nil {
		t.Fatal(err)
	}
	// Kill anywhere in the first three saves or so: time a save here.
	start := time.Now()
	for i := range 3 {
		if err := s.Save("pm", crashVersion(i)); err != nil {
			t.Fatal(err)
		}
	}
	window := time.Since(start)
	onDisk := 2 // the version on disk
	midSave, temps := 0, 0
	for round := range rounds {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), helperEnv+"=saveloop", "PMWIZ_DIR="+s.Dir(), "PMWIZ_START="+strconv.Itoa(onDisk+1))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(stdout)
		if !lines.Scan() || lines.Text() != "ready" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("round %d: helper did not start: %s", round, stderr.String())
		}
		time.Sleep(time.Duration(rand.Int64N(int64(window))))
		cmd.Process.Signal(syscall.SIGKILL)
		confirmed := onDisk
		for lines.Scan() {
			if n, err := strconv.Atoi(lines.Text()); err == nil {
				confirmed = n
			}
		}
		cmd.Wait()
		if stderr.Len() > 0 {
			t.Fatalf("round %d: helper failed: %s", round, stderr.String())
		}

		got := versionOf(t, path)
		if got != confirmed && got != confirmed+1 {
			t.Fatalf("round %d: draft is version %d; the helper had saved %d, so want %d or %d", round, got, confirmed, confirmed, confirmed+1)
		}
		if bak := versionOf(t, path+".bak"); bak >= got {
			t.Fatalf("round %d: backup is version %d, not older than the draft's %d", round, bak, got)
		}
		n := 0
		for _, name := range dirNames(t, s.Dir()) {
			if isTemp(name) {
				n++
			}
		}
		if n > temps {
			midSave++
		}
		temps = n
		onDisk = got
	}
	t.Logf("%d rounds, %d killed mid-save (a temporary file was left), draft went from version 2 to %d (a save takes about %v)", rounds, midSave, onDisk, window/3)
	if !testing.Short() && midSave == 0 {
		t.Fatal("no kill landed in the middle of a save: the test did not test anything")
	}

	// Leftover temporary files are never listed or loaded, and are cleaned
	// up once they are old.
	later, err := Open(s.Dir(), WithClock(func() time.Time { return time.Now().Add(time.Hour) }))
	if err != nil {
		t.Fatal(err)
	}
	es, err := later.List()
	if err != nil || len(es) != 1 || es[0].Err != nil || es[0].Name != "pm" {
		t.Fatalf("List after the crashes = %+v, %v", es, err)
	}
	for _, n := range dirNames(t, s.Dir()) {
		if isTemp(n) {
			t.Fatalf("temporary file %s not cleaned up", n)
		}
	}
}

// versionOf loads a crash-test draft and checks it is byte for byte one
// whole version.
func versionOf(t *testing.T, path string) int {
	t.Helper()
	data := readFile(t, path)
	s := &Store{dir: filepath.Dir(path), fs: OSFS{}, now: time.Now}
	l, lerr := s.loadFile(draftRef{name: "pm", path: path}, path, model.Decode)
	if lerr != nil {
		t.Fatalf("%s is not a whole draft (%d bytes): %v", filepath.Base(path), len(data), lerr)
	}
	n, err := strconv.Atoi(strings.TrimPrefix(l.Draft.Title, "version "))
	if err != nil {
		t.Fatalf("%s: title %q", filepath.Base(path), l.Draft.Title)
	}
	if want := encode(t, crashVersion(n)); !bytes.Equal(data, want) {
		t.Fatalf("%s: version %d is mixed with another (%d bytes, want %d)", filepath.Base(path), n, len(data), len(want))
	}
	return n
}

func TestWriteFailureUnderAFileSizeLimit(t *testing.T) {
	s := mustOpen(t)
	small := fullDraft(1) // about 12 KB: under the limit
	if err := s.Save("pm", small); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=fsize", "PMWIZ_DIR="+s.Dir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	if !strings.HasPrefix(string(out), "efbig=true saveerror=true") {
		t.Fatalf("save over the file-size limit: %s", out)
	}
	if got := readFile(t, filepath.Join(s.Dir(), "pm.json")); !bytes.Equal(got, encode(t, small)) {
		t.Fatal("the failed save changed the draft")
	}
	if names := dirNames(t, s.Dir()); len(names) != 1 {
		t.Fatalf("leftovers: %v", names)
	}
}
