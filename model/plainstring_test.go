package model

import (
	"encoding/json"
	"testing"
)

// FuzzPlainString checks Decode's shortcut for strings against
// encoding/json: whenever it answers, it answers the same.
func FuzzPlainString(f *testing.F) {
	for _, s := range []string{`"plain"`, `"caf\u00e9"`, `"café — ok"`, `"a\"b"`, "\"\xff\"", "\"tab\there\"", `""`, `"`, `x`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, ok := plainString(raw)
		if !ok {
			return
		}
		var want string
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatalf("%q: shortcut read %q, encoding/json refuses it: %v", raw, got, err)
		}
		if got != want {
			t.Fatalf("%q: shortcut %q, encoding/json %q", raw, got, want)
		}
	})
}
