package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// Scoring the draft as it is typed: on the Update loop while that is
// cheap, off it (one score at a time, on a snapshot) once it is not; the
// step list's marks follow the edits.

// syncScoreBudget is how long a score may take on the Update loop.
const syncScoreBudget = time.Millisecond

// scoredMsg brings a score computed off the Update loop.
type scoredMsg struct {
	report model.Report
	took   time.Duration
}

// rescore scores the draft on the loop while that is cheap, else returns
// the command that scores a snapshot off it.
func (m *Model) rescore() tea.Cmd {
	if !m.asyncScore {
		start := time.Now()
		m.setReport(m.score(m.draft))
		m.asyncScore = time.Since(start) > syncScoreBudget
		return nil
	}
	if m.scoring {
		m.scoreStale = true
		return nil
	}
	m.scoring = true
	d, score := m.draft.Clone(), m.score
	return guard(func() tea.Msg {
		start := time.Now()
		r := score(d)
		return scoredMsg{report: r, took: time.Since(start)}
	})
}

func (m *Model) scored(msg scoredMsg) tea.Cmd {
	m.setReport(msg.report)
	m.scoring = false
	if msg.took < syncScoreBudget/2 {
		m.asyncScore = false // the draft got small again
	}
	if m.scoreStale {
		// Typing goes on: score again after a pause, not at once. A 5 MB
		// field takes ~0.2 s to score; back to back, scoring took a whole
		// core from the terminal and the keys on a shared machine.
		return tea.Tick(scoreCooldown, func(time.Time) tea.Msg { return rescoreMsg{} })
	}
	return nil
}

// scoreCooldown is the pause between two scores off the Update loop.
const scoreCooldown = 250 * time.Millisecond

// rescoreMsg scores the edits made while the last score ran.
type rescoreMsg struct{}

func (m *Model) setReport(r model.Report) {
	m.report = r
	m.panel.SetReport(r)
	m.stepList.SetReport(r)
	m.notesOf = make(map[string][]model.Finding, len(r.Findings))
	for _, f := range r.Findings {
		m.notesOf[f.Field] = append(m.notesOf[f.Field], f)
	}
}

// refreshMark recomputes the mark of the step on screen: an edit changes
// no other step.
// It counts the fields' remembered flags (marks.go) instead of reading the
// whole step again.
func (m *Model) refreshMark() { m.stepList.SetMark(m.step, m.markOfFields()) }

func (m *Model) refreshMarks() {
	marks := make([]string, len(steps))
	for i, st := range steps {
		marks[i] = stepMark(st, m.draft)
	}
	m.stepList.SetMarks(marks)
}
