package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"
)

// Merge combines two edits of one draft, ours and theirs, made since base
// (nil when the draft did not exist before: both sides added it). It
// merges field by field: a field only one side changed takes that change;
// objects (impact, timeline, assessments per rubric item, unknown keys at
// any level) merge key by key; lists merge entry by entry, so an entry one
// side moved and the other edited is one entry, moved and edited, never a
// deletion plus an addition.
//
// Entries are matched by their id (see AssignIDs), then, for drafts
// written before ids existed or by two people who added the same thing,
// by content: the whole entry, then its identifying fields (an event's
// text, then its time; an action item's "what", …). Lists of plain text
// (authors, lessons, technologies, contributing factors) merge as lists of
// distinct lines: additions from both sides are kept, removals applied.
//
// A text both sides changed is merged line by line when they changed
// different lines (see mergeLines), as git would merge a file. A field
// both sides changed differently otherwise is a conflict: the merged draft
// keeps our version in the field and records all three versions in its
// Conflicts, which Merge also returns (the new ones only). An entry one
// side removed and the other edited is kept, with a conflict that says so.
// Nothing either side wrote is lost. "updated" takes the later time and
// is never a conflict.
//
// Callers check the schema first: Decode refuses a draft newer than this
// build, and Merge must not see one.
func Merge(base, ours, theirs *Draft) (*Draft, []Conflict, error) {
	if ours == nil || theirs == nil {
		return nil, nil, errors.New("merge: ours and theirs are both needed")
	}
	b := any(absent{})
	if base != nil {
		t, err := draftTree(base)
		if err != nil {
			return nil, nil, fmt.Errorf("merge: base: %w", err)
		}
		b = t
	}
	o, err := draftTree(ours)
	if err != nil {
		return nil, nil, fmt.Errorf("merge: ours: %w", err)
	}
	t, err := draftTree(theirs)
	if err != nil {
		return nil, nil, fmt.Errorf("merge: theirs: %w", err)
	}
	var m merger
	merged, ok := m.value("", b, o, t).(map[string]any)
	if !ok {
		return nil, nil, errors.New("merge: the merged draft is not an object")
	}
	d, err := draftFromTree(merged)
	if err != nil {
		return nil, nil, fmt.Errorf("merge: %w", err)
	}
	d.Conflicts = append(d.Conflicts, m.conflicts...)
	AssignIDs(d)
	return d, m.conflicts, nil
}

// absent marks a key or entry that one version does not have.
type absent struct{}

// identityLists are the lists merged entry by entry, with the fields that
// identify an entry when ids do not, strongest first. Lists of text are
// matched by the text alone.
var identityLists = map[string][]string{
	PathEvents:              {KeyText, KeyAt},
	PathFiveWhys:            {KeyWhy, KeyBecause},
	PathActionItems:         {KeyWhat, KeyLink},
	PathChannels:            {KeyURL, KeyName},
	PathOther:               {KeyHeading},
	PathAuthors:             nil,
	PathLessons:             nil,
	PathTechnologies:        nil,
	PathContributingFactors: nil,
	PathConflicts:           nil,
}

type merger struct {
	conflicts []Conflict
}

func (m *merger) value(path string, b, o, t any) any {
	if equal(o, t) {
		return o
	}
	if equal(b, o) {
		return t
	}
	if equal(b, t) {
		return o
	}
	if path == PathUpdated {
		return later(o, t)
	}
	if path == PathSchema {
		return o // both are this build's schema or older; ours was decoded
	}
	if isEntryOfMap(path) && (isAbsent(o) || isAbsent(t)) && !isAbsent(b) {
		// A reviewer's verdict one side removed and the other changed is
		// kept whole, as a list entry would be: half a verdict means nothing.
		if isAbsent(o) {
			m.conflict(path, b, o, t, "ours removed this and theirs changed it, so it is kept")
			return t
		}
		m.conflict(path, b, o, t, "theirs removed this and ours changed it, so it is kept")
		return o
	}
	if om, tm, ok := asObjects(o, t); ok {
		if bm, ok := b.(map[string]any); ok || isAbsent(b) {
			return m.object(path, bm, om, tm)
		}
	}
	if keys, known := identityLists[path]; known {
		if ol, tl, ok := asLists(o, t); ok {
			if bl, ok := b.([]any); ok || isAbsent(b) {
				return m.list(path, keys, bl, ol, tl)
			}
		}
	}
	if bs, ok := b.(string); ok {
		os, ok1 := o.(string)
		ts, ok2 := t.(string)
		if ok1 && ok2 {
			if merged, ok := mergeLines(bs, os, ts); ok {
				return merged
			}
		}
	}
	m.conflict(path, b, o, t, "")
	return o
}

// isEntryOfMap reports a path to one entry of a map of objects: an
// assessment of one rubric item.
func isEntryOfMap(path string) bool {
	rest, ok := strings.CutPrefix(path, PathAssessments+".")
	return ok && !strings.Contains(rest, ".")
}

