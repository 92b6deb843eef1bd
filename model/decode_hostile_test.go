package model

import (
	"errors"
	"strings"
	"testing"
)

// Issue 11, hole 9: a UTF-8 byte-order mark was refused ("invalid
// character 'ï'"), and "schema": 1e999 gave a Go type error.
func TestDecodeAcceptsABOMAndNamesHugeNumbers(t *testing.T) {
	d, err := Decode([]byte("\xef\xbb\xbf{\"schema\": 1, \"title\": \"with a BOM\"}"))
	if err != nil || d.Title != "with a BOM" {
		t.Fatalf("a draft with a BOM: %v, %+v", err, d)
	}
	for _, tc := range []struct{ in, want string }{
		{`{"schema": 1e999}`, "schema"},
		{`{"schema": 1, "title": "x", "timeline": {"events": [{"at": 1e999}]}}`, "timeline"},
	} {
		_, err := Decode([]byte(tc.in))
		if err == nil {
			t.Errorf("%s: no error", tc.in)
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, "Go value") || strings.Contains(msg, "float64") || !strings.Contains(msg, tc.want) {
			t.Errorf("%s: error %q, want one naming %q in a person's words", tc.in, msg, tc.want)
		}
		var se *SyntaxError
		if errors.As(err, &se) {
			t.Errorf("%s: reported as a syntax error though the JSON is valid: %v", tc.in, err)
		}
	}
}
