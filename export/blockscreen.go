package export

import "strings"

// While a writer types with the preview open, every pause re-renders the
// block being typed into, and a long one (a pasted analysis of 60 KB is
// one paragraph) costs glamour tens of milliseconds on a core the typing
// shares. RenderScreen draws only what the reader sees: blocks off screen
// that changed keep their last drawing, and a long block on screen is
// drawn as far as the screen reaches, until a pause lets Render draw the
// whole again.

// RenderScreen draws md for a reader who sees its first lines: every
// block holding one of them reads as Render draws it (a long block that
// changed, as far as those lines reach: its prefix, followed by the
// rest of its last drawing), and a changed block below them keeps the
// drawing it had in the last render, in its place, when the document
// has as many blocks as then. deferred reports that some of the result
// is such an old drawing: Render draws it right.
func (b *BlockRenderer) RenderScreen(md string, lines int) (out string, deferred bool, err error) {
	blocks := splitBlocks(md)
	drawn := make([]string, len(blocks))
	n := 1 // lines drawn
	for i, blk := range blocks {
		r, old, err := b.screenBlock(blk, i, len(blocks), lines-n+1)
		if err != nil {
			return "", false, err
		}
		deferred = deferred || old
		drawn[i] = r
		if n <= lines { // past the screen, lines need not be counted
			n += lineBreaks(r, i)
		}
	}
	b.last = drawn
	return joinParts(drawn), deferred, nil
}

// screenBlock is block i of count as RenderScreen draws it when need of
// its lines show (none when need ≤ 0). old reports a drawing that is not
// blk's own.
func (b *BlockRenderer) screenBlock(blk string, i, count, need int) (r string, old bool, err error) {
	if r, ok := b.seen[blk]; ok {
		return r, false, nil
	}
	var prev string
	if len(b.last) == count {
		prev = b.last[i]
	}
	switch {
	case prev == "":
		// A new block, or blocks added or taken away: nothing to stand
		// in for it.
	case need <= 0:
		return prev, true, nil
	case len(blk) > topCut:
		// Word wrapping is greedy: a prefix's lines are the block's. A
		// line of the drawing holds at most a line's width of the text
		// but for markup it hides: twice what the screen needs is ample,
		// and a prefix that falls short is drawn whole below.
		head, err := b.renderRaw(cutAtLine(blk, min(topCut, max(2*need*b.width, 1<<10))))
		if err != nil {
			return "", false, err
		}
		if k := strings.Count(head, "\n") + 1; k > need {
			if rest := strings.SplitAfterN(prev, "\n", k+1); len(rest) > k {
				head += "\n" + rest[k]
			}
			return head, true, nil
		}
	}
	r, err = b.block(blk)
	return r, false, err
}

// lineBreaks is how many line breaks block i's drawing adds to the
// document: joinable's.
func lineBreaks(r string, i int) int {
	if i == 0 {
		return strings.Count(r, "\n")
	}
	return 1 + strings.Count(strings.TrimLeft(r, "\n"), "\n")
}
