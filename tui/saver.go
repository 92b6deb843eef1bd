package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// SaveResult is the outcome of one background save: the store's, so
// *store.Autosaver is a Saver as it is.
type SaveResult = store.SaveResult

// Saver is what the wizard needs from the draft store's autosaver. The
// store's Autosaver plugs in at the command layer; tests use a fake.
type Saver interface {
	// Changed hands over the live draft after an edit. It must not block,
	// and must copy what it keeps: the wizard goes on editing d.
	Changed(d *model.Draft)
	// Results reports each save as it finishes.
	Results() <-chan SaveResult
	// Flush saves now and waits (save-now key, quit, signals, panic).
	Flush() error
}

// saveResultMsg carries a SaveResult into Update.
type saveResultMsg SaveResult

// saveChannelClosedMsg says the saver will report nothing more.
type saveChannelClosedMsg struct{}

// waitForSave is a Cmd that waits for the next save result. Update
// starts it again after each result, so exactly one is always waiting.
func waitForSave(ch <-chan SaveResult) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		r, ok := <-ch
		if !ok {
			return saveChannelClosedMsg{}
		}
		return saveResultMsg(r)
	}
}

// saveState is what the status line says about saving.
type saveState struct {
	lastSaved  time.Time
	lastErr    error
	pending    bool      // changed since the last save finished
	lastChange time.Time // when pending was last set
}

// settleAfter is when a change with no save result is taken as saved: the
// autosaver saves about a second after typing pauses, and reports nothing
// when the draft came back to what is already on disk (typing a letter and
// deleting it), so waiting longer would say "saving…" for ever.
const settleAfter = 3 * time.Second

// status is "saved 3 s ago", "saving…" or the error, for the header.
func (s saveState) status(now time.Time) (string, bool) {
	switch {
	case s.lastErr != nil:
		return "not saved: " + model.SafeLine(s.lastErr.Error()) + " (retrying)", true
	case s.pending && now.Sub(s.lastChange) < settleAfter:
		return "saving…", false
	case s.lastSaved.IsZero() && s.pending:
		return "saved", false
	case s.lastSaved.IsZero():
		return "", false
	}
	return "saved " + ago(now.Sub(s.lastSaved)), false
}

func ago(d time.Duration) string {
	switch {
	case d < 2*time.Second:
		return "just now"
	case d < time.Minute:
		return fmt.Sprintf("%d s ago", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	}
	return fmt.Sprintf("%d h ago", int(d.Hours()))
}

// tickMsg refreshes "saved 3 s ago".
type tickMsg time.Time

func tick() tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}
