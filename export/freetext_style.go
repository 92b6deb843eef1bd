package export

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// headingEdits sets the text's heading levels so the highest sits at
// minLevel and each heading is at most one level below the one before it
// (a reader's outline, and markdownlint's MD001), keeping the depth the
// writer chose otherwise. Headings inside quotes and lists are escaped:
// they would join the document's outline.
func headingEdits(atx []*ast.Heading, minLevel int) []edit {
	var edits []edit
	top := 7
	for _, h := range atx {
		if _, ok := h.Parent().(*ast.Document); ok {
			top = min(top, h.Level)
		}
	}
	prev := minLevel - 1
	for _, h := range atx {
		if _, ok := h.Parent().(*ast.Document); !ok {
			edits = append(edits, edit{at: h.Pos(), ins: `\`})
			continue
		}
		want := max(minLevel, min(6, h.Level+minLevel-top, prev+1))
		prev = want
		switch {
		case want > h.Level:
			edits = append(edits, edit{at: h.Pos(), ins: strings.Repeat("#", want-h.Level)})
		case want < h.Level:
			edits = append(edits, edit{at: h.Pos(), del: h.Level - want})
		}
	}
	return edits
}

// codeStyleEdits spells code blocks one way, as markdownlint wants within
// a document: fenced with backticks. Indented blocks at the top level get
// a fence; tilde fences become backtick fences.
func codeStyleEdits(src []byte, doc ast.Node) []edit {
	var edits []edit
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.CodeBlock:
			lines := n.Lines()
			if lines.Len() == 0 {
				continue
			}
			var content strings.Builder
			for i := 0; i < lines.Len(); i++ {
				content.WriteString(segText(lines.At(i), src))
			}
			body := strings.TrimRight(content.String(), "\n")
			start := bytes.LastIndexByte(src[:lines.At(0).Start], '\n') + 1
			end := lines.At(lines.Len() - 1).Stop
			if end > 0 && src[end-1] == '\n' {
				end--
			}
			fence := backtickFence(body)
			edits = append(edits, edit{at: start, del: end - start, ins: fence + "text\n" + body + "\n" + fence})
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		f, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		p := f.Pos()
		if p < 0 || p >= len(src) || src[p] != '~' {
			return ast.WalkSkipChildren, nil
		}
		open := 0
		for p+open < len(src) && src[p+open] == '~' {
			open++
		}
		lineEnd := len(src)
		if i := bytes.IndexByte(src[p:], '\n'); i >= 0 {
			lineEnd = p + i
		}
		if bytes.IndexByte(src[p:lineEnd], '`') >= 0 {
			return ast.WalkSkipChildren, nil // a backtick fence cannot carry this info string
		}
		var content strings.Builder
		lines := f.Lines()
		after := lineEnd
		for i := 0; i < lines.Len(); i++ {
			content.WriteString(segText(lines.At(i), src))
			after = lines.At(i).Stop
			if after > 0 && src[after-1] == '\n' {
				after--
			}
		}
		fence := backtickFence(content.String())
		edits = append(edits, edit{at: p, del: open, ins: fence})
		// The closing fence is the next line, when there is one.
		if after < len(src) {
			next := src[after+1:]
			if i := bytes.IndexByte(next, '\n'); i >= 0 {
				next = next[:i]
			}
			if j := bytes.IndexByte(next, '~'); j >= 0 && strings.Trim(string(next[:j]), " >") == "" {
				run := 0
				for j+run < len(next) && next[j+run] == '~' {
					run++
				}
				if run >= open && strings.TrimSpace(string(next[j+run:])) == "" {
					edits = append(edits, edit{at: after + 1 + j, del: run, ins: fence})
				}
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return edits
}

// backtickFence is a fence longer than any backtick run inside the code.
func backtickFence(code string) string {
	longest, run := 0, 0
	for i := 0; i < len(code); i++ {
		if code[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// autolinkEdits wraps bare URLs and e-mail addresses (which GFM links
// anyway) in angle brackets, so every renderer links them and none guess
// where they end. "www." addresses become named links.
func autolinkEdits(src []byte, doc ast.Node) []edit {
	var edits []edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		a, ok := n.(*ast.AutoLink)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		p := a.Pos()
		if p < 0 || p >= len(src) || src[p] == '<' {
			return ast.WalkContinue, nil
		}
		label := a.Label(src)
		i := bytes.Index(src[p:], label)
		if i < 0 {
			return ast.WalkContinue, nil
		}
		start, end := p+i, p+i+len(label)
		if start > 0 && src[start-1] == '<' {
			return ast.WalkContinue, nil
		}
		if bytes.HasPrefix(bytes.ToLower(label), []byte("www.")) {
			edits = append(edits, edit{at: start, ins: "["}, edit{at: end, ins: "](https://" + string(label) + ")"})
		} else {
			edits = append(edits, edit{at: start, ins: "<"}, edit{at: end, ins: ">"})
		}
		return ast.WalkContinue, nil
	})
	return edits
}
