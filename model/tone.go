package model

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
)

//go:embed tone_catalogue.txt
var toneCatalogueText string

// tonePhrase is one parsed line of the catalogue.
type tonePhrase struct {
	kind       FindingKind
	words      []string // lower case; "*" suffix = any ending; "…" = a gap
	suggestion string
}

// tonePhrases and their index; the tone check runs on every keystroke
// over the whole draft.
var (
	tonePhrases []tonePhrase
	toneIndex   = newPhraseIndex()
)

func init() {
	phrases, err := parseCatalogue(toneCatalogueText)
	if err != nil {
		panic("model: tone catalogue: " + err.Error())
	}
	tonePhrases = phrases
	for _, p := range phrases {
		toneIndex.add(p.words)
	}
	toneReach = toneIndex.maxSpan() + 2
}

func parseCatalogue(text string) ([]tonePhrase, error) {
	var out []tonePhrase
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) != 3 {
			return nil, fmt.Errorf("line %d: want kind | phrase | suggestion", n+1)
		}
		kind := FindingKind(strings.TrimSpace(parts[0]))
		if kind != Boilerplate && kind != Hedging && kind != Blame {
			return nil, fmt.Errorf("line %d: unknown kind %q", n+1, kind)
		}
		words := phraseWords(parts[1])
		if len(words) == 0 || words[0] == "…" || words[len(words)-1] == "…" {
			return nil, fmt.Errorf("line %d: a phrase needs words at both ends", n+1)
		}
		out = append(out, tonePhrase{kind, words, strings.TrimSpace(parts[2])})
	}
	return out, nil
}

// CheckToneText runs the tone check over one field's text; field is the
// path reported in each finding ("summary", "lessons[2]").
func CheckToneText(field, text string) []Finding {
	return dedupe(toneMatches(field, text))
}

// toneMatches is every catalogue phrase found in text, in text order,
// before overlapping ones are dropped.
func toneMatches(field, text string) []Finding {
	out, _, _ := toneCounted(field, text)
	return out
}

// toneCounted is toneMatches, with the text's words and details counted
// as countTokens counts them, in the same pass over its bytes.
func toneCounted(field, text string) (out []Finding, words, digits int) {
	if text == "" {
		return nil, 0, 0
	}
	sc := getScratch()
	toks, words, digits := tokenizeCounting(text, sc.toks[:0])
	defer func() {
		sc.toks = toks
		putScratch(sc)
	}()
	toneIndex.each(text, toks, func(id, first, last int) {
		p := tonePhrases[id]
		if p.kind == Blame && negated(text, toks, first) {
			return // "we do not treat this as human error"
		}
		if p.kind == Hedging && len(p.words) == 1 && numberFollows(text, toks, last) {
			// "potentially 250 nodes", "possibly up to 3 hours" give a
			// bound, a number: that is knowing, not hedging.
			return
		}
		start, end := toks[first].start, toks[last].end
		out = append(out, Finding{Kind: p.kind, Field: field, Phrase: text[start:end], Offset: start, Suggestion: p.suggestion})
	})
	return out, words, digits
}

// dedupe drops a finding that overlaps an earlier one of the same kind
// ("we apologize for any" and "for any trouble" in one sentence), so one
// slip is one finding.
func dedupe(fs []Finding) []Finding {
	if len(fs) < 2 {
		return fs
	}
	sort.SliceStable(fs, func(a, b int) bool {
		if fs[a].Offset != fs[b].Offset {
			return fs[a].Offset < fs[b].Offset
		}
		return len(fs[a].Phrase) > len(fs[b].Phrase)
	})
	out := fs[:0]
	for _, f := range fs {
		covered := false
		for _, g := range out {
			if g.Kind == f.Kind && f.Offset < g.Offset+len(g.Phrase) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, f)
		}
	}
	return out
}

// CheckTone runs the tone check over every free-text field of the draft,
// in reader order.
func CheckTone(d *Draft) []Finding {
	var out []Finding
	for _, tf := range FreeText(d) {
		out = append(out, CheckToneText(tf.Field, tf.Text)...)
	}
	return out
}

// numberFollows reports whether one of the two words after token last is
// a number.
func numberFollows(text string, toks []token, last int) bool {
	for j := last + 1; j < len(toks) && j <= last+2; j++ {
		if c := text[toks[j].start]; c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}
