package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestTmuxRubricOffersAndQuotes drives the real binary: a draft whose
// summary names PostgreSQL and Kafka, with no Technologies, is offered
// both on the Technologies step; ctrl+y adds them and they reach the file;
// the Review step quotes the sentence each verdict rests on.
func TestTmuxRubricOffersAndQuotes(t *testing.T) {
	bin := buildPmwiz(t)
	dir := t.TempDir()
	draft := `{"schema":1,"title":"Queue backlog","summary":"We failed over the PostgreSQL primary at 14:05 while Kafka consumers kept retrying, and checkout stalled for 20 minutes."}`
	path := filepath.Join(dir, "queue-backlog.json")
	if err := os.WriteFile(path, []byte(draft), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startTmux(t, dir, bin+" resume queue-backlog")
	tm.waitFor("Score")
	tm.goToStep("Technologies", "PageDown")
	tm.waitFor("ctrl+y adds PostgreSQL, Kafka")
	tm.keys("C-y")
	tm.waitFor("added PostgreSQL, Kafka from the text")
	tm.goToStep("Review", "PageDown")
	tm.waitFor("“We failed over the PostgreSQL primary")
	tm.keys("C-c")
	tm.waitFor("EXIT=0")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d struct{ Technologies []string }
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Technologies, []string{"PostgreSQL", "Kafka"}) {
		t.Fatalf("technologies in the file: %q\n%s", d.Technologies, data)
	}
}
