package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzMerge edits one draft in two random ways and merges the edits: the
// merge must not fail, must give a draft that reads back, and must keep
// every text either side wrote (in its field or in a conflict).
func FuzzMerge(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add([]byte("ours and theirs edit the same event\x02\x02\x02\x02"))
	f.Add(bytes.Repeat([]byte{3, 0, 7, 1, 9, 5}, 12))
	f.Fuzz(func(t *testing.T, data []byte) {
		src := &byteSource{data: data}
		base := fuzzBase(src)
		ours, theirs := base.Clone(), base.Clone()
		fuzzEdit(ours, src, "ours")
		fuzzEdit(theirs, src, "theirs")
		if src.next()%2 == 0 {
			AssignIDs(ours) // one side saved with pmwiz's ids, the other not
		}
		for _, d := range []*Draft{base, ours, theirs} {
			tree, err := draftTree(d)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := Encode(d)
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.UseNumber()
			var want any
			if err := dec.Decode(&want); err != nil || !equal(tree, want) {
				t.Fatalf("the merge's tree is not what Encode writes: %v\n%s", err, data)
			}
		}
		merged, _, err := Merge(base, ours, theirs)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Encode(merged)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Decode(out); err != nil {
			t.Fatalf("the merged draft does not read back: %v\n%s", err, out)
		}
		// Every conflict can be settled with either version, one by one.
		settled := merged
		for len(settled.Conflicts) > 0 {
			c := settled.Conflicts[0]
			choice := c.Theirs
			if src.next()%2 == 0 {
				choice = c.Ours
			}
			next, err := ResolveConflict(settled, 0, choice)
			if err != nil {
				t.Fatalf("settling %+v: %v", c, err)
			}
			settled = next
		}
		kept := texts(t, merged)
		before := texts(t, base)
		for _, side := range []*Draft{ours, theirs} {
			for s := range texts(t, side) {
				if !before[s] && !kept[s] {
					b, _ := Encode(base)
					o, _ := Encode(ours)
					th, _ := Encode(theirs)
					t.Fatalf("lost %q\nbase:\n%s\nours:\n%s\ntheirs:\n%s\nmerged:\n%s", s, b, o, th, out)
				}
			}
		}
	})
}

type byteSource struct {
	data []byte
	n    int
}

func (b *byteSource) next() int {
	if len(b.data) == 0 {
		return 0
	}
	v := b.data[b.n%len(b.data)]
	b.n++
	return int(v)
}

// text is a new piece of text: unique, with bytes from the input.
func (b *byteSource) text(prefix string) string {
	n := b.next() % 6
	chunk := make([]byte, 0, n)
	for range n {
		chunk = append(chunk, byte(b.next()))
	}
	return fmt.Sprintf("%s-%d %s", prefix, b.n, chunk)
}

func fuzzBase(src *byteSource) *Draft {
	d := New("Base", time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC))
	d.Summary = "base summary\nsecond paragraph\nthird paragraph\nlast paragraph"
	for i := range 2 + src.next()%4 {
		at := time.Date(2026, 11, 23, 14, i, 0, 0, time.UTC)
		d.Timeline.Events = append(d.Timeline.Events, Event{At: &at, Text: fmt.Sprintf("base event %d", i)})
	}
	for i := range 1 + src.next()%3 {
		d.ActionItems = append(d.ActionItems, ActionItem{What: fmt.Sprintf("base action %d", i), Owner: "ana"})
	}
	d.Lessons = []string{"base lesson 0", "base lesson 1"}
	d.Assessments = map[string]Assessment{"impact": {Status: Partial, Note: "base note"}}
	if src.next()%2 == 0 {
		AssignIDs(d)
	}
	return d
}

