package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Problem is one thing wrong with a draft, at a field path such as
// "timeline.events[2].at". Paths use the draft file's own key names so a
// user can find the spot in the JSON.
type Problem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	if p.Field == "" {
		return p.Message
	}
	return p.Field + ": " + p.Message
}

// SyntaxError is a draft that is not JSON at all, located for a person.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// SchemaError is a draft whose schema this build cannot read.
type SchemaError struct {
	Found   int
	Missing bool
}

func (e *SchemaError) Error() string {
	switch {
	case e.Missing:
		return `schema: missing; a draft must say which format it is in: add "schema": 1`
	case e.Found > SchemaVersion:
		return fmt.Sprintf("schema: written by a newer pmwiz (schema %d; this build reads up to %d): upgrade pmwiz to open it", e.Found, SchemaVersion)
	default:
		return fmt.Sprintf("schema: %d is not a draft format (the first is 1)", e.Found)
	}
}

// DecodeError lists every field of a draft that has the wrong type. The
// draft decoded alongside it holds everything else, and the bad values are
// kept raw so a save writes them back untouched.
type DecodeError struct {
	Problems []Problem
}

func (e *DecodeError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	noun := "problem"
	if len(parts) != 1 {
		noun = "problems"
	}
	return fmt.Sprintf("%d %s: %s", len(parts), noun, strings.Join(parts, "; "))
}

// Decode reads a draft file's bytes. It fails with *SyntaxError for bytes
// that are not JSON, *SchemaError for a missing or unknown schema, and
// *DecodeError (with the draft still returned) when fields have the wrong
// type. Unknown keys are kept, at every level.
func Decode(data []byte) (*Draft, error) {
	// A byte-order mark, which some Windows editors write, is no reason to
	// refuse a draft.
	data = bytes.TrimPrefix(data, utf8BOM)
	// Bytes that are not UTF-8 are left out, in every field alike (see
	// InvalidUTF8Fields, which says where they were).
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, nil)
	}
	if err := checkSyntax(data); err != nil {
		return nil, err
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, &SyntaxError{Line: 1, Column: 1, Msg: "a draft is a JSON object ({ … }), not " + jsonKind(bytes.TrimSpace(data))}
	}
	rawSchema, ok := top[PathSchema]
	if !ok || string(rawSchema) == "null" {
		return nil, &SchemaError{Missing: true}
	}
	var schema int
	if err := json.Unmarshal(rawSchema, &schema); err != nil {
		return nil, &DecodeError{Problems: []Problem{{PathSchema, "want a whole number like 1, got " + jsonKind(rawSchema)}}}
	}
	if schema < 1 || schema > SchemaVersion {
		return nil, &SchemaError{Found: schema}
	}
	d := &Draft{}
	var problems []Problem
	decodeStruct(top, reflect.ValueOf(d).Elem(), "", &problems) // top is already split into keys
	if len(problems) > 0 {
		return d, &DecodeError{Problems: problems}
	}
	return d, nil
}

// utf8BOM is the byte-order mark some editors put at the start of a file.
var utf8BOM = []byte("\xef\xbb\xbf")

// checkSyntax reports the first syntax error with a line and column, which
// encoding/json gives only as a byte offset.
func checkSyntax(data []byte) error {
	// The common case, a well-formed draft, needs no location: json.Valid
	// checks it without building anything.
	if json.Valid(data) {
		return nil
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	// Numbers stay text here: 1e999 is valid JSON, and its overflow is a
	// field's problem, reported with the field's name, not a Go type error.
	dec.UseNumber()
	err := dec.Decode(&v)
	if err == nil {
		off := int(dec.InputOffset())
		rest := data[off:]
		if trimmed := bytes.TrimLeft(rest, " \t\r\n"); len(trimmed) > 0 {
			line, col := lineCol(data, len(data)-len(trimmed))
			return &SyntaxError{Line: line, Column: col, Msg: "unexpected text after the end of the draft"}
		}
		return nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the offending byte itself; point at it, not past it.
		line, col := lineCol(data, int(se.Offset)-1)
		return &SyntaxError{Line: line, Column: col, Msg: se.Error()}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		line, col := lineCol(data, len(data))
		msg := "the file ends in the middle of the draft (was it cut short?)"
		if len(bytes.TrimSpace(data)) == 0 {
			msg = "the file is empty"
		}
		return &SyntaxError{Line: line, Column: col, Msg: msg}
	}
	return &SyntaxError{Line: 1, Column: 1, Msg: err.Error()}
}

// lineCol turns a byte offset into a 1-based line and column (in runes).
func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	col := len([]rune(string(before[start:]))) + 1
	return line, col
}

