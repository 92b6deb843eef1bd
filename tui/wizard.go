package tui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// Model is the wizard: the draft being written, the step on screen, its
// form, the live score, and the components that draw them (the step list,
// score panel, review, help screen and status bar). It owns the draft and
// the saver: it edits the draft in place, hands a snapshot to the Saver
// after every change, and routes every message to the part it is for.
type Model struct {
	draft    *model.Draft
	name     string
	saver    Saver
	results  <-chan SaveResult
	readOnly bool
	banner   string
	now      func() time.Time
	export   func(d *model.Draft) (string, error)
	preview  PreviewPane
	score    func(*model.Draft) model.Report

	// keys and styles are shared by the wizard's components, never copied:
	// a Model is copied on every message, and a Styles is 24 KB.
	keys    *keyMap
	answers answerKeys // the banner's and the import's questions
	styles  *Styles
	// styled is set once the terminal said what its background is (or
	// the caller fixed it), so a late answer does not restyle twice.
	styled bool

	width, height int

	step int
	form // the step's fields and focus (form.go)

	report model.Report
	// notesOf indexes report.Findings by field path, so drawing a step
	// with hundreds of fields does not scan every finding for each.
	notesOf map[string][]model.Finding
	// problemsOf is what the draft's validation says about each field
	// (an end before the start, a link without https://), shown under it.
	problemsOf map[string][]string
	// Scoring moves off the Update loop once it costs more than
	// syncScoreBudget (a 200 KB draft): one score runs at a time on a
	// snapshot, and a change made meanwhile is scored a pause (scoreCooldown) after it returns.
	asyncScore, scoring, scoreStale bool
	previewDue                      bool // a preview refresh is scheduled

	helpScreen  helpScreen
	panel       scorePanel
	stepList    stepList
	showPreview bool
	status      statusBar
	conflict    conflictPrompt // the draft changed on disk (conflict.go)
	undo        *deletedEntry
	review      review

	quitting  bool
	quitArmed bool // ctrl+c was refused once because the save failed
	// quitUnsaved: ctrl+c was refused once because fields hold text that
	// cannot be stored (a bad time); a second ctrl+c quits without it.
	quitUnsaved bool
	dropped     []string // "Timeline › Mitigated: nonsense", on such a quit
	rescue      string   // the rescue copy written on a forced quit
	// Saved is the error of the final flush, when the wizard quit.
	finalErr error
	// importing is a ctrl+t import or a paste of timestamped lines under
	// way (wizard_timeline.go); nil when none.
	importing *timelineImport
}

// New builds the wizard for a draft. Options are described in run.go.
func New(d *model.Draft, o Options) Model {
	if d == nil {
		d = model.New("", time.Now())
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	m := Model{
		draft: d, name: o.Name, saver: o.Saver, readOnly: o.ReadOnly, banner: o.ReadOnlyReason,
		now: now, export: o.Export, preview: o.Preview, score: o.score,
		keys: new(defaultKeyMap()), answers: defaultAnswerKeys(), status: statusBar{help: help.New(), now: now},
		form:  form{pending: map[string]string{}, errs: map[string]error{}},
		width: 100, height: 30,
	}
	if m.score == nil {
		m.score = model.NewScorer().Score // remembers each text: a keystroke rescans only the field being typed in
	}
	if o.Saver != nil {
		m.results = o.Saver.Results()
	}
	m.status.Say(model.SafeLine(o.Notice))
	if m.restorePending() > 0 {
		held := m.unsavable()
		m.status.Say(held[0].where + " still holds text pmwiz could not store (kept from last time)")
		if len(held) > 1 {
			m.status.SayMore(fmt.Sprintf(", and %d more", len(held)-1))
		}
		if !m.readOnly {
			m.status.SayMore(": fix it there")
		}
	}
	dark := true // glamour's default too; the terminal's answer overrides it
	if o.Dark != nil {
		dark, m.styled = *o.Dark, true
	}
	m.setStyles(NewStyles(dark, o.NoColor))
	if m.preview == nil {
		m.preview = newPreviewPane(dark)
	}
	m.rescore()
	m.validate()
	m.refreshMarks()
	m.buildFields("")
	m.openAt(d.ResumeAt)
	return m
}

// validate refreshes problemsOf from the draft's validation.
func (m *Model) validate() {
	ps := m.draft.Validate()
	if len(ps) == 0 && len(m.problemsOf) == 0 {
		return
	}
	m.problemsOf = make(map[string][]string, len(ps))
	for _, p := range ps {
		m.problemsOf[p.Field] = append(m.problemsOf[p.Field], p.Message)
	}
}

func (m *Model) setStyles(s Styles) {
	m.styles = &s
	m.panel.styles, m.stepList.styles = m.styles, m.styles
	m.status.SetStyles(m.styles)
}

// Draft is the draft as edited so far.
func (m Model) Draft() *model.Draft { return m.draft }

// Step is the position of the step on screen, from 0.
func (m Model) Step() int { return m.step }

// StepID is the id of the step on screen ("timeline"): steps are named
// by id, never by position.
func (m Model) StepID() string { return steps[m.step].id }

// FocusedPath is the draft path of the focused field ("" when none).
func (m Model) FocusedPath() string {
	if f := m.focused(); f != nil {
		return f.path
	}
	return ""
}

// Report is the live score.
func (m Model) Report() model.Report { return m.report }

// FinalError is the error of the flush made when quitting, if any.
func (m Model) FinalError() error { return m.finalErr }

func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{waitForSave(m.results), tick()}
	if !m.styled {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if f := m.focused(); f != nil {
		cmds = append(cmds, f.Focus())
	}
	cmds = append(cmds, m.preview.Warm(m.draft))
	return tea.Batch(cmds...)
}

// changed records an edit of f: into the draft (or, when it does not
// parse, into pending with its error), then rescoring and autosave.
func (m *Model) changed(f *field) tea.Cmd {
	if m.readOnly {
		return nil
	}
	var cmds []tea.Cmd
	v := f.Value()
	if err := f.set(m.draft, v); err != nil {
		f.err = err
		m.errs[f.path], m.pending[f.path] = err, v
	} else {
		f.err = nil
		delete(m.errs, f.path)
		delete(m.pending, f.path)
		if after := steps[m.step].afterSet; after != nil {
			cmds = append(cmds, after(m.stepCtx(), f))
		}
	}
	f.counted = f.filledInDraft(m)
	return tea.Batch(append(cmds, m.touch())...)
}

// touch is called after every change of the draft; it returns the
// commands the change starts (a score off the loop, a preview refresh).
func (m *Model) touch() tea.Cmd {
	m.notePosition()
	m.syncPending()
	cmd := m.rescore()
	m.validate()
	m.refreshMark()
	if m.previewShown() && !m.previewDue {
		// Exporting a big draft costs about a millisecond: the preview
		// catches up once per previewDelay rather than on every key.
		m.previewDue = true
		cmd = tea.Batch(cmd, tea.Tick(previewDelay, func(time.Time) tea.Msg { return previewRefreshMsg{} }))
	}
	if m.saver != nil && !m.readOnly {
		m.saver.Changed(m.draft)
		m.status.Changed()
	}
	return cmd
}

func (m *Model) goStep(i int) tea.Cmd {
	if i < 0 || i >= len(steps) || i == m.step {
		return nil
	}
	m.step = i
	m.status.Say("")
	m.review.ToTop()
	if enter := steps[i].onEnter; enter != nil {
		enter(m.stepCtx())
	}
	cmd := m.buildFields("")
	if m.previewShown() {
		cmd = tea.Batch(cmd, m.sizePreview(), m.preview.SetDraft(m.draft))
	}
	return cmd
}

func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	defer m.flushOnPanic()
	cmd := m.update(msg)
	return m, cmd
}

