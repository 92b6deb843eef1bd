package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// Every duration is counted from the start of impact, and `score` and
// the export give the same figures: started 13:42, detected 13:45,
// mitigated 14:07, ended 14:09 is 3m, 25m and 27m, never a time to
// resolve shorter than the time to mitigate.
func TestDurationsShareOneOrigin(t *testing.T) {
	dir := t.TempDir()
	at := func(h, m int) *time.Time { x := time.Date(2026, 11, 23, h, m, 0, 0, time.UTC); return &x }
	d := model.New("CDN outage", *at(16, 0))
	d.Timeline = model.Timeline{TimeZone: "UTC", Start: at(13, 42), Detected: at(13, 45), Mitigated: at(14, 7), End: at(14, 9)}
	b, err := model.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "cdn.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "score", path)
	if code > 1 {
		t.Fatalf("score: exit %d %s", code, errOut)
	}
	if !strings.Contains(out, "Time to detect 3m · Time to mitigate 25m · Time to resolve 27m") {
		t.Errorf("score output:\n%s", out)
	}
	code, out, errOut = runCLI(t, "export", path, "-o", "-")
	if code != 0 {
		t.Fatalf("export: exit %d %s", code, errOut)
	}
	if !strings.Contains(out, "Impact lasted 27m. It was detected 3m and mitigated 25m after it began.") {
		t.Errorf("export:\n%s", out)
	}
}
