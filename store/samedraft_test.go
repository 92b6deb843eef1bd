package store

import (
	"fmt"
	"reflect"
	"time"
)

var timeType = reflect.TypeFor[time.Time]()

// sameDraft reports where two decoded drafts differ, or "" when they do
// not: strictly (a nil list is not an empty one), times by instant,
// offset and zone name (two parses of one offset are two *Location
// values). Fields named Extra are skipped: model.Decode keeps unknown
// keys there, raw, to write them back, which a listing never does.
func sameDraft(a, b any) string {
	return sameValue(reflect.ValueOf(a), reflect.ValueOf(b), "draft")
}

func sameValue(a, b reflect.Value, path string) string {
	differ := func() string { return fmt.Sprintf("%s: %#v != %#v", path, a.Interface(), b.Interface()) }
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return differ()
			}
			return ""
		}
		return sameValue(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		if a.Type() == timeType {
			ta, tb := a.Interface().(time.Time), b.Interface().(time.Time)
			na, oa := ta.Zone()
			nb, ob := tb.Zone()
			if !ta.Equal(tb) || na != nb || oa != ob || ta.Location().String() != tb.Location().String() {
				return differ()
			}
			return ""
		}
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if f.Name == "Extra" {
				continue
			}
			if d := sameValue(a.Field(i), b.Field(i), path+"."+f.Name); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return differ()
		}
		for i := range a.Len() {
			if d := sameValue(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return differ()
		}
		for _, k := range a.MapKeys() {
			bv := b.MapIndex(k)
			if !bv.IsValid() {
				return differ()
			}
			if d := sameValue(a.MapIndex(k), bv, fmt.Sprintf("%s[%q]", path, k)); d != "" {
				return d
			}
		}
		return ""
	case reflect.String, reflect.Bool, reflect.Int:
		if !a.Equal(b) {
			return differ()
		}
		return ""
	}
	panic("sameDraft: no comparison for " + a.Type().String())
}
