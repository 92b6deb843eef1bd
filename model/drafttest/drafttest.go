// Package drafttest walks the model.Draft type by reflection, for tests
// that prove every field of a draft is wired: shown by a wizard field,
// read by the free-text walk, written by each export layout and read back
// by import. Because the walk starts from the type, a field added to the
// draft shows up here on its own, and every such test fails until the new
// field is wired or excluded with a reason.
//
// Paths are the draft file's own (model's Path… constants); a pattern
// writes every list index as "[]" and every map key as "*":
// "timeline.events[].text", "assessments.*.note".
package drafttest

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// Field is one field of the draft type that holds a value (a string, a
// time, a flag, a number) rather than more fields.
type Field struct {
	Pattern string       // "five_whys[].because", "authors[]", "assessments.*.status"
	Type    reflect.Type // the Go type of the value: string, model.Status, *time.Time…
}

var (
	draftType = reflect.TypeFor[model.Draft]()
	timeType  = reflect.TypeFor[time.Time]()
)

// Fields lists every field of model.Draft that holds a value, in the
// order the type declares them: every exported field with a JSON name,
// into structs, list entries and map values. Extra (json:"-") is not a
// field of the format but the keys a newer pmwiz wrote, so it is not
// listed.
func Fields() []Field {
	var out []Field
	walkStruct(draftType, "", func(f Field) { out = append(out, f) })
	return out
}

func walkStruct(t reflect.Type, prefix string, fn func(Field)) {
	for sf := range t.Fields() {
		name, ok := jsonName(sf)
		if !ok {
			continue
		}
		walkValue(sf.Type, join(prefix, name), fn)
	}
}

func walkValue(t reflect.Type, path string, fn func(Field)) {
	inner := t
	if inner.Kind() == reflect.Pointer {
		inner = inner.Elem()
	}
	switch {
	case inner == timeType:
		fn(Field{path, t})
	case inner.Kind() == reflect.Struct:
		walkStruct(inner, path, fn)
	case inner.Kind() == reflect.Slice:
		walkValue(inner.Elem(), path+"[]", fn)
	case inner.Kind() == reflect.Map:
		walkValue(inner.Elem(), path+".*", fn)
	default:
		fn(Field{path, t})
	}
}

