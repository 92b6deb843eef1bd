package export

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/pmwiz/pmwiz/model"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	gtext "github.com/yuin/goldmark/text"
)

// entry is one item of a list-shaped part (lessons, action items,
// factors, events): a list item, a paragraph, a heading, a table row.
type entry struct {
	text  string   // lines joined: a soft break is a space, a hard break a newline
	lines []string // the lines, trimmed, as written
	node  ast.Node
}

// mdTable is a GFM table found in the parse tree, its cells read from the
// source lines so they keep their escapes exactly (and cells past the
// header's width are not dropped).
type mdTable struct {
	header []string
	rows   [][]string
}

// entries reads a section's blocks into entries, in order.
//
// A section that mixes lists (or tables) with prose ("Our remediations
// are:" then a list, then closing thanks) gives entries from its lists
// only: a paragraph around them is not an action item or a lesson. Its
// whole text is then kept under Other too, so the prose keeps its place.
func (im *importer) entries(s section, onTable func(mdTable)) []entry {
	hasList, hasProse := false, false
	for _, p := range s.blocks {
		switch p.node.(type) {
		case *ast.List, *east.Table:
			hasList = true
		case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
		default:
			hasProse = true
		}
	}
	mixed := hasList && hasProse && !im.ours
	var out []entry
	im.eachEntry(s, func(e entry) {
		if mixed {
			if _, item := e.node.(*ast.ListItem); !item {
				if _, row := e.node.(*east.Table); !row {
					return
				}
			}
		}
		out = append(out, e)
	}, onTable)
	if mixed {
		h := unescapeLiteral(s.heading)
		if h == "" {
			h = "Notes"
		}
		im.warn("section %q mixes lists and prose: its lists became entries, and its whole text is kept under Other", oneLine(h))
		im.other(h, s.text)
	}
	return out
}

// eachEntry reads a section's blocks into entries, in document order.
// Tables go to onTable when it is set, else one entry per row. Code
// blocks, raw HTML and other blocks that are not text are kept verbatim
// under Other with the section's heading, so nothing is lost.
func (im *importer) eachEntry(s section, emit func(entry), onTable func(mdTable)) {
	var keep []string
	im.cover = map[int]bool{}
	defer func() { im.cover = nil }()
	coverSpan := func(from, to int) {
		for p := lineStart(im.src, from); p < to; p = lineEnd(im.src, p) {
			im.cover[p] = true
		}
	}
	for _, p := range s.blocks {
		switch n := p.node.(type) {
		case *ast.List:
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				if e, ok := im.entryOf(it, p.from); ok {
					emit(e)
				}
			}
		case *east.Table:
			t := im.table(n)
			if onTable != nil {
				onTable(t)
				continue
			}
			for _, row := range tableRowTexts(t) {
				emit(entry{text: row, lines: []string{row}, node: n})
			}
		case *ast.Paragraph, *ast.Heading, *ast.Blockquote, *ast.TextBlock:
			if e, ok := im.entryOf(n, p.from); ok {
				emit(e)
			}
		case *ast.ThematicBreak:
			// Nothing a reader reads.
		default:
			from, to := max(p.from, nodeStart(n)), blockEnd(im.bs, n, len(im.src))
			if from < 0 || from >= to {
				continue
			}
			if raw := trimBlock(string(im.src[from:to])); raw != "" {
				keep = append(keep, raw)
				coverSpan(from, to)
			}
		}
	}
	// Whatever no entry took (a link definition, a line the parser folded
	// into something else) is kept too: every line ends up somewhere.
	if s.from < s.to {
		var loose []string
		for p := lineStart(im.src, s.from); p < s.to; p = lineEnd(im.src, p) {
			line := strings.TrimRight(string(im.src[p:lineEnd(im.src, p)]), "\n")
			if im.cover[p] || !hasWords(line) || fenceLineRe.MatchString(line) {
				continue
			}
			loose = append(loose, line)
		}
		if len(loose) > 0 {
			keep = append(keep, strings.Join(loose, "\n"))
		}
	}
	if len(keep) > 0 {
		h := s.heading
		if h == "" {
			h = "Notes"
		}
		if !im.ours {
			im.warn("section %q holds code, HTML or other blocks that are not entries: kept verbatim under Other", oneLine(unescapeLiteral(h)))
		}
		im.other(unescapeLiteral(h), strings.Join(keep, "\n\n"))
	}
}

var fenceLineRe = regexp.MustCompile("^\\s*(```+|~~~+)")