// asObjects is o and t as objects, an absent one as empty: a side that
// emptied an object (impact, say) emptied each of its fields.
func asObjects(o, t any) (map[string]any, map[string]any, bool) {
	om, ok1 := o.(map[string]any)
	tm, ok2 := t.(map[string]any)
	switch {
	case ok1 && ok2:
		return om, tm, true
	case ok1 && isAbsent(t):
		return om, map[string]any{}, true
	case ok2 && isAbsent(o):
		return map[string]any{}, tm, true
	}
	return nil, nil, false
}

func asLists(o, t any) ([]any, []any, bool) {
	ol, ok1 := o.([]any)
	tl, ok2 := t.([]any)
	return ol, tl, (ok1 || isAbsent(o)) && (ok2 || isAbsent(t))
}

func isAbsent(v any) bool { _, ok := v.(absent); return ok }

func (m *merger) object(path string, b, o, t map[string]any) any {
	keys := make([]string, 0, len(o)+len(t))
	seen := map[string]bool{}
	for _, src := range []map[string]any{b, o, t} {
		for k := range src {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	out := make(map[string]any, len(keys))
	for _, k := range keys {
		r := m.value(joinPath(path, k), get(b, k), get(o, k), get(t, k))
		if !isAbsent(r) {
			out[k] = r
		}
	}
	return out
}

func get(m map[string]any, k string) any {
	if v, ok := m[k]; ok {
		return v
	}
	return absent{}
}

// node is one entry across the three versions; an index of -1 means the
// version does not have it.
type node struct{ b, o, t int }

func (m *merger) list(path string, keys []string, b, o, t []any) any {
	oToB := match(o, b, keys)
	tToB := match(t, b, keys)
	nodes := make([]node, len(b))
	for i := range nodes {
		nodes[i] = node{b: i, o: -1, t: -1}
	}
	oNode := make([]int, len(o))
	for i, bi := range oToB {
		if bi >= 0 {
			nodes[bi].o = i
			oNode[i] = bi
		} else {
			oNode[i] = len(nodes)
			nodes = append(nodes, node{b: -1, o: i, t: -1})
		}
	}
	// Entries both sides added are one entry when they have the same id or
	// content; not by a single field: two people may well add two events
	// at the same minute.
	var newO, newT []any
	var newOIdx, newTIdx []int
	for i, bi := range oToB {
		if bi < 0 {
			newO, newOIdx = append(newO, o[i]), append(newOIdx, i)
		}
	}
	for i, bi := range tToB {
		if bi < 0 {
			newT, newTIdx = append(newT, t[i]), append(newTIdx, i)
		}
	}
	tToNew := match(newT, newO, nil)
	tNode := make([]int, len(t))
	for i, bi := range tToB {
		if bi >= 0 {
			nodes[bi].t = i
			tNode[i] = bi
		}
	}
	for j, oj := range tToNew {
		ti := newTIdx[j]
		if oj >= 0 {
			n := oNode[newOIdx[oj]]
			nodes[n].t = ti
			tNode[ti] = n
		} else {
			tNode[ti] = len(nodes)
			nodes = append(nodes, node{b: -1, o: -1, t: ti})
		}
	}

	keep := func(n node) bool {
		switch {
		case n.b < 0:
			return true
		case n.o < 0 && n.t < 0:
			return false
		case n.o < 0:
			return !equal(t[n.t], b[n.b]) // theirs edited what ours removed
		case n.t < 0:
			return !equal(o[n.o], b[n.b])
		}
		return true
	}
	order := mergeOrder(nodes, oNode, tNode, keep)

	out := make([]any, 0, len(order))
	for _, ni := range order {
		n := nodes[ni]
		at := EntryPath(path, len(out))
		bv, ov, tv := pick(b, n.b), pick(o, n.o), pick(t, n.t)
		switch {
		case n.b >= 0 && n.t < 0:
			m.conflict(at, bv, ov, absent{}, "theirs removed this entry and ours changed it, so it is kept")
			out = append(out, ov)
		case n.b >= 0 && n.o < 0:
			m.conflict(at, bv, absent{}, tv, "ours removed this entry and theirs changed it, so it is kept")
			out = append(out, tv)
		case n.o < 0:
			out = append(out, tv)
		case n.t < 0:
			out = append(out, ov)
		default:
			out = append(out, m.entry(at, bv, ov, tv))
		}
	}
	return out
}

func pick(l []any, i int) any {
	if i < 0 {
		return absent{}
	}
	return l[i]
}

// entry merges one entry found in both sides. Its id is not a field to
// merge: two sides that gave the same entry different ids keep ours.
func (m *merger) entry(path string, b, o, t any) any {
	om, ok1 := o.(map[string]any)
	tm, ok2 := t.(map[string]any)
	if !ok1 || !ok2 {
		return m.value(path, b, o, t)
	}
	bm, _ := b.(map[string]any)
	id := firstID(om, tm, bm)
	out := m.object(path, withoutID(bm), withoutID(om), withoutID(tm))
	if id != nil {
		if obj, ok := out.(map[string]any); ok {
			obj["id"] = id
		}
	}
	return out
}

func firstID(maps ...map[string]any) any {
	for _, m := range maps {
		if id, ok := m["id"]; ok {
			return id
		}
	}
	return nil
}

func withoutID(m map[string]any) map[string]any {
	if _, ok := m["id"]; !ok {
		return m
	}
	c := make(map[string]any, len(m))
	for k, v := range m {
		if k != "id" {
			c[k] = v
		}
	}
	return c
}

// match pairs entries of side with entries of base: by id, then by whole
// content, then by each identifying field in turn. It returns, for each
// side entry, its base index or -1.
func match(side, base []any, keys []string) []int {
	out := make([]int, len(side))
	for i := range out {
		out[i] = -1
	}
	taken := make([]bool, len(base))
	pass := func(key func(any) string) {
		free := map[string][]int{}
		for j, e := range base {
			if !taken[j] {
				if k := key(e); k != "" {
					free[k] = append(free[k], j)
				}
			}
		}
		if len(free) == 0 {
			return
		}
		for i, e := range side {
			if out[i] >= 0 {
				continue
			}
			k := key(e)
			if js := free[k]; k != "" && len(js) > 0 {
				out[i], taken[js[0]] = js[0], true
				free[k] = js[1:]
			}
		}
	}
	pass(func(e any) string { return fieldKey(e, "id") })
	pass(contentKey)
	for _, f := range keys {
		pass(func(e any) string { return fieldKey(e, f) })
	}
	return out
}

func fieldKey(e any, field string) string {
	m, ok := e.(map[string]any)
	if !ok {
		return ""
	}
	s, ok := m[field].(string)
	if !ok || s == "" {
		return ""
	}
	return s
}

// contentKey is an entry's canonical JSON, id left out.
func contentKey(e any) string {
	if m, ok := e.(map[string]any); ok {
		e = withoutID(m)
	}
	b, _ := json.Marshal(e)
	return string(b)
}

// mergeOrder orders the kept entries. When ours kept the order the base
// had, theirs' order is taken (they may have moved entries) and ours'
// additions are placed after the entry they follow in ours; otherwise the
// other way round. When both moved entries, ours' order wins: an order is
// not text, and nothing is lost.
func mergeOrder(nodes []node, oNode, tNode []int, keep func(node) bool) []int {
	skel, other := oNode, tNode
	inSkel := func(n node) bool { return n.o >= 0 }
	if sameOrder(oNode, nodes) {
		skel, other = tNode, oNode
		inSkel = func(n node) bool { return n.t >= 0 }
	}
	after := map[int][]int{} // skeleton node (-1: the start) → entries placed after it
	anchor := -1
	for _, ni := range other {
		n := nodes[ni]
		if inSkel(n) {
			anchor = ni
			continue
		}
		if keep(n) {
			after[anchor] = append(after[anchor], ni)
		}
	}
	order := append([]int(nil), after[-1]...)
	for _, ni := range skel {
		if keep(nodes[ni]) {
			order = append(order, ni)
		}
		order = append(order, after[ni]...)
	}
	return order
}

// sameOrder reports whether the entries a side shares with the base come
// in the base's order.
func sameOrder(sideNodes []int, nodes []node) bool {
	last := -1
	for _, ni := range sideNodes {
		bi := nodes[ni].b
		if bi < 0 {
			continue
		}
		if bi < last {
			return false
		}
		last = bi
	}
	return true
}

func (m *merger) conflict(path string, b, o, t any, note string) {
	m.conflicts = append(m.conflicts, Conflict{
		Path: path, Base: conflictText(b), Ours: conflictText(o), Theirs: conflictText(t), Note: note,
	})
}

// conflictText is a version as a person reads it: text as it is, any
// other value as compact JSON, a missing one as "".
func conflictText(v any) string {
	switch x := v.(type) {
	case absent, nil:
		return ""
	case string:
		return x
	case map[string]any:
		v = withoutID(x)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

func equal(a, b any) bool { return reflect.DeepEqual(a, b) }

// later is the later of two RFC 3339 times, ours when either does not read.
func later(o, t any) any {
	os, ok1 := o.(string)
	ts, ok2 := t.(string)
	if !ok1 || !ok2 {
		if isAbsent(o) {
			return t
		}
		return o
	}
	ot, err1 := time.Parse(time.RFC3339, os)
	tt, err2 := time.Parse(time.RFC3339, ts)
	if err1 == nil && err2 == nil && tt.After(ot) {
		return t
	}
	return o
}
