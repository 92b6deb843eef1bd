package records

import (
	"regexp"
	"strings"
	"time"
)

// Filter selects events while a record is read, so a large log never has
// to be held: the time window first (cheap), then the text.
type Filter struct {
	Since, Until *time.Time     // inclusive bounds; nil: open
	Grep         *regexp.Regexp // text must match (nil: any)
	Exclude      *regexp.Regexp // text must not match
	Who          []string       // any of these names, without case (empty: anyone)
}

// InWindow reports whether t is inside the time window.
func (f *Filter) InWindow(t time.Time) bool {
	if f == nil {
		return true
	}
	return (f.Since == nil || !t.Before(*f.Since)) && (f.Until == nil || !t.After(*f.Until))
}

// Keep reports whether an event in the window passes the other filters.
func (f *Filter) Keep(e Event) bool {
	if f == nil {
		return true
	}
	if len(f.Who) > 0 {
		ok := false
		for _, w := range f.Who {
			if strings.EqualFold(strings.TrimPrefix(w, "@"), strings.TrimPrefix(e.Who, "@")) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if f.Grep == nil && f.Exclude == nil {
		return true
	}
	text := e.EventText()
	return (f.Grep == nil || f.Grep.MatchString(text)) && (f.Exclude == nil || !f.Exclude.MatchString(text))
}