// flushOnPanic saves the draft before a panic reaches bubbletea, which
// restores the terminal and ends the program: the draft is on disk first.
func (m *Model) flushOnPanic() {
	if r := recover(); r != nil {
		if m.saver != nil && !m.readOnly {
			m.saver.Changed(m.draft)
			_ = m.saver.Flush()
		}
		panic(r)
	}
}

// update routes a message: the timeline import first while it is open,
// then what the user does (keys, pastes, the window), then what the
// wizard's own commands bring back (saves, scores, renders).
func (m *Model) update(msg tea.Msg) tea.Cmd {
	if cmd, taken := m.handleTimelineImport(msg); taken {
		return cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layoutFields()
		return m.sizePreview()
	case tea.BackgroundColorMsg:
		if !m.styled {
			m.styled = true
			m.setStyles(NewStyles(msg.IsDark(), m.styles.NoColor))
			path := m.FocusedPath()
			return tea.Batch(m.buildFields(path), m.preview.SetDark(msg.IsDark()))
		}
		return nil
	case tea.PasteMsg:
		if take := steps[m.step].intercept; take != nil {
			if cmd, ok := take(m.stepCtx(), msg); ok {
				return cmd
			}
		}
		return m.updateField(msg)
	case tea.KeyPressMsg:
		if cmd, done := m.conflictKey(msg); done {
			return cmd
		}
		return m.handleKey(msg)
	}
	return m.updateResult(msg)
}

// updateResult takes what the wizard's commands bring back.
func (m *Model) updateResult(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case saveResultMsg:
		if !m.noteConflict(SaveResult(msg)) {
			m.status.Saved(SaveResult(msg))
		}
		return waitForSave(m.results)
	case saveChannelClosedMsg:
		return nil
	case scoredMsg:
		return m.scored(msg)
	case rescoreMsg:
		if m.scoreStale && !m.scoring {
			m.scoreStale = false
			return m.rescore()
		}
		return nil
	case cmdPanicMsg:
		// Re-panic on the Update goroutine, where flushOnPanic saves the
		// draft before bubbletea restores the terminal.
		panic(msg.v)
	case previewRefreshMsg:
		m.previewDue = false
		if m.previewShown() {
			return m.preview.SetDraft(m.draft)
		}
		return nil
	case tickMsg:
		return tick()
	case exportDoneMsg:
		if msg.err != nil {
			m.status.Say("export failed: " + model.SafeLine(msg.err.Error()))
		} else {
			m.status.Say("exported to " + model.SafeLine(msg.path))
		}
		return nil
	case editorDoneMsg:
		// Back from $EDITOR: repaint every cell, not only the changed
		// ones (the editor drew over all of them).
		return tea.Batch(m.editorDone(msg), tea.ClearScreen)
	}
	if m.preview != nil {
		return m.preview.Update(msg)
	}
	return nil
}

// cmdPanicMsg carries a panic out of one of the wizard's commands.
type cmdPanicMsg struct{ v any }

// guard runs a command's work so that a panic in it comes back to Update
// as a message: bubbletea would restore the terminal first and leave the
// draft's last keystrokes unsaved until Run's final flush.
func guard(cmd func() tea.Msg) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = cmdPanicMsg{v: r}
			}
		}()
		return cmd()
	}
}
