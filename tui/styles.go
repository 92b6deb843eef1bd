package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Glyphs the wizard draws, named once so the look can change in one place
// and tests can look for them. The verdict glyphs (GlyphYes, GlyphPartial,
// GlyphNo, GlyphNext) live in report.go, shared with `pmwiz score`.
const (
	GlyphEmpty    = "·"
	GlyphFocus    = "›"
	GlyphStep     = "▸"
	GlyphWarn     = "⚠"
	GlyphError    = "✗"
	GlyphAdd      = "+"
	GlyphGaugeOn  = "█"
	GlyphGaugeOff = "░"
	GlyphLock     = "⊘"
)

// Styles is every style the wizard uses, built once from the terminal's
// background (dark or light) and whether colour is wanted at all. Nothing
// else in the package makes a lipgloss style with a colour.
type Styles struct {
	Dark    bool
	NoColor bool

	App        lipgloss.Style
	Header     lipgloss.Style
	Title      lipgloss.Style
	Muted      lipgloss.Style
	Guide      lipgloss.Style
	StepActive lipgloss.Style
	Step       lipgloss.Style
	Label      lipgloss.Style
	LabelFocus lipgloss.Style
	Value      lipgloss.Style
	Error      lipgloss.Style
	Warn       lipgloss.Style
	Yes        lipgloss.Style
	Partial    lipgloss.Style
	No         lipgloss.Style
	GaugeOn    lipgloss.Style
	GaugeOff   lipgloss.Style
	Panel      lipgloss.Style
	PanelTitle lipgloss.Style
	Banner     lipgloss.Style
	Status     lipgloss.Style
	StatusErr  lipgloss.Style
	Section    lipgloss.Style
	Choice     lipgloss.Style
	ChoiceOn   lipgloss.Style
	// Example is an example shown in an empty field: italic and dimmer
	// than the labels, after examplePrefix, so it never reads as an answer.
	Example lipgloss.Style

	// Input colours, handed to the bubbles inputs.
	Text        color.Color
	Placeholder color.Color
	Cursor      color.Color
}

// NewStyles builds the styles for a dark or light background. With noColor
// (NO_COLOR set) only bold, faint and underline are used, so focus and
// errors stay visible without a single colour.
func NewStyles(dark, noColor bool) Styles {
	ld := lipgloss.LightDark(dark)
	c := func(light, darkc string) color.Color {
		if noColor {
			return nil
		}
		return ld(lipgloss.Color(light), lipgloss.Color(darkc))
	}
	fg := func(st lipgloss.Style, col color.Color) lipgloss.Style {
		if col == nil {
			return st
		}
		return st.Foreground(col)
	}
	var (
		accent  = c("#5A56E0", "#8E8BFF")
		muted   = c("#6B6B6B", "#8A8A8A")
		text    = c("#1F1F1F", "#E4E4E4")
		good    = c("#1F7A3A", "#5FD68A")
		partial = c("#9A6700", "#E3B341")
		bad     = c("#B42318", "#F27573")
		subtle  = c("#D0D0D0", "#3C3C3C")
	)
	s := Styles{Dark: dark, NoColor: noColor}
	s.App = lipgloss.NewStyle()
	s.Header = fg(lipgloss.NewStyle().Bold(true), accent)
	s.Title = fg(lipgloss.NewStyle().Bold(true), text)
	s.Muted = fg(lipgloss.NewStyle(), muted)
	s.Guide = fg(lipgloss.NewStyle().Italic(true), muted)
	s.StepActive = fg(lipgloss.NewStyle().Bold(true), accent)
	s.Step = fg(lipgloss.NewStyle(), text)
	s.Label = fg(lipgloss.NewStyle(), muted)
	s.LabelFocus = fg(lipgloss.NewStyle().Bold(true), accent)
	s.Value = fg(lipgloss.NewStyle(), text)
	s.Error = fg(lipgloss.NewStyle().Bold(true), bad)
	s.Warn = fg(lipgloss.NewStyle(), partial)
	s.Yes = fg(lipgloss.NewStyle(), good)
	s.Partial = fg(lipgloss.NewStyle(), partial)
	s.No = fg(lipgloss.NewStyle(), bad)
	s.GaugeOn = fg(lipgloss.NewStyle(), good)
	s.GaugeOff = fg(lipgloss.NewStyle(), subtle)
	s.Panel = lipgloss.NewStyle().PaddingLeft(1)
	s.PanelTitle = fg(lipgloss.NewStyle().Bold(true), text)
	s.Banner = fg(lipgloss.NewStyle().Bold(true), partial)
	s.Status = fg(lipgloss.NewStyle(), muted)
	s.StatusErr = fg(lipgloss.NewStyle().Bold(true), bad)
	s.Section = fg(lipgloss.NewStyle().Bold(true).Underline(noColor), text)
	s.Choice = fg(lipgloss.NewStyle(), muted)
	s.ChoiceOn = fg(lipgloss.NewStyle().Bold(true).Underline(true), accent)
	s.Example = fg(lipgloss.NewStyle().Italic(true).Faint(noColor), c("#9A9A9A", "#646464"))
	s.Text, s.Placeholder, s.Cursor = text, muted, accent
	return s
}

// verdictGlyph is the mark and style for a rubric verdict or step state.
func (s Styles) verdict(v string) string {
	switch v {
	case "yes":
		return s.Yes.Render(GlyphYes)
	case "partial":
		return s.Partial.Render(GlyphPartial)
	case "no":
		return s.No.Render(GlyphNo)
	default:
		return s.Muted.Render(GlyphEmpty)
	}
}
