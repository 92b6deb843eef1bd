package model

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"strconv"
)

// idLength is how many hex digits an entry id has: 40 bits, plenty to
// tell apart the entries of one list, short enough to read in a diff.
const idLength = 10

// AssignIDs gives every list entry of d (timeline events, Five Whys,
// action items, channels, other sections) that has no id, or repeats an id
// used earlier in its list, a stable one. It changes d in place, so call it
// on the draft that lives on (the wizard's), and the id stays with the
// entry through every later edit: that is what lets a merge tell an edited
// or moved entry from a deleted one plus a new one.
//
// The id is derived from the entry's content, not drawn at random, so the
// function stays pure and deterministic: two people who open the same old
// draft without ids give its entries the same ids, and their edits still
// line up when merged.
func AssignIDs(d *Draft) {
	if d == nil {
		return
	}
	assignIDs(PathEvents, d.Timeline.Events, func(e *Event) *string { return &e.ID })
	assignIDs(PathFiveWhys, d.FiveWhys, func(w *Why) *string { return &w.ID })
	assignIDs(PathActionItems, d.ActionItems, func(a *ActionItem) *string { return &a.ID })
	assignIDs(PathChannels, d.Communication.Channels, func(c *Channel) *string { return &c.ID })
	assignIDs(PathOther, d.Other, func(s *Section) *string { return &s.ID })
}

// MissingIDs reports whether any list entry of d has no id yet: a scan
// with no allocation, so the wizard can check on every keystroke and call
// AssignIDs (which also repairs repeated ids, and costs more) only when an
// entry was added.
func MissingIDs(d *Draft) bool {
	if d == nil {
		return false
	}
	for _, e := range d.Timeline.Events {
		if e.ID == "" {
			return true
		}
	}
	for _, w := range d.FiveWhys {
		if w.ID == "" {
			return true
		}
	}
	for _, a := range d.ActionItems {
		if a.ID == "" {
			return true
		}
	}
	for _, c := range d.Communication.Channels {
		if c.ID == "" {
			return true
		}
	}
	for _, o := range d.Other {
		if o.ID == "" {
			return true
		}
	}
	return false
}

func assignIDs[T any](list string, entries []T, id func(*T) *string) {
	if len(entries) == 0 {
		return
	}
	used := make(map[string]bool, len(entries))
	var missing []int
	for i := range entries {
		p := id(&entries[i])
		if *p == "" || used[*p] {
			missing = append(missing, i)
			continue
		}
		used[*p] = true
	}
	for _, i := range missing {
		p := id(&entries[i])
		*p = ""
		content := entryContent(reflect.ValueOf(&entries[i]).Elem())
		for n := 0; ; n++ {
			c := contentID(list, content, n)
			if !used[c] {
				*p = c
				used[c] = true
				break
			}
		}
	}
}

// entryContent is an entry's canonical bytes, id left out.
func entryContent(v reflect.Value) []byte {
	var b bytes.Buffer
	_ = encodeValue(&b, v)
	return b.Bytes()
}

// contentID hashes the list, the content and a counter that tells apart
// entries with the same content.
func contentID(list string, content []byte, n int) string {
	h := sha256.New()
	h.Write([]byte(list))
	h.Write([]byte{0})
	h.Write(content)
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(n)))
	return hex.EncodeToString(h.Sum(nil))[:idLength]
}
