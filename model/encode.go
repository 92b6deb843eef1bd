package model

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"time"
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
	var out bytes.Buffer
	if err := json.Indent(&out, buf.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
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
		return encodeStruct(buf, v)
	default:
		panic("model: no encoder for " + v.Type().String())
	}
	return nil
}

func encodeStruct(buf *bytes.Buffer, v reflect.Value) error {
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
		fv := v.Field(i)
		omit := strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
		var field bytes.Buffer
		if err := encodeValue(&field, fv); err != nil {
			return err
		}
		if omit && isEmptyJSON(field.Bytes(), fv) {
			continue
		}
		sep()
		_ = encodeScalar(buf, name)
		buf.WriteByte(':')
		buf.Write(field.Bytes())
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
	enc := json.NewEncoder(buf)
	// Keep <, > and & readable: drafts are read by people in diffs.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	return nil
}
