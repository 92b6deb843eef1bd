package export

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/yuin/goldmark/ast"
)

// outlineEntry is one heading of an exported document.
type outlineEntry struct {
	level int
	text  string
}

// expectedOutline is what a reader's outline must be: the title, then
// each non-empty section, and the sub-headings of multi-part sections.
func expectedOutline(d *model.Draft, opts Options) []outlineEntry {
	var out []outlineEntry
	if !opts.FrontMatter {
		title := oneLine(d.Title)
		if title == "" {
			title = untitled
		}
		out = append(out, outlineEntry{1, title})
	}
	specs, _ := layoutSpecs(opts.Layout)
	dd := displayed(d)
	for _, spec := range specs {
		var subs []outlineEntry
		for _, p := range spec.parts {
			level := 3
			if spec.multi() {
				level = 4
			}
			if renderPart(dd, p.key, level) != "" {
				subs = append(subs, outlineEntry{3, p.sub})
			}
		}
		if len(subs) == 0 {
			continue
		}
		out = append(out, outlineEntry{2, spec.heading})
		if spec.multi() {
			out = append(out, subs...)
		}
	}
	for _, o := range d.Other {
		if sanitizeBlock(o.Body, 3) != "" {
			out = append(out, outlineEntry{2, otherHeading(o.Heading)})
		}
	}
	return out
}

// exportedFrontMatterRe is the YAML block an export starts with.
var exportedFrontMatterRe = regexp.MustCompile(`(?s)^---\n(.*?)\n---[ \t]*(?:\n|$)`)

// actualOutline reads the headings goldmark sees: every heading of level
// 1–2, and level-3 headings in multi-part sections. It fails the test
// when a heading hides in a quote or list, or sits above its section's
// text level.
func actualOutline(t *testing.T, md []byte) []outlineEntry {
	t.Helper()
	if m := exportedFrontMatterRe.FindIndex(md); m != nil {
		md = md[m[1]:] // static site generators strip it; goldmark does not know it
	}
	doc := parse(md)
	var out []outlineEntry
	multi := false
	subHeadings := map[string]bool{}
	for _, specs := range layouts {
		for _, s := range specs {
			if s.multi() {
				for _, p := range s.parts {
					subHeadings[p.sub] = true
				}
			}
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if _, top := h.Parent().(*ast.Document); !top {
			t.Errorf("heading nested in a %s", h.Parent().Kind())
		}
		var parts []string
		for i := 0; i < h.Lines().Len(); i++ {
			parts = append(parts, strings.TrimSpace(segText(h.Lines().At(i), md)))
		}
		text := unescapeLiteral(strings.Join(parts, " "))
		switch {
		case h.Level <= 2:
			if h.Level == 2 {
				multi = false
			}
			out = append(out, outlineEntry{h.Level, text})
		case h.Level == 3 && (multi || subHeadings[text]) && isOurSub(md, h):
			multi = true
			out = append(out, outlineEntry{3, text})
		}
		return ast.WalkContinue, nil
	})
	return out
}

// isOurSub: our sub-headings are written as "### Name" exactly.
func isOurSub(md []byte, h *ast.Heading) bool {
	p := h.Pos()
	return p >= 0 && strings.HasPrefix(string(md[p:]), "### ") && (p+4 >= len(md) || md[p+4] != '\\')
}

