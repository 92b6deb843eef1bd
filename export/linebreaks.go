package export

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// hardBreakEdits keeps a line the writer broke broken. In the wizard one
// Enter starts a new line, but Markdown joins the lines of a paragraph
// into one: every line break inside a paragraph becomes a hard line
// break, spelled as a backslash at the end of the line (CommonMark's
// "\" break: no trailing spaces for markdownlint's MD009 to flag, and
// none for an editor to strip). Blank lines, lists, code and tables are
// untouched: they already keep their lines.
func hardBreakEdits(src []byte, doc ast.Node) []edit {
	var edits []edit
	eachBrokenLine(doc, func(seg text.Segment) {
		end := min(seg.Stop, len(src))
		// The segment may stop before or after its newline.
		nl := bytes.IndexByte(src[seg.Start:min(end+1, len(src))], '\n')
		if nl < 0 {
			return
		}
		line := src[seg.Start : seg.Start+nl]
		trimmed := bytes.TrimRight(line, " ")
		if len(trimmed) == 0 {
			return
		}
		spaces := len(line) - len(trimmed)
		if bs := len(trimmed) - len(bytes.TrimRight(trimmed, `\`)); spaces < 2 && bs%2 == 1 {
			// Ends in a "\" break already: ours from an earlier pass,
			// or the writer's (CommonMark reads it so either way).
			return
		}
		// Two spaces or more are a hard break already: spelled now as
		// the backslash, like every other.
		edits = append(edits, edit{at: seg.Start + len(trimmed), del: spaces, ins: `\`})
	})
	return edits
}

// eachBrokenLine calls fn with every line of a paragraph but its last:
// the lines that end in a line break inside the paragraph, which the
// export writes as hard breaks and the import of pmwiz's own files reads
// back as plain newlines.
func eachBrokenLine(doc ast.Node, fn func(seg text.Segment)) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock:
		default:
			return ast.WalkContinue, nil
		}
		lines := n.Lines()
		for i := 0; i < lines.Len()-1; i++ {
			fn(lines.At(i))
		}
		return ast.WalkSkipChildren, nil
	})
}
