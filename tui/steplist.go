package tui

import (
	"fmt"
	"strings"

	"github.com/pmwiz/pmwiz/model"
)

// stepList is the column of steps beside the form: each step's number,
// title and mark (✓ ◐ ✗ ·), the one on screen highlighted.
type stepList struct {
	styles        *Styles // shared: one copy for the whole wizard
	current       int
	marks         []string // per step, as stepMark says (marks.go)
	report        model.Report
	width, height int
}

func (l *stepList) SetSize(w, h int) { l.width, l.height = w, h }

// SetReport takes a new score: the list shows each step's rubric verdict.
func (l *stepList) SetReport(r model.Report) { l.report = r }

// SetMark sets step i's completion mark (marks.go); SetMarks all of them.
func (l *stepList) SetMark(i int, mark string) { l.marks[i] = mark }
func (l *stepList) SetMarks(marks []string)    { l.marks = marks }

// View lists the steps.
func (l stepList) View() string {
	st := l.styles
	var b strings.Builder
	b.WriteString(st.PanelTitle.Render("Steps") + "\n")
	for i, s := range steps {
		mark := st.verdict(l.verdict(i))
		if s.review {
			mark = " "
		}
		name := fmt.Sprintf("%2d %s", i+1, s.title)
		if i == l.current {
			b.WriteString(st.StepActive.Render(GlyphStep) + mark + " " + st.StepActive.Render(name))
		} else {
			b.WriteString(" " + mark + " " + st.Step.Render(name))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// verdict is the mark of step i: the rubric's verdict when an item judges
// the step (steps.go), so the list and the score panel never disagree (an
// untouched step shows "·"); else how many of its fields are filled.
func (l stepList) verdict(i int) string {
	id := steps[i].item
	if id == "" {
		return l.marks[i]
	}
	for _, it := range l.report.Items {
		if it.ID != id {
			continue
		}
		switch it.Status {
		case model.Yes:
			return "yes"
		case model.Partial:
			return "partial"
		}
		if l.marks[i] != "" {
			return "no" // begun, but not yet enough for the rubric: its ✗
		}
		return ""
	}
	return l.marks[i]
}
