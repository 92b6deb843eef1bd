package model

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// TestEncodeStampedIsEncodeOfEach: both results are Encode's bytes, with
// "updated" left out and with it set, whatever the draft holds.
func TestEncodeStampedIsEncodeOfEach(t *testing.T) {
	at := time.Date(2026, 11, 29, 17, 45, 3, 120, time.FixedZone("CET", 3600))
	full := typicalDraft(5)
	full.Created = &at
	full.Extra = map[string]json.RawMessage{"zz_newer_tool": json.RawMessage(`{"a": [1, 2]}`)}
	wrongType := typicalDraft(1)
	wrongType.Extra = map[string]json.RawMessage{"updated": json.RawMessage(`5`)}
	for name, d := range map[string]*Draft{
		"full":                         full,
		"schema only":                  {Schema: 1},
		"empty":                        {},
		"no created":                   {Schema: 1, Title: "t", Summary: "s\nline \"two\" \u2028"},
		"updated already set":          {Schema: 1, Title: "t", Updated: &at},
		"an updated of the wrong type": wrongType,
	} {
		content, stamped, err := EncodeStamped(d, at)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c := *d
		c.Updated = nil
		wantContent, _ := Encode(&c)
		c.Updated = &at
		wantStamped, _ := Encode(&c)
		if !bytes.Equal(content, wantContent) {
			t.Errorf("%s: content\n%s\nwant\n%s", name, content, wantContent)
		}
		if !bytes.Equal(stamped, wantStamped) {
			t.Errorf("%s: stamped\n%s\nwant\n%s", name, stamped, wantStamped)
		}
	}
}
