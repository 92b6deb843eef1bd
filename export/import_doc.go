package export

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// The document is parsed once. Its top-level blocks are cut into
// sections at headings; every byte between two headings belongs to the
// first one's section, so no text can fall between sections.

// block is one top-level block of the document and the bytes it owns:
// from the start of its first line to the start of the next block.
type block struct {
	node       ast.Node
	start, end int
}

// mark is a heading, or a line that acts as one: a bold lead-in
// ("**What happened?**:") or a question on a line of its own ("How did
// it happen?").
type mark struct {
	level   int    // 1–6; for lead-ins, one deeper than the heading above
	text    string // raw Markdown of the heading's text
	start   int    // first byte of the heading's line(s)
	end     int    // first byte after them: the body starts here
	leadIn  bool   // a line of a paragraph, not a Markdown heading
	blockAt int    // index of its block
}

// section is a heading and what follows it up to the next heading of
// the same or a higher level.
type section struct {
	heading   string // raw Markdown; "" for the text before the first heading
	level     int
	raw       string  // the heading's own line(s), verbatim
	headStart int     // the heading's first byte
	from, to  int     // the body's bytes
	text      string  // the body, verbatim and trimmed
	blocks    []piece // the body's blocks, in order
	subLevel  int     // the level of the shallowest heading inside, 7 if none
}

// piece is a block of a section's body; from is where its own text
// starts (after a lead-in line that opened the section).
type piece struct {
	node ast.Node
	from int
}

var (
	// "**What happened?**:", "**The underlying issue**:", "__Impact:__"
	leadInRe = regexp.MustCompile(`^(?:\*\*|__)([^*_\n]{2,80}?)(?:\*\*|__)\s*:?\s*$`)
	// "How did it happen?" on a line of its own.
	questionRe = regexp.MustCompile(`^[\p{Lu}][^\n]{3,70}\?$`)
)

func topBlocks(doc ast.Node, src []byte) []block {
	var bs []block
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		p := nodeStart(n)
		if p < 0 {
			continue
		}
		bs = append(bs, block{node: n, start: lineStart(src, p)})
	}
	for i := range bs {
		if i+1 < len(bs) {
			bs[i].end = bs[i+1].start
		} else {
			bs[i].end = len(src)
		}
	}
	if len(bs) > 0 {
		bs[0].start = 0 // blank lines and the like before the first block
	}
	return bs
}

// nodeStart is the first byte of a block: its own position, or its first
// line's, or its first child's.
func nodeStart(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if p := nodeStart(c); p >= 0 {
			return p
		}
	}
	return -1
}

func lineStart(src []byte, p int) int {
	if p > len(src) {
		p = len(src)
	}
	return bytes.LastIndexByte(src[:p], '\n') + 1
}

func lineEnd(src []byte, p int) int {
	if p >= len(src) {
		return len(src)
	}
	if i := bytes.IndexByte(src[p:], '\n'); i >= 0 {
		return p + i + 1
	}
	return len(src)
}

// marks finds the headings among the blocks. Lead-ins and question lines
// count only in documents pmwiz did not write: its own exports keep such
// lines as typed text.
func marks(bs []block, src []byte, ours bool) []mark {
	var ms []mark
	level := 1
	for i, b := range bs {
		switch n := b.node.(type) {
		case *ast.Heading:
			m := mark{level: n.Level, start: b.start, blockAt: i}
			var parts []string
			for j := 0; j < n.Lines().Len(); j++ {
				parts = append(parts, strings.TrimSpace(segText(n.Lines().At(j), src)))
			}
			m.text = strings.Join(parts, " ")
			m.end = lineEnd(src, b.start)
			if n.Lines().Len() > 0 {
				m.end = lineEnd(src, n.Lines().At(n.Lines().Len()-1).Start)
			}
			if !isATX(src, n) {
				m.end = lineEnd(src, m.end) // the setext underline
			}
			ms = append(ms, m)
			level = n.Level
		case *ast.Paragraph:
			if ours || n.Lines().Len() == 0 {
				continue
			}
			first := n.Lines().At(0)
			line := strings.TrimSpace(segText(first, src))
			text := ""
			if m := leadInRe.FindStringSubmatch(line); m != nil {
				text = strings.TrimSpace(m[1])
			} else if n.Lines().Len() == 1 && questionRe.MatchString(line) && sectionKey(line) != "" {
				text = line
			}
			if text == "" {
				continue
			}
			ms = append(ms, mark{level: min(level+1, 7), text: text, start: b.start, end: lineEnd(src, first.Start), leadIn: true, blockAt: i})
		}
	}
	return ms
}

