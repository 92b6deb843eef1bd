package tui

// The draft picker: plain "pmwiz" and "pmwiz resume" without a name. It is
// self-contained (its own keys and styles) so it can start before, and
// independently of, the wizard.

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	bkey "charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// PickerChoice is what the user picked: a new post-mortem, or a draft.
type PickerChoice struct {
	New  bool
	Name string // the draft's name when New is false
}

// Picker lists recent drafts, newest first, with "start a new
// post-mortem" on top when OfferNew is set.
type Picker struct {
	all       []store.Entry
	entries   []store.Entry // those matching the filter
	filter    string
	filtering bool // "/" was pressed: keys type into the filter
	offerNew  bool
	now       time.Time
	cursor    int
	top       int // first row shown, when the list is taller than the screen
	width     int
	height    int
	choice    *PickerChoice
	quit      bool
	keys      pickerKeyMap
	styles    ListStyles
	// score scores a draft shown with none (WithScorer); scoring says
	// which drafts it was asked for (pickerscore.go).
	score   func(store.Entry) store.Entry
	scoring map[string]scoreState
	titles  pickerTitles // of all
}

// NewPicker builds a picker over entries (as store.List or ListWith return
// them, newest first; see WithScorer for those without a score);
// now dates them ("2 h ago").
func NewPicker(entries []store.Entry, offerNew bool, now time.Time) Picker {
	return Picker{all: entries, entries: entries, titles: titlesOf(entries), offerNew: offerNew, now: now, width: 80, height: 24, keys: defaultPickerKeys(), styles: NewStyles(true, false).List}
}

// showNew is whether the "start a new post-mortem" row is shown: not
// while a filter narrows the list to drafts.
func (p Picker) showNew() bool { return p.offerNew && p.filter == "" }

// applyFilter keeps the drafts whose name or title holds the filter,
// ignoring case.
func (p *Picker) applyFilter() {
	if p.filter == "" {
		p.entries = p.all
	} else {
		f := strings.ToLower(p.filter)
		p.entries = nil
		for _, e := range p.all {
			if strings.Contains(strings.ToLower(e.Name), f) || strings.Contains(strings.ToLower(model.SafeLine(e.Title)), f) {
				p.entries = append(p.entries, e)
			}
		}
	}
	p.cursor, p.top = 0, 0
}

// Choice is the user's pick; false when they left without picking.
func (p Picker) Choice() (PickerChoice, bool) {
	if p.choice == nil {
		return PickerChoice{}, false
	}
	return *p.choice, true
}

func (p Picker) rows() int {
	n := len(p.entries)
	if p.showNew() {
		n++
	}
	return n
}

func (p Picker) Init() tea.Cmd { return nil }

func (p Picker) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case pickerScoredMsg:
		p.fillScores(msg)
	case tea.WindowSizeMsg:
		p.width, p.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		if p.filtering && p.filterKey(msg) {
			break
		}
		if cmd, done := p.key(msg); done {
			return p, cmd
		}
		p.cursor = max(0, min(p.cursor, p.rows()-1))
		p.scroll()
	}
	// Whatever moved the window (a key, a resize, a filter) may have
	// brought drafts with no score into it.
	cmd := p.scoreVisible()
	return p, cmd
}

// filterKey types into the filter while "/" is on, and says whether it
// took the key (the keys that move and open are left to key).
func (p *Picker) filterKey(msg tea.KeyPressMsg) bool {
	k := p.keys
	switch {
	case bkey.Matches(msg, k.FilterEnd):
		p.filtering, p.filter = false, ""
		p.applyFilter()
	case bkey.Matches(msg, k.FilterErase):
		if r := []rune(p.filter); len(r) > 0 {
			p.filter = string(r[:len(r)-1])
			p.applyFilter()
		}
	case bkey.Matches(msg, k.FilterMoves):
		return false
	default:
		if msg.Text != "" {
			p.filter += model.SafeLine(msg.Text)
			p.applyFilter()
		}
	}
	return true
}

// key moves the cursor, or picks and ends the picker (done).
func (p *Picker) key(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := p.keys
	switch {
	case bkey.Matches(msg, k.Filter):
		p.filtering = true
		return nil, true
	case bkey.Matches(msg, k.Up):
		p.cursor--
	case bkey.Matches(msg, k.Down):
		p.cursor++
	case bkey.Matches(msg, k.Home):
		p.cursor = 0
	case bkey.Matches(msg, k.End):
		p.cursor = p.rows() - 1
	case bkey.Matches(msg, k.PageUp):
		p.cursor -= p.listHeight()
	case bkey.Matches(msg, k.PageDown):
		p.cursor += p.listHeight()
	case bkey.Matches(msg, k.New):
		if p.showNew() {
			p.choice = &PickerChoice{New: true}
			return tea.Quit, true
		}
	case bkey.Matches(msg, k.Open):
		return p.open()
	case bkey.Matches(msg, k.Quit):
		p.quit = true
		return tea.Quit, true
	}
	return nil, false
}

// open picks the row under the cursor.
func (p *Picker) open() (tea.Cmd, bool) {
	if p.rows() == 0 {
		return nil, false
	}
	i := p.cursor
	if p.showNew() {
		if i == 0 {
			p.choice = &PickerChoice{New: true}
			return tea.Quit, true
		}
		i--
	}
	p.choice = &PickerChoice{Name: p.entries[i].Name}
	return tea.Quit, true
}

// listHeight is how many rows fit between the header and the help line.
func (p Picker) listHeight() int { return max(1, p.height-4) }

