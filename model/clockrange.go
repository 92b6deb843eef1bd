package model

import (
	"regexp"
	"strings"
)

// rangeLeadRe finds where a span of time is written out in prose: "from
// 09:14 to 10:06 UTC", "between 14:20 and 14:45 UTC", "From 4:12 AM to
// 5:03 AM PST". The clocks themselves are read by readClockAt.
var rangeLeadRe = regexp.MustCompile(`(?i)\b(from|between)\s+`)

// rangeJoinRe is what stands between the two clocks of a span.
var rangeJoinRe = regexp.MustCompile(`(?i)^\s*(to|and|until|till|through|-|–|—)\s+`)

// FindClockRange finds the first span of clock times in prose, "from A to
// B" or "between A and B", as a careful reader takes a summary that says
// when an outage began and ended. A zone written only after the second
// clock ("from 4:12 AM to 5:03 AM PST") is the zone of both. A date in
// the same sentence is FindDate's; the caller puts the clocks on it.
func FindClockRange(text string) (from, to ClockText, ok bool) {
	for _, m := range rangeLeadRe.FindAllStringIndex(text, 8) {
		rest := text[m[1]:]
		a, n, ok := readClockAt(rest)
		if !ok || !a.HasClock || a.HasDate {
			continue
		}
		j := rangeJoinRe.FindStringIndex(rest[n:])
		if j == nil {
			continue
		}
		b, _, ok := readClockAt(rest[n+j[1]:])
		if !ok || !b.HasClock || b.HasDate {
			continue
		}
		// "from 10 to 12" are numbers; a span needs a written clock.
		if !strings.Contains(rest[:n], ":") && !strings.ContainsAny(strings.ToLower(rest[:n]), "ap") {
			continue
		}
		if a.Zone.Name == "" {
			a.Zone = b.Zone
		}
		return a, b, true
	}
	return ClockText{}, ClockText{}, false
}
