package model

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Encode writes a draft in its one canonical form: keys in the documented
// order, unknown keys after them in sorted order, two-space indent, and a
// trailing newline, so drafts diff cleanly in git and the same draft always
// gives the same bytes.
func Encode(d *Draft) ([]byte, error) {
	var buf bytes.Buffer
	if err := encodeValue(&buf, reflect.ValueOf(d).Elem()); err != nil {
		return nil, err
	}
	compact := buf.Bytes()
	out := make([]byte, 0, len(compact)+len(compact)/4+64)
	return append(indentJSON(out, compact), '\n'), nil
}

// EncodeStamped returns d's canonical bytes without its "updated" time
// (what the autosave compares to tell a real change from a cursor move)
// and with updated as its "updated" time (what it writes), encoding d
// once: the bytes are the same as Encode's of each, for a fraction of a
// second encode of a multi-megabyte draft.
func EncodeStamped(d *Draft, updated time.Time) (content, stamped []byte, err error) {
	c := *d
	c.Updated = nil
	var buf bytes.Buffer
	h := hole{name: "updated"}
	if err := encodeStruct(&buf, reflect.ValueOf(&c).Elem(), &h); err != nil {
		return nil, nil, err
	}
	compact := buf.Bytes()
	content = append(indentJSON(make([]byte, 0, len(compact)+len(compact)/4+64), compact), '\n')
	if _, kept := d.Extra["updated"]; kept || !h.found {
		// An "updated" of the wrong type kept from a load is written only
		// while the field is empty: the splice below would write both.
		c.Updated = &updated
		stamped, err = Encode(&c)
		return content, stamped, err
	}
	var member bytes.Buffer
	_ = encodeScalar(&member, "updated")
	member.WriteByte(':')
	_ = encodeScalar(&member, updated.Format(time.RFC3339Nano))
	spliced := make([]byte, 0, len(compact)+member.Len()+1)
	spliced = append(spliced, compact[:h.pos]...)
	if h.first {
		spliced = append(spliced, member.Bytes()...)
		if compact[h.pos] != '}' {
			spliced = append(spliced, ',')
		}
	} else {
		spliced = append(append(spliced, ','), member.Bytes()...)
	}
	spliced = append(spliced, compact[h.pos:]...)
	stamped = append(indentJSON(make([]byte, 0, len(content)+64), spliced), '\n')
	return content, stamped, nil
}

// plainJSONString reports whether encoding/json (HTML escaping off)
// writes s between quotes as it is: valid UTF-8 with no control
// character, quote, backslash, U+2028 or U+2029.
func plainJSONString(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == '"' || c == '\\':
			return false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return ascii || utf8.ValidString(s) && !strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029")
}

