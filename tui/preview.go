package tui

import (
	"strings"
	"sync/atomic"

	bkey "charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
)

// Preview shows a draft's export the way it will read: glamour-rendered
// Markdown in a scrollable viewport. It is self-contained (its own keys and
// styles) so the wizard can put it in a pane and the pager can fill the
// screen with it.
//
// Rendering costs 5–20 ms for a real post-mortem, so it never happens in
// Update: SetDraft and SetSize return a tea.Cmd that renders off the event
// loop, and the result comes back as a message. Only a change of Markdown,
// width or style renders again; typing in a field that does not change the
// export (or changes it back) costs one export and a string compare.
type Preview struct {
	id      int64 // tells this preview's render results from another's
	seq     int   // the latest render asked for; older results are dropped
	style   string
	focused bool

	width, height int
	md            string // the Markdown being shown (or rendered)
	ready         bool   // a render has come back; until the next one lands the last stays up, so typing never flickers
	err           error

	vp   viewport.Model
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

// previewRenderedMsg carries a finished render back to its preview.
type previewRenderedMsg struct {
	id, seq int64
	out     string
	err     error
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
	vp := viewport.New()
	// The preview owns its keys (see Update); the viewport's own would act
	// on letters even while the wizard's text fields have focus.
	vp.KeyMap = viewport.KeyMap{}
	return Preview{id: previewIDs.Add(1), style: style, vp: vp, keys: DefaultPreviewKeys()}
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
	p.height = h
	p.vp.SetHeight(h)
	p.vp.SetWidth(w)
	if w == p.width {
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

// SetDraft exports d and renders it if the Markdown changed.
func (p Preview) SetDraft(d *model.Draft) (Preview, tea.Cmd) {
	md, err := export.Markdown(d, export.Options{NoStamp: true})
	if err != nil {
		p.err = err
		return p, nil
	}
	return p.SetMarkdown(string(md))
}

// SetMarkdown shows md, rendering it if it changed.
func (p Preview) SetMarkdown(md string) (Preview, tea.Cmd) {
	if md == p.md {
		return p, nil // cache hit: shown, or already being rendered
	}
	p.md = md
	p.err = nil
	return p, p.render()
}

// render asks for a render of the current Markdown at the current width
// and style, in a tea.Cmd (one glamour renderer per call: they are not
// safe to share between goroutines).
func (p *Preview) render() tea.Cmd {
	if p.width == 0 || p.md == "" {
		return nil
	}
	p.seq++
	id, seq, md, width, style := p.id, int64(p.seq), p.md, p.width, p.style
	return func() tea.Msg {
		out, err := export.Render(md, previewRenderWidth(width), style)
		return previewRenderedMsg{id: id, seq: seq, out: out, err: err}
	}
}

// previewRenderWidth leaves room for glamour's document margin (two
// columns each side), so lines fit the pane.
func previewRenderWidth(w int) int { return max(w-4, 10) }

// Update takes render results (dropping stale ones) and scroll keys.
func (p Preview) Update(msg tea.Msg) (Preview, tea.Cmd) {
	switch msg := msg.(type) {
	case previewRenderedMsg:
		if msg.id != p.id || msg.seq != int64(p.seq) {
			return p, nil // a newer render is on its way
		}
		p.ready = true
		p.err = msg.err
		if msg.err == nil {
			p.vp.SetContent(strings.TrimRight(msg.out, "\n"))
		}
	case tea.KeyPressMsg:
		p.scroll(msg)
	case tea.MouseWheelMsg:
		var cmd tea.Cmd
		p.vp, cmd = p.vp.Update(msg)
		return p, cmd
	}
	return p, nil
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
	previewMuted = lipgloss.NewStyle().Faint(true)
	previewError = lipgloss.NewStyle().Foreground(lipgloss.Color("9"))
)

// View is the pane's content, exactly width × height once sized.
func (p Preview) View() string {
	switch {
	case p.err != nil:
		return previewError.Width(max(p.width, 1)).Render("Preview failed: " + model.SafeLine(p.err.Error()))
	case p.md == "":
		return previewMuted.Render("Nothing to preview yet: the export shows here as you write.")
	case !p.ready:
		return previewMuted.Render("Rendering preview…")
	}
	return p.vp.View()
}
