package export

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// tableRule is a GFM table's delimiter row: "| --- | :-: |".
var tableRule = regexp.MustCompile(`^\|(\s*:?-+:?\s*\|)+\s*$`)

// ListWideTables rewrites each GFM table in md that is wider than width
// columns as a list, one item per row, its other cells as sub-items
// named by their header:
//
//   - Validate timeouts
//   - Owner: payments
//   - Due: 2026-12-15
//
// A table squeezed into a narrow terminal wraps every cell into a column
// a few letters wide ("Re-", "2019-07-", "Preve") and cannot be read; the
// list can. It is for showing Markdown in a narrow pane; files keep their
// tables. Code fences are left alone.
func ListWideTables(md string, width int) string {
	if width <= 0 || !strings.Contains(md, "|") {
		return md
	}
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	inFence, fence := false, ""
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if m := fenceMatch(l); m != nil {
			switch {
			case !inFence:
				inFence, fence = true, m[1]
			case strings.HasPrefix(strings.TrimSpace(l), fence):
				inFence = false
			}
		}
		if inFence || !strings.HasPrefix(l, "|") || i+1 >= len(lines) || !tableRule.MatchString(lines[i+1]) {
			out = append(out, l)
			continue
		}
		end := i + 2
		for end < len(lines) && strings.HasPrefix(lines[end], "|") {
			end++
		}
		out = append(out, narrowTable(lines[i:end], width)...)
		i = end - 1
	}
	return strings.Join(out, "\n")
}

// tableCells splits "| a | b \| c |" into its cells, keeping escaped pipes.
func tableCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	row = strings.TrimSuffix(row, "|")
	var cells []string
	var b strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row):
			b.WriteByte(row[i])
			b.WriteByte(row[i+1])
			i++
		case row[i] == '|':
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(row[i])
		}
	}
	return append(cells, strings.TrimSpace(b.String()))
}

// tableWidth is how wide the table is when no cell wraps.
func tableWidth(header []string, rows [][]string) int {
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = ansi.StringWidth(h)
	}
	for _, r := range rows {
		for i := 0; i < len(r) && i < len(widths); i++ {
			widths[i] = max(widths[i], ansi.StringWidth(r[i]))
		}
	}
	w := 1
	for _, c := range widths {
		w += c + 3
	}
	return w
}

func tableAsList(header []string, rows [][]string) []string {
	var out []string
	for _, r := range rows {
		first := ""
		if len(r) > 0 {
			first = r[0]
		}
		if first == "" {
			first = "—"
		}
		out = append(out, "- "+first)
		for i := 1; i < len(r) && i < len(header); i++ {
			if r[i] != "" {
				out = append(out, "  - "+header[i]+": "+r[i])
			}
		}
	}
	return out
}

// fenceMatch is fenceLine's match of l, looked for only in a line that
// can open or close a fence (most lines of a document cannot).
func fenceMatch(l string) []string {
	if t := strings.TrimLeft(l, " "); !strings.HasPrefix(t, "```") && !strings.HasPrefix(t, "~~~") {
		return nil
	}
	return fenceLine.FindStringSubmatch(l)
}

// narrowTables remembers how each table of the last documents read at a
// width: the preview lists wide tables again after every pause in typing,
// and measuring each cell of a timeline of thousands of events cost
// ~10 ms of a 1 MB draft's refresh when the table had not changed.
var narrowTables = memo[tableKey, []string]{max: 64} // a post-mortem has a few tables

type tableKey struct {
	table string
	width int
}

// narrowTable is the table's lines as they read at width: as they are,
// or as a list when wider.
func narrowTable(table []string, width int) []string {
	return narrowTables.get(tableKey{strings.Join(table, "\n"), width}, func() []string { return tableAt(table, width) })
}

// tableAt is table's lines (header, rule, rows) as they read at width.
func tableAt(table []string, width int) []string {
	header := tableCells(table[0])
	var rows [][]string
	for _, r := range table[2:] {
		rows = append(rows, tableCells(r))
	}
	if tableWidth(header, rows) <= width {
		return table
	}
	return tableAsList(header, rows)
}
