package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// statusBar is the wizard's first and last lines: the header (pmwiz, where
// the writer is, and whether the draft is saved) and the footer (the
// message of the moment, or the keys a newcomer needs).
type statusBar struct {
	styles        *Styles // shared: one copy for the whole wizard
	keys          *keyMap // the wizard's one keymap
	help          help.Model
	now           func() time.Time
	flash         string    // the message of the moment; the next key clears it
	save          saveState // what the header says about saving (saver.go)
	readOnly      bool
	previewOpen   bool // the footer says how to scroll and close the preview
	width, height int
}

func (s *statusBar) SetSize(w, h int) { s.width, s.height = w, h }

// SetStyles restyles the bar, and the short help with it.
func (s *statusBar) SetStyles(st *Styles) {
	s.styles = st
	s.help.Styles = help.DefaultStyles(st.Dark)
	if st.NoColor {
		s.help.Styles = help.Styles{}
	}
}

// Say shows msg as the message of the moment ("" clears it).
func (s *statusBar) Say(msg string) { s.flash = msg }

// SayMore adds to the message of the moment.
func (s *statusBar) SayMore(more string) { s.flash += more }

// Said is the message of the moment.
func (s *statusBar) Said() string { return s.flash }

// Changed notes an edit handed to the saver: "saving…".
func (s *statusBar) Changed() { s.save.pending, s.save.lastChange = true, s.now() }

// SaveFailed notes a save that failed outside the autosaver (the final
// flush on quit): the header says so until a save succeeds.
func (s *statusBar) SaveFailed(err error) { s.save.lastErr = err }

// Saved takes a save result.
func (s *statusBar) Saved(r SaveResult) {
	s.save.lastErr = r.Err
	if r.Err == nil {
		s.save.lastSaved, s.save.pending = r.At, false
	}
}

// Header is left (what the wizard shows of the step or draft) and the
// save state at the right edge; when both do not fit, the save state.
func (s statusBar) Header(left string) string {
	status, bad := s.save.status(s.now())
	if s.readOnly {
		status, bad = "read-only", false
	}
	right := s.styles.Status.Render(status)
	if bad {
		right = s.styles.StatusErr.Render(status)
	}
	rw := ansi.StringWidth(right)
	lw := s.width - rw - 1
	if lw < 10 {
		return right
	}
	left = ansi.Truncate(left, lw, "…")
	return left + strings.Repeat(" ", max(s.width-ansi.StringWidth(left)-rw, 1)) + right
}

// maxFlashLines is the most lines a message may take at the bottom: a
// message that says what to do must be read whole, not cut at the edge.
const maxFlashLines = 3

// Footer is the message of the moment wrapped to the window (up to
// maxFlashLines, and never more than half of it), or the short help.
func (s statusBar) Footer() []string {
	if s.flash == "" {
		return []string{s.shortHelp()}
	}
	w := max(s.width, 1)
	lines := wrapWords(model.SafeLine(s.flash), w)
	if n := min(maxFlashLines, max(s.height/2, 1)); len(lines) > n {
		lines = lines[:n]
		lines[n-1] = ansi.Truncate(lines[n-1], max(w-1, 1), "") + "…"
	}
	for i, ln := range lines {
		lines[i] = s.styles.Warn.Render(ln)
	}
	return lines
}

// shortHelp is one line of keys. In a narrow window it drops keys from
// its end, but keeps help and quit: those two must always be visible.
func (s statusBar) shortHelp() string {
	h := s.help
	h.SetWidth(s.width)
	keys := s.keys.ShortHelp()
	if s.previewOpen {
		keys = s.keys.previewHelp()
	}
	line := h.ShortHelpView(keys)
	for len(keys) > 2 && ansi.StringWidth(line) > s.width || strings.HasSuffix(strings.TrimSpace(ansi.Strip(line)), "…") && len(keys) > 2 {
		keys = append(keys[:len(keys)-3], keys[len(keys)-2:]...)
		line = h.ShortHelpView(keys)
	}
	return line
}
