package model

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// draftTree is d as generic JSON (objects, lists, strings, json.Number,
// bools), holding what Encode would write: the same keys, the same empty
// fields left out, unknown keys kept at every level. Merging this tree
// keeps unknown keys without knowing them. It is built straight from the
// struct: encoding and parsing the text again costs three times as much
// on a big draft.
func draftTree(d *Draft) (any, error) {
	return treeValue(reflect.ValueOf(d).Elem())
}

func treeValue(v reflect.Value) (any, error) {
	if v.Type() == timePtrType {
		if v.IsNil() {
			return nil, nil
		}
		return v.Interface().(*time.Time).Format(time.RFC3339Nano), nil
	}
	switch v.Kind() {
	case reflect.String:
		return jsonString(v.String()), nil
	case reflect.Bool:
		return v.Bool(), nil
	case reflect.Int:
		return json.Number(strconv.FormatInt(v.Int(), 10)), nil
	case reflect.Slice:
		if v.IsNil() {
			return nil, nil
		}
		out := make([]any, v.Len())
		for i := range out {
			e, err := treeValue(v.Index(i))
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	case reflect.Map:
		if v.IsNil() {
			return nil, nil
		}
		out := make(map[string]any, v.Len())
		it := v.MapRange()
		for it.Next() {
			e, err := treeValue(it.Value())
			if err != nil {
				return nil, err
			}
			out[jsonString(it.Key().String())] = e
		}
		return out, nil
	case reflect.Struct:
		return treeStruct(v)
	}
	panic("model: no tree for " + v.Type().String())
}

func treeStruct(v reflect.Value) (any, error) {
	t := v.Type()
	out := map[string]any{}
	for i := 0; i < t.NumField(); i++ {
		name, opts, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "-" || name == "" {
			continue
		}
		e, err := treeValue(v.Field(i))
		if err != nil {
			return nil, err
		}
		omit := strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
		if !omit || !emptyTree(e) {
			out[name] = e
		}
	}
	if ev := v.FieldByName("Extra"); ev.IsValid() && ev.Type() == rawMapType {
		for k, raw := range ev.Interface().(map[string]json.RawMessage) {
			// As in Encode: a known field the user filled in since wins
			// over the raw value kept from a load where it had a wrong type.
			if cur, known := out[k]; known && !emptyTree(cur) {
				continue
			}
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.UseNumber()
			var x any
			if dec.Decode(&x) != nil {
				continue // Encode drops what does not compact either
			}
			out[jsonString(k)] = x
		}
	}
	return out, nil
}

// jsonString is s as it reads back from JSON: invalid UTF-8 becomes
// U+FFFD, byte by byte, as encoding/json writes it.
func jsonString(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	b, _ := json.Marshal(s)
	var out string
	_ = json.Unmarshal(b, &out)
	return out
}

// emptyTree mirrors Encode's omitempty: "", false, 0, null, [] and {}.
func emptyTree(e any) bool {
	switch x := e.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case json.Number:
		return x == "0"
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}
