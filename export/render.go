package export

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// Styles are the glamour styles Render accepts.
var Styles = []string{"dark", "light", "notty"}

// Render draws Markdown for a terminal at width columns. The result holds
// terminal escapes: show it, never write it into an exported file.
//
// It renders the document's blocks on every core (see blocks.go; each
// worker has its own glamour renderer, which is not safe to share), and
// drops the padding glamour writes after each line (TrimPadding).
func Render(md string, width int, style string) (string, error) {
	if !slices.Contains(Styles, style) {
		return "", fmt.Errorf("render: unknown style %q: use dark, light or notty", style)
	}
	blocks := splitBlocks(md)
	out := make([]string, len(blocks))
	workers := min(runtime.GOMAXPROCS(0), len(blocks), 8)
	if len(md) < 16<<10 {
		workers = 1 // a goroutine and a renderer cost more than they save
	}
	next := make(chan int, len(blocks))
	for i := range blocks {
		next <- i
	}
	close(next)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			br, err := NewBlockRenderer(style, width)
			if err != nil {
				errs[w] = err
				return
			}
			for i := range next {
				r, err := br.renderRaw(blocks[i])
				if err != nil {
					errs[w] = err
					return
				}
				out[i] = joinable(r, i)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return "", err
		}
	}
	return "\n" + strings.Join(out, ""), nil
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