// jsonName is the key a struct field has in the draft file; ok is false
// for a field that is not part of the format (unexported, or json:"-").
func jsonName(sf reflect.StructField) (string, bool) {
	if !sf.IsExported() {
		return "", false
	}
	name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
	if name == "-" || name == "" {
		return "", false
	}
	return name, true
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

// Pattern turns a path into its pattern by following the draft type:
// "timeline.events[3].text" → "timeline.events[].text",
// "assessments.impact.status" → "assessments.*.status",
// "pending.timeline.end" → "pending.*". ok is false when the path names
// no field of the draft (a typo, a field that was renamed).
func Pattern(path string) (pattern string, ok bool) {
	pattern, _, ok = follow(path, draftType, reflect.Value{})
	return pattern, ok
}

// Lookup is the value at path in d (of the field's own type), and whether
// the draft has that field and entry.
func Lookup(d *model.Draft, path string) (any, bool) {
	_, v, ok := follow(path, draftType, reflect.ValueOf(d).Elem())
	if !ok || !v.IsValid() {
		return nil, false
	}
	return v.Interface(), true
}

// follow walks path down type t and, when v is valid, down the value too.
func follow(path string, t reflect.Type, v reflect.Value) (string, reflect.Value, bool) {
	if path == "" {
		return "", v, false // the whole draft, not a field of it
	}
	var b strings.Builder
	rest := path
	for first := true; rest != ""; first = false {
		if t.Kind() == reflect.Pointer && t.Elem() != timeType {
			t = t.Elem()
			if v.IsValid() {
				if v.IsNil() {
					v = reflect.Value{}
				} else {
					v = v.Elem()
				}
			}
		}
		switch {
		case t.Kind() == reflect.Slice:
			m := entryIndex.FindString(rest)
			if m == "" {
				return "", v, false
			}
			b.WriteString("[]")
			if v.IsValid() {
				i, _ := strconv.Atoi(m[1 : len(m)-1])
				if i < v.Len() {
					v = v.Index(i)
				} else {
					v = reflect.Value{}
				}
			}
			rest, t = rest[len(m):], t.Elem()
		case t.Kind() == reflect.Map:
			key, ok := strings.CutPrefix(rest, ".")
			if !ok || key == "" {
				return "", v, false
			}
			// A map of objects (assessments) is keyed by ids without
			// dots; a map of values (pending) by anything, field paths
			// included.
			rest = ""
			if t.Elem().Kind() == reflect.Struct {
				if i := strings.IndexByte(key, '.'); i >= 0 {
					key, rest = key[:i], key[i:]
				}
			}
			b.WriteString(".*")
			if v.IsValid() {
				v = v.MapIndex(reflect.ValueOf(key))
			}
			t = t.Elem()
		case t.Kind() == reflect.Struct && t != timeType:
			if !first {
				var ok bool
				if rest, ok = strings.CutPrefix(rest, "."); !ok {
					return "", v, false
				}
				b.WriteByte('.')
			}
			end := strings.IndexAny(rest, ".[")
			if end < 0 {
				end = len(rest)
			}
			sf, ok := fieldByJSONName(t, rest[:end])
			if !ok {
				return "", v, false
			}
			b.WriteString(rest[:end])
			if v.IsValid() {
				v = v.FieldByIndex(sf.Index)
			}
			rest, t = rest[end:], sf.Type
		default:
			return "", v, false // a path that goes on past a value
		}
	}
	return b.String(), v, true
}

var entryIndex = regexp.MustCompile(`^\[[0-9]+\]`)

func fieldByJSONName(t reflect.Type, name string) (reflect.StructField, bool) {
	for sf := range t.Fields() {
		if n, ok := jsonName(sf); ok && n == name {
			return sf, true
		}
	}
	return reflect.StructField{}, false
}

// Placed is one value Filled put into the draft.
type Placed struct {
	Path    string // where: "five_whys[1].because"
	Pattern string // "five_whys[].because"
	Value   any    // what, of the field's own type
}

// Entries is how many entries Filled puts in every list: two, so a test
// also sees entries kept apart and in order.
const Entries = 2

// Filled is a draft with a value in every field and Entries entries in
// every list and map, and the list of what went where. Every text and
// time is distinct from every other, so a test can follow each one to
// where it lands; every value is valid for its field (a date where a date
// goes, a known status, an IANA zone, times in the order an incident has
// them), so whatever reads the draft takes it as a writer's.
func Filled() (*model.Draft, []Placed) {
	f := &filler{}
	d := &model.Draft{}
	f.fillStruct(reflect.ValueOf(d).Elem(), "", "")
	return d, f.placed
}

type filler struct {
	n      int
	placed []Placed
}

// mapKeys are the keys Filled uses in a map: ones the draft accepts, so
// validation and import do not reject the entry before a test sees it.
var mapKeys = map[string][]string{
	model.PathAssessments: {model.ItemImpact, model.ItemLessons},
	model.PathPending:     {model.PathStart, model.EntryFieldPath(model.PathActionItems, 0, model.KeyDue)},
}

func (f *filler) fillStruct(v reflect.Value, path, pattern string) {
	for i := range v.NumField() {
		name, ok := jsonName(v.Type().Field(i))
		if !ok {
			continue
		}
		f.fillValue(v.Field(i), join(path, name), join(pattern, name))
	}
}

func (f *filler) fillValue(v reflect.Value, path, pattern string) {
	t := v.Type()
	switch {
	case t == timeType || t.Kind() == reflect.Pointer && t.Elem() == timeType:
		f.leaf(v, path, pattern)
	case t.Kind() == reflect.Pointer:
		v.Set(reflect.New(t.Elem()))
		f.fillValue(v.Elem(), path, pattern)
	case t.Kind() == reflect.Struct:
		f.fillStruct(v, path, pattern)
	case t.Kind() == reflect.Slice:
		s := reflect.MakeSlice(t, Entries, Entries)
		for i := range Entries {
			f.fillValue(s.Index(i), model.EntryPath(path, i), pattern+"[]")
		}
		v.Set(s)
	case t.Kind() == reflect.Map:
		m := reflect.MakeMap(t)
		keys := mapKeys[pattern]
		if len(keys) == 0 {
			panic("drafttest: no keys for the map at " + pattern + ": add them to mapKeys")
		}
		for _, k := range keys {
			e := reflect.New(t.Elem()).Elem()
			f.fillValue(e, model.MapEntryPath(path, k), pattern+".*")
			m.SetMapIndex(reflect.ValueOf(k), e)
		}
		v.Set(m)
	default:
		f.leaf(v, path, pattern)
	}
}

// incidentStart is when Filled's incident begins; every time in the draft
// follows it by a minute more than the one before, in declaration order,
// so start < detected < mitigated < end < the events.
var incidentStart = time.Date(2026, 11, 23, 14, 5, 0, 0, time.UTC)

func (f *filler) leaf(v reflect.Value, path, pattern string) {
	f.n++
	n := f.n
	val := f.value(v.Type(), pattern, n)
	v.Set(reflect.ValueOf(val))
	f.placed = append(f.placed, Placed{path, pattern, val})
}

// value is the n-th distinct value for a field of type t at pattern.
func (f *filler) value(t reflect.Type, pattern string, n int) any {
	if special, ok := specialValues[pattern]; ok {
		return special(n)
	}
	switch t {
	case reflect.TypeFor[*time.Time]():
		at := incidentStart.Add(time.Duration(n) * time.Minute)
		return &at
	case reflect.TypeFor[model.Status]():
		return []model.Status{model.StatusReview, model.StatusPublished}[n%2]
	case reflect.TypeFor[model.Audience]():
		return []model.Audience{model.AudienceInternal, model.AudiencePublic}[n%2]
	case reflect.TypeFor[model.ActionType]():
		return model.ActionTypes[n%len(model.ActionTypes)]
	case reflect.TypeFor[model.Verdict]():
		return []model.Verdict{model.Partial, model.No}[n%2]
	}
	switch t.Kind() {
	case reflect.String:
		// Words, as a writer would type them, naming the field so a
		// failure says where the text came from.
		return reflect.ValueOf(fmt.Sprintf("Marker %d for %s", n, pattern)).Convert(t).Interface()
	case reflect.Bool:
		return n%2 == 1
	case reflect.Int:
		return reflect.ValueOf(n).Convert(t).Interface()
	}
	panic(fmt.Sprintf("drafttest: no value for %s (%s): add one to Filled", pattern, t))
}

// specialValues are fields whose text has a form: a zone, a day, a link.
var specialValues = map[string]func(n int) any{
	model.PathSchema:   func(int) any { return model.SchemaVersion },
	model.PathTimeZone: func(int) any { return "Asia/Kolkata" },
	model.PathDay:      func(int) any { return incidentStart.Format(time.DateOnly) },
	model.PathActionItems + "[]." + model.KeyDue: func(n int) any {
		return incidentStart.AddDate(0, 0, n).Format(model.DueLayout)
	},
	model.PathActionItems + "[]." + model.KeyLink: link,
	model.PathChannels + "[]." + model.KeyURL:     link,
}

func link(n int) any { return fmt.Sprintf("https://example.com/marker-%d", n) }

// Same reports whether two values Lookup returned are the same: times by
// the instant, everything else by equality.
func Same(a, b any) bool {
	ta, okA := a.(*time.Time)
	tb, okB := b.(*time.Time)
	if okA && okB {
		return ta != nil && tb != nil && ta.Equal(*tb) || ta == nil && tb == nil
	}
	return reflect.DeepEqual(a, b)
}
