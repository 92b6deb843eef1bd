package tui

import "strings"

// The step list's marks (✓ done, ◐ partial) follow the rule of stepMark.
// On a step with 3,000 timeline events, stepMark builds every field's
// binding again and formats every event's time, which cost a keystroke
// 20–60 ms. The wizard instead remembers, per field on screen, whether it
// counts as filled, re-reads only the field that changed, and counts.

// filledInDraft is stepMark's test of one field: what the draft holds
// (not what the field shows while a time does not parse).
func (f *field) filledInDraft(m *Model) bool {
	return strings.TrimSpace(f.get(m.draft)) != ""
}

// markOfFields is stepMark over the fields on screen, from their
// remembered filled flags.
func (m *Model) markOfFields() string {
	if steps[m.step].review {
		return ""
	}
	total, filled := 0, 0
	for _, f := range m.fields {
		if f.kind == kindAdd {
			if f.index == 0 {
				total++ // an empty list
			}
			continue
		}
		if f.optional {
			continue
		}
		total++
		if f.counted {
			filled++
		}
	}
	return markOf(total, filled)
}

// markOf names a step's completion from its counts.
func markOf(total, filled int) string {
	switch {
	case total > 0 && filled == total:
		return "yes"
	case filled > 0:
		return "partial"
	}
	return ""
}
