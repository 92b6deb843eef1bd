package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ResolveConflict settles d's conflict number i (an index into
// d.Conflicts) by putting value in the field the conflict names, and
// removes the conflict. value is usually one of the conflict's versions
// (Ours, Theirs, Base) or a text combining them; "" empties the field, or
// removes the entry when the conflict is about a whole entry. Values of
// fields that are not text (a time, done, a whole entry) are given as the
// conflict shows them: JSON, or a time as written. d is not changed; the
// settled draft is returned.
func ResolveConflict(d *Draft, i int, value string) (*Draft, error) {
	if i < 0 || i >= len(d.Conflicts) {
		return nil, fmt.Errorf("no conflict number %d (the draft has %d)", i+1, len(d.Conflicts))
	}
	tree, err := draftTree(d)
	if err != nil {
		return nil, err
	}
	root := tree.(map[string]any)
	path := d.Conflicts[i].Path
	if path == PathConflicts || strings.HasPrefix(path, PathConflicts+".") || strings.HasPrefix(path, PathConflicts+"[") {
		// A merge never records one; a hand-made one would pull the list
		// being settled from under it.
		return nil, fmt.Errorf("conflict at %s: a conflict cannot be about the conflicts themselves: remove it from the file", path)
	}
	if err := setPath(root, path, value); err != nil {
		return nil, fmt.Errorf("conflict at %s: %w", path, err)
	}
	conflicts, _ := root[PathConflicts].([]any)
	if len(conflicts) != len(d.Conflicts) {
		return nil, fmt.Errorf("conflict at %s: the draft's conflicts changed while settling it", path)
	}
	conflicts = append(conflicts[:i:i], conflicts[i+1:]...)
	if value == "" && strings.HasSuffix(path, "]") {
		renumber(conflicts, path)
	}
	if len(conflicts) == 0 {
		delete(root, PathConflicts)
	} else {
		root[PathConflicts] = conflicts
	}
	raw, err := json.Marshal(root)
	if err != nil {
		return nil, err
	}
	out, err := Decode(raw)
	var de *DecodeError
	if errors.As(err, &de) {
		return nil, fmt.Errorf("%q does not fit %s: %s", truncate(value, 40), path, de.Problems[0].Message)
	}
	if err != nil {
		return nil, err
	}
	AssignIDs(out)
	return out, nil
}

// pathStep is one step of a field path: a key or a list index.
type pathStep struct {
	key   string
	index int // -1 for a key
}

// splitPath turns "timeline.events[3].text" into steps.
func splitPath(path string) ([]pathStep, error) {
	var steps []pathStep
	for _, part := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key != "" {
			steps = append(steps, pathStep{key: key, index: -1})
		}
		for rest != "" {
			num, after, ok := strings.Cut(rest, "]")
			n, err := strconv.Atoi(num)
			if !ok || err != nil || n < 0 {
				return nil, fmt.Errorf("%q is not a field path", path)
			}
			steps = append(steps, pathStep{index: n})
			rest = strings.TrimPrefix(after, "[")
		}
	}
	if len(steps) == 0 {
		return nil, fmt.Errorf("%q is not a field path", path)
	}
	return steps, nil
}

// setPath puts value at path in the tree, making the objects on the way.
// Map keys may hold dots ("pending.timeline.end"): at each object the
// longest run of steps that is one of its keys is taken.
func setPath(root map[string]any, path string, value string) error {
	steps, err := splitPath(path)
	if err != nil {
		return err
	}
	var parent any = root
	for len(steps) > 0 {
		last := len(steps) == 1
		switch p := parent.(type) {
		case map[string]any:
			n := keySteps(p, steps)
			key := joinKeys(steps[:n])
			steps = steps[n:]
			if len(steps) == 0 {
				setValue(p[key], value, func(v any) { p[key] = v }, func() { delete(p, key) })
				return nil
			}
			child, ok := p[key]
			if !ok || child == nil {
				child = map[string]any{}
				p[key] = child
			}
			parent = child
		case []any:
			if steps[0].index < 0 || steps[0].index >= len(p) {
				return errors.New("the entry is no longer there")
			}
			i := steps[0].index
			if last {
				setValue(p[i], value, func(v any) { p[i] = v }, func() {
					p = append(p[:i:i], p[i+1:]...)
					replaceList(root, path, p)
				})
				return nil
			}
			parent, steps = p[i], steps[1:]
		default:
			return errors.New("the field is no longer there")
		}
	}
	return nil
}

// keySteps is how many steps from the start name one key of m: all of
// them joined when that is a key, else fewer, else one.
func keySteps(m map[string]any, steps []pathStep) int {
	keys := 0
	for keys < len(steps) && steps[keys].index < 0 {
		keys++
	}
	for n := keys; n > 1; n-- {
		if _, ok := m[joinKeys(steps[:n])]; ok {
			return n
		}
	}
	return 1
}

func joinKeys(steps []pathStep) string {
	keys := make([]string, 0, len(steps))
	for _, s := range steps {
		if s.index >= 0 {
			break
		}
		keys = append(keys, s.key)
	}
	return strings.Join(keys, ".")
}

// setValue sets value in place of cur: as text, or, where the field holds
// something else (a flag, an entry), as the JSON the conflict shows.
func setValue(cur any, value string, set func(any), remove func()) {
	if value == "" {
		remove()
		return
	}
	_, isText := cur.(string)
	looksJSON := strings.HasPrefix(value, "{") || strings.HasPrefix(value, "[") || value == "true" || value == "false"
	if !isText && (cur != nil || looksJSON) {
		var v any
		dec := json.NewDecoder(strings.NewReader(value))
		dec.UseNumber()
		if dec.Decode(&v) == nil && !dec.More() {
			// An entry chosen whole keeps the id it had.
			if obj, ok := v.(map[string]any); ok {
				if old, ok := cur.(map[string]any); ok && old["id"] != nil && obj["id"] == nil {
					obj["id"] = old["id"]
				}
			}
			set(v)
			return
		}
	}
	set(value)
}

// replaceList puts a shortened list back where path's list was.
func replaceList(root map[string]any, path string, list []any) {
	i := strings.LastIndex(path, "[")
	steps, err := splitPath(path[:i])
	if err != nil {
		return
	}
	var parent any = root
	for len(steps) > 0 {
		switch p := parent.(type) {
		case map[string]any:
			n := keySteps(p, steps)
			key := joinKeys(steps[:n])
			steps = steps[n:]
			if len(steps) == 0 {
				p[key] = list
				return
			}
			parent = p[key]
		case []any:
			parent, steps = p[steps[0].index], steps[1:]
		default:
			return
		}
	}
}

// renumber moves the paths of the conflicts below a removed entry up one,
// so they still name their fields.
func renumber(conflicts []any, removed string) {
	open := strings.LastIndex(removed, "[")
	list := removed[:open+1]
	gone, err := strconv.Atoi(strings.TrimSuffix(removed[open+1:], "]"))
	if err != nil {
		return
	}
	for _, c := range conflicts {
		obj, ok := c.(map[string]any)
		if !ok {
			continue
		}
		p, _ := obj[KeyPath].(string)
		rest, ok := strings.CutPrefix(p, list)
		if !ok {
			continue
		}
		num, after, ok := strings.Cut(rest, "]")
		if n, err := strconv.Atoi(num); ok && err == nil && n > gone {
			obj[KeyPath] = list + strconv.Itoa(n-1) + "]" + after
		}
	}
}
