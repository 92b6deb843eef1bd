package export

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// A link reference definition ("[x]: https://…") renders as nothing: when
// nothing in the field refers to it, a reader of the published post-mortem
// would never see what the user typed (and markdownlint flags it, MD053).
// Such a definition is escaped so it reads as typed; one the field uses
// ("see [the graph][x]") is left alone.
func refDefEdits(src []byte, doc ast.Node) []edit {
	if !bytes.Contains(src, []byte("]:")) {
		return nil
	}
	lower := strings.ToLower(string(src))
	var edits []edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		def, ok := n.(*ast.LinkReferenceDefinition)
		if !entering || !ok || def.Lines().Len() == 0 {
			return ast.WalkContinue, nil
		}
		first := def.Lines().At(0)
		bracket := first.Start + bytes.IndexByte(src[first.Start:first.Stop], '[')
		if bracket < first.Start {
			return ast.WalkContinue, nil
		}
		end := def.Lines().At(def.Lines().Len() - 1).Stop
		label := "[" + strings.Join(strings.Fields(strings.ToLower(string(def.Label))), " ") + "]"
		rest := strings.Join(strings.Fields(lower[:first.Start]+" "+lower[end:]), " ")
		if !strings.Contains(rest, label) {
			edits = append(edits, edit{at: bracket, ins: `\`})
		}
		return ast.WalkSkipChildren, nil
	})
	return edits
}
