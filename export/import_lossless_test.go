package export

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/pmwiz/pmwiz/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Import keeps every line: each line's words are somewhere in the draft.
// Words that only carry structure are read into fields rather than kept
// as text, and are exempt: a heading pmwiz maps to one of its parts
// ("## Root cause of the outage"), a metadata label ("Created by:"), the
// header row of a table (its columns become fields), a zone or AM/PM
// beside a time (they become the time), and front matter keys pmwiz
// reads.

var (
	wordRe        = regexp.MustCompile(`[\p{L}]{2,}`)
	delimiterRe   = regexp.MustCompile(`^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$`)
	structureWord = map[string]bool{
		"utc": true, "gmt": true, "pst": true, "pdt": true, "est": true, "edt": true, "cst": true, "cdt": true,
		"mst": true, "mdt": true, "cet": true, "cest": true, "bst": true, "am": true, "pm": true,
		"all": true, "times": true, "time": true, "are": true, "in": true, "on": true,
		"title": true, "author": true, "authors": true, "date": true, "status": true, "severity": true,
		"start": true, "end": true, "score": true, "created": true, "by": true, "written": true, "prepared": true,
		"sev": true, "priority": true, "owner": true, "owners": true, "incident": true,
		"because": true, "done": true, "open": true, // Five Whys labels; an action's status cell
	}
)

// draftWords is every word of every string in the draft.
func draftWords(t *testing.T, d *model.Draft) map[string]bool {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	words := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			for _, w := range wordRe.FindAllString(strings.ToLower(unescapeLiteral(x)), -1) {
				words[w] = true
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	for _, o := range d.Other { // json tags: make sure nothing is skipped
		walk(o.Heading)
		walk(o.Body)
	}
	return words
}

// missingLines returns the lines of src whose words the draft lacks.
func missingLines(t *testing.T, src string, d *model.Draft) []string {
	t.Helper()
	have := draftWords(t, d)
	text := strings.ReplaceAll(strings.TrimPrefix(src, "\ufeff"), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	headings := setextHeadingLines(text)
	var missing []string
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if h, ok := headings[i]; ok && mapsToAPart(h) {
			continue // a line of a heading over several lines that maps to a part
		}
		if i+1 < len(lines) && delimiterRe.MatchString(lines[i+1]) && strings.Contains(lines[i+1], "-") && strings.Contains(line, "|") {
			continue // a table's header row
		}
		if h := strings.Trim(strings.TrimLeft(trimmed, "#"), " *_:?"); len(trimmed) < 80 && mapsToAPart(h) {
			continue // a heading, question or bold lead-in mapped to a part
		}
		for _, w := range wordRe.FindAllString(strings.ToLower(unescapeLiteral(line)), -1) {
			if !have[w] && !structureWord[w] {
				missing = append(missing, "line "+itoa(i+1)+": "+line+" (no "+w+")")
				break
			}
		}
	}
	return missing
}

// setextHeadingLines maps each line of a setext heading written over
// several lines ("Checkout\nTimeline\n====") to the whole heading: the
// import reads the heading as one, so a line of it is structure when the
// heading maps to a part, as a one-line heading is.
func setextHeadingLines(src string) map[int]string {
	source := []byte(src)
	lineOf := func(offset int) int { return strings.Count(src[:offset], "\n") }
	out := map[int]string{}
	_ = ast.Walk(goldmark.New().Parser().Parse(text.NewReader(source)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok || h.Lines().Len() < 2 {
			return ast.WalkContinue, nil
		}
		var words []string
		for i := range h.Lines().Len() {
			seg := h.Lines().At(i)
			words = append(words, strings.TrimSpace(string(seg.Value(source))))
		}
		for i := range h.Lines().Len() {
			out[lineOf(h.Lines().At(i).Start)] = strings.Join(words, " ")
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

// mapsToAPart reports a heading pmwiz reads as one of its parts, at the
// top or inside a group.
func mapsToAPart(h string) bool {
	if sectionKey(h) != "" {
		return true
	}
	for _, g := range []string{groupImpact, groupRootCause, groupLessons, groupSupport} {
		if subKey(g, h) != "" {
			return true
		}
	}
	return false
}

func TestImportKeepsEveryLineOfTheCorpus(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpus/postmortems/*.md")
	if len(files) == 0 {
		t.Skip("no corpus at ../../shared/corpus/postmortems")
	}
	for _, f := range files {
		if strings.EqualFold(filepath.Base(f), "READINGS.md") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, _, err := Import(src)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		for _, m := range missingLines(t, string(src), d) {
			t.Errorf("%s: %s", filepath.Base(f), m)
		}
	}
}

func TestImportKeepsEveryLineOfOurTestDocuments(t *testing.T) {
	files, _ := filepath.Glob("testdata/postmortems/*.md")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, _, err := Import(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range missingLines(t, string(src), d) {
			t.Errorf("%s: %s", f, m)
		}
	}
}

// FuzzImportKeepsEveryLine: whatever Markdown comes in, every line's
// words are in the draft.
func FuzzImportKeepsEveryLine(f *testing.F) {
	for _, s := range lossSeeds {
		f.Add(s)
	}
	for _, v := range trickyValues {
		f.Add("# T\n\n## Timeline\n\n" + v + "\n\n## Notes\n\n" + v + "\n")
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !isWordy(src) {
			return
		}
		d, _, err := Import([]byte(src))
		if err != nil {
			return
		}
		if m := missingLines(t, src, d); len(m) > 0 {
			t.Fatalf("lost %q\nfrom:\n%s", m, src)
		}
	})
}

func isWordy(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// lossSeeds are shapes real post-mortems take, written for these tests.
var lossSeeds = []string{
	"# Queue outage\n\nWe lost the queue for an hour.\n\n## Timeline\n\n```\n| Time | Event |\n|---|---|\n| 10:00 | fake |\n```\n\n| Time | Event |\n|---|---|\n| 10:05 | real row |\n\n- 10:07 listed beside the table\n\n[ref]: https://example.com/ref\n",
	"+++\ntitle = \"Cache stampede\"\nauthors = [\"Ida\"]\n[extra]\nteam = \"web\"\n+++\n\nOn 2024-03-02 the cache emptied.\n\n## What happened\n\nKeys expired together.\n\n**What we're doing about it**:\nJitter on expiry.\n",
	"## Summary\n\nShort.\n\n**The underlying issue**:  \nDNS TTLs were too long.\n\nHow did it happen?\n\nA config push.\n\n# Stats\n\nTime to detect: ?\n",
	"---\ntitle: Broken\nbad: [\n---\n\nBody text here.\n",
	"* [13:26] someone reports on chat\n* [???] load climbs\n\n<div>raw html block</div>\n\n    indented code\n",
	"# A\n# B\n# C\n",
	"Title\n=====\n\nSetext section\n--------------\n\ntext under it\n\n> a quote with words\n> - and a list\n",
	// A setext heading over two lines that ends in a part's name is read
	// as one heading, as "## Big AA Timeline" is (found by the fuzzer).
	"Big AA\n Timeline\n=\n\nsome text under it\n",
}
