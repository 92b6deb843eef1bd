package tui

import "github.com/pmwiz/pmwiz/model"

// stepVerdict is the mark of step i in the step list: the rubric's
// verdict when an item judges the step (an untouched step shows "·"),
// else how many of its fields are filled.
func (m Model) stepVerdict(i int) string {
	id := steps[i].item // the rubric item that judges the step (steps.go)
	if id == "" {
		return m.marks[i]
	}
	for _, it := range m.report.Items {
		if it.ID == id {
			switch it.Status {
			case model.Yes:
				return "yes"
			case model.Partial:
				return "partial"
			}
			if m.marks[i] != "" {
				return "no" // begun, but not yet enough for the rubric: its ✗
			}
			return ""
		}
	}
	return m.marks[i]
}
