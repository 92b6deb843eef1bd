package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// fiveDrafts seeds p1 (newest) … p5 (oldest).
func fiveDrafts(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for i := 1; i <= 5; i++ {
		seed(t, dir, fmt.Sprintf("p%d", i), fmt.Sprintf("Outage %d", i), testNow.Add(-time.Duration(i)*time.Hour))
	}
	return dir
}

// On a terminal the list also says how many were left out and how to see
// them (TestTmux); piped, a script gets the rows it asked for alone.
func TestListLimitShowsTheNewest(t *testing.T) {
	dir := fiveDrafts(t)
	out, errOut, code := pmwiz(t, dir, "list", "--limit", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "p1 ") || !strings.HasPrefix(lines[2], "p2 ") {
		t.Fatalf("list --limit 2:\n%s", out)
	}
	for _, l := range lines[1:3] {
		if !strings.Contains(l, "/100") {
			t.Errorf("a row shown has no score: %q", l)
		}
	}
	// Piped, with no limit asked for, every draft, and no footer.
	out, _, _ = pmwiz(t, dir, "list")
	if n := strings.Count(strings.TrimSpace(out), "\n"); n != 5 || strings.Contains(out, "newest") {
		t.Errorf("piped list: %d rows:\n%s", n, out)
	}
	// A limit as big as the folder cuts nothing and says nothing.
	out, _, _ = pmwiz(t, dir, "list", "-L", "5")
	if strings.Contains(out, "--all") {
		t.Errorf("list -L 5 of 5 drafts says more exist:\n%s", out)
	}
}

func TestListLimitJSONKeepsItsShape(t *testing.T) {
	dir := fiveDrafts(t)
	out, errOut, code := pmwiz(t, dir, "list", "--json", "--limit", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var items []struct {
		Name  string   `json:"name"`
		Score *float64 `json:"score"`
	}
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	if len(items) != 3 || items[0].Name != "p1" || items[2].Name != "p3" {
		t.Fatalf("list --json --limit 3 = %+v", items)
	}
	for _, it := range items {
		if it.Score == nil {
			t.Errorf("%s has no score", it.Name)
		}
	}
}

func TestListLimitRefusesWhatMakesNoSense(t *testing.T) {
	dir := fiveDrafts(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"list", "--limit", "0"}, "--limit 0: give 1 or more"},
		{[]string{"list", "--limit", "-3"}, "--limit -3: give 1 or more"},
		{[]string{"list", "--limit", "2", "--all"}, "--limit and --all ask for different things"},
	} {
		out, errOut, code := pmwiz(t, dir, tc.args...)
		if code == 0 || !strings.Contains(errOut, tc.want) || out != "" {
			t.Errorf("pmwiz %v: exit %d, stdout %q, stderr %q; want a refusal naming %q", tc.args, code, out, errOut, tc.want)
		}
	}
}
