package tui

import (
	"fmt"
	"strings"

	bkey "charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// helpScreen is the full list of keys, shown over the form on ? or f1.
// It owns whether it is open and how far it is scrolled.
type helpScreen struct {
	keys          *keyMap // the wizard's one keymap
	styles        *Styles // shared: one copy for the whole wizard
	open          bool
	top           int // how far it is scrolled in a short window
	width, height int
}

func (h *helpScreen) SetSize(w, ht int) { h.width, h.height = w, ht }

// Open reports whether the help is on screen (it covers the form).
func (h helpScreen) Open() bool { return h.open }

// helpBusy is said when the help took a key that would have been typed.
const helpBusy = "the help is open: esc, ? or f1 closes it"

// Update takes the keys that open, close and scroll the help; typing
// says whether a field would take printable keys (then only f1 opens it).
// taken reports whether the key was the help's; note is a message for
// the status bar.
func (h helpScreen) Update(msg tea.KeyPressMsg, typing bool) (_ helpScreen, taken bool, note string) {
	k := h.keys
	switch {
	case h.open && bkey.Matches(msg, k.Close, k.Help, k.HelpTyping):
		h.open = false
	case bkey.Matches(msg, k.HelpTyping) || (!typing && bkey.Matches(msg, k.Help)):
		h.open, h.top = true, 0
	case h.open && bkey.Matches(msg, k.ScrollUp):
		h.top = max(h.top-1, 0)
	case h.open && bkey.Matches(msg, k.ScrollDown):
		h.top = min(h.top+1, 40)
	case h.open && msg.Text != "":
		// The help covers the form: text typed now would go into a field
		// the user cannot see.
		return h, true, helpBusy
	default:
		return h, false, ""
	}
	return h, true, ""
}

// View lists every key, one per line, grouped as in FullHelp. When the
// window is too short, the groups lose their blank lines, then sit side
// by side if the width allows, and otherwise ↑/↓ scroll it.
func (h helpScreen) View() string {
	st := h.styles
	groups := h.groups()
	enter := "Enter moves to the next field, except in a text field, where it starts a new line."
	var keys []string
	for _, g := range groups {
		keys = append(keys, "")
		keys = append(keys, g...)
	}
	out := append(append([]string{st.PanelTitle.Render("Keys")}, keys...), "")
	out = append(out, h.note("esc closes this help. "+enter)...)
	if len(out) <= h.height {
		return strings.Join(out, "\n")
	}
	out = append(append([]string{st.PanelTitle.Render("Keys") + st.Muted.Render("  esc closes")}, h.columns(groups)...), "")
	out = append(out, h.note(enter)...) // the title line says how to close it
	if len(out) > h.height {
		// Still too long: scroll, saying so.
		top := min(h.top, max(len(out)-h.height+1, 0))
		out = append(out[:1:1], out[1+top:]...)
		if len(out) > h.height {
			out = append(out[:max(h.height-1, 0)], st.Muted.Render(fmt.Sprintf("↓ %d more (↑/↓ scroll)", len(out)-h.height+1)))
		}
	}
	return strings.Join(out, "\n")
}

// groups are FullHelp's groups drawn as lines. The key column is as wide
// as the widest key, and two spaces part keys from words, so
// "pgdn/ctrl+n" never runs into "next step".
func (h helpScreen) groups() [][]string {
	keyW := 0
	for _, group := range h.keys.FullHelp() {
		for _, b := range group {
			keyW = max(keyW, ansi.StringWidth(b.Help().Key))
		}
	}
	var groups [][]string
	for _, group := range h.keys.FullHelp() {
		var g []string
		for _, b := range group {
			hb := b.Help()
			if hb.Key == "" {
				continue
			}
			pad := strings.Repeat(" ", keyW-ansi.StringWidth(hb.Key)+2)
			g = append(g, h.styles.LabelFocus.Render(hb.Key)+pad+h.styles.Value.Render(hb.Desc))
		}
		groups = append(groups, g)
	}
	return groups
}

// columns is the keys without blank lines between groups, in two columns
// when the width allows.
func (h helpScreen) columns(groups [][]string) []string {
	var keys []string
	for _, g := range groups {
		keys = append(keys, g...)
	}
	colW := 0
	for _, k := range keys {
		colW = max(colW, ansi.StringWidth(k))
	}
	half := (len(keys) + 1) / 2
	if h.width < 2*colW+2 || half+2 > h.height {
		return keys
	}
	// Two columns: the first half of the keys beside the second.
	cols := make([]string, half)
	for i := range half {
		cols[i] = keys[i] + strings.Repeat(" ", colW-ansi.StringWidth(keys[i])+2)
		if half+i < len(keys) {
			cols[i] += keys[half+i]
		}
	}
	return cols
}

// note is s, muted, wrapped to the width.
func (h helpScreen) note(s string) []string {
	return strings.Split(lipgloss.NewStyle().Width(max(h.width, 1)).Render(h.styles.Muted.Render(s)), "\n")
}