// scroll keeps the cursor on screen.
func (p *Picker) scroll() {
	h := p.listHeight()
	if p.cursor < p.top {
		p.top = p.cursor
	}
	if p.cursor >= p.top+h {
		p.top = p.cursor - h + 1
	}
}

func (p Picker) View() tea.View {
	if p.choice != nil || p.quit {
		return tea.NewView("")
	}
	w := max(20, p.width)
	var b strings.Builder
	count := "  " + countDrafts(len(p.all))
	if p.filter != "" || p.filtering {
		count = fmt.Sprintf("  %d of %s", len(p.entries), countDrafts(len(p.all)))
	}
	b.WriteString(p.styles.Title.Render("Pick a post-mortem") + p.styles.Dim.Render(count) + "\n")
	if p.filtering {
		b.WriteString(ansi.Truncate("/"+p.filter, w, "…") + p.styles.Cursor.Render("▏") + "\n")
	} else {
		b.WriteString("\n")
	}
	if p.rows() == 0 {
		b.WriteString(p.styles.Dim.Render("  no draft matches") + "\n")
	}
	h := p.listHeight()
	for r := p.top; r < min(p.rows(), p.top+h); r++ {
		mark := "  "
		if r == p.cursor {
			mark = p.styles.Cursor.Render("› ")
		}
		b.WriteString(mark + p.row(r, w-2) + "\n")
	}
	k := p.keys
	help := helpLine(k.Up, k.Open, k.Filter, k.Quit)
	switch {
	case p.filtering:
		help = "type to filter · " + helpLine(k.Up, k.Open, k.FilterEnd)
	case p.showNew():
		help = helpLine(k.Up, k.Open, k.New, k.Filter, k.Quit)
	}
	b.WriteString("\n" + p.styles.Dim.Render(ansi.Truncate(help, w, "…")))
	return tea.NewView(b.String())
}

// row renders row r in width cells.
func (p Picker) row(r, width int) string {
	if p.showNew() {
		if r == 0 {
			return p.styles.New.Render(ansi.Truncate("+ Start a new post-mortem", width, "…"))
		}
		r--
	}
	e := p.entries[r]
	when := Ago(p.now, e.Updated)
	if e.Err != nil {
		line := model.SafeLine(e.Name) + "  cannot be read: " + model.SafeLine(e.Reason())
		return p.styles.Error.Render(ansi.Truncate(line, width, "…"))
	}
	title := model.SafeLine(e.Title)
	if title == "" {
		title = "(untitled)"
	}
	meta := fmt.Sprintf("  %s · %s · %s", e.Status, p.scoreText(e), when)
	if by := ChangedByText(e.ChangedBy, 0); by != "" {
		// In a shared folder, whose turn it was matters as much as when.
		meta += " by " + by
	}
	if p.sharedTitle(e) {
		// Two drafts with one title look the same: the name tells them
		// apart (it is what "pmwiz resume" takes).
		meta = "  " + model.SafeLine(e.Name) + " ·" + meta[1:]
	}
	if e.LockedBy != nil {
		meta += " · open elsewhere"
		if e.LockedBy.PID != 0 {
			meta += " (pid " + strconv.Itoa(e.LockedBy.PID) + ")"
		}
	}
	room := width - ansi.StringWidth(meta)
	if room < 10 {
		return ansi.Truncate(title+meta, width, "…")
	}
	// Titles line up in a column as wide as the widest, within reason, so
	// the eye can run down statuses and dates.
	col := min(room, p.titleWidth(), max(10, width*3/5))
	title = ansi.Truncate(title, col, "…")
	title += strings.Repeat(" ", col-ansi.StringWidth(title))
	return title + p.styles.Dim.Render(meta)
}

// sharedTitle reports whether another readable draft has e's title (e
// is readable: a broken draft's row shows no title).
func (p Picker) sharedTitle(e store.Entry) bool { return p.titles.count[model.SafeLine(e.Title)] > 1 }

// titleWidth is the width of the widest readable title.
func (p Picker) titleWidth() int { return p.titles.width }

// Ago says how long ago t was, the way people say it: "just now",
// "5 min ago", "2 h ago", "yesterday", "3 days ago", then the date.
func Ago(now, t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	d := now.Sub(t)
	switch {
	case d < 0:
		return t.Local().Format("2006-01-02 15:04")
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return strconv.Itoa(int(d/time.Minute)) + " min ago"
	case d < 24*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + " h ago"
	case d < 48*time.Hour:
		return "yesterday"
	case d < 7*24*time.Hour:
		return strconv.Itoa(int(d/(24*time.Hour))) + " days ago"
	}
	return t.Local().Format("2006-01-02")
}

// RunPicker shows the picker on a terminal and returns the user's pick,
// or false when they quit without one. score, when not nil, scores the
// drafts shown with no score (see Picker.WithScorer).
func RunPicker(ctx context.Context, in io.Reader, out io.Writer, entries []store.Entry, offerNew bool, score func(store.Entry) store.Entry) (PickerChoice, bool, error) {
	m, err := tea.NewProgram(NewPicker(entries, offerNew, time.Now()).WithScorer(score),
		tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out)).Run()
	if err != nil {
		return PickerChoice{}, false, err
	}
	c, ok := m.(Picker).Choice()
	return c, ok, nil
}

// countDrafts is "1 draft", "2 drafts".
func countDrafts(n int) string { return fmt.Sprintf("%d %s", n, plural(n, "draft", "drafts")) }
