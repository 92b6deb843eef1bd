package export

import (
	"fmt"
	"slices"

	"charm.land/glamour/v2"
)

// Styles are the glamour styles Render accepts.
var Styles = []string{"dark", "light", "notty"}

// Render draws Markdown for a terminal at width columns. The result holds
// terminal escapes: show it, never write it into an exported file.
//
// Building a renderer costs ~50 µs and a renderer is not safe for
// concurrent use, so each call builds its own.
func Render(md string, width int, style string) (string, error) {
	if !slices.Contains(Styles, style) {
		return "", fmt.Errorf("render: unknown style %q: use dark, light or notty", style)
	}
	if width < 10 {
		width = 10
	}
	// glamour drops CommonMark hard breaks ("\" at a line's end) inside a
	// paragraph; preserving newlines keeps a line the writer broke broken.
	// The export breaks a paragraph's lines only where the writer did.
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width), glamour.WithPreservedNewLines())
	if err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	return r.Render(md)
}