// hasWords reports a line with a letter or digit in it.
func hasWords(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// blockEnd is where a top-level block's bytes end.
func blockEnd(bs []block, n ast.Node, def int) int {
	p := nodeStart(n)
	if p < 0 {
		return def
	}
	for _, b := range blocksIn(bs, p, p+1) {
		if b.node == n {
			return b.end
		}
	}
	return def
}

// entryOf collects the text lines of every block under n that start at
// or after from.
func (im *importer) entryOf(n ast.Node, from int) (entry, bool) {
	var lines []string
	var hard []bool
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if t, ok := c.(*east.Table); ok {
			for _, r := range im.table(t).rows {
				lines = append(lines, strings.Join(r, " — "))
				hard = append(hard, true)
			}
			return ast.WalkSkipChildren, nil
		}
		ls := c.Lines()
		for i := 0; i < ls.Len(); i++ {
			seg := ls.At(i)
			if seg.Start < from {
				continue
			}
			if im.cover != nil {
				im.cover[lineStart(im.src, seg.Start)] = true
			}
			raw := strings.TrimRight(segText(seg, im.src), "\n")
			s := strings.TrimSpace(raw)
			if s == "" {
				continue
			}
			isHard := strings.HasSuffix(raw, "  ") || strings.HasSuffix(s, `\`) && escapedAt(s+"x", len(s))
			if strings.HasSuffix(s, `\`) && isHard {
				s = strings.TrimRight(s[:len(s)-1], " ")
			}
			lines = append(lines, s)
			hard = append(hard, isHard)
		}
		return ast.WalkContinue, nil
	})
	if len(lines) == 0 {
		return entry{}, false
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			if hard[i-1] {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return entry{text: b.String(), lines: lines, node: n}, true
}

// table reads a table the parser found from its source lines.
func (im *importer) table(t *east.Table) mdTable {
	var out mdTable
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		p := r.Pos()
		if p < 0 {
			if h, ok := r.(*east.TableHeader); ok && h.FirstChild() != nil {
				p = nodeStart(h)
			}
		}
		if p < 0 {
			continue
		}
		ls := lineStart(im.src, p)
		line := strings.TrimRight(string(im.src[ls:lineEnd(im.src, ls)]), "\n")
		cells := splitRow(line)
		if im.cover != nil {
			im.cover[ls] = true
		}
		if _, ok := r.(*east.TableHeader); ok {
			out.header = cells
			if im.cover != nil {
				im.cover[lineEnd(im.src, ls)] = true // the delimiter row
			}
			continue
		}
		out.rows = append(out.rows, cells)
	}
	return out
}

// splitRow splits a table row on pipes that are not escaped.
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !escapedAt(line, len(line)-1) {
		line = line[:len(line)-1]
	}
	var cells []string
	start := 0
	for i := 0; i <= len(line); i++ {
		if i == len(line) || (line[i] == '|' && !escapedAt(line, i)) {
			cells = append(cells, strings.TrimSpace(line[start:i]))
			start = i + 1
		}
	}
	return cells
}

func columnIndex(header []string, names ...string) int {
	for i, h := range header {
		n := normHeading(h)
		for _, want := range names {
			if n == want || strings.HasPrefix(n, want+" ") {
				return i
			}
		}
	}
	return -1
}

func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}

var (
	ownerRe   = regexp.MustCompile(`(?i)\bowner:\s*([^,;)]+)`)
	dueRe     = regexp.MustCompile(`(?i)\bdue:?\s*(\d{4}-\d{2}-\d{2})`)
	taskBoxRe = regexp.MustCompile(`^\[([ xX])\]\s+`)
	doneRe    = regexp.MustCompile(`(?i)^(done|closed|complete|completed|fixed|resolved|yes|y|true|✓|✔|✅|x|\[x\])$`)
)

// actionRows stores each row of a table of actions as an action item,
// its columns read by their headers.
func (im *importer) actionRows(t mdTable) {
	what := columnIndex(t.header, "action", "action item", "item", "what", "description", "task", "title", "summary")
	if what < 0 {
		what = 0
	}
	owner := columnIndex(t.header, "owner", "owners", "who", "assignee", "assigned to", "responsible")
	due := columnIndex(t.header, "due", "due date", "deadline", "by", "eta", "target date")
	typ := columnIndex(t.header, "type", "kind", "category")
	status := columnIndex(t.header, "status", "done", "state")
	link := columnIndex(t.header, "link", "bug", "ticket", "issue", "tracking", "jira", "url")
	known := map[int]bool{what: true, owner: true, due: true, typ: true, status: true, link: true}
	for _, r := range t.rows {
		a := model.ActionItem{
			What:  cell(r, what),
			Owner: unescapeLiteral(cell(r, owner)),
			Due:   unescapeLiteral(cell(r, due)),
			Done:  doneRe.MatchString(strings.TrimSpace(cell(r, status))),
		}
		if ty := unescapeLiteral(cell(r, typ)); ty != "" {
			a.Type = actionTypeFromLabel(ty)
		}
		if l := cell(r, link); l != "" {
			name, url := parseLink(l)
			if url == "" {
				url = name // a link pmwiz would not make clickable
			}
			a.Link = url
		}
		// Columns pmwiz has no field for go into the action's text.
		for i, c := range r {
			if known[i] || c == "" {
				continue
			}
			label := "column " + itoaSmall(i+1)
			if i < len(t.header) && t.header[i] != "" {
				label = t.header[i]
			}
			a.What += " (" + label + ": " + c + ")"
		}
		if st := strings.TrimSpace(cell(r, status)); st != "" && !a.Done && !strings.EqualFold(st, "open") {
			a.What += " (" + t.header[status] + ": " + st + ")"
		}
		im.d.ActionItems = append(im.d.ActionItems, a)
	}
}

// isActionTable reports a table whose columns say it lists actions: an
// owner, a due date or a status beside each row. A careful reader takes
// such a table as action items under any heading ("Lessons and action
// items", "What we learned").
func isActionTable(t mdTable) bool {
	return columnIndex(t.header, "owner", "owners", "assignee", "assigned to", "responsible") >= 0 ||
		columnIndex(t.header, "due", "due date", "deadline", "eta", "target date") >= 0 ||
		columnIndex(t.header, "status", "done", "state") >= 0
}

func (im *importer) actions(s section) {
	onTable := im.actionRows
	for _, e := range im.entries(s, onTable) {
		it := e.text
		a := model.ActionItem{What: it}
		if m := taskBoxRe.FindStringSubmatch(it); m != nil {
			a.Done = m[1] != " "
			a.What = it[len(m[0]):]
		}
		if m := ownerRe.FindStringSubmatch(it); m != nil {
			a.Owner = strings.TrimSpace(m[1])
		}
		if m := dueRe.FindStringSubmatch(it); m != nil {
			a.Due = m[1]
		}
		// "[Hourly LVM snapshots (#1098)](https://…/1098)": the item is its
		// tracking issue; the text is the action, the URL its link.
		if m := namedLinkRe.FindStringSubmatch(strings.TrimSpace(a.What)); m != nil && !im.ours {
			if name, url := parseLink(a.What); url != "" && safeScheme.MatchString(url) && name != "" {
				a.What, a.Link = name, url
			}
		}
		im.d.ActionItems = append(im.d.ActionItems, a)
	}
}

func itoaSmall(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoaSmall(n/10) + string(rune('0'+n%10))
}

func actionTypeFromLabel(s string) model.ActionType {
	for _, t := range model.ActionTypes {
		if strings.EqualFold(s, string(t)) {
			return t
		}
	}
	return model.ActionType(s)
}

var (
	namedLinkRe = regexp.MustCompile(`^\[((?:[^\]\\]|\\.)*)\]\((<(?:[^>\\]|\\.)*>|[^)\s]*)\)$`)
	autoLinkRe  = regexp.MustCompile(`^<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>$`)
	bareURLRe   = regexp.MustCompile(`(?:^|[\s(])(https?://[^\s<>()|]+)`)
)

// parseLink reads what linkMarkdown writes (and a bare URL).
func parseLink(s string) (name, url string) {
	s = strings.TrimSpace(s)
	if m := autoLinkRe.FindStringSubmatch(s); m != nil {
		return "", m[1]
	}
	if m := namedLinkRe.FindStringSubmatch(s); m != nil {
		dest := m[2]
		if strings.HasPrefix(dest, "<") {
			dest = unescapeLiteral(dest[1 : len(dest)-1])
		}
		return unescapeLiteral(m[1]), dest
	}
	if m := bareURLRe.FindStringSubmatchIndex(s); m != nil {
		name := strings.TrimSpace(strings.Trim(strings.TrimSpace(s[:m[2]]+s[m[3]:]), ":-–—()"))
		return unescapeLiteral(name), s[m[2]:m[3]]
	}
	return unescapeLiteral(s), ""
}

// updates reads where customers got updates: a list of channels, or
// prose about them, which is kept whole while its links become channels.
func (im *importer) updates(s section) {
	if !pureList(s) {
		im.keep(s.heading, s.text, true)
		seen := map[string]bool{}
		for _, p := range s.blocks {
			_ = ast.Walk(p.node, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				var name, url string
				switch l := n.(type) {
				case *ast.Link:
					url, name = string(l.Destination), plainText(l, im.src)
				case *ast.AutoLink:
					url = string(l.URL(im.src))
					// "Status page: <https://…>": the words around it name it.
					if p := l.Parent(); p != nil {
						around := strings.Trim(strings.Replace(plainText(p, im.src), url, "", 1), " :-–—()<>")
						if len(around) <= 60 {
							name = around
						}
					}
				default:
					return ast.WalkContinue, nil
				}
				if !safeScheme.MatchString(url) || seen[url] {
					return ast.WalkSkipChildren, nil
				}
				seen[url] = true
				if name == url {
					name = ""
				}
				im.d.Communication.Channels = append(im.d.Communication.Channels, model.Channel{Name: name, URL: url})
				return ast.WalkSkipChildren, nil
			})
		}
		return
	}
	for _, e := range im.entries(s, nil) {
		name, url := parseLink(e.text)
		im.d.Communication.Channels = append(im.d.Communication.Channels, model.Channel{Name: name, URL: url})
	}
}

// plainText is the text of an inline node, without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

func (im *importer) technologies(s section) {
	es := im.entries(s, nil)
	if len(es) == 1 {
		if _, isList := s.blocks[0].node.(*ast.List); !isList && strings.Contains(es[0].text, ",") {
			im.d.Technologies = append(im.d.Technologies, splitAuthors(es[0].text)...)
			return
		}
	}
	for _, e := range es {
		im.d.Technologies = append(im.d.Technologies, unescapeLiteral(e.text))
	}
}

var (
	becausePrefixRe = regexp.MustCompile(`(?i)^(?:\*\*)?because:?(?:\*\*)?:?\s*`)
	// "Why was the disk full? WAL files were not removed.": the answer
	// follows the question on the same line, with or without "because".
	whyBecauseRe = regexp.MustCompile(`(?i)^(.*?\?)\s+(?:[-–—:]\s*)?(\S.*)$`)
)

func (im *importer) whys(s section) {
	for _, e := range im.entries(s, nil) {
		lines := e.lines
		var w model.Why
		first := lines[0]
		if strings.HasSuffix(first, `\`) && escapedAt(first+"x", len(first)) {
			first = first[:len(first)-1] // the hard line break
		}
		switch {
		case strings.HasPrefix(first, whyLabel+" "):
			w.Why = strings.TrimPrefix(first, whyLabel+" ")
		case strings.HasPrefix(first, becauseLabel+" "):
			w.Because = strings.TrimPrefix(first, becauseLabel+" ")
		default:
			w.Why = first
		}
		if len(lines) > 1 {
			rest := strings.Join(lines[1:], " ")
			if strings.HasPrefix(rest, becauseLabel+" ") {
				w.Because = strings.TrimPrefix(rest, becauseLabel+" ")
			} else {
				w.Because = becausePrefixRe.ReplaceAllString(rest, "")
			}
		} else if m := whyBecauseRe.FindStringSubmatch(w.Why); m != nil && w.Because == "" {
			w.Why, w.Because = m[1], becausePrefixRe.ReplaceAllString(m[2], "")
		}
		if w.Why != "" || w.Because != "" {
			im.d.FiveWhys = append(im.d.FiveWhys, w)
		}
	}
}

func segText(s gtext.Segment, src []byte) string { return string(s.Value(src)) }

// pureList reports a section that is nothing but lists.
func pureList(s section) bool {
	for _, p := range s.blocks {
		if _, ok := p.node.(*ast.List); !ok {
			return false
		}
	}
	return len(s.blocks) > 0
}

// tableRowTexts is each row of a table as one line, its cells joined.
func tableRowTexts(t mdTable) []string {
	var out []string
	for _, r := range t.rows {
		var cells []string
		for _, c := range r {
			if c != "" {
				cells = append(cells, c)
			}
		}
		if len(cells) > 0 {
			out = append(out, strings.Join(cells, " — "))
		}
	}
	return out
}
