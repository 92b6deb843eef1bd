package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Glyphs the wizard draws, named once so the look can change in one place
// and tests can look for them. The verdict glyphs (GlyphYes, GlyphPartial,
// GlyphNo, GlyphNext) live in scoreview.go, shared with `pmwiz score`.
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

// Styles is every style pmwiz draws with, built once from the terminal's
// background (dark or light) and whether colour is wanted at all (or, for
// `pmwiz score`, from the terminal's own palette: ReportStyles). Nothing
// else in the package gives a lipgloss style a colour: the picker, the
// chooser, the preview and the report take theirs from here.
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
	// Next marks what to add next; Kind names a tone finding's kind.
	Next lipgloss.Style
	Kind lipgloss.Style

	// List is the draft picker's and the event chooser's; Pane the
	// preview's own lines (glamour colours the document itself).
	List ListStyles
	Pane PaneStyles

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
	s.Next, s.Kind = s.Value, s.Warn
	s.Text, s.Placeholder, s.Cursor = text, muted, accent
	s.List, s.Pane = newListStyles(), newPaneStyles()
	return s
}

// ListStyles are the picker's and the chooser's. Both can start before
// the terminal says what its background is, so they keep to colours of
// the 256-colour palette that read on dark and light alike.
type ListStyles struct {
	Title, Cursor, Dim, Error, New, Mark, Hint lipgloss.Style
}

func newListStyles() ListStyles {
	return ListStyles{
		Title:  lipgloss.NewStyle().Bold(true),
		Cursor: lipgloss.NewStyle().Foreground(lipgloss.Color("212")).Bold(true),
		Dim:    lipgloss.NewStyle().Foreground(lipgloss.Color("245")),
		Error:  lipgloss.NewStyle().Foreground(lipgloss.Color("203")),
		New:    lipgloss.NewStyle().Foreground(lipgloss.Color("42")),
		Mark:   lipgloss.NewStyle().Foreground(lipgloss.Color("42")).Bold(true),
		Hint:   lipgloss.NewStyle().Foreground(lipgloss.Color("179")).Italic(true),
	}
}

// PaneStyles are the preview's messages ("Rendering preview…", a failure).
type PaneStyles struct{ Muted, Error lipgloss.Style }

func newPaneStyles() PaneStyles {
	return PaneStyles{
		Muted: lipgloss.NewStyle().Faint(true),
		Error: lipgloss.NewStyle().Foreground(lipgloss.Color("9")),
	}
}

// ReportStyles are `pmwiz score`'s: the terminal's own ANSI palette, which
// the user has already tuned to be readable on their background, light or
// dark; the writer strips them when output is piped or NO_COLOR is set.
// The gauge has no colour there.
func ReportStyles() Styles {
	s := Styles{}
	s.Title = lipgloss.NewStyle().Bold(true)
	s.Section = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Blue)
	s.Yes = lipgloss.NewStyle().Foreground(lipgloss.Green)
	s.Partial = lipgloss.NewStyle().Foreground(lipgloss.Yellow)
	s.No = lipgloss.NewStyle().Foreground(lipgloss.Red)
	s.Muted = lipgloss.NewStyle().Faint(true)
	s.Next = lipgloss.NewStyle().Foreground(lipgloss.Cyan)
	s.Kind = lipgloss.NewStyle().Foreground(lipgloss.Magenta)
	s.Error = lipgloss.NewStyle().Foreground(lipgloss.Red)
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
