package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pmwiz/pmwiz/model"
)

// listSpec is one editable list in a draft (events, whys, lessons…): how
// long it is and how to insert, remove and move its entries. The wizard
// shows every entry as a group of fields and rebuilds the step's fields
// after a structural change, because entries come and go.
type listSpec struct {
	path   string // field path prefix, e.g. "timeline.events"
	noun   string // "event": used in labels and messages
	max    int    // 0: no limit
	length func(d *model.Draft) int
	// insert puts item (or a fresh entry when item is nil) at index at.
	insert func(d *model.Draft, at int, item any)
	remove func(d *model.Draft, i int) any
	move   func(d *model.Draft, i, j int)
}

// sliceList builds a listSpec over a slice field of the draft.
func sliceList[T any](path, noun string, max int, slice func(d *model.Draft) *[]T, blank func(d *model.Draft, at int) T) *listSpec {
	return &listSpec{
		path: path, noun: noun, max: max,
		length: func(d *model.Draft) int { return len(*slice(d)) },
		insert: func(d *model.Draft, at int, item any) {
			s := slice(d)
			v, ok := item.(T)
			if !ok {
				v = blank(d, at)
			}
			at = min(max0(at), len(*s))
			*s = slices.Insert(*s, at, v)
		},
		remove: func(d *model.Draft, i int) any {
			s := slice(d)
			if i < 0 || i >= len(*s) {
				return nil
			}
			v := (*s)[i]
			*s = slices.Delete(*s, i, i+1)
			if len(*s) == 0 {
				*s = nil // keep "no entries" as absent in the file
			}
			return v
		},
		move: func(d *model.Draft, i, j int) {
			s := *slice(d)
			if i < 0 || j < 0 || i >= len(s) || j >= len(s) {
				return
			}
			s[i], s[j] = s[j], s[i]
		},
	}
}

func max0(i int) int { return max(i, 0) }

var (
	listEvents = sliceList(model.PathEvents, "event", 0,
		func(d *model.Draft) *[]model.Event { return &d.Timeline.Events },
		func(*model.Draft, int) model.Event { return model.Event{} })
	listFactors = sliceList(model.PathContributingFactors, "contributing factor", 0,
		func(d *model.Draft) *[]string { return &d.RootCause.ContributingFactors },
		func(*model.Draft, int) string { return "" })
	listWhys = sliceList(model.PathFiveWhys, "why", model.MaxWhys,
		func(d *model.Draft) *[]model.Why { return &d.FiveWhys },
		nextWhy)
	listLessons = sliceList(model.PathLessons, "lesson", 0,
		func(d *model.Draft) *[]string { return &d.Lessons },
		func(*model.Draft, int) string { return "" })
	listActions = sliceList(model.PathActionItems, "action item", 0,
		func(d *model.Draft) *[]model.ActionItem { return &d.ActionItems },
		func(*model.Draft, int) model.ActionItem { return model.ActionItem{} }) // the type is the writer's choice, not ours
	listTechnologies = sliceList(model.PathTechnologies, "technology", 0,
		func(d *model.Draft) *[]string { return &d.Technologies },
		func(*model.Draft, int) string { return "" })
	listChannels = sliceList(model.PathChannels, "channel", 0,
		func(d *model.Draft) *[]model.Channel { return &d.Communication.Channels },
		func(*model.Draft, int) model.Channel { return model.Channel{} })
)

// nextWhy is the entry a new Why starts as: empty. Turning an answer
// into a question by rule reads badly ("Why At 13:42 UTC an engineer
// merged…?"); the question field shows the answer before it as context
// instead (whyContext), and the writer asks the question in their words.
func nextWhy(*model.Draft, int) model.Why { return model.Why{} }

// whyContext is what the question of Why at answers: the "because" before
// it, or for the first Why, what went wrong in the Root cause step.
func whyContext(d *model.Draft, at int) string {
	prev, from := "", "Root cause"
	if at > 0 && at-1 < len(d.FiveWhys) {
		prev, from = d.FiveWhys[at-1].Because, fmt.Sprintf("Why %d", at)
	} else if at == 0 {
		prev = d.RootCause.WhatWentWrong
	}
	prev = strings.TrimSpace(firstLine(model.SafeText(prev)))
	if prev == "" {
		return ""
	}
	return "Follows from " + from + ": " + prev
}

// firstLine is s up to its first line break.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
