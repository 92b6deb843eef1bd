package tui

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/model/drafttest"
)

// notInWizard are the draft's fields no wizard field edits, each with why.
// Every other field must be shown by a field of some step, bound to that
// field: a field added to the draft fails here until a step shows it or
// it is listed here with the reason.
var notInWizard = map[string]string{
	// The draft file's own bookkeeping.
	"schema":    "the format's version",
	"created":   "set when the draft is made",
	"updated":   "set on every save",
	"resume_at": "set by the wizard itself when it is left, to open there again",
	"pending.*": "text a field could not store yet: shown in that field, not a field of its own",
	// Merge identities, given by model.AssignIDs.
	"timeline.events[].id":        "merge identity",
	"five_whys[].id":              "merge identity",
	"action_items[].id":           "merge identity",
	"communication.channels[].id": "merge identity",
	"other[].id":                  "merge identity",
	// Settled on the conflicts screen (conflicts.go), one at a time.
	"conflicts[].path":   "an unresolved merge: settled on the conflicts screen",
	"conflicts[].base":   "an unresolved merge: settled on the conflicts screen",
	"conflicts[].ours":   "an unresolved merge: settled on the conflicts screen",
	"conflicts[].theirs": "an unresolved merge: settled on the conflicts screen",
	"conflicts[].note":   "an unresolved merge: settled on the conflicts screen",
	// A reviewer's override of the score, written in the draft file
	// (README, docs/draft-format.md): the wizard is the author's.
	"assessments.*.status": "a reviewer's verdict, set in the draft file",
	"assessments.*.note":   "a reviewer's note, set in the draft file",
	// What only an import fills in.
	"timeline.day":    "the day an imported document gives without a time; the wizard asks for the start, which wins",
	"other[].heading": "a section an import could not map, kept verbatim: shown in the preview, not edited here",
	"other[].body":    "a section an import could not map, kept verbatim: shown in the preview, not edited here",
}

// wizardField is what this test needs of a field of a step: its path and
// the value it shows for a draft.
type wizardField struct {
	step, path string
	get        func(d *model.Draft) string
}

// wizardFields lists the fields every step shows for d, "add an entry"
// rows left out.
func wizardFields(d *model.Draft) []wizardField {
	var out []wizardField
	for _, st := range steps {
		for _, b := range st.fields(d) {
			if b.kind == kindAdd {
				continue
			}
			out = append(out, wizardField{st.title, b.path, b.get})
		}
	}
	return out
}

// Every field of the draft is shown by a wizard field whose path names it
// and that shows its value, or is excluded above with a reason; and every
// wizard field's path names a field of the draft.
func TestEveryDraftFieldHasAWizardField(t *testing.T) {
	d, placed := drafttest.Filled()
	leaf := map[string]bool{}
	for _, f := range drafttest.Fields() {
		leaf[f.Pattern] = true
	}
	reached := map[string]bool{}
	for _, wf := range wizardFields(d) {
		pat, ok := drafttest.Pattern(wf.path)
		switch {
		case !ok:
			t.Errorf("%s: the field %q names no field of the draft (use model's Path… constants)", wf.step, wf.path)
			continue
		case leaf[pat]:
		case leaf[pat+"[]"]:
			pat += "[]" // one field for a whole list of names ("authors")
		default:
			t.Errorf("%s: the field %q is a group of fields, not one", wf.step, wf.path)
			continue
		}
		reached[pat] = true
		shown := wf.get(d)
		for _, p := range placed {
			if p.Path == wf.path || strings.HasPrefix(p.Path, wf.path+"[") && !strings.Contains(p.Path[len(wf.path):], ".") {
				if !showsValue(shown, p.Value) {
					t.Errorf("%s: the field %q shows %q, but the draft holds %#v there", wf.step, wf.path, shown, p.Value)
				}
			}
		}
	}
	for _, f := range drafttest.Fields() {
		why, excluded := notInWizard[f.Pattern]
		switch {
		case excluded && reached[f.Pattern]:
			t.Errorf("%s has a wizard field but is in notInWizard (%q): remove it there", f.Pattern, why)
		case !excluded && !reached[f.Pattern]:
			t.Errorf("%s (%s) is shown by no wizard field: add it to a step in steps.go, or to notInWizard with the reason", f.Pattern, f.Type)
		}
	}
}

// showsValue reports whether a field showing shown shows v: text as it is
// (a list of names joined), a flag as yes or no, a time in some form.
func showsValue(shown string, v any) bool {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return strings.Contains(shown, rv.String())
	case reflect.Bool:
		return shown == yesNo(rv.Bool())
	}
	return shown != "" || rv.IsZero()
}

// Every list the wizard edits is the draft's list at its path: its
// length is that list's, and its path is a list of the draft.
func TestEveryWizardListIsTheDraftsList(t *testing.T) {
	d, _ := drafttest.Filled()
	seen := map[*listSpec]bool{}
	for _, st := range steps {
		for _, b := range st.fields(d) {
			if b.list == nil || seen[b.list] {
				continue
			}
			seen[b.list] = true
			v, ok := drafttest.Lookup(d, b.list.path)
			if !ok || reflect.ValueOf(v).Kind() != reflect.Slice {
				t.Errorf("%s: the list %q is no list of the draft", st.title, b.list.path)
				continue
			}
			if got, want := b.list.length(d), reflect.ValueOf(v).Len(); got != want || want != drafttest.Entries {
				t.Errorf("%s: the list %q counts %d entries, the draft's list there has %d", st.title, b.list.path, got, want)
			}
		}
	}
	if len(seen) == 0 {
		t.Fatal("no step edits a list")
	}
}
