package model

import "strings"

// maxLineCells bounds the line matching of one text (lines of the base
// times lines of a side, after the common start and end are set aside): a
// text too big to compare this way is a conflict, kept whole, never slow.
const maxLineCells = 4 << 20

// mergeLines merges two edits of a text line by line, as git merges a
// file: lines only one side changed take that change. Two people who
// edited different paragraphs of the analysis need not choose between
// them. It reports false when both changed the same lines (or lines next
// to each other), and the field is then a conflict, as a whole.
func mergeLines(base, ours, theirs string) (string, bool) {
	b, o, t := strings.SplitAfter(base, "\n"), strings.SplitAfter(ours, "\n"), strings.SplitAfter(theirs, "\n")
	mo, ok1 := matchLines(b, o)
	mt, ok2 := matchLines(b, t)
	if !ok1 || !ok2 {
		return "", false
	}
	var out strings.Builder
	bi, oi, ti := 0, 0, 0
	for {
		// The next base line both sides kept is where the chunks end.
		next := -1
		for i := bi; i < len(b); i++ {
			if mo[i] >= 0 && mt[i] >= 0 {
				next = i
				break
			}
		}
		bEnd, oEnd, tEnd := len(b), len(o), len(t)
		if next >= 0 {
			bEnd, oEnd, tEnd = next, mo[next], mt[next]
		}
		bc, oc, tc := b[bi:bEnd], o[oi:oEnd], t[ti:tEnd]
		switch {
		case sameLines(oc, bc):
			writeLines(&out, tc)
		case sameLines(tc, bc), sameLines(oc, tc):
			writeLines(&out, oc)
		default:
			return "", false
		}
		if next < 0 {
			return out.String(), true
		}
		out.WriteString(b[next])
		bi, oi, ti = next+1, mo[next]+1, mt[next]+1
	}
}

func sameLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func writeLines(b *strings.Builder, lines []string) {
	for _, l := range lines {
		b.WriteString(l)
	}
}

// matchLines pairs lines of a with equal lines of b, keeping order (a
// longest common subsequence): for each line of a, its line in b or -1.
func matchLines(a, b []string) ([]int, bool) {
	m := make([]int, len(a))
	for i := range m {
		m[i] = -1
	}
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		m[pre] = pre
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		m[len(a)-1-suf] = len(b) - 1 - suf
		suf++
	}
	a2, b2 := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, k := len(a2), len(b2)
	if n == 0 || k == 0 {
		return m, true
	}
	if n*k > maxLineCells {
		return nil, false
	}
	// lcs[i][j] is the LCS length of a2[i:] and b2[j:].
	lcs := make([]int32, (n+1)*(k+1))
	at := func(i, j int) int32 { return lcs[i*(k+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := k - 1; j >= 0; j-- {
			switch {
			case a2[i] == b2[j]:
				lcs[i*(k+1)+j] = at(i+1, j+1) + 1
			case at(i+1, j) >= at(i, j+1):
				lcs[i*(k+1)+j] = at(i+1, j)
			default:
				lcs[i*(k+1)+j] = at(i, j+1)
			}
		}
	}
	for i, j := 0, 0; i < n && j < k; {
		switch {
		case a2[i] == b2[j]:
			m[pre+i] = pre + j
			i++
			j++
		case at(i+1, j) >= at(i, j+1):
			i++
		default:
			j++
		}
	}
	return m, true
}
