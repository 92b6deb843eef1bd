package export

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/pmwiz/pmwiz/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// gfm parses the way GitHub and most static site generators do. A goldmark
// parser keeps no state between calls, so one serves every goroutine.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

func parse(src []byte) ast.Node {
	return gfm.Parser().Parse(text.NewReader(src))
}

// edit replaces src[at:at+del] with ins.
type edit struct {
	at, del int
	ins     string
}

// applyEdits applies non-overlapping edits in one pass. Insertions at the
// same position keep the order they were found in.
func applyEdits(s string, edits []edit) string {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].at < edits[j].at })
	var b strings.Builder
	b.Grow(len(s) + 16*len(edits))
	pos := 0
	for _, e := range edits {
		if e.at < pos {
			continue // overlaps an earlier edit: the next pass will see it again
		}
		b.WriteString(s[pos:e.at])
		b.WriteString(e.ins)
		pos = e.at + e.del
	}
	b.WriteString(s[pos:])
	return b.String()
}

// sanitizeBlock makes a free-text field safe to place under a heading of
// level minLevel-1. The text stays Markdown (paragraphs, lists, code,
// emphasis, links) but:
//
//   - control and escape bytes are gone (model.SafeText);
//   - its headings are shifted so the highest sits at minLevel, keeping
//     their relative depth, and setext underlines are escaped, so the
//     document outline is always exactly pmwiz's sections;
//   - raw HTML is escaped (it shows as typed: "<nil>" is not swallowed),
//     which also stops <!-- or <script> from hiding the rest of the file;
//   - an unclosed code fence is closed;
//   - lint-clean spelling: tabs expanded, no trailing spaces, single blank
//     lines, "-" bullets, fences with a language ("text" when none).
//
// It is idempotent: sanitizing its own output changes nothing.
func sanitizeBlock(s string, minLevel int) string {
	if s == "" {
		return ""
	}
	return escapes.get(escapeKey{minLevel, s}, func() string { return sanitizeBlockUncached(s, minLevel) })
}

func sanitizeBlockUncached(s string, minLevel int) string {
	s = tidyLines(model.SafeText(s))
	for range 12 {
		edits := structuralEdits(s, minLevel)
		if len(edits) == 0 {
			break
		}
		s = applyEdits(s, edits)
	}
	return tidyLines(s)
}

var fenceLine = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")

