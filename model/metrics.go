package model

import (
	"encoding/json"
	"strconv"
	"time"
)

// Metrics are the durations readers ask for first. Each is nil when the
// timeline does not have the two times it needs, or they are out of order.
//
// Every one is measured from a single origin, the start of impact, as the
// incident-metrics literature does (docs/rubric.md, "Durations"): with
// several origins, "time to mitigate 25m · time to resolve 24m" contradict
// each other for an incident mitigated before it was resolved.
type Metrics struct {
	Duration       *time.Duration // start → end: how long the impact lasted
	TimeToDetect   *time.Duration // start → detected
	TimeToMitigate *time.Duration // start → mitigated
	TimeToResolve  *time.Duration // start → end (= Duration, named as the others are)
}

// ComputeMetrics derives the durations the timeline allows.
func ComputeMetrics(t Timeline) Metrics {
	return Metrics{
		Duration:       between(t.Start, t.End),
		TimeToDetect:   between(t.Start, t.Detected),
		TimeToMitigate: between(t.Start, t.Mitigated),
		TimeToResolve:  between(t.Start, t.End),
	}
}

func between(from, to *time.Time) *time.Duration {
	if from == nil || to == nil || to.Before(*from) {
		return nil
	}
	d := to.Sub(*from)
	return &d
}

// MarshalJSON writes each known metric in whole seconds (for tools) and
// as text (for people): {"duration_seconds": 5100, "duration": "1h 25m"}.
func (m Metrics) MarshalJSON() ([]byte, error) {
	out := map[string]any{}
	add := func(key string, d *time.Duration) {
		if d != nil {
			out[key+"_seconds"] = int64(d.Seconds())
			out[key] = HumanDuration(*d)
		}
	}
	add("duration", m.Duration)
	add("time_to_detect", m.TimeToDetect)
	add("time_to_mitigate", m.TimeToMitigate)
	add("time_to_resolve", m.TimeToResolve)
	return json.Marshal(out)
}

// HumanDuration writes a duration the way people say it: "45m", "1h 25m",
// "2d 3h". Seconds are shown only under a minute.
func HumanDuration(d time.Duration) string {
	if d < time.Minute {
		return itoa(int(d.Seconds())) + "s"
	}
	d = d.Round(time.Minute)
	days := int(d / (24 * time.Hour))
	hours := int(d%(24*time.Hour)) / int(time.Hour)
	mins := int(d%time.Hour) / int(time.Minute)
	var s string
	if days > 0 {
		s = itoa(days) + "d"
	}
	if hours > 0 {
		s = join(s, itoa(hours)+"h")
	}
	if mins > 0 && days == 0 {
		s = join(s, itoa(mins)+"m")
	}
	if s == "" {
		s = "0m"
	}
	return s
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

func itoa(n int) string { return strconv.Itoa(n) }
