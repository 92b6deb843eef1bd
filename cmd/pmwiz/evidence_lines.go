package main

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmwiz/pmwiz/model"
)

// locateEvidence fills in the line of each quote in the scored file, so a
// reader who doubts a verdict can jump to what it rests on. The model
// quotes the draft, not the file: import joins hard-wrapped lines and may
// drop emphasis, so quotes are found with white space collapsed and
// emphasis marks ignored, and by their opening words when the rest was
// reshaped (a table row, a link).
func locateEvidence(src []byte, r *model.Report) {
	idx := newTextIndex(src)
	for i := range r.Items {
		for j := range r.Items[i].Evidence {
			e := &r.Items[i].Evidence[j]
			e.Line = idx.line(e.Quote)
		}
	}
}

// textIndex is the file with white space collapsed and emphasis marks
// dropped, mapped back to byte offsets in the file.
type textIndex struct {
	src  []byte
	norm string
	at   []int // at[i] is the offset in src of norm[i]
}

// ignored are marks Markdown adds around words that a draft may not keep.
func ignored(r rune) bool { return r == '*' || r == '`' }

func newTextIndex(src []byte) *textIndex {
	var b strings.Builder
	at := make([]int, 0, len(src))
	space := true
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case ignored(r):
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
				at = append(at, i)
				space = true
			}
		default:
			b.Write(src[i : i+size])
			for k := 0; k < size; k++ {
				at = append(at, i)
			}
			space = false
		}
		i += size
	}
	return &textIndex{src: src, norm: b.String(), at: at}
}

func normalise(s string) string {
	s = strings.Map(func(r rune) rune {
		if ignored(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// line is the 1-based line of the quote's first occurrence, or 0. A
// label the draft put before the words ("Went well: …") is tried without.
func (x *textIndex) line(quote string) int {
	q := normalise(quote)
	if n := x.find(q); n > 0 {
		return n
	}
	if i := strings.Index(q, ": "); i > 0 && i < 24 {
		return x.find(q[i+2:])
	}
	return 0
}

func (x *textIndex) find(q string) int {
	if q != "" && len(q) < 8 {
		return x.word(q)
	}
	for _, n := range []int{len(q), 80, 40, 20} {
		if n > len(q) {
			continue
		}
		p := q[:n]
		if n < len(q) {
			if k := strings.LastIndexByte(p, ' '); k > n/2 {
				p = p[:k]
			}
		}
		if len(p) < 8 {
			break
		}
		if i := strings.Index(x.norm, p); i >= 0 {
			return bytes.Count(x.src[:x.at[i]], []byte{'\n'}) + 1
		}
	}
	return 0
}

// word finds a short quote ("SSH") as a whole word.
func (x *textIndex) word(q string) int {
	for from := 0; ; {
		i := strings.Index(x.norm[from:], q)
		if i < 0 {
			return 0
		}
		i += from
		end := i + len(q)
		before, _ := utf8.DecodeLastRuneInString(x.norm[:i])
		after, _ := utf8.DecodeRuneInString(x.norm[end:])
		if (i == 0 || !isWordRune(before)) && (end == len(x.norm) || !isWordRune(after)) {
			return bytes.Count(x.src[:x.at[i]], []byte{'\n'}) + 1
		}
		from = i + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