// tidyLines expands tabs, trims trailing spaces (keeping a two-space hard
// break), collapses blank-line runs outside code fences and trims blank
// lines around the text.
func tidyLines(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	inFence, fence := false, ""
	blank := 0
	for _, l := range lines {
		l = expandTabs(l)
		trimmed := strings.TrimRight(l, " ")
		if len(l)-len(trimmed) >= 2 && trimmed != "" && !inFence {
			trimmed += "  "
		}
		l = trimmed
		if m := fenceLine.FindStringSubmatch(l); m != nil {
			switch {
			case !inFence:
				inFence, fence = true, m[1]
			case m[1][0] == fence[0] && len(m[1]) >= len(fence) && strings.TrimSpace(l[len(m[0]):]) == "":
				inFence = false
			}
		}
		if l == "" && !inFence {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return trimBlock(strings.Join(out, "\n"))
}

// trimBlock trims blank lines around a block of text, and trailing spaces.
// Only whole blank lines go at the start: leading spaces on the first line
// mean something (an indented code block).
func trimBlock(s string) string {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 || strings.TrimSpace(s[:i]) != "" {
			break
		}
		s = s[i+1:]
	}
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return strings.TrimRight(s, " \t\n")
}

func expandTabs(l string) string {
	if !strings.Contains(l, "\t") {
		return l
	}
	var b strings.Builder
	col := 0
	for _, r := range l {
		if r == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// structuralEdits finds what must change in s, from goldmark's own reading
// of it, so nothing is guessed with regular expressions.
func structuralEdits(s string, minLevel int) []edit {
	src := []byte(s)
	doc := parse(src)
	var edits []edit

	// Headings: shift ATX headings so the highest is at minLevel.
	var atx []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if isATX(src, n) {
				atx = append(atx, n)
			} else if e, ok := setextEdit(src, n); ok {
				edits = append(edits, e)
			}
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				start := n.Lines().At(0).Start
				if i := bytes.IndexByte(src[start:], '<'); i >= 0 {
					edits = append(edits, edit{at: start + i, ins: `\`})
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				edits = append(edits, edit{at: n.Segments.At(0).Start, ins: `\`})
			}
		case *ast.List:
			if !n.IsOrdered() && n.Marker != '-' {
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					if p := c.Pos(); p >= 0 && p < len(src) && src[p] == n.Marker {
						edits = append(edits, edit{at: p, del: 1, ins: "-"})
					}
				}
			}
		case *ast.FencedCodeBlock:
			if n.Info == nil {
				if p := n.Pos(); p >= 0 && p < len(src) {
					c := src[p]
					end := p
					for end < len(src) && src[end] == c {
						end++
					}
					edits = append(edits, edit{at: end, ins: "text"})
				}
			}
		}
		return ast.WalkContinue, nil
	})
	edits = append(edits, headingEdits(atx, minLevel)...)
	edits = append(edits, refDefEdits(src, doc)...)
	if e, ok := unclosedFence(src, doc); ok {
		edits = append(edits, e)
	}
	if len(edits) == 0 {
		edits = codeStyleEdits(src, doc)
	}
	if len(edits) == 0 {
		edits = append(headingSpacing(src, atx), autolinkEdits(src, doc)...)
	}
	if len(edits) == 0 {
		edits = hardBreakEdits(src, doc)
	}
	return edits
}

// headingSpacing puts a blank line around top-level headings, as every
// Markdown style guide (and markdownlint) asks.
func headingSpacing(src []byte, headings []*ast.Heading) []edit {
	var edits []edit
	seen := map[int]bool{}
	add := func(at int) {
		if !seen[at] {
			seen[at] = true
			edits = append(edits, edit{at: at, ins: "\n"})
		}
	}
	for _, h := range headings {
		if _, top := h.Parent().(*ast.Document); !top {
			continue
		}
		p := h.Pos()
		ls := bytes.LastIndexByte(src[:p], '\n') + 1
		if ls > 0 {
			prev := src[bytes.LastIndexByte(src[:ls-1], '\n')+1 : ls-1]
			if len(bytes.TrimSpace(prev)) > 0 {
				add(ls)
			}
		}
		if le := bytes.IndexByte(src[p:], '\n'); le >= 0 {
			next := src[p+le+1:]
			if i := bytes.IndexByte(next, '\n'); i >= 0 {
				next = next[:i]
			}
			if len(bytes.TrimSpace(next)) > 0 {
				add(p + le + 1)
			}
		}
	}
	return edits
}

// isATX tells "## Title" from a setext heading ("#0\n===" is setext:
// "#0" is no ATX heading, for want of a space).
func isATX(src []byte, h *ast.Heading) bool {
	p := h.Pos()
	if p < 0 || p >= len(src) {
		return false
	}
	n := 0
	for p+n < len(src) && src[p+n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (p+n == len(src) || src[p+n] == ' ' || src[p+n] == '\t' || src[p+n] == '\n')
}

// setextEdit escapes the underline of a setext heading ("Title\n===="),
// turning it back into the paragraph text it looks like.
func setextEdit(src []byte, h *ast.Heading) (edit, bool) {
	lines := h.Lines()
	if lines.Len() == 0 {
		return edit{}, false
	}
	stop := lines.At(lines.Len() - 1).Stop
	nl := bytes.IndexByte(src[min(stop, len(src)):], '\n')
	if stop > 0 && src[stop-1] == '\n' {
		nl = -1
	} else if nl < 0 {
		return edit{}, false
	} else {
		stop += nl + 1
	}
	line := src[stop:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	i := bytes.IndexAny(line, "=-")
	if i < 0 {
		return edit{}, false
	}
	return edit{at: stop + i, ins: `\`}, true
}

// unclosedFence closes a top-level code fence left open at the end of the
// text, which would otherwise swallow every section after it.
func unclosedFence(src []byte, doc ast.Node) (edit, bool) {
	last, ok := doc.LastChild().(*ast.FencedCodeBlock)
	if !ok {
		return edit{}, false
	}
	p := last.Pos()
	if p < 0 || p >= len(src) {
		return edit{}, false
	}
	c := src[p]
	n := 0
	for p+n < len(src) && src[p+n] == c {
		n++
	}
	open := string(src[p : p+n])
	// The fence is closed when the text's last line is a closing fence
	// (and is not the opening line itself).
	lastNL := bytes.LastIndexByte(src, '\n')
	if lastNL >= p {
		tail := strings.TrimSpace(string(src[lastNL+1:]))
		lead := len(src[lastNL+1:]) - len(strings.TrimLeft(string(src[lastNL+1:]), " "))
		if lead <= 3 && len(tail) >= n && strings.Trim(tail, string(c)) == "" {
			return edit{}, false
		}
	}
	return edit{at: len(src), ins: "\n" + open}, true
}

// neutraliseHTML escapes raw HTML in one line of inline Markdown, and
// wraps bare URLs as autolinks.
func neutraliseHTML(s string) string {
	if !mayHoldHTMLOrLink(s) {
		return s
	}
	return neutraliseHTMLParsed(s)
}

// mayHoldHTMLOrLink reports whether goldmark could read HTML or an
// autolink in s: HTML and <autolinks> need a "<", an e-mail address an
// "@", and GFM's bare links "www." or a scheme's "://" (http, https,
// ftp). Any ":" sent every time of day in a timeline ("14:05") through
// two parses: 40% of the export of a 3,000-event timeline.
func mayHoldHTMLOrLink(s string) bool {
	return strings.ContainsAny(s, "<@") || strings.Contains(s, "://") || strings.Contains(strings.ToLower(s), "www.")
}

// neutraliseHTMLParsed is neutraliseHTML without the quick test.
func neutraliseHTMLParsed(s string) string {
	for range 8 {
		src := []byte(s)
		var edits []edit
		_ = ast.Walk(parse(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.HTMLBlock:
				if n.Lines().Len() > 0 {
					start := n.Lines().At(0).Start
					if i := bytes.IndexByte(src[start:], '<'); i >= 0 {
						edits = append(edits, edit{at: start + i, ins: `\`})
					}
				}
			case *ast.RawHTML:
				if n.Segments.Len() > 0 {
					edits = append(edits, edit{at: n.Segments.At(0).Start, ins: `\`})
				}
			}
			return ast.WalkContinue, nil
		})
		if len(edits) == 0 {
			edits = autolinkEdits(src, parse(src))
		}
		if len(edits) == 0 {
			break
		}
		s = applyEdits(s, edits)
	}
	return s
}
