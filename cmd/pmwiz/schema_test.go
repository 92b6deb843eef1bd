package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema loads one of the JSON Schemas documented in docs/.
func compileSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	path, _ := filepath.Abs(filepath.Join("..", "..", "docs", name))
	s, err := jsonschema.NewCompiler().Compile(path)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, out string) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("output does not match its documented schema: %v\n%.800s", err, out)
	}
}

// The documented schemas describe what pmwiz really prints: a good
// draft, a Markdown file, an unreadable file, with and without --min.
func TestJSONOutputsMatchTheirSchemas(t *testing.T) {
	isolate(t)
	score := compileSchema(t, "score.schema.json")
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, []byte(`{"schema": 1, "title": `), 0o600)
	for _, args := range [][]string{
		{"score", "--json", "testdata/complete.json", "testdata/rough.json"},
		{"score", "--json", "--min", "80", "testdata/complete.json", "../../export/testdata/postmortems/google-sre.md", broken},
		{"score", "--json", "../../export/testdata/postmortems/google-sre.md"}, // one file: one object
	} {
		_, out, _ := runCLI(t, args...)
		validate(t, score, out)
	}
	// A wrong document must fail, or the test proves nothing.
	var doc []map[string]any
	_, out, _ := runCLI(t, "score", "--json", "testdata/complete.json", "testdata/rough.json")
	json.Unmarshal([]byte(out), &doc)
	doc[0]["schema_version"] = 2
	bad, _ := json.Marshal(doc)
	v, _ := jsonschema.UnmarshalJSON(strings.NewReader(string(bad)))
	if score.Validate(v) == nil {
		t.Error("the schema accepts schema_version 2")
	}

	list := compileSchema(t, "list.schema.json")
	drafts := t.TempDir()
	seed(t, drafts, "checkout", "Checkout down", testNow.Add(-time.Hour))
	os.WriteFile(filepath.Join(drafts, "broken.json"), []byte("{"), 0o600)
	out, _, _ = pmwiz(t, drafts, "list", "--json")
	validate(t, list, out)
}