func checkOutline(t *testing.T, d *model.Draft, opts Options) []byte {
	t.Helper()
	md, err := Markdown(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	want, got := expectedOutline(d, opts), actualOutline(t, md)
	if len(want) != len(got) {
		t.Fatalf("outline has %d headings, want %d\nwant %v\ngot  %v\n%s", len(got), len(want), want, got, md)
	}
	for i := range want {
		if want[i] != got[i] {
			t.Fatalf("heading %d: got %v, want %v\n%s", i, got[i], want[i], md)
		}
	}
	for i, r := range string(md) {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x1b || (r >= 0x202a && r <= 0x202e) {
			t.Fatalf("control %U at byte %d", r, i)
		}
	}
	return md
}

func fuzzDraft(title, a, b, c string) *model.Draft {
	at := time.Date(2026, 11, 23, 14, 5, 0, 0, time.UTC)
	end := at.Add(time.Hour)
	return &model.Draft{
		Schema: 1, Title: title, Severity: c, Authors: []string{c},
		Summary:  a,
		Impact:   model.Impact{Who: b, Extent: a},
		Timeline: model.Timeline{TimeZone: title, Start: &at, End: &end, Events: []model.Event{{At: &at, Text: b}, {Text: c}}},
		RootCause: model.RootCause{WhatWentWrong: b, Analysis: a,
			ContributingFactors: []string{c}},
		FiveWhys:       []model.Why{{Why: b, Because: c}},
		Lessons:        []string{a, b},
		ActionItems:    []model.ActionItem{{What: b, Owner: c, Link: a}},
		Technologies:   []string{c},
		HumanElements:  c,
		OthersCanLearn: b,
		Communication:  model.Communication{Channels: []model.Channel{{Name: b, URL: c}}},
		Other:          []model.Section{{Heading: c, Body: b}},
	}
}

func addSeeds(f *testing.F) {
	for _, v := range trickyValues {
		f.Add(v, v, v, v)
		f.Add("Title", v, "## x\n"+v, "`"+v)
	}
	f.Add("T", "<!--\n# a\n-->", "```\n## b", "~~~ `x`\n# c")
	f.Add("#", "a\n\n    code\n\n~~~~\n~~~\n", "> # q\n> ===", "- # l\n- * m")
	f.Add("America/New_York", "a", "b", "c")
	f.Add("Asia/Kolkata", "x", "y", "z")
}

// FuzzExportOutline: whatever is typed, the heading outline of every
// layout's export is exactly the expected sections, no control byte gets
// through, and export → import → export is byte-identical.
func FuzzExportOutline(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, title, a, b, c string) {
		d := fuzzDraft(title, a, b, c)
		for _, opts := range []Options{{}, {Layout: "google"}, {Layout: "atlassian"}, {Layout: "pagerduty"}, {FrontMatter: true}} {
			md := checkOutline(t, d, opts)
			back, _, err := Import(md)
			if err != nil {
				t.Fatalf("import of an export failed: %v", err)
			}
			again, _ := Markdown(back, opts)
			if string(again) != string(md) {
				t.Fatalf("round trip differs (layout %q)\n--- first\n%s\n--- second\n%s", opts.Layout, md, again)
			}
		}
	})
}

// FuzzImport: any Markdown imports without panicking, and importing
// pmwiz's export of the result settles at once: export ∘ import is
// idempotent after one pass.
func FuzzImport(f *testing.F) {
	for _, v := range trickyValues {
		f.Add([]byte(v))
	}
	for _, dir := range []string{"testdata/TestGolden", "testdata/postmortems"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, md []byte) {
		d, _, err := Import(md)
		if err != nil {
			return
		}
		first, err := Markdown(d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		d2, _, err := Import(first)
		if err != nil {
			t.Fatalf("import of an export failed: %v", err)
		}
		second, _ := Markdown(d2, Options{})
		if string(first) != string(second) {
			t.Fatalf("export of an import is not stable\n--- first\n%s\n--- second\n%s", first, second)
		}
	})
}

// FuzzSanitize: free text and inline text escaping are idempotent, which
// the round trip relies on.
func FuzzSanitize(f *testing.F) {
	for _, v := range trickyValues {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, level := range []int{3, 4} {
			once := sanitizeBlockUncached(s, level)
			if twice := sanitizeBlockUncached(once, level); twice != once {
				t.Fatalf("sanitizeBlock not idempotent:\n%q\n%q\n%q", s, once, twice)
			}
		}
		once := escapeInlineUncached(s)
		if twice := escapeInlineUncached(once); twice != once {
			t.Fatalf("escapeInline not idempotent: %q → %q → %q", s, once, twice)
		}
		if got := unescapeLiteral(escapeLiteral(s)); got != oneLine(s) {
			t.Fatalf("escapeLiteral does not round-trip: %q → %q → %q", s, escapeLiteral(s), got)
		}
	})
}
