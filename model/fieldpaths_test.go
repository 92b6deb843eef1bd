package model_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/model/drafttest"
)

// notFreeText are the draft's fields the free-text walk (FreeText, read by
// the tone check and the "sound human" and "authentic" items) does not
// read, each with why. Every other field must be read, so a text field
// added to the draft is judged like the others or listed here on purpose.
var notFreeText = map[string]string{
	// Not written by the author: the file's own bookkeeping.
	"schema":    "the format's version",
	"created":   "a time stamp pmwiz sets",
	"updated":   "a time stamp pmwiz sets",
	"resume_at": "where the wizard was left: a field path, not prose",
	"pending.*": "text not yet stored in its field (a time pmwiz cannot read yet): it is judged once it is",
	// Conflicts keep both sides of a merge until someone resolves one;
	// the text that counts is the one in the field.
	"conflicts[].path":   "a merge's record, not the account",
	"conflicts[].base":   "a merge's record, not the account",
	"conflicts[].ours":   "a merge's record: ours is also in the field itself",
	"conflicts[].theirs": "a merge's record, not the account until chosen",
	"conflicts[].note":   "a merge's record, written by pmwiz",

	// Labels, names and values with a form: not sentences a reader judges
	// for tone or for owning the failure.
	"title":                         "a headline, not the account: the summary tells it",
	"status":                        "one of draft, review, published",
	"audience":                      "one of public, internal",
	"severity":                      "a label such as SEV1",
	"authors[]":                     "names",
	"timeline.timezone":             "an IANA zone name",
	"timeline.day":                  "a date",
	"timeline.start":                "a time",
	"timeline.detected":             "a time",
	"timeline.mitigated":            "a time",
	"timeline.end":                  "a time",
	"timeline.events[].at":          "a time",
	"action_items[].owner":          "a name",
	"action_items[].due":            "a date",
	"action_items[].type":           "one of mitigate, prevent, process, other",
	"action_items[].link":           "a URL",
	"action_items[].done":           "a flag",
	"technologies[]":                "names of systems (the rubric's technologies item reads them)",
	"communication.channels[].name": "the name of a status page or channel",
	"communication.channels[].url":  "a URL",
	"other[].heading":               "a heading from an imported document: it labels the evidence, the body is read",
	"assessments.*.status":          "a reviewer's verdict",
	"assessments.*.note":            "a reviewer's note on the score, not the author's account",
	"timeline.events[].id":          "merge identity",
	"five_whys[].id":                "merge identity",
	"action_items[].id":             "merge identity",
	"communication.channels[].id":   "merge identity",
	"other[].id":                    "merge identity",
}

// Every field of the draft is read by the free-text walk, under its own
// path and with its own text, or is excluded above with a reason.
func TestEveryDraftFieldIsFreeTextOrExcluded(t *testing.T) {
	d, _ := drafttest.Filled()
	read := map[string]bool{}
	for _, tf := range model.FreeText(d) {
		pat, ok := drafttest.Pattern(tf.Field)
		if !ok {
			t.Errorf("the free-text walk reports %q, which is no field of the draft", tf.Field)
			continue
		}
		if v, ok := drafttest.Lookup(d, tf.Field); !ok || v != tf.Text {
			t.Errorf("the free-text walk gives %q as %q, but that field holds %v", tf.Text, tf.Field, v)
			continue
		}
		read[pat] = true
	}
	for _, f := range drafttest.Fields() {
		why, excluded := notFreeText[f.Pattern]
		switch {
		case excluded && read[f.Pattern]:
			t.Errorf("%s is read by the free-text walk but listed in notFreeText (%q): remove it there", f.Pattern, why)
		case !excluded && !read[f.Pattern]:
			t.Errorf("%s (%s) is not read by the free-text walk: add its row to textFields (model/textfields.go), or add it to notFreeText with the reason", f.Pattern, f.Type)
		case excluded && why == "":
			t.Errorf("%s is excluded from the free-text walk without a reason: say why in notFreeText", f.Pattern)
		}
	}
}

// Every text the walk reads is filed under a list or field that evidence
// can name and place in a category, so a finding in it is shown with a
// label, and counted where it belongs.
func TestEveryFreeTextFieldHasEvidenceLabel(t *testing.T) {
	d, _ := drafttest.Filled()
	paths, bases := model.FreeTextBases(d)
	if len(paths) == 0 {
		t.Fatal("the free-text walk read nothing of a filled draft")
	}
	for i, base := range bases {
		if !model.EvidenceKnows(base) {
			t.Errorf("%s is read as free text under %q, whose row in textFields (model/textfields.go) has no category or label: add both", paths[i], base)
		}
	}
}

// Every field of the draft has its path among the constants in
// fieldpaths.go (a list or map by its Path… constant, an entry's field by
// its Key… constant), and every constant names a field: a field added,
// renamed or removed fails here until the constants follow.
func TestEveryDraftFieldHasAPathConstant(t *testing.T) {
	paths, keys := pathConstants(t)
	isPath := map[string]bool{}
	for _, v := range paths {
		isPath[v] = true
	}
	usedKey := map[string]bool{}
	for _, f := range drafttest.Fields() {
		container, entryKeys := splitPattern(f.Pattern)
		for _, c := range container {
			if !isPath[c] {
				t.Errorf("%s: no Path… constant in model/fieldpaths.go for %q", f.Pattern, c)
			}
		}
		for _, k := range entryKeys {
			if !slices.Contains(keys, k) {
				t.Errorf("%s: no Key… constant in model/fieldpaths.go for the entry key %q", f.Pattern, k)
			}
			usedKey[k] = true
		}
	}
	for _, p := range paths {
		if _, ok := drafttest.Pattern(p); !ok {
			t.Errorf("model/fieldpaths.go: %q names no field of the draft", p)
		}
	}
	for _, k := range keys {
		if !usedKey[k] {
			t.Errorf("model/fieldpaths.go: entry key %q is the key of no list or map entry of the draft", k)
		}
	}
}

// splitPattern names the paths and entry keys a pattern is made of:
// "timeline.events[].text" is the list "timeline.events" inside the
// struct "timeline", and the entry key "text"; "impact.who" is the field
// "impact.who" inside "impact".
func splitPattern(pattern string) (paths, entryKeys []string) {
	head, tail := pattern, ""
	if i := strings.IndexAny(pattern, "[*"); i >= 0 {
		head, tail = strings.TrimSuffix(pattern[:i], "."), pattern[i:]
	}
	paths = append(paths, head)
	for i := range len(head) {
		if head[i] == '.' {
			paths = append(paths, head[:i])
		}
	}
	entryKeys = strings.FieldsFunc(tail, func(r rune) bool { return strings.ContainsRune(".[]*", r) })
	return paths, entryKeys
}

// pathConstants reads the Path… and Key… constants from fieldpaths.go.
func pathConstants(t *testing.T) (paths, keys []string) {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "fieldpaths.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					t.Fatalf("fieldpaths.go: %s is not a string literal", name.Name)
				}
				v, _ := strconv.Unquote(lit.Value)
				switch {
				case strings.HasPrefix(name.Name, "Path"):
					paths = append(paths, v)
				case strings.HasPrefix(name.Name, "Key"):
					keys = append(keys, v)
				}
			}
		}
	}
	if len(paths) == 0 || len(keys) == 0 {
		t.Fatal("fieldpaths.go: no Path… or Key… constants found")
	}
	return paths, keys
}