// sectionLevel is the level sections are cut at: the shallowest level
// that at least two headings share, so a lone "# Title" or a trailing
// "# Stats" does not make the whole document one section. Headings
// above that level still start sections of their own. pmwiz's own
// exports are cut at their shallowest level, as written.
func sectionLevelOf(ms []mark, ours bool) int {
	count := map[int]int{}
	shallowest := 7
	for _, m := range ms {
		count[m.level]++
		shallowest = min(shallowest, m.level)
	}
	if ours {
		return shallowest
	}
	for l := 1; l <= 6; l++ {
		if count[l] >= 2 {
			return l
		}
	}
	return shallowest
}

// cut splits src[from:to] into the text before the first cutting mark
// and one section per cutting mark (marks at level <= at).
func (im *importer) cut(ms []mark, from, to, at int) (lede section, secs []section) {
	var cuts []mark
	for _, m := range marksIn(ms, from, to) {
		if m.level <= at {
			cuts = append(cuts, m)
		}
	}
	stop := to
	if len(cuts) > 0 {
		stop = cuts[0].start
	}
	lede = im.makeSection(ms, "", 0, from, from, stop)
	for i, c := range cuts {
		end := to
		if i+1 < len(cuts) {
			end = cuts[i+1].start
		}
		secs = append(secs, im.makeSection(ms, c.text, c.level, c.start, c.end, end))
	}
	return lede, secs
}

func (im *importer) makeSection(ms []mark, heading string, level, headStart, from, to int) section {
	src := im.src
	s := section{heading: heading, level: level, headStart: headStart, from: from, to: to, raw: strings.TrimRight(string(src[headStart:from]), "\n")}
	if from < to {
		s.text = trimBlock(im.verbatim(from, to))
	}
	for _, b := range blocksIn(im.bs, from, to) {
		if _, isHeading := b.node.(*ast.Heading); isHeading && b.start < from {
			continue // the section's own heading
		}
		s.blocks = append(s.blocks, piece{node: b.node, from: max(from, b.start)})
	}
	s.subLevel = 7
	for _, m := range marksIn(ms, from, to) {
		s.subLevel = min(s.subLevel, m.level)
	}
	return s
}

// blocksIn is the blocks that overlap [from, to), found by binary search
// so a document of many sections is read in n log n, not n².
func blocksIn(bs []block, from, to int) []block {
	lo := sort.Search(len(bs), func(i int) bool { return bs[i].end > from })
	hi := sort.Search(len(bs), func(i int) bool { return bs[i].start >= to })
	if lo >= hi {
		return nil
	}
	return bs[lo:hi]
}

// marksIn is the marks that start in [from, to).
func marksIn(ms []mark, from, to int) []mark {
	lo := sort.Search(len(ms), func(i int) bool { return ms[i].start >= from })
	hi := sort.Search(len(ms), func(i int) bool { return ms[i].start >= to })
	if lo >= hi {
		return nil
	}
	return ms[lo:hi]
}

// verbatim is src[from:to] as the draft should hold it. In pmwiz's own
// exports a line break inside a paragraph is written as a hard break (a
// trailing backslash, or two spaces): it was one Enter in the wizard, so
// it comes back as a plain newline.
func (im *importer) verbatim(from, to int) string {
	if !im.ours {
		return string(im.src[from:to])
	}
	var edits []edit
	for _, b := range blocksIn(im.bs, from, to) {
		eachBrokenLine(b.node, func(seg text.Segment) {
			if seg.Start < from || seg.Stop > to {
				return
			}
			line := strings.TrimRight(string(im.src[seg.Start:min(seg.Stop, len(im.src))]), "\n")
			trimmed := strings.TrimRight(line, " ")
			switch {
			case len(line)-len(trimmed) >= 2:
				edits = append(edits, edit{at: seg.Start - from + len(trimmed), del: len(line) - len(trimmed)})
			case strings.HasSuffix(trimmed, `\`) && escapedAt(trimmed+"x", len(trimmed)) && len(trimmed) == len(line):
				edits = append(edits, edit{at: seg.Start - from + len(trimmed) - 1, del: 1})
			}
		})
	}
	return applyEdits(string(im.src[from:to]), edits)
}
