package tui

// The event chooser: candidate timeline events read from records (chat
// exports, logs), in a list to keep or drop and to mark the incident's
// key moments on. `pmwiz timeline add` runs it on a terminal, and the
// wizard opens it on ctrl+t. Like the picker it is self-contained: its own
// keys and styles, so it can run without the wizard.

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	bkey "charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/records"
)

// ChooserResult is what the user chose: the events to add (indices into
// the events the chooser was given, in time order) and the key moments
// they marked.
type ChooserResult struct {
	Keep  []int
	Marks map[records.Moment]int
}

// Chooser is the list of candidate events.
type Chooser struct {
	events  []records.Event
	search  []string // each event's source, speaker and text, lower-cased
	suggest map[records.Moment]int
	loc     *time.Location
	keep    []bool
	marks   map[records.Moment]int
	keys    chooserKeyMap
	styles  ListStyles
	// keysHelp and marksHelp are the two help lines, drawn from keys
	// once (setKeys) rather than on every frame.
	keysHelp, marksHelp string
	filter              string
	visible             []int // indices of events matching the filter
	cursor              int   // position in visible
	top                 int
	width               int
	height              int
	flash               string
	done                bool
	quit                bool
}

// setKeys binds the chooser's keys and names them in its help lines.
func (c *Chooser) setKeys(k chooserKeyMap) {
	c.keys = k
	c.keysHelp = helpLine(k.Keep, k.Done, k.Back) + " · type to filter · " + helpLine(k.All)
	c.marksHelp = "mark: " + helpLine(k.MarkStart, k.MarkDetected, k.MarkMitigated, k.MarkEnd, k.TakeSuggestions)
}

// NewChooser lists events (sorted by time) with every one kept, times
// shown in loc, and suggestions for the key moments.
func NewChooser(events []records.Event, loc *time.Location) *Chooser {
	if loc == nil {
		loc = time.Local
	}
	c := &Chooser{
		events:  events,
		search:  make([]string, len(events)),
		suggest: records.Suggest(events),
		loc:     loc,
		keep:    make([]bool, len(events)),
		marks:   map[records.Moment]int{},
		styles:  NewStyles(true, false).List,
		width:   80,
		height:  24,
	}
	c.setKeys(defaultChooserKeys())
	for i, e := range events {
		c.search[i] = strings.ToLower(e.Source + " " + e.EventText())
		c.keep[i] = true
	}
	c.applyFilter()
	return c
}

// Done reports whether the user pressed enter; Cancelled whether they left.
func (c *Chooser) Done() bool      { return c.done }
func (c *Chooser) Cancelled() bool { return c.quit }

// Result is the user's choice; false when they left without adding.
func (c *Chooser) Result() (ChooserResult, bool) {
	if !c.done {
		return ChooserResult{}, false
	}
	r := ChooserResult{Marks: map[records.Moment]int{}}
	for i, k := range c.keep {
		if k {
			r.Keep = append(r.Keep, i)
		}
	}
	for m, i := range c.marks {
		r.Marks[m] = i
	}
	return r, true
}

// SetSize fits the chooser into width × height cells.
func (c *Chooser) SetSize(width, height int) {
	c.width, c.height = width, height
	c.scroll()
}

func (c *Chooser) applyFilter() {
	c.visible = c.visible[:0]
	f := strings.ToLower(c.filter)
	for i, s := range c.search {
		if f == "" || strings.Contains(s, f) {
			c.visible = append(c.visible, i)
		}
	}
	c.cursor, c.top = 0, 0
}

// current is the event under the cursor, or -1.
func (c *Chooser) current() int {
	if c.cursor < 0 || c.cursor >= len(c.visible) {
		return -1
	}
	return c.visible[c.cursor]
}

// Update handles a key; the wizard passes its keys here while the
// chooser is open.
func (c *Chooser) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.SetSize(msg.Width, msg.Height)
	case tea.KeyPressMsg:
		c.flash = ""
		if c.markKey(msg) || c.endKey(msg) {
			return nil
		}
		c.moveKey(msg)
		c.cursor = max(0, min(c.cursor, len(c.visible)-1))
		c.scroll()
	case tea.PasteMsg:
		c.filter += model.SafeLine(msg.Content)
		c.applyFilter()
	}
	return nil
}

