package tui

import (
	"fmt"

	bkey "charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
)

// Pager is `pmwiz preview` on a terminal: the rendered export full screen,
// scrollable, q to quit. It renders at the terminal's width (or a fixed
// one) and, with the "auto" style, follows the terminal's background once
// the terminal says what it is (dark until then: tmux and some terminals
// never answer).
type Pager struct {
	preview    Preview
	title      string
	auto       bool
	fixedWidth int
	width      int
	height     int
	quit       bkey.Binding
}

// NewPager shows md. style is auto, dark, light or notty; width 0 follows
// the terminal.
func NewPager(title, md, style string, width int) Pager {
	auto := style == "auto"
	if auto || style == "" {
		style = "dark"
	}
	p := Pager{
		preview:    newPreviewStyle(style).Focus(),
		title:      model.SafeLine(title),
		auto:       auto,
		fixedWidth: width,
		quit:       bkey.NewBinding(bkey.WithKeys("q", "esc", "ctrl+c"), bkey.WithHelp("q", "quit")),
	}
	p.preview.want = md
	return p
}

// Init asks the terminal for its background when the style is auto.
func (p Pager) Init() tea.Cmd {
	if p.auto {
		return tea.RequestBackgroundColor
	}
	return nil
}

// Update handles size, background, quit and scroll keys.
func (p Pager) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.width, p.height = msg.Width, msg.Height
		w := msg.Width
		if p.fixedWidth > 0 {
			w = min(p.fixedWidth, msg.Width)
		}
		p.preview, cmd = p.preview.SetSize(w, max(msg.Height-1, 1))
		return p, cmd
	case tea.BackgroundColorMsg:
		if p.auto {
			p.preview, cmd = p.preview.SetDark(msg.IsDark())
		}
		return p, cmd
	case tea.KeyPressMsg:
		if bkey.Matches(msg, p.quit) {
			return p, tea.Quit
		}
	}
	p.preview, cmd = p.preview.Update(msg)
	return p, cmd
}

var (
	pagerBar   = lipgloss.NewStyle().Faint(true)
	pagerTitle = lipgloss.NewStyle().Bold(true)
)

// View is the preview with a one-line status bar under it.
func (p Pager) View() tea.View {
	help := fmt.Sprintf("  %3.0f%%  q quit · ↑/↓ scroll · space/b page", p.preview.ScrollPercent()*100)
	room := p.width - lipgloss.Width(help)
	if room < 12 {
		help = fmt.Sprintf("  %3.0f%%  q quit", p.preview.ScrollPercent()*100)
		room = p.width - lipgloss.Width(help)
	}
	bar := pagerTitle.Render(ansi.Truncate(p.title, max(room, 1), "…")) + pagerBar.Render(help)
	v := tea.NewView(lipgloss.JoinVertical(lipgloss.Left, lipgloss.NewStyle().Height(max(p.height-1, 1)).MaxHeight(max(p.height-1, 1)).Render(p.preview.View()), bar))
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	return v
}
