package tui

// The wizard's way into the records (chat exports and logs): ctrl+t asks
// for a file and opens the event chooser on it; pasting several
// timestamped lines into the Timeline step offers to make each an event
// rather than one long one. wizard.go and view.go only call in here.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bkey "charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/records"
)

// maxChooserEvents is the most events the chooser is opened with, as in
// `pmwiz timeline add`.
const maxChooserEvents = 2000

type importMode int

const (
	importAskFile importMode = iota + 1
	importLoading
	importChoosing
	importOfferPaste
)

// timelineImport is the state of an import in progress; nil when none.
type timelineImport struct {
	mode    importMode
	input   textinput.Model
	err     string
	chooser *Chooser
	paste   tea.PasteMsg    // the paste, to put in the field as text on "n"
	events  []records.Event // the pasted lines read as events
}

// timelineLoadedMsg brings a file read off the Update loop.
type timelineLoadedMsg struct {
	events []records.Event
	total  int
	err    error
}

// handleTimelineImport is called first by the wizard's update: it takes
// the message when an import is under way or starts one, and says so.
func (m *Model) handleTimelineImport(msg tea.Msg) (tea.Cmd, bool) {
	ti := m.importing
	if ti == nil {
		switch msg := msg.(type) {
		case tea.KeyPressMsg:
			if !m.readOnly && bkey.Matches(msg, m.keys.Timeline) {
				return m.askTimelineFile(), true
			}
		case timelineLoadedMsg:
			return nil, true // the import was cancelled while the file was read
		}
		return nil, false
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		if ti.chooser != nil {
			ti.chooser.SetSize(msg.Width, msg.Height)
		}
		return nil, false // the wizard lays itself out too
	case timelineLoadedMsg:
		return nil, m.timelineLoaded(msg)
	case tea.PasteMsg:
		switch ti.mode {
		case importAskFile:
			var cmd tea.Cmd
			msg.Content = model.SafeLine(msg.Content)
			ti.input, cmd = ti.input.Update(msg)
			return cmd, true
		case importChoosing:
			ti.chooser.Update(msg)
		}
		return nil, true
	case tea.KeyPressMsg:
		if bkey.Matches(msg, m.keys.Quit) && ti.mode != importChoosing {
			m.importing = nil
			return nil, false // the wizard's quit: save and leave
		}
		return m.importKey(msg), true
	}
	return nil, false
}

// importKey is a key while an import is open, by what it shows.
func (m *Model) importKey(msg tea.KeyPressMsg) tea.Cmd {
	ti := m.importing
	switch ti.mode {
	case importAskFile:
		return m.fileKey(msg)
	case importLoading:
		if bkey.Matches(msg, m.answers.Esc) {
			m.importing = nil
		}
	case importChoosing:
		ti.chooser.Update(msg)
		if ti.chooser.Cancelled() {
			m.importing = nil
			m.status.Say("nothing added to the timeline")
		} else if r, ok := ti.chooser.Result(); ok {
			m.importing = nil
			return m.addChosen(ti.chooser.events, r)
		}
	case importOfferPaste:
		return m.pasteOfferKey(msg)
	}
	return nil
}

// pasteOfferKey answers "add these pasted lines as events?": all, choose
// in the chooser, paste as text, or cancel.
func (m *Model) pasteOfferKey(msg tea.KeyPressMsg) tea.Cmd {
	ti := m.importing
	switch {
	case bkey.Matches(msg, m.answers.Yes):
		m.importing = nil
		keep := make([]int, len(ti.events))
		for i := range keep {
			keep[i] = i
		}
		return m.addChosen(ti.events, ChooserResult{Keep: keep})
	case bkey.Matches(msg, m.answers.Choose):
		ti.chooser = NewChooser(ti.events, m.zoneLocation())
		ti.chooser.SetSize(m.width, m.height)
		ti.mode = importChoosing
	case bkey.Matches(msg, m.answers.No):
		m.importing = nil
		return m.updateField(ti.paste)
	case bkey.Matches(msg, m.answers.Esc):
		m.importing = nil
	}
	return nil
}

func (m *Model) askTimelineFile() tea.Cmd {
	in := textinput.New()
	in.Prompt = "File: "
	in.Placeholder = "a Slack export folder, a chat log, syslog, JSON lines, logfmt or CSV"
	in.SetWidth(max(20, m.width-8))
	m.importing = &timelineImport{mode: importAskFile, input: in}
	return m.importing.input.Focus()
}

