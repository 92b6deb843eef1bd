package tui

import (
	"strings"
	"sync/atomic"
	"time"

	bkey "charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
)

// Preview shows a draft's export the way it will read: glamour-rendered
// Markdown in a scrollable viewport. It is self-contained (its own keys and
// styles) so the wizard can put it in a pane and the pager can fill the
// screen with it.
//
// A megabyte of post-mortem takes glamour about a second, so nothing of it
// happens in Update, not even the export: SetDraft, SetSize and SetDark
// start a render job in a tea.Cmd on a snapshot of the draft, and the
// result comes back as a message. One job runs at a time: changes made
// while it runs are folded into one more job when it lands, so a fast
// typist costs at most one render after the last key, never a backlog.
// A job renders block by block (export.BlockRenderer), reusing every block
// it drew before, and when nothing is on screen yet it draws the first
// screen first and the rest in a second step. While the writer types, a
// job draws only the blocks on screen (export.BlockRenderer.RenderScreen)
// and the changed blocks off screen wait for a pause (settleDelay): a key
// costs at most the on-screen block it changed.
type Preview struct {
	id      int64 // tells this preview's render results from another's
	seq     int   // numbers the jobs; a result from any job but the running one is dropped
	style   string
	focused bool

	width, height int
	src           *model.Draft  // the draft to export, when set by SetDraft
	want          string        // the Markdown to show, when set by SetMarkdown
	md            string        // the Markdown on screen
	ready         bool          // something rendered is on screen; it stays up until the next lands, so typing never flickers
	whole         bool          // what is on screen is all of md, not its first screen
	deferred      bool          // some of it (off screen) is an older drawing: a pause renders it all
	full          bool          // the next job renders all of md, not the screen
	edits         int           // counts SetDraft and SetMarkdown: a pause is a settle tick with no edit since
	settleAfter   time.Duration // settleDelay; benchmarks count a pause's render without waiting for it
	err           error

	job   *renderJob // the render running now, if any
	again bool       // something changed while job ran: render once more when it lands
	// br remembers rendered blocks between jobs. Only the running job
	// touches it (the job takes it and hands it back in its message).
	br *export.BlockRenderer

	vp   lineView
	keys PreviewKeys
}

// PreviewKeys scroll the preview. Letters and arrows act only while the
// preview has focus, so they never steal a keystroke from a text field.
type PreviewKeys struct {
	PageDown, PageUp, HalfDown, HalfUp, Down, Up, Top, Bottom bkey.Binding
}

// DefaultPreviewKeys are pager-like keys.
func DefaultPreviewKeys() PreviewKeys {
	return PreviewKeys{
		PageDown: bkey.NewBinding(bkey.WithKeys("pgdown", "space", "f"), bkey.WithHelp("pgdn", "page down")),
		PageUp:   bkey.NewBinding(bkey.WithKeys("pgup", "b"), bkey.WithHelp("pgup", "page up")),
		HalfDown: bkey.NewBinding(bkey.WithKeys("ctrl+d", "d"), bkey.WithHelp("ctrl+d", "½ page down")),
		HalfUp:   bkey.NewBinding(bkey.WithKeys("ctrl+u", "u"), bkey.WithHelp("ctrl+u", "½ page up")),
		Down:     bkey.NewBinding(bkey.WithKeys("down", "j"), bkey.WithHelp("↓/j", "down")),
		Up:       bkey.NewBinding(bkey.WithKeys("up", "k"), bkey.WithHelp("↑/k", "up")),
		Top:      bkey.NewBinding(bkey.WithKeys("home", "g"), bkey.WithHelp("home", "top")),
		Bottom:   bkey.NewBinding(bkey.WithKeys("end", "G"), bkey.WithHelp("end", "bottom")),
	}
}

var previewIDs atomic.Int64

// renderJob is one render: what to render and with what. It runs in a
// tea.Cmd and touches nothing the Update loop uses (the draft is a
// snapshot).
type renderJob struct {
	id    int64
	seq   int
	draft *model.Draft // a snapshot to export; nil when md is given
	md    string
	shown string // the Markdown on screen at this width and style: an export equal to it needs no render
	width int
	style string
	br    *export.BlockRenderer
	top   int // > 0: nothing usable is on screen; draw this many lines first
	// screen > 0: the writer is typing; draw the blocks on this many
	// lines and leave the changed ones below as they were.
	screen int
	// vp is the preview's view when the job started: the job sets its
	// content (a megabyte split into lines) off the Update loop.
	vp lineView
}

// previewRenderedMsg carries a job's result back to its preview.
type previewRenderedMsg struct {
	id       int64
	seq      int
	md       string
	out      string
	partial  bool // only the first screen: the job goes on with the rest
	deferred bool // out shows changed blocks off screen as they were
	same     bool // the export did not change: what is on screen stays
	br       *export.BlockRenderer
	err      error
	vp       lineView // job.vp holding out
}

func (j *renderJob) cmd() tea.Cmd { return j.run }

