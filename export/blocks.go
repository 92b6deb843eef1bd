package export

import (
	"regexp"
	"strings"
)

// A post-mortem of a megabyte takes glamour about a second to render, and
// an edit changes one paragraph of it. The preview therefore renders the
// document block by block: a top-level block that glamour renders the same
// alone as in the document is rendered once, remembered, and joined with
// the others; only changed blocks are rendered again, and the first
// screen can be drawn from the first blocks alone.

// splitBlocks cuts md into top-level blocks at blank lines where the
// cut cannot change how either side renders: never inside a fenced code
// block, never before an indented line (a list item's continuation, or
// indented code), never between two items of one list (a blank line
// makes a list "loose", which renders differently), and not at all when
// md holds a link reference definition, which a link in another block
// might use. Joined with one blank line, the blocks are md again.
func splitBlocks(md string) []string {
	if strings.Contains(md, "]:") && refDefLine.MatchString(md) {
		return []string{md}
	}
	lines := strings.SplitAfter(md, "\n")
	var blocks []string
	start := 0       // first line of the current block
	fence := ""      // the open code fence, if any
	hasList := false // the current block holds a list item
	content := false // the current block holds a line that is not blank
	blank := false   // the previous line was blank
	for i, ln := range lines {
		trimmed := strings.TrimRight(ln, "\r\n")
		if fence != "" {
			if strings.HasPrefix(strings.TrimLeft(trimmed, " "), fence) {
				fence = ""
			}
			blank = false
			continue
		}
		if strings.TrimSpace(trimmed) == "" {
			blank = true
			continue
		}
		kind := blockKind(trimmed)
		if blank && content && kind != "indented" && !(kind == "list" && hasList) {
			// Cut before this line: the block before it ends with the
			// blank line(s), which the join puts back as one.
			blocks = append(blocks, strings.TrimRight(strings.Join(lines[start:i], ""), "\n")+"\n")
			start = i
			hasList = false
		}
		hasList = hasList || kind == "list"
		content = true
		if kind == "fence" {
			t := strings.TrimLeft(trimmed, " ")
			fence = t[:3]
		}
		blank = false
	}
	if start < len(lines) {
		if rest := strings.Join(lines[start:], ""); strings.TrimSpace(rest) != "" || len(blocks) == 0 {
			blocks = append(blocks, rest)
		}
	}
	return blocks
}

// refDefLine is a link reference definition: "[label]: destination".
var refDefLine = regexp.MustCompile(`(?m)^ {0,3}\[[^\]\n]+\]:`)

// blockKind names what a block's first line starts, as far as cutting
// needs to know.
func blockKind(line string) string {
	switch {
	case line == "":
		return "other"
	case line[0] == ' ' || line[0] == '\t':
		return "indented"
	case strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~"):
		return "fence"
	case isListItem(line):
		return "list"
	}
	return "other"
}

// isListItem: "- ", "* ", "+ ", "1. ", "1) " (or the marker alone).
func isListItem(line string) bool {
	i := 0
	switch {
	case line[0] == '-' || line[0] == '*' || line[0] == '+':
		i = 1
	default:
		for i < len(line) && i < 10 && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		if i == 0 || i > 9 || i >= len(line) || (line[i] != '.' && line[i] != ')') {
			return false
		}
		i++
	}
	return i == len(line) || line[i] == ' ' || line[i] == '\t'
}
