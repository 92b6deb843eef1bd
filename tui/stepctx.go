package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// stepCtx is all a step's own behaviour (the hooks in steps.go) sees of
// the wizard and may ask of it, so a step depends on this and not on the
// wizard: a test drives a step's hooks with a draft and a fake stepActions,
// without building a Model.
type stepCtx struct {
	draft    *model.Draft  // edited in place; tell do.touch after a change
	report   *model.Report // the draft's score as of the last change
	styles   *Styles
	keys     *keyMap
	readOnly bool
	now      func() time.Time
	do       stepActions
}

// stepActions are what a step asks the wizard to do. *Model is the one
// implementation.
type stepActions interface {
	// say shows a message in the status bar until the next key.
	say(msg string)
	// touch saves, rescores and validates after the step changed the draft.
	touch() tea.Cmd
	// buildFields rebuilds the step's fields from the draft, focusing the
	// field at path ("" keeps the focus where it is).
	buildFields(path string) tea.Cmd
	// rereadClocks reads again the bare clock times on screen against the
	// incident start, which the field start just changed.
	rereadClocks(start *field)
	// offerPastedEvents offers pasted timestamped lines as timeline
	// events; false when they are not such lines.
	offerPastedEvents(p tea.PasteMsg) bool
	// previewToTop scrolls the preview to the top of the document.
	previewToTop()
}

// stepCtx is the context the step on screen runs its hooks in.
func (m *Model) stepCtx() stepCtx {
	return stepCtx{draft: m.draft, report: &m.report, styles: m.styles, keys: m.keys, readOnly: m.readOnly, now: m.now, do: m}
}

// say is stepActions' message in the status bar.
func (m *Model) say(msg string) { m.status.Say(msg) }