func (m *Model) fileKey(msg tea.KeyPressMsg) tea.Cmd {
	ti := m.importing
	switch {
	case bkey.Matches(msg, m.answers.Esc):
		m.importing = nil
		return nil
	case bkey.Matches(msg, m.answers.Accept):
		path := expandHome(strings.TrimSpace(ti.input.Value()))
		if path == "" {
			ti.err = "type the path of a file (or a Slack export folder)"
			return nil
		}
		ti.mode, ti.err = importLoading, ""
		o := records.Options{Zone: m.zoneLocation(), Day: records.IncidentDay(m.draft)}
		return func() tea.Msg { return loadTimelineFile(path, o) }
	}
	if msg.Text != "" {
		msg.Text = model.SafeLine(msg.Text)
	}
	var cmd tea.Cmd
	ti.input, cmd = ti.input.Update(msg)
	return cmd
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

// loadTimelineFile reads a record off the Update loop, keeping at most
// maxChooserEvents+1 events and counting the rest.
func loadTimelineFile(path string, o records.Options) tea.Msg {
	var msg timelineLoadedMsg
	_, err := records.ReadPath(path, o, nil, func(e records.Event) error {
		msg.total++
		if len(msg.events) <= maxChooserEvents {
			msg.events = append(msg.events, e)
		}
		return nil
	})
	msg.err = err
	return msg
}

func (m *Model) timelineLoaded(msg timelineLoadedMsg) bool {
	ti := m.importing
	if ti == nil || ti.mode != importLoading {
		return true // cancelled meanwhile
	}
	switch {
	case errors.Is(msg.err, records.ErrNoDay):
		ti.mode = importAskFile
		ti.err = model.SafeLine(msg.err.Error())
		if i := strings.Index(ti.err, " has no date"); i > 0 {
			ti.err = ti.err[:i]
		}
		ti.err += " has a clock time but no date: set Started in the Timeline step first, and the times take its day"
	case msg.err != nil:
		ti.mode, ti.err = importAskFile, model.SafeLine(msg.err.Error())
	case msg.total > maxChooserEvents:
		ti.mode = importAskFile
		ti.err = fmt.Sprintf("%d events, more than the %d pmwiz offers at once: narrow the window with pmwiz timeline add DRAFT FILE --since … --until …", msg.total, maxChooserEvents)
	default:
		sortEvents(msg.events)
		ti.chooser = NewChooser(msg.events, m.zoneLocation())
		ti.chooser.SetSize(m.width, m.height)
		ti.mode = importChoosing
	}
	return true
}

// offerPastedEvents: a paste of two or more lines that all (but blank
// ones) start with a time becomes an offer to add them as events.
func (m *Model) offerPastedEvents(p tea.PasteMsg) bool {
	lines := 0
	for _, l := range strings.Split(p.Content, "\n") {
		if strings.TrimSpace(l) != "" {
			lines++
		}
	}
	if lines < 2 || lines > maxChooserEvents {
		return false
	}
	var events []records.Event
	o := records.Options{Zone: m.zoneLocation(), Day: records.IncidentDay(m.draft)}
	st, err := records.Read(strings.NewReader(p.Content), "paste", o, nil, func(e records.Event) error {
		e.Source = "paste"
		events = append(events, e)
		return nil
	})
	if errors.Is(err, records.ErrNoDay) {
		// Pasted as text, as always; the flash says how to get events.
		m.status.Say("those lines have clock times only: set Started first, then paste them again to make them events")
		return false
	}
	if err != nil || st.Timed < lines {
		return false
	}
	m.importing = &timelineImport{mode: importOfferPaste, paste: p, events: events}
	return true
}

// addChosen merges the chosen events and marks into the draft.
func (m *Model) addChosen(events []records.Event, r ChooserResult) tea.Cmd {
	chosen := make([]records.Event, 0, len(r.Keep))
	for _, i := range r.Keep {
		chosen = append(chosen, events[i])
	}
	added, dups := records.Merge(&m.draft.Timeline, chosen)
	for mo, i := range r.Marks {
		records.SetMoment(&m.draft.Timeline, mo, events[i].At)
	}
	m.status.Say(fmt.Sprintf("added %d events to the timeline", added))
	if added == 1 {
		m.status.Say("added 1 event to the timeline")
	}
	switch {
	case dups == 1:
		m.status.SayMore(" (1 was there already)")
	case dups > 1:
		m.status.SayMore(fmt.Sprintf(" (%d were there already)", dups))
	}
	if added == 0 && len(r.Marks) == 0 {
		return nil
	}
	m.step = stepOfList(listEvents, m.draft)
	cmd := m.buildFields(m.FocusedPath())
	return tea.Batch(cmd, m.touch())
}

// zoneLocation is the draft's zone for reading times a record writes
// without one.
func (m *Model) zoneLocation() *time.Location { return draftLocation(m.draft.Timeline.TimeZone) }

func sortEvents(events []records.Event) {
	slices.SortStableFunc(events, func(a, b records.Event) int { return a.At.Compare(b.At) })
}

// timelineImportView is the screen while an import is under way.
func (m Model) timelineImportView() (string, bool) {
	ti := m.importing
	if ti == nil {
		return "", false
	}
	w := max(20, m.width)
	var b strings.Builder
	switch ti.mode {
	case importChoosing:
		return ti.chooser.View(), true
	case importAskFile, importLoading:
		b.WriteString(m.styles.Header.Render("Add events from a chat export or a log") + "\n\n")
		b.WriteString(ti.input.View() + "\n\n")
		if ti.mode == importLoading {
			b.WriteString(m.styles.Muted.Render("reading…") + "\n")
		}
		if ti.err != "" {
			b.WriteString(m.styles.Error.Render(ansi.Wrap(ti.err, w, "")) + "\n")
		}
		b.WriteString("\n" + m.styles.Muted.Render(helpLine(m.answers.Accept)+" · "+m.answers.Esc.Help().Key+" back to the wizard"))
	case importOfferPaste:
		fmt.Fprintf(&b, "%s\n\n", m.styles.Header.Render(fmt.Sprintf("You pasted %d lines with times.", len(ti.events))))
		loc := m.zoneLocation()
		for i, e := range ti.events {
			if i == max(3, m.height-8) {
				fmt.Fprintf(&b, "  … and %d more\n", len(ti.events)-i)
				break
			}
			b.WriteString(ansi.Truncate("  "+e.At.In(loc).Format("2006-01-02 15:04:05")+"  "+e.EventText(), w, "…") + "\n")
		}
		a := m.answers
		b.WriteString("\n" + ansi.Wrap(helpLine(a.Yes, a.Choose, a.No, a.Esc), w, ""))
	}
	return b.String(), true
}