func fuzzEdit(d *Draft, src *byteSource, side string) {
	for range src.next() % 8 {
		ev := d.Timeline.Events
		switch src.next() % 15 {
		case 0:
			d.Summary = src.text(side)
		case 14:
			lines := strings.Split(d.Summary, "\n")
			i := src.next() % len(lines)
			if src.next()%2 == 0 {
				lines[i] = src.text(side)
			} else {
				lines = append(lines[:i:i], append([]string{src.text(side)}, lines[i:]...)...)
			}
			d.Summary = strings.Join(lines, "\n")
		case 1:
			d.Impact.Who = src.text(side)
		case 2:
			at := time.Date(2026, 11, 23, 15, src.next()%60, 0, 0, time.UTC)
			i := 0
			if len(ev) > 0 {
				i = src.next() % (len(ev) + 1)
			}
			d.Timeline.Events = append(ev[:i:i], append([]Event{{At: &at, Text: src.text(side)}}, ev[i:]...)...)
		case 3:
			if len(ev) > 0 {
				ev[src.next()%len(ev)].Text = src.text(side)
			}
		case 4:
			if len(ev) > 0 {
				i := src.next() % len(ev)
				d.Timeline.Events = append(ev[:i:i], ev[i+1:]...)
			}
		case 5:
			if len(ev) > 1 {
				i, j := src.next()%len(ev), src.next()%len(ev)
				ev[i], ev[j] = ev[j], ev[i]
			}
		case 6:
			if len(d.ActionItems) > 0 {
				a := &d.ActionItems[src.next()%len(d.ActionItems)]
				if src.next()%2 == 0 {
					a.Owner = src.text(side)
				} else {
					a.What = src.text(side)
				}
			}
		case 7:
			d.ActionItems = append(d.ActionItems, ActionItem{What: src.text(side)})
		case 8:
			if len(d.ActionItems) > 0 {
				d.ActionItems = d.ActionItems[1:]
			}
		case 9:
			d.Lessons = append(d.Lessons, src.text(side))
		case 10:
			if len(d.Lessons) > 0 {
				d.Lessons[src.next()%len(d.Lessons)] = src.text(side)
			}
		case 11:
			if src.next()%2 == 0 {
				delete(d.Assessments, "impact")
			} else {
				d.Assessments["impact"] = Assessment{Status: Yes, Note: src.text(side)}
			}
		case 12:
			if d.Extra == nil {
				d.Extra = map[string]json.RawMessage{}
			}
			raw, _ := json.Marshal(src.text(side))
			d.Extra[fmt.Sprintf("x_%d", src.next()%3)] = raw
		case 13:
			if len(ev) > 0 {
				at := time.Date(2026, 11, 23, 16, src.next()%60, 0, 0, time.UTC)
				ev[src.next()%len(ev)].At = &at
			}
		}
	}
}

// texts is every line of every string value in d's file, but for ids
// and the update time, which a merge may choose between.
func texts(t *testing.T, d *Draft) map[string]bool {
	t.Helper()
	data, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case string:
			// Texts merge line by line, so lines are what must survive.
			if key != "id" && key != "updated" {
				for _, line := range strings.Split(x, "\n") {
					out[line] = true
				}
			}
		case []any:
			for _, e := range x {
				walk(key, e)
			}
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(k, x[k])
			}
		}
	}
	walk("", v)
	return out
}

// FuzzDraftFromTree checks that the merge's way back from a tree to a
// draft is Decode's: the same fields, the same values of the wrong type
// kept raw, the same bytes once encoded.
func FuzzDraftFromTree(f *testing.F) {
	f.Add([]byte(`{"schema":1,"title":7,"timeline":{"start":"x","events":[{"at":true,"text":"t"},3]},"zz":{"a":[1,2.50]},"n":"<&>"}`))
	f.Add([]byte(`{"schema":1,"assessments":{"impact":{"status":"yes","k":null},"x":5},"pending":{"a":1,"b":"c"},"five_whys":"no"}`))
	f.Add([]byte(`{"schema":1,"action_items":[{"what":"w","done":"yes","due":5,"id":9}],"conflicts":[{"path":"summary","ours":"","theirs":"x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Merged trees come from decoded drafts, whose text is UTF-8; how
		// Decode treats other bytes is its own business.
		if !utf8.Valid(data) {
			return
		}
		want, err := Decode(data)
		var de *DecodeError
		if want == nil || err != nil && !errors.As(err, &de) {
			return
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var tree map[string]any
		if dec.Decode(&tree) != nil {
			return
		}
		got, err := draftFromTree(tree)
		if err != nil {
			t.Fatal(err)
		}
		we, err1 := Encode(want)
		ge, err2 := Encode(got)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if !bytes.Equal(normalizeEscapes(we), normalizeEscapes(ge)) {
			t.Fatalf("from the tree:\n%s\nDecode:\n%s", ge, we)
		}
	})
}

// normalizeEscapes reads both encodings back as generic JSON: raw values
// kept from the input may spell a character as an escape or as itself.
func normalizeEscapes(b []byte) []byte {
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return b
	}
	out, _ := json.Marshal(v)
	return out
}