// markKey marks the event under the cursor as a key moment.
func (c *Chooser) markKey(msg tea.KeyPressMsg) bool {
	k := &c.keys
	switch {
	case bkey.Matches(msg, k.MarkStart):
		c.mark(records.MomentStart)
	case bkey.Matches(msg, k.MarkDetected):
		c.mark(records.MomentDetected)
	case bkey.Matches(msg, k.MarkMitigated):
		c.mark(records.MomentMitigated)
	case bkey.Matches(msg, k.MarkEnd):
		c.mark(records.MomentEnd)
	default:
		return false
	}
	return true
}

// endKey: enter adds, esc clears the filter and then cancels, ctrl+c
// cancels.
func (c *Chooser) endKey(msg tea.KeyPressMsg) bool {
	k := c.keys
	switch {
	case bkey.Matches(msg, k.Done):
		c.done = true
	case bkey.Matches(msg, k.Back) && c.filter != "":
		c.filter = ""
		c.applyFilter()
	case bkey.Matches(msg, k.Back, k.Quit):
		c.quit = true
	default:
		return false
	}
	return true
}

// moveKey moves the cursor, keeps or drops events, and types into the
// filter.
func (c *Chooser) moveKey(msg tea.KeyPressMsg) {
	k := c.keys
	switch {
	case bkey.Matches(msg, k.Up):
		c.cursor--
	case bkey.Matches(msg, k.Down):
		c.cursor++
	case bkey.Matches(msg, k.PageUp):
		c.cursor -= c.listHeight()
	case bkey.Matches(msg, k.PageDown):
		c.cursor += c.listHeight()
	case bkey.Matches(msg, k.Home):
		c.cursor = 0
	case bkey.Matches(msg, k.End):
		c.cursor = len(c.visible) - 1
	case bkey.Matches(msg, k.Keep):
		if i := c.current(); i >= 0 {
			c.keep[i] = !c.keep[i]
			c.cursor++
		}
	case bkey.Matches(msg, k.All):
		c.toggleVisible()
	case bkey.Matches(msg, k.TakeSuggestions):
		c.takeSuggestions()
	case bkey.Matches(msg, k.Erase):
		if r := []rune(c.filter); len(r) > 0 {
			c.filter = string(r[:len(r)-1])
			c.applyFilter()
		}
	default:
		if msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0 {
			c.filter += model.SafeLine(msg.Text)
			c.applyFilter()
		}
	}
}

// mark makes the event under the cursor moment m (again: unmarks it). A
// marked event is kept: it is in the timeline.
func (c *Chooser) mark(m records.Moment) {
	i := c.current()
	if i < 0 {
		return
	}
	if j, ok := c.marks[m]; ok && j == i {
		delete(c.marks, m)
		c.flash = m.String() + " unmarked"
		return
	}
	c.marks[m] = i
	c.keep[i] = true
	c.flash = fmt.Sprintf("%s: %s", m, c.events[i].At.In(c.loc).Format("2006-01-02 15:04:05"))
}

// takeSuggestions marks every suggested moment not marked yet: one key
// for "yes, those", never done without it.
func (c *Chooser) takeSuggestions() {
	n := 0
	for _, m := range records.Moments {
		i, ok := c.suggest[m]
		if _, marked := c.marks[m]; ok && !marked {
			c.marks[m] = i
			c.keep[i] = true
			n++
		}
	}
	c.flash = fmt.Sprintf("took %d suggested moments", n)
}

// toggleVisible keeps every event the filter shows, or drops them all
// when all are kept already.
func (c *Chooser) toggleVisible() {
	all := true
	for _, i := range c.visible {
		all = all && c.keep[i]
	}
	for _, i := range c.visible {
		c.keep[i] = !all
	}
}

func (c *Chooser) listHeight() int { return max(1, c.height-7) }

func (c *Chooser) scroll() {
	h := c.listHeight()
	if c.cursor < c.top {
		c.top = c.cursor
	}
	if c.cursor >= c.top+h {
		c.top = c.cursor - h + 1
	}
	c.top = max(0, c.top)
}

