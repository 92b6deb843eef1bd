package export

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
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
			seg := lines.At(i)
			end := min(seg.Stop, len(src))
			// The segment may stop before or after its newline.
			nl := bytes.IndexByte(src[seg.Start:min(end+1, len(src))], '\n')
			if nl < 0 {
				continue
			}
			eol := seg.Start + nl
			line := src[seg.Start:eol]
			trimmed := bytes.TrimRight(line, " ")
			if len(trimmed) == 0 {
				continue
			}
			spaces := len(line) - len(trimmed)
			at := seg.Start + len(trimmed)
			if spaces >= 2 {
				// Already a hard break, spelled with trailing spaces.
				edits = append(edits, edit{at: at, del: spaces, ins: `\`})
				continue
			}
			if bs := len(trimmed) - len(bytes.TrimRight(trimmed, `\`)); bs%2 == 1 {
				// Ends in a "\" break already: ours from an earlier pass,
				// or the writer's (CommonMark reads it so either way).
				continue
			}
			edits = append(edits, edit{at: at, del: spaces, ins: `\`})
		}
		return ast.WalkSkipChildren, nil
	})
	return edits
}
