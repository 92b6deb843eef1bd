package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// Model is the wizard: the draft being written, the step on screen, its
// fields, the live score, and the state of saving. It edits the draft in
// place and hands a snapshot to the Saver after every change.
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

	keys    keyMap
	answers answerKeys // the banner's and the import's questions
	help    help.Model
	styles  Styles
	// styled is set once the terminal said what its background is (or
	// the caller fixed it), so a late answer does not restyle twice.
	styled bool

	width, height int

	step   int
	fields []*field
	focus  int

	// pending keeps text that did not parse (a bad time), by field path,
	// so it stays on screen while the draft keeps its last good value.
	pending map[string]string
	errs    map[string]error

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
	save                            saveState

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

// deletedEntry is the last entry deleted, so ctrl+z can put it back:
// nothing a user typed is lost to one wrong key.
type deletedEntry struct {
	list  *listSpec
	index int
	item  any
	held  heldText // its text pmwiz could not store, put back with it
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
		keys: defaultKeyMap(), answers: defaultAnswerKeys(), status: statusBar{help: help.New(), now: now},
		pending: map[string]string{}, errs: map[string]error{},
		width: 100, height: 30,
	}
	if m.score == nil {
		m.score = model.NewScorer().Score // remembers each text: a keystroke rescans only the field being typed in
	}
	if o.Saver != nil {
		m.results = o.Saver.Results()
	}
	m.status.flash = model.SafeLine(o.Notice)
	if m.restorePending() > 0 {
		held := m.unsavable()
		m.status.flash = held[0].where + " still holds text pmwiz could not store (kept from last time)"
		if len(held) > 1 {
			m.status.flash += fmt.Sprintf(", and %d more", len(held)-1)
		}
		if !m.readOnly {
			m.status.flash += ": fix it there"
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
	m.styles = s
	m.panel.styles, m.stepList.styles = s, s
	m.status.SetStyles(s)
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

func (m *Model) focused() *field {
	if m.focus >= 0 && m.focus < len(m.fields) {
		return m.fields[m.focus]
	}
	return nil
}

// buildFields makes the fields of the current step from the draft and
// focuses the one at path (or the first).
func (m *Model) buildFields(path string) tea.Cmd {
	if f := m.focused(); f != nil {
		f.Blur()
	}
	bs := steps[m.step].fields(m.draft)
	m.fields = make([]*field, len(bs))
	m.focus = 0
	styles := new(Styles) // one copy shared by the step's fields
	*styles = m.styles
	for i, b := range bs {
		text := b.get(m.draft)
		counted := strings.TrimSpace(text) != ""
		switch b.kind {
		case kindText:
			text = model.SafeText(text)
		case kindLine, kindTime:
			text = model.SafeLine(text)
		}
		if p, ok := m.pending[b.path]; ok {
			text = p
		}
		f := newField(b, text, styles)
		f.err, f.counted = m.errs[b.path], counted
		m.fields[i] = f
		if b.path == path {
			m.focus = i
		}
	}
	m.layoutFields()
	// Only an edit of this step's entries changes a mark: the others are
	// as New (or the last visit) left them.
	m.refreshMark()
	if f := m.focused(); f != nil {
		// Read-only too: the focused field's cursor is how a reader
		// scrolls through a long answer.
		return f.Focus()
	}
	return nil
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
			cmds = append(cmds, after(m, f))
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

// previewDelay is how far the preview may trail typing.
const previewDelay = 150 * time.Millisecond

// previewRefreshMsg asks for the preview to catch up with the draft.
type previewRefreshMsg struct{}

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
	m.stepList.report = r
	m.notesOf = make(map[string][]model.Finding, len(r.Findings))
	for _, f := range r.Findings {
		m.notesOf[f.Field] = append(m.notesOf[f.Field], f)
	}
}

// refreshMark recomputes the mark of the step on screen: an edit changes
// no other step.
// It counts the fields' remembered flags (marks.go) instead of reading the
// whole step again.
func (m *Model) refreshMark() { m.stepList.marks[m.step] = m.markOfFields() }

func (m *Model) refreshMarks() {
	m.stepList.marks = make([]string, len(steps))
	for i, st := range steps {
		m.stepList.marks[i] = stepMark(st, m.draft)
	}
}

func (m *Model) goStep(i int) tea.Cmd {
	if i < 0 || i >= len(steps) || i == m.step {
		return nil
	}
	m.step, m.review.top, m.status.flash = i, 0, ""
	if enter := steps[i].onEnter; enter != nil {
		enter(m)
	}
	cmd := m.buildFields("")
	if m.previewShown() {
		cmd = tea.Batch(cmd, m.sizePreview(), m.preview.SetDraft(m.draft))
	}
	return cmd
}

func (m *Model) moveFocus(delta int) tea.Cmd {
	if len(m.fields) == 0 {
		return nil
	}
	next := m.focus + delta
	if next < 0 || next >= len(m.fields) {
		return nil
	}
	m.fields[m.focus].Blur()
	prev := m.focus
	m.focus = next
	m.sizeText(prev)
	m.sizeText(next)
	if m.readOnly {
		return m.fields[m.focus].Focus()
	}
	return m.fields[m.focus].Focus()
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
			if cmd, ok := take(m, msg); ok {
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
			m.status.flash = "export failed: " + model.SafeLine(msg.err.Error())
		} else {
			m.status.flash = "exported to " + model.SafeLine(msg.path)
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

func (m *Model) updateField(msg tea.Msg) tea.Cmd {
	f := m.focused()
	if f == nil || m.readOnly {
		return nil
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		// A paste is neutralised on the way in, as text loaded from a file
		// is when its field is built: the focused input shows what it
		// holds as it is, and a bidi override or a carriage return in it
		// would make the field read differently from what it holds.
		if f.kind == kindText {
			p.Content = model.SafeText(p.Content)
		} else {
			p.Content = model.SafeLine(p.Content)
		}
		msg = p
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && k.Text != "" {
		// Without bracketed paste, a terminal sends a paste as keys.
		if safe := model.SafeLine(k.Text); safe != k.Text {
			if k.Text = strings.TrimSpace(safe); k.Text == "" {
				return nil
			}
			msg = k
		}
	}
	if p, ok := msg.(tea.PasteMsg); ok && f.kind == kindText &&
		f.area.LineCount()+strings.Count(p.Content, "\n") >= maxPasteLines {
		f.pasteLarge(p.Content)
		cmd := m.changed(f)
		m.layoutFields()
		return cmd
	}
	cmd, changed := f.Update(msg)
	if changed {
		cmd = tea.Batch(cmd, m.changed(f))
		m.sizeText(m.focus)
	}
	return cmd
}

func (m *Model) saveNow() tea.Cmd {
	if m.saver == nil || m.readOnly {
		return nil
	}
	m.saver.Changed(m.draft)
	s := m.saver
	m.status.Changed()
	return func() tea.Msg {
		// The result also arrives on Results; this only makes sure the
		// save happens now rather than after the autosave pause.
		_ = s.Flush()
		return nil
	}
}

// quit saves synchronously and ends the program. The caller prints the
// draft's path and how to resume it once the terminal is restored.
func (m *Model) quit() tea.Cmd {
	m.notePosition()
	if m.saver != nil && !m.readOnly {
		held := m.unsavable()
		// The second ctrl+c after the warning quits without that text: the
		// draft on disk says so too (the text is printed on the way out).
		without := m.quitUnsaved && len(held) > 0
		d := m.draft
		if without {
			d = m.draft.Clone()
			d.Pending = nil
		}
		m.saver.Changed(d)
		err := m.saver.Flush()
		if len(held) > 0 && !m.quitUnsaved && err == nil {
			// Text that does not parse (a bad time) lives only on screen:
			// the draft keeps its last good value. Do not drop it silently:
			// show the first such field and say what to do.
			m.quitUnsaved = true
			show := m.showField(held[0].path)
			names := make([]string, len(held))
			for i, u := range held {
				names[i] = u.where
			}
			m.status.flash = "Not saved: " + strings.Join(names, ", ") + " hold" + plural(len(held), "s", "") +
				" text pmwiz cannot store. Fix it, or press ctrl+c again to quit without it."
			return show
		}
		if err != nil {
			if !m.quitArmed {
				// Do not leave with the work unsaved: say why, and let the
				// user fix it (free disk space, ctrl+s) or insist.
				if without {
					m.saver.Changed(m.draft) // staying: the text stays in the draft
				}
				m.quitArmed = true
				m.status.save.lastErr = err
				m.status.flash = "Not saved: " + model.SafeLine(err.Error()) + ". Fix it and press ctrl+s, or ctrl+c again to quit with a rescue copy."
				return nil
			}
			m.rescue = writeRescue(d, m.name)
			m.finalErr = err
		}
		// Leaving without it (chosen, or with the save failing too): the
		// text is printed on the way out, never dropped silently.
		for _, u := range held {
			m.dropped = append(m.dropped, u.where+": "+model.SafeLine(u.text))
		}
		if without {
			clear(m.pending)
			m.draft.Pending = nil // Run's final save writes the draft as chosen
		}
	}
	m.quitting = true
	return tea.Quit
}

// unsavableText is text in a field that cannot be stored in the draft.
type unsavableText struct {
	path, where, text string
}

// unsavable lists, in step order, the fields whose text does not parse
// and so is not in the draft ("Timeline › Mitigated").
func (m *Model) unsavable() []unsavableText {
	var out []unsavableText
	if len(m.pending) == 0 {
		return nil
	}
	for _, st := range steps {
		for _, b := range st.fields(m.draft) {
			if t, ok := m.pending[b.path]; ok && strings.TrimSpace(t) != "" {
				out = append(out, unsavableText{path: b.path, where: st.title + " › " + b.label, text: t})
			}
		}
	}
	return append(out, m.pendingElsewhere(out)...)
}

// showField goes to the step holding the field at path and focuses it.
func (m *Model) showField(path string) tea.Cmd {
	for i, st := range steps {
		for _, b := range st.fields(m.draft) {
			if b.path != path {
				continue
			}
			return tea.Batch(m.goStep(i), m.buildFields(path))
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Dropped lists the text the user chose to quit without (ctrl+c twice
// while a field held text pmwiz cannot store), for Run to print once the
// terminal is restored, so it is still on their screen.
func (m Model) Dropped() []string { return m.dropped }

// writeRescue writes the draft to a private file in the temporary
// directory when it cannot be saved where it belongs, and returns its
// path ("" when even that fails).
func writeRescue(d *model.Draft, name string) string {
	b, err := model.Encode(d)
	if err != nil {
		return ""
	}
	if name == "" {
		name = "draft"
	}
	f, err := os.CreateTemp("", "pmwiz-rescue-"+model.SafeLine(filepath.Base(name))+"-*.json")
	if err != nil {
		return ""
	}
	_, werr := f.Write(b)
	serr := f.Sync()
	if cerr := f.Close(); werr != nil || serr != nil || cerr != nil {
		return ""
	}
	return f.Name()
}

// Rescue is the path of the rescue copy written when the draft could not
// be saved on quitting ("" when none was needed).
func (m Model) Rescue() string { return m.rescue }

// entryOf is the list and entry index the focused field belongs to.
func (m *Model) entryOf() (*listSpec, int, bool) {
	f := m.focused()
	if f == nil || f.list == nil {
		return nil, 0, false
	}
	return f.list, f.index, true
}

func (m *Model) addEntry() tea.Cmd {
	l, i, ok := m.entryOf()
	if !ok {
		m.status.flash = "nothing to add here: lists have a “" + GlyphAdd + " add” row"
		return nil
	}
	f := m.focused()
	at := i + 1
	if f.kind == kindAdd {
		at = i
	}
	return m.insertEntry(l, at)
}

func (m *Model) insertEntry(l *listSpec, at int) tea.Cmd {
	if l.max > 0 && l.length(m.draft) >= l.max {
		m.status.flash = fmt.Sprintf("at most %d %ss", l.max, l.noun)
		return nil
	}
	l.insert(m.draft, at, nil)
	m.reindexPending(l, insertedAt(at))
	return tea.Batch(m.touch(), m.buildFields(m.firstPathOf(l, at)))
}

// firstPathOf is the path of the first field of entry i of l on this step.
func (m *Model) firstPathOf(l *listSpec, i int) string {
	for _, b := range steps[m.step].fields(m.draft) {
		if b.list == l && b.index == i && b.kind != kindAdd {
			return b.path
		}
	}
	return l.path + "+"
}

func (m *Model) deleteEntry() tea.Cmd {
	l, i, ok := m.entryOf()
	if !ok || m.focused().kind == kindAdd {
		return nil
	}
	item := l.remove(m.draft, i)
	m.undo = &deletedEntry{list: l, index: i, item: item, held: m.reindexPending(l, deletedAt(i))}
	cmd := m.touch()
	m.status.flash = fmt.Sprintf("deleted %s %d: ctrl+z puts it back", l.noun, i+1)
	n := l.length(m.draft)
	return tea.Batch(cmd, m.buildFields(m.firstPathOf(l, min(i, n))))
}

func (m *Model) undoDelete() tea.Cmd {
	u := m.undo
	if u == nil {
		return nil
	}
	m.undo = nil
	u.list.insert(m.draft, u.index, u.item)
	m.reindexPending(u.list, insertedAt(u.index))
	m.restoreHeld(u.list, u.index, u.held)
	cmd := m.touch()
	m.step = stepOfList(u.list, m.draft)
	m.status.flash = fmt.Sprintf("restored %s %d", u.list.noun, u.index+1)
	return tea.Batch(cmd, m.buildFields(m.firstPathOf(u.list, u.index)))
}

func (m *Model) moveEntry(delta int) tea.Cmd {
	l, i, ok := m.entryOf()
	if !ok || m.focused().kind == kindAdd {
		return nil
	}
	j := i + delta
	if j < 0 || j >= l.length(m.draft) {
		return nil
	}
	offset := 0
	path := m.FocusedPath()
	for _, b := range steps[m.step].fields(m.draft) {
		if b.list == l && b.index == i {
			if b.path == path {
				break
			}
			offset++
		}
	}
	l.move(m.draft, i, j)
	m.reindexPending(l, swapped(i, j))
	cmd := tea.Batch(m.touch(), m.buildFields(""))
	// Focus the same field of the moved entry.
	n := 0
	for k, f := range m.fields {
		if f.list == l && f.index == j {
			if n == offset {
				m.fields[m.focus].Blur()
				m.focus = k
				return tea.Batch(cmd, f.Focus())
			}
			n++
		}
	}
	return cmd
}

func (m *Model) togglePreview() tea.Cmd {
	if m.preview == nil {
		m.status.flash = "preview is not available here; run `pmwiz preview " + m.name + "` after quitting"
		return nil
	}
	m.showPreview = !m.showPreview
	m.previewToTop()
	m.layoutFields()
	if !m.previewShown() {
		return nil
	}
	return tea.Batch(m.sizePreview(), m.preview.SetDraft(m.draft))
}

// previewShown: on request, and beside the report in the Review step
// when there is room for both.
func (m Model) previewShown() bool {
	return m.preview != nil && (m.showPreview || (steps[m.step].review && m.width >= wideMin))
}

func (m *Model) doExport() tea.Cmd {
	if m.export == nil {
		m.status.flash = "export is not available here: quit and run `pmwiz export " + m.name + "`"
		return nil
	}
	d := m.draft.Clone()
	exp := m.export
	return guard(func() tea.Msg {
		path, err := exp(d)
		return exportDoneMsg{path: path, err: err}
	})
}

type exportDoneMsg struct {
	path string
	err  error
}

// stepOfList is the step that shows list l.
func stepOfList(l *listSpec, d *model.Draft) int {
	for si, st := range steps {
		for _, b := range st.fields(d) {
			if b.list == l {
				return si
			}
		}
	}
	return 0
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
