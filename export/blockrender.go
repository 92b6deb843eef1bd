package export

import (
	"charm.land/glamour/v2"
	"fmt"
	"slices"
	"strings"
)

// BlockRenderer renders Markdown for a terminal block by block (see
// blocks.go), remembering each block's output, so rendering a document
// that changed in one paragraph costs that paragraph. It is not safe for
// concurrent use (neither is glamour's renderer inside it): one owner at
// a time, which the preview guarantees by having one render in flight.
type BlockRenderer struct {
	style string
	width int
	tr    *glamour.TermRenderer
	// seen holds the blocks of the last full render (and any rendered
	// since); a full render keeps only the blocks it used, so memory
	// follows the document, not its history.
	seen map[string]string
	// last is the drawing of each block of the last render, in order:
	// what RenderScreen shows in place of a changed block off screen.
	last []string
}

// NewBlockRenderer renders in a glamour style (see Styles) at width
// columns.
func NewBlockRenderer(style string, width int) (*BlockRenderer, error) {
	if !slices.Contains(Styles, style) {
		return nil, fmt.Errorf("render: unknown style %q: use dark, light or notty", style)
	}
	width = max(width, 10)
	tr, err := termRenderer(style, width)
	if err != nil {
		return nil, err
	}
	return &BlockRenderer{style: style, width: width, tr: tr, seen: map[string]string{}}, nil
}

// Fits reports whether the renderer draws in style at width.
func (b *BlockRenderer) Fits(style string, width int) bool {
	return b != nil && b.style == style && b.width == max(width, 10)
}

// Render draws the whole of md, reusing the blocks it has drawn before.
// Its lines read as Render's (glamour's own) do, without the padding
// glamour puts after the last character of each line.
func (b *BlockRenderer) Render(md string) (string, error) {
	blocks := splitBlocks(md)
	keep := make(map[string]string, len(blocks))
	drawn := make([]string, len(blocks))
	for i, blk := range blocks {
		r, err := b.block(blk)
		if err != nil {
			return "", err
		}
		keep[blk] = r
		drawn[i] = r
	}
	b.seen, b.last = keep, drawn
	return joinParts(drawn), nil
}

// RenderTop draws at least the first lines of md, as cheaply as it can:
// the blocks that hold them and, of a block too long to render at once
// (a pasted log of a megabyte is one paragraph), a prefix. The lines
// shown are Render's lines except, possibly, the last one drawn from a
// cut block. done reports that the result is the whole document.
func (b *BlockRenderer) RenderTop(md string, lines int) (out string, done bool, err error) {
	blocks := splitBlocks(md)
	var sb strings.Builder
	sb.WriteString("\n")
	n := 1
	for i, blk := range blocks {
		if n > lines {
			return sb.String(), false, nil
		}
		if _, ok := b.seen[blk]; !ok && len(blk) > topCut {
			// Enough of the block for a screen: word wrapping is
			// greedy, so the lines of a prefix are the block's lines.
			r, err := b.renderRaw(cutAtLine(blk, topCut))
			if err != nil {
				return "", false, err
			}
			sb.WriteString(joinable(r, i))
			return sb.String(), false, nil
		}
		r, err := b.block(blk)
		if err != nil {
			return "", false, err
		}
		r = joinable(r, i)
		sb.WriteString(r)
		n += strings.Count(r, "\n")
	}
	return sb.String(), true, nil
}

// topCut is how much of a long block RenderTop renders: more than a
// screen of text at any width a person reads at.
const topCut = 8 << 10

// cutAtLine is the first n bytes of s or a little more, ending at a line
// break, else a space, so no word or escape is cut in two.
func cutAtLine(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.IndexByte(s[n:], '\n'); i >= 0 && i < 4096 {
		return s[:n+i+1]
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > 0 {
		return s[:i] + "\n"
	}
	return s[:n] + "\n"
}

func (b *BlockRenderer) block(blk string) (string, error) {
	if r, ok := b.seen[blk]; ok {
		return r, nil
	}
	r, err := b.renderRaw(blk)
	if err != nil {
		return "", err
	}
	b.seen[blk] = r
	return r, nil
}

// joinable is block i's rendering as it reads in the document: glamour
// separates top-level blocks by one blank line, which some blocks (lists,
// tables, code) carry at their top when rendered alone and others
// (paragraphs, headings) do not. The first block keeps what it has.
func joinable(r string, i int) string {
	if i == 0 {
		return r
	}
	return "\n" + strings.TrimLeft(r, "\n")
}

// joinParts is the document of blocks drawn, each as joinable makes it,
// written once into a buffer of its size: a megabyte's drawing grown
// block by block (and each block copied to put a line break before it)
// allocated ten megabytes a render.
func joinParts(drawn []string) string {
	size := 1 + len(drawn)
	for i, r := range drawn {
		if i > 0 {
			r = strings.TrimLeft(r, "\n")
		}
		size += len(r)
	}
	var out strings.Builder
	out.Grow(size)
	out.WriteString("\n")
	for i, r := range drawn {
		if i > 0 {
			out.WriteString("\n")
			r = strings.TrimLeft(r, "\n")
		}
		out.WriteString(r)
	}
	return out.String()
}

// renderRaw renders one block and keeps its lines: glamour wraps a
// document in a blank line before and after, which the join adds once.
func (b *BlockRenderer) renderRaw(blk string) (string, error) {
	r, err := b.tr.Render(blk)
	if err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	r = strings.TrimPrefix(r, "\n")
	r = strings.TrimSuffix(r, "\n")
	return TrimPadding(r), nil
}