func (j *renderJob) run() tea.Msg {
	msg := previewRenderedMsg{id: j.id, seq: j.seq, br: j.br}
	md := j.md
	if j.draft != nil {
		b, err := export.Markdown(j.draft, export.Options{NoStamp: true})
		if err != nil {
			msg.err = err
			return msg
		}
		// Tables too wide to read at this width are shown as lists
		// (export.ListWideTables), off the Update loop like the export.
		md = export.ListWideTables(string(b), j.width)
	}
	msg.md = md
	if md == j.shown && j.br.Fits(j.style, j.width) {
		msg.same = true
		return msg
	}
	if !j.br.Fits(j.style, j.width) {
		br, err := export.NewBlockRenderer(j.style, j.width)
		if err != nil {
			msg.err = err
			return msg
		}
		msg.br = br
	}
	switch {
	case j.top > 0:
		out, done, err := msg.br.RenderTop(md, j.top)
		msg.out, msg.err, msg.partial = out, err, !done
	case j.screen > 0 && msg.br == j.br:
		msg.out, msg.deferred, msg.err = msg.br.RenderScreen(md, j.screen)
	default:
		msg.out, msg.err = msg.br.Render(md)
	}
	if msg.err == nil {
		msg.vp = j.vp
		msg.vp.SetContent(strings.TrimRight(msg.out, "\n"))
	}
	return msg
}

// NewPreview returns an empty preview; dark picks glamour's dark or light
// style (decide it from tea.BackgroundColorMsg; dark when unknown).
func NewPreview(dark bool) Preview {
	return newPreviewStyle(glamourStyle(dark))
}

// glamourStyle names glamour's style for a dark or light background.
func glamourStyle(dark bool) string {
	if dark {
		return "dark"
	}
	return "light"
}

func newPreviewStyle(style string) Preview {
	return Preview{id: previewIDs.Add(1), style: style, vp: newLineView(), keys: DefaultPreviewKeys(), settleAfter: settleDelay}
}

// Focus lets letter and arrow keys scroll the preview.
func (p Preview) Focus() Preview { p.focused = true; return p }

// Blur leaves only page keys to the preview.
func (p Preview) Blur() Preview { p.focused = false; return p }

// Focused reports whether the preview takes letter and arrow keys.
func (p Preview) Focused() bool { return p.focused }

// Markdown is the export being shown.
func (p Preview) Markdown() string { return p.md }

// SetSize sizes the pane. Only a new width renders again: height is a
// matter of how much of the same text shows.
func (p Preview) SetSize(w, h int) (Preview, tea.Cmd) {
	w, h = max(w, 1), max(h, 1)
	taller := h > p.height
	p.height = h
	p.vp.SetHeight(h)
	p.vp.SetWidth(w)
	if w == p.width {
		if taller && p.deferred {
			return p, p.renderAll() // lines drawn from old blocks may show now
		}
		return p, nil
	}
	p.width = w
	return p, p.render()
}

// SetDark switches between glamour's dark and light styles.
func (p Preview) SetDark(dark bool) (Preview, tea.Cmd) {
	style := glamourStyle(dark)
	if style == p.style {
		return p, nil
	}
	p.style = style
	return p, p.render()
}

// SetDraft shows d's export. It keeps d (the wizard's live draft) and
// snapshots it when a render starts, on the Update loop.
func (p Preview) SetDraft(d *model.Draft) (Preview, tea.Cmd) {
	p.src, p.want = d, ""
	p.edits++
	return p, p.render()
}

// SetMarkdown shows md, rendering it if it changed.
func (p Preview) SetMarkdown(md string) (Preview, tea.Cmd) {
	if p.src == nil && md == p.want {
		return p, nil // shown, or being rendered
	}
	p.src, p.want = nil, md
	p.edits++
	return p, p.render()
}

// render starts a job for what the preview should show now, or, while
// one runs, notes that another is needed when it lands.
func (p *Preview) render() tea.Cmd {
	if p.width == 0 || (p.src == nil && p.want == "") {
		return nil
	}
	if p.job != nil {
		p.again = true
		return nil
	}
	p.seq++
	j := &renderJob{id: p.id, seq: p.seq, md: p.want, width: previewRenderWidth(p.width), style: p.style, br: p.br, vp: p.vp}
	if p.src != nil {
		j.draft = p.src.Clone()
	}
	switch fits := p.br.Fits(j.style, j.width); {
	case fits && p.ready && p.whole && !p.full:
		j.shown = p.md
		j.screen = p.vp.YOffset() + p.height + 1
	case fits && p.ready && p.whole && !p.deferred:
		j.shown = p.md
	case fits && p.ready:
		// The first screen is up: render the whole.
	default:
		// Nothing on screen at this width and style: the first screen
		// (and the lines above where the reader has scrolled) first.
		j.top = p.vp.YOffset() + p.height + 1
	}
	p.full = false
	p.job = j
	return j.cmd()
}

// renderAll renders all of md now, not only what the screen shows.
func (p *Preview) renderAll() tea.Cmd {
	p.full = true
	return p.render()
}

