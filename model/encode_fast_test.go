package model

import (
	"bytes"
	"encoding/json"
	"testing"
)

var jsonSeeds = []string{
	`{}`, `[]`, `{"a":[],"b":{},"c":[1,{"d":"x\"y\\","e":null}]}`, `"plain"`, `"a\\\"b"`, `["\\\\",true,false,-1.5e3]`,
	`{"s":"{[,:]}"}`, "{ \"a\" : [ 1 , 2 ] }", `"\u2028"`, "\"caf\xc3\xa9\"",
}

// FuzzIndentJSON: indentJSON writes what json.Indent does.
func FuzzIndentJSON(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var compact bytes.Buffer
		if json.Compact(&compact, []byte(s)) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("indentJSON(%s) =\n%s\njson.Indent gives\n%s", compact.Bytes(), got, want.Bytes())
		}
	})
}

// FuzzPlainJSONString: a string taken as plain is written by encoding/json
// exactly as it is, between quotes.
func FuzzPlainJSONString(f *testing.F) {
	for _, s := range []string{"plain", "a\"b", "tab\there", "caf\xc3\xa9", "bad \xff byte", "line\u2028sep", "<b>&</b>", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		want := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		plain := string(want) == `"`+s+`"`
		if got := plainJSONString(s); got != plain {
			t.Fatalf("plainJSONString(%q) = %v, but encoding/json writes %s", s, got, want)
		}
	})
}
