package model

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Bytes that are not UTF-8 (a file saved in another encoding, a bad
// paste through another tool) follow one rule everywhere pmwiz reads a
// draft: Decode leaves them out, in every field alike, and the reader is
// told which fields held them (InvalidUTF8Fields). Left out rather than
// shown as U+FFFD because the wizard's text inputs drop U+FFFD as typed:
// a field would keep its marks until edited and lose them then, which is
// the silent, field-by-field rewrite this rule replaces.

// InvalidUTF8Fields lists, in file order, the fields of a draft file (as
// paths like "title" or "timeline.events[2].text") whose text holds bytes
// that are not UTF-8; nil when the file is all UTF-8.
func InvalidUTF8Fields(data []byte) []string {
	if utf8.Valid(data) {
		return nil
	}
	type frame struct {
		array   bool
		key     string
		index   int
		wantKey bool
	}
	var stack []frame
	var out []string
	seen := map[string]bool{}
	path := func(extraKey string) string {
		var b strings.Builder
		parts := stack
		for i, f := range parts {
			switch {
			case f.array:
				b.WriteString("[" + strconv.Itoa(f.index) + "]")
			case i == len(parts)-1 && extraKey != "":
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(SafeLine(extraKey))
			default:
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(SafeLine(f.key))
			}
		}
		return b.String()
	}
	record := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	afterValue := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				stack[n-1].wantKey = true
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var prev int64
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		end := dec.InputOffset()
		raw := data[prev:end]
		prev = end
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, frame{wantKey: true})
			case '[':
				stack = append(stack, frame{array: true})
			default:
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
				afterValue()
			}
		case string:
			if n := len(stack); n > 0 && !stack[n-1].array && stack[n-1].wantKey {
				stack[n-1].key, stack[n-1].wantKey = t, false
				if !utf8.Valid(raw) {
					record(path(t + " (the field's name)"))
				}
				continue
			}
			if !utf8.Valid(raw) {
				record(path(""))
			}
			afterValue()
		default:
			afterValue()
		}
	}
	return out
}