var (
	timePtrType = reflect.TypeOf((*time.Time)(nil))
	rawMapType  = reflect.TypeOf(map[string]json.RawMessage(nil))
)

// decodeValue fills v from raw, adding a Problem for every value of the
// wrong type instead of stopping at the first as encoding/json does.
// It returns false when raw did not fit, so the caller can keep it raw.
func decodeValue(raw json.RawMessage, v reflect.Value, path string, problems *[]Problem) bool {
	raw = bytes.TrimSpace(raw)
	if string(raw) == "null" {
		return true
	}
	bad := func(want string) bool {
		*problems = append(*problems, Problem{path, "want " + want + ", got " + jsonKind(raw)})
		return false
	}
	if v.Type() == timePtrType {
		s, ok := plainString(raw)
		if !ok && json.Unmarshal(raw, &s) != nil {
			return bad("a time like 2026-11-23T14:05:00+01:00")
		}
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			*problems = append(*problems, Problem{path, fmt.Sprintf("%q is not an RFC 3339 time with an offset, like 2026-11-23T14:05:00+01:00", s)})
			return false
		}
		v.Set(reflect.ValueOf(&t))
		return true
	}
	switch v.Kind() {
	case reflect.String:
		s, ok := plainString(raw)
		if !ok && json.Unmarshal(raw, &s) != nil {
			return bad("text")
		}
		v.SetString(s)
	case reflect.Bool:
		var b bool
		if json.Unmarshal(raw, &b) != nil {
			return bad("true or false")
		}
		v.SetBool(b)
	case reflect.Int:
		var n int
		if json.Unmarshal(raw, &n) != nil {
			return bad("a whole number")
		}
		v.SetInt(int64(n))
	case reflect.Slice:
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return bad("a list ([ … ])")
		}
		s := reflect.MakeSlice(v.Type(), len(items), len(items))
		for i, item := range items {
			decodeValue(item, s.Index(i), EntryPath(path, i), problems)
		}
		v.Set(s)
	case reflect.Map:
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil {
			return bad("an object ({ … })")
		}
		out := reflect.MakeMapWithSize(v.Type(), len(m))
		for _, k := range sortedKeys(m) {
			elem := reflect.New(v.Type().Elem()).Elem()
			decodeValue(m[k], elem, joinPath(path, k), problems)
			out.SetMapIndex(reflect.ValueOf(k), elem)
		}
		v.Set(out)
	case reflect.Struct:
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil {
			return bad("an object ({ … })")
		}
		decodeStruct(m, v, path, problems)
	default:
		panic("model: no decoder for " + v.Type().String())
	}
	return true
}

func decodeStruct(m map[string]json.RawMessage, v reflect.Value, path string, problems *[]Problem) {
	extra := map[string]json.RawMessage{}
	for _, k := range sortedKeys(m) {
		fv, ok := fieldByJSONName(v, k)
		if !ok {
			extra[k] = m[k]
			continue
		}
		if !decodeValue(m[k], fv, joinPath(path, k), problems) {
			// Keep the value the user wrote; saving writes it back as it was.
			extra[k] = m[k]
		}
	}
	if ev := v.FieldByName("Extra"); ev.IsValid() && len(extra) > 0 {
		ev.Set(reflect.ValueOf(extra))
	}
}

// plainString reads a JSON string with no escapes, the common case,
// without encoding/json's scanner: a big draft has thousands of them. Any
// other string (escapes, control bytes, bytes that are not UTF-8) is left
// to encoding/json, so the result is always what it would give.
func plainString(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	body := raw[1 : len(raw)-1]
	ascii := true
	for _, c := range body {
		if c < 0x20 || c == '"' || c == '\\' {
			return "", false
		}
		ascii = ascii && c < utf8.RuneSelf
	}
	if !ascii && !utf8.Valid(body) {
		return "", false
	}
	return string(body), true
}

// fieldByJSONName finds the struct field whose json tag names key.
func fieldByJSONName(v reflect.Value, key string) (reflect.Value, bool) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == key && name != "-" {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// jsonKind names the kind of a raw JSON value for an error message.
func jsonKind(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "text " + truncate(string(raw), 40)
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return string(raw)
	case 'n':
		return "null"
	default:
		return "the number " + truncate(string(raw), 20)
	}
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// LooksLikeDraft reports a JSON object with a "schema" key: a pmwiz draft,
// readable by this build or not (a newer one's, or one another tool wrote
// for pmwiz). Guards use it so that no Markdown ever replaces a draft.
func LooksLikeDraft(b []byte) bool {
	var probe struct {
		Schema json.RawMessage `json:"schema"`
	}
	return json.Unmarshal(b, &probe) == nil && probe.Schema != nil
}
