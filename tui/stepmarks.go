package tui

import "github.com/pmwiz/pmwiz/model"

// stepItems ties a step to the rubric item that judges it. The step list
// shows that item's verdict, so the list and the score panel can never
// disagree (a step ✓ beside a rubric ◐ reads as a bug, and is one).
var stepItems = map[string]string{
	"Timeline":          model.ItemStartEnd,
	"Impact":            model.ItemImpact,
	"Root cause":        model.ItemRootCause,
	"Five Whys":         model.ItemFiveWhys,
	"Lessons & actions": model.ItemLessons,
	"Technologies":      model.ItemTechnologies,
	"Human elements":    model.ItemHumanElements,
	"Others can learn":  model.ItemOthersLearn,
	"Communication":     model.ItemChannel,
}

// stepVerdict is the mark of step i in the step list: the rubric's
// verdict when an item judges the step (an untouched step shows "·"),
// else how many of its fields are filled.
func (m Model) stepVerdict(i int) string {
	id, ok := stepItems[steps[i].title]
	if !ok {
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