// indentJSON is json.Indent(dst, src, "", "  ") for the compact JSON
// encodeValue writes (no white space outside strings). It copies each
// string whole instead of stepping json's scanner through every byte: a
// 5 MB summary is one string, and the autosave encodes it about twice a
// second while the user types. FuzzIndentJSON checks it against
// json.Indent.
func indentJSON(dst, src []byte) []byte {
	depth := 0
	needIndent := false // after { or [: indent unless it is empty
	newline := func() {
		dst = append(dst, '\n')
		for range depth {
			dst = append(dst, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			newline()
		}
		switch c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			needIndent = true
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd is the index just past the JSON string that starts at src[i].
func stringEnd(src []byte, i int) int {
	j := i + 1
	for {
		k := bytes.IndexByte(src[j:], '"')
		if k < 0 {
			return len(src)
		}
		j += k
		backslashes := 0
		for b := j - 1; b > i && src[b] == '\\'; b-- {
			backslashes++
		}
		j++
		if backslashes%2 == 0 {
			return j
		}
	}
}

func encodeValue(buf *bytes.Buffer, v reflect.Value) error {
	if v.Type() == timePtrType {
		if v.IsNil() {
			buf.WriteString("null")
			return nil
		}
		return encodeScalar(buf, v.Interface().(*time.Time).Format(time.RFC3339Nano))
	}
	switch v.Kind() {
	case reflect.String:
		return encodeScalar(buf, v.String())
	case reflect.Bool, reflect.Int:
		return encodeScalar(buf, v.Interface())
	case reflect.Slice:
		buf.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := encodeValue(buf, v.Index(i)); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case reflect.Map:
		if v.Type() == rawMapType {
			panic("model: raw maps are written by their struct")
		}
		keys := make([]string, 0, v.Len())
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		sort.Strings(keys)
		buf.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				buf.WriteByte(',')
			}
			_ = encodeScalar(buf, k)
			buf.WriteByte(':')
			if err := encodeValue(buf, v.MapIndex(reflect.ValueOf(k))); err != nil {
				return err
			}
		}
		buf.WriteByte('}')
	case reflect.Struct:
		return encodeStruct(buf, v, nil)
	default:
		panic("model: no encoder for " + v.Type().String())
	}
	return nil
}

// hole records where a struct's member name would be written: the byte
// offset in the compact output, and whether it would be the first member.
type hole struct {
	name         string
	pos          int
	first, found bool
}

func encodeStruct(buf *bytes.Buffer, v reflect.Value, h *hole) error {
	t := v.Type()
	known := map[string]bool{}
	n := 0
	sep := func() {
		if n > 0 {
			buf.WriteByte(',')
		}
		n++
	}
	buf.WriteByte('{')
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || name == "" {
			continue
		}
		known[name] = true
		if h != nil && name == h.name {
			h.pos, h.first, h.found = buf.Len(), n == 0, true
		}
		fv := v.Field(i)
		omit := strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
		// The value is written in place and taken back when empty, rather
		// than built apart and copied: a field may hold megabytes.
		mark, marked := buf.Len(), n
		sep()
		_ = encodeScalar(buf, name)
		buf.WriteByte(':')
		at := buf.Len()
		if err := encodeValue(buf, fv); err != nil {
			return err
		}
		if omit && isEmptyJSON(buf.Bytes()[at:], fv) {
			buf.Truncate(mark)
			n = marked
		}
	}
	if ev := v.FieldByName("Extra"); ev.IsValid() && ev.Type() == rawMapType {
		extra := ev.Interface().(map[string]json.RawMessage)
		for _, k := range sortedKeys(extra) {
			// A known field the user has since filled in wins over the raw
			// value kept from a load where it had the wrong type.
			if known[k] && !isEmptyField(v, k) {
				continue
			}
			var compact bytes.Buffer
			if json.Compact(&compact, extra[k]) != nil {
				continue
			}
			sep()
			_ = encodeScalar(buf, k)
			buf.WriteByte(':')
			buf.Write(compact.Bytes())
		}
	}
	buf.WriteByte('}')
	return nil
}

func isEmptyField(v reflect.Value, key string) bool {
	fv, ok := fieldByJSONName(v, key)
	if !ok {
		return true
	}
	var b bytes.Buffer
	_ = encodeValue(&b, fv)
	return isEmptyJSON(b.Bytes(), fv)
}

// isEmptyJSON decides omitempty/omitzero from what would be written: an
// empty string, list, object, false, zero or null.
func isEmptyJSON(b []byte, v reflect.Value) bool {
	switch string(b) {
	case `""`, "[]", "{}", "null", "false":
		return true
	case "0":
		return v.Kind() == reflect.Int
	}
	return false
}

func encodeScalar(buf *bytes.Buffer, v any) error {
	if s, ok := v.(string); ok && plainJSONString(s) {
		// What encoding/json would write, without its copy through a
		// buffer of its own: most text needs no escape at all.
		buf.Grow(len(s) + 2)
		buf.WriteByte('"')
		buf.WriteString(s)
		buf.WriteByte('"')
		return nil
	}
	enc := json.NewEncoder(buf)
	// Keep <, > and & readable: drafts are read by people in diffs.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	return nil
}
