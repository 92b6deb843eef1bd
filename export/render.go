package export

import (
	"fmt"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// Styles are the glamour styles Render accepts.
var Styles = []string{"dark", "light", "notty"}

// Render draws Markdown for a terminal at width columns. The result holds
// terminal escapes: show it, never write it into an exported file.
//
// It renders the document's blocks on every core, the longest first (see
// blocks.go and RenderAhead; each worker has its own glamour renderer,
// which is not safe to share), and drops the padding glamour writes after
// each line (TrimPadding).
func Render(md string, width int, style string) (string, error) {
	return RenderAhead("", func() (string, error) { return md, nil }, width, style)
}

// termRenderer builds glamour's renderer for a style. notty is glamour's
// plain style without its emphasis markers: piped into a file or a pager,
// "**Detected**" reads as Markdown left unrendered, not as bold.
func termRenderer(style string, width int) (*glamour.TermRenderer, error) {
	opt := glamour.WithStandardStyle(style)
	if style == "notty" {
		opt = glamour.WithStyles(plainStyle)
	}
	// glamour drops CommonMark hard breaks ("\" at a line's end) inside a
	// paragraph; preserving newlines keeps a line the writer broke broken.
	// The export breaks a paragraph's lines only where the writer did.
	tr, err := glamour.NewTermRenderer(opt, glamour.WithWordWrap(width), glamour.WithPreservedNewLines())
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	return tr, nil
}

// plainStyle is glamour's notty style with emphasis shown as plain text.
// Struck-out text keeps its "~~": shown plain it would read as current.
var plainStyle = func() (s gansi.StyleConfig) {
	s = styles.NoTTYStyleConfig
	s.Emph.BlockPrefix, s.Emph.BlockSuffix = "", ""
	s.Strong.BlockPrefix, s.Strong.BlockSuffix = "", ""
	return s
}()
