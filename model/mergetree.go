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

// draftFromTree is the draft a merged tree stands for: what Decode would
// make of the tree written as JSON, without writing and parsing it, which
// on a big draft costs more than the merge itself. Values of the wrong
// type are kept raw in Extra, as Decode keeps them.
func draftFromTree(tree map[string]any) (*Draft, error) {
	d := &Draft{}
	if err := fromTreeStruct(tree, reflect.ValueOf(d).Elem()); err != nil {
		return nil, err
	}
	return d, nil
}

func fromTreeStruct(m map[string]any, v reflect.Value) error {
	extra := map[string]json.RawMessage{}
	for _, k := range sortedKeys(m) {
		fv, ok := fieldByJSONName(v, k)
		if ok && fromTreeValue(m[k], fv) {
			continue
		}
		raw, err := rawJSON(m[k])
		if err != nil {
			return err
		}
		extra[k] = raw
	}
	if ev := v.FieldByName("Extra"); ev.IsValid() && len(extra) > 0 {
		ev.Set(reflect.ValueOf(extra))
	}
	return nil
}

// fromTreeValue sets v from x and reports whether x had v's type; like
// decodeValue, a null leaves v as it is, and an entry of the wrong type in
// a list or map is left empty.
func fromTreeValue(x any, v reflect.Value) bool {
	if x == nil {
		return true
	}
	if v.Type() == timePtrType {
		s, ok := x.(string)
		if !ok {
			return false
		}
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return false
		}
		v.Set(reflect.ValueOf(&t))
		return true
	}
	switch v.Kind() {
	case reflect.String:
		s, ok := x.(string)
		if ok {
			v.SetString(s)
		}
		return ok
	case reflect.Bool:
		b, ok := x.(bool)
		if ok {
			v.SetBool(b)
		}
		return ok
	case reflect.Int:
		n, ok := x.(json.Number)
		if !ok {
			return false
		}
		i, err := strconv.Atoi(string(n))
		if err != nil {
			return false
		}
		v.SetInt(int64(i))
		return true
	case reflect.Slice:
		items, ok := x.([]any)
		if !ok {
			return false
		}
		s := reflect.MakeSlice(v.Type(), len(items), len(items))
		for i, item := range items {
			fromTreeValue(item, s.Index(i))
		}
		v.Set(s)
		return true
	case reflect.Map:
		m, ok := x.(map[string]any)
		if !ok {
			return false
		}
		out := reflect.MakeMapWithSize(v.Type(), len(m))
		for k, item := range m {
			elem := reflect.New(v.Type().Elem()).Elem()
			fromTreeValue(item, elem)
			out.SetMapIndex(reflect.ValueOf(k), elem)
		}
		v.Set(out)
		return true
	case reflect.Struct:
		m, ok := x.(map[string]any)
		if !ok {
			return false
		}
		return fromTreeStruct(m, v) == nil
	}
	panic("model: no tree decoder for " + v.Type().String())
}

// rawJSON writes x as JSON for Extra, keeping <, > and & readable.
func rawJSON(x any) (json.RawMessage, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return nil, err
	}
	return json.RawMessage(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}