// View draws the chooser; only the rows on screen are drawn, so a list of
// two thousand costs what a list of twenty does.
func (c *Chooser) View() string {
	w := max(20, c.width)
	kept := 0
	for _, k := range c.keep {
		if k {
			kept++
		}
	}
	var b strings.Builder
	head := fmt.Sprintf("  %d of %d kept", kept, len(c.events))
	if c.filter != "" {
		head += fmt.Sprintf(" · %d match", len(c.visible))
	}
	b.WriteString(c.styles.Title.Render("Add events to the timeline") + c.styles.Dim.Render(head) + "\n")
	b.WriteString(ansi.Truncate("filter: "+c.filter, w-1, "…") + c.styles.Cursor.Render("▏") + "\n")
	b.WriteString(ansi.Truncate(c.momentsLine(), w, "…") + "\n")
	if len(c.visible) == 0 {
		b.WriteString(c.styles.Dim.Render("  no event matches the filter (esc clears it)") + "\n")
	}
	h := c.listHeight()
	for r := c.top; r < min(len(c.visible), c.top+h); r++ {
		prefix := "  "
		if r == c.cursor {
			prefix = c.styles.Cursor.Render("› ")
		}
		b.WriteString(prefix + c.row(c.visible[r], w-2) + "\n")
	}
	// Two lines, the keys that finish first, so a narrow terminal cuts
	// the marks rather than how to leave.
	help := c.keysHelp
	if c.flash != "" {
		help = c.flash
	}
	b.WriteString(c.styles.Dim.Render(ansi.Truncate(help, w, "…")) + "\n")
	b.WriteString(c.styles.Dim.Render(ansi.Truncate(c.marksHelp, w, "…")))
	return b.String()
}

// momentsLine shows what is marked, and what is only suggested.
func (c *Chooser) momentsLine() string {
	var parts []string
	for _, m := range records.Moments {
		if i, ok := c.marks[m]; ok {
			parts = append(parts, c.styles.Mark.Render(m.String()+" "+c.events[i].At.In(c.loc).Format("15:04:05")))
		} else if i, ok := c.suggest[m]; ok {
			parts = append(parts, c.styles.Hint.Render(m.String()+"? "+c.events[i].At.In(c.loc).Format("15:04:05")))
		} else {
			parts = append(parts, c.styles.Dim.Render(m.String()+" –"))
		}
	}
	return "  " + strings.Join(parts, c.styles.Dim.Render(" · "))
}

func (c *Chooser) row(i, width int) string {
	e := c.events[i]
	box := "[x] "
	if !c.keep[i] {
		box = "[ ] "
	}
	when := e.At.In(c.loc).Format("01-02 15:04:05")
	var tag string
	for _, m := range records.Moments {
		if j, ok := c.marks[m]; ok && j == i {
			tag += " " + c.styles.Mark.Render("◆ "+m.String())
		} else if j, ok := c.suggest[m]; ok && j == i {
			tag += " " + c.styles.Hint.Render("suggested: "+m.String())
		}
	}
	src := ansi.Truncate(model.SafeLine(e.Source), 18, "…")
	line := box + when + "  " + src + strings.Repeat(" ", max(0, 18-ansi.StringWidth(src))) + "  "
	room := max(8, width-ansi.StringWidth(line)-ansi.StringWidth(tag))
	// Records are neutralised as they are read; events may come from
	// elsewhere (a paste), so the chooser does not rely on it.
	line += ansi.Truncate(model.SafeLine(e.EventText()), room, "…")
	if !c.keep[i] {
		line = c.styles.Dim.Render(line)
	}
	return line + tag
}

// chooserProgram runs the chooser as a program of its own.
type chooserProgram struct{ c *Chooser }

func (p chooserProgram) Init() tea.Cmd { return nil }

func (p chooserProgram) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	p.c.Update(msg)
	if p.c.done || p.c.quit {
		return p, tea.Quit
	}
	return p, nil
}

func (p chooserProgram) View() tea.View {
	if p.c.done || p.c.quit {
		return tea.NewView("")
	}
	v := tea.NewView(p.c.View())
	v.AltScreen = true
	return v
}

// RunChooser shows the chooser on a terminal and returns the user's
// choice, or false when they left without adding.
func RunChooser(ctx context.Context, in io.Reader, out io.Writer, events []records.Event, loc *time.Location) (ChooserResult, bool, error) {
	c := NewChooser(events, loc)
	_, err := tea.NewProgram(chooserProgram{c}, tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out)).Run()
	if err != nil {
		return ChooserResult{}, false, err
	}
	r, ok := c.Result()
	return r, ok, nil
}
