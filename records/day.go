package records

import (
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// IncidentDay is the instant a draft's clock-only times are placed near:
// its start, else its detection, mitigation or end, else its first timed
// event. Nil when the draft has no time at all.
func IncidentDay(d *model.Draft) *time.Time {
	tl := d.Timeline
	for _, t := range []*time.Time{tl.Start, tl.Detected, tl.Mitigated, tl.End} {
		if t != nil {
			return t
		}
	}
	for _, e := range tl.Events {
		if e.At != nil {
			return e.At
		}
	}
	return nil
}