// settleDelay is the pause in typing after which the blocks a typing
// render left as they were are rendered: long enough to fall between
// keys of a slow typist, short enough to be done before a glance away
// from the form reaches the preview.
const settleDelay = 400 * time.Millisecond

// previewSettleMsg is settleDelay after a render that left blocks as
// they were; edits says which edits it had seen.
type previewSettleMsg struct {
	id    int64
	edits int
}

// settleLater asks for a settle tick: when no edit came meanwhile, the
// deferred blocks are rendered.
func (p *Preview) settleLater() tea.Cmd {
	id, edits := p.id, p.edits
	return tea.Tick(p.settleAfter, func(time.Time) tea.Msg { return previewSettleMsg{id: id, edits: edits} })
}

// previewRenderWidth leaves room for glamour's document margin (two
// columns each side), so lines fit the pane.
func previewRenderWidth(w int) int { return max(w-4, 10) }

// Update takes render results (dropping stale ones) and scroll keys.
func (p Preview) Update(msg tea.Msg) (Preview, tea.Cmd) {
	switch msg := msg.(type) {
	case previewRenderedMsg:
		if p.job == nil || msg.id != p.id || msg.seq != p.job.seq {
			return p, nil // another preview's, or a job since replaced
		}
		return p, p.landed(msg)
	case previewSettleMsg:
		if msg.id == p.id && msg.edits == p.edits && p.deferred {
			return p, p.renderAll()
		}
	case tea.KeyPressMsg:
		y := p.vp.YOffset()
		p.scroll(msg)
		return p, p.scrolled(y)
	case tea.MouseWheelMsg:
		y := p.vp.YOffset()
		p.vp.Update(msg)
		return p, p.scrolled(y)
	}
	return p, nil
}

// landed shows a job's result and starts what comes next: the rest of a
// first screen, or one render of what changed meanwhile.
func (p *Preview) landed(msg previewRenderedMsg) tea.Cmd {
	p.br = msg.br
	p.err = msg.err
	if msg.err == nil && !msg.same {
		p.md, p.whole, p.deferred = msg.md, !msg.partial, msg.deferred
		// The content was set off the loop; size and scroll are the
		// preview's now (a resize or a scroll may have come meanwhile).
		vp := msg.vp
		vp.SetWidth(p.vp.Width())
		vp.SetHeight(p.vp.Height())
		vp.SetYOffset(p.vp.YOffset())
		vp.SetXOffset(p.vp.XOffset())
		p.vp = vp
	}
	p.ready = p.ready || msg.err == nil
	if msg.partial && msg.err == nil && !p.again {
		// The same job goes on with the whole document.
		j := *p.job
		j.draft, j.md, j.br, j.top, j.shown = nil, msg.md, msg.br, 0, ""
		p.seq++
		j.seq = p.seq
		p.job = &j
		return j.cmd()
	}
	p.job = nil
	if p.again || msg.partial {
		p.again = false
		return p.render()
	}
	if p.deferred {
		return p.settleLater()
	}
	return nil
}

// scrolled renders all of md when a scroll down from line y may show
// blocks a typing render left as they were.
func (p *Preview) scrolled(y int) tea.Cmd {
	if !p.deferred || p.vp.YOffset() <= y {
		return nil // every line above the screen's foot was drawn right
	}
	return p.renderAll()
}

func (p *Preview) scroll(msg tea.KeyPressMsg) {
	k := p.keys
	paging := func(b bkey.Binding) bool {
		// Page keys work unfocused only in their non-letter spellings.
		if !bkey.Matches(msg, b) {
			return false
		}
		s := msg.String()
		return p.focused || len([]rune(s)) > 1
	}
	switch {
	case paging(k.PageDown):
		p.vp.PageDown()
	case paging(k.PageUp):
		p.vp.PageUp()
	case paging(k.HalfDown):
		p.vp.HalfPageDown()
	case paging(k.HalfUp):
		p.vp.HalfPageUp()
	case p.focused && bkey.Matches(msg, k.Down):
		p.vp.ScrollDown(1)
	case p.focused && bkey.Matches(msg, k.Up):
		p.vp.ScrollUp(1)
	case p.focused && bkey.Matches(msg, k.Top):
		p.vp.GotoTop()
	case p.focused && bkey.Matches(msg, k.Bottom):
		p.vp.GotoBottom()
	}
}

// ScrollPercent is how far down the preview is, 0–1.
func (p Preview) ScrollPercent() float64 { return p.vp.ScrollPercent() }

var (
	previewMuted = NewStyles(true, false).Pane.Muted
	previewError = NewStyles(true, false).Pane.Error
)

// View is the pane's content, exactly width × height once sized.
func (p Preview) View() string {
	switch {
	case p.err != nil:
		return previewError.Width(max(p.width, 1)).Render("Preview failed: " + model.SafeLine(p.err.Error()))
	case !p.ready && p.src == nil && p.want == "":
		return previewMuted.Render("Nothing to preview yet: the export shows here as you write.")
	case !p.ready:
		return previewMuted.Render("Rendering preview…")
	}
	return p.vp.View()
}
