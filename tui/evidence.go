package tui

import (
	"strconv"

	"github.com/pmwiz/pmwiz/model"
)

// EvidenceLine is the best quote a verdict rests on, for a person: the
// quote and where it stands, e.g.
//
//	“We exceeded our availability error budget” (Lessons, line 63)
//
// or "" when the verdict has none (every no, and reviewer overrides of an
// empty draft). A reader who doubts the verdict is one glance from why.
func EvidenceLine(it model.ItemResult) string {
	if len(it.Evidence) == 0 || it.Status == model.No {
		return ""
	}
	e := it.Evidence[0]
	where := model.SafeLine(e.Where)
	if e.Line > 0 {
		where += ", line " + strconv.Itoa(e.Line)
	}
	return "“" + model.SafeLine(e.Quote) + "” (" + where + ")"
}
