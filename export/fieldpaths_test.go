package export

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/model/drafttest"
)

// notExported are the draft's fields a Markdown export does not carry, by
// design, with why. Every other field must be written by every layout,
// with and without front matter, and read back by Import into the same
// field: a field added to the draft fails here until the layouts write it
// and import reads it, or until it is listed here with the reason.
var notExported = map[string]string{
	// The draft file's own bookkeeping: an import makes a new draft.
	"created":   "when the draft file was made; an imported document is a new draft",
	"updated":   "when the draft file was saved",
	"resume_at": "where the wizard was left",
	"pending.*": "text not yet stored in its field: never exported (model.Draft.Pending)",
	// Merge identities: derived from the content by model.AssignIDs when
	// the imported draft is stored, so they need not travel.
	"timeline.events[].id":        "merge identity, given again from the content",
	"five_whys[].id":              "merge identity, given again from the content",
	"action_items[].id":           "merge identity, given again from the content",
	"communication.channels[].id": "merge identity, given again from the content",
	"other[].id":                  "merge identity, given again from the content",
	// Work on the draft, not part of the document.
	"assessments.*.status": "a reviewer's verdict on the draft's score; the export carries the score itself (front matter)",
	"assessments.*.note":   "a reviewer's note on the score",
	"conflicts[].path":     "an unresolved merge: never exported (model.Draft.Conflicts)",
	"conflicts[].base":     "an unresolved merge: never exported",
	"conflicts[].ours":     "an unresolved merge: never exported",
	"conflicts[].theirs":   "an unresolved merge: never exported",
	"conflicts[].note":     "an unresolved merge: never exported",
	// Who the document is for is not something its body says; the front
	// matter carries it (TestAudienceSurvivesFrontMatter), so a site can
	// publish only the public ones.
	"audience": "front matter only: the body does not state who it is for",
	// Day is the incident's date when no time is known; with a start the
	// start carries the day. TestDayWithoutTimesSurvivesEveryLayout checks
	// the case where it is the only date.
	"timeline.day": "carried by the start when there is one",
}

func TestEveryDraftFieldSurvivesEveryLayout(t *testing.T) {
	d, placed := drafttest.Filled()
	lost := map[string][]string{} // pattern → where it was lost
	for _, layout := range Layouts {
		for _, fm := range []bool{false, true} {
			name := layout
			if fm {
				name += " with front matter"
			}
			md := mustExport(t, d, Options{Layout: layout, FrontMatter: fm})
			back, _, err := Import([]byte(md))
			if err != nil {
				t.Fatalf("%s: import of the export: %v", name, err)
			}
			for _, p := range placed {
				got, ok := drafttest.Lookup(back, p.Path)
				if !ok || !drafttest.Same(got, p.Value) {
					lost[p.Pattern] = append(lost[p.Pattern], fmt.Sprintf("%s: %s = %s", name, p.Path, show(got, ok)))
				}
			}
		}
	}
	for _, f := range drafttest.Fields() {
		why, excluded := notExported[f.Pattern]
		switch {
		case !excluded && len(lost[f.Pattern]) > 0:
			t.Errorf("%s does not come back from export and import (write it in every layout, read it in import, or add it to notExported with the reason):\n\t%s",
				f.Pattern, strings.Join(uniq(lost[f.Pattern]), "\n\t"))
		case excluded && len(lost[f.Pattern]) == 0:
			t.Errorf("%s comes back from every layout but is in notExported (%q): remove it there", f.Pattern, why)
		}
	}
}

// The incident's day, when no time is known, comes back from every layout.
func TestDayWithoutTimesSurvivesEveryLayout(t *testing.T) {
	d, _ := drafttest.Filled()
	tl := &d.Timeline
	tl.Start, tl.Detected, tl.Mitigated, tl.End = nil, nil, nil, nil
	for i := range tl.Events {
		tl.Events[i].At = nil
	}
	for _, layout := range Layouts {
		for _, fm := range []bool{false, true} {
			back, _, err := Import([]byte(mustExport(t, d, Options{Layout: layout, FrontMatter: fm})))
			if err != nil {
				t.Fatalf("%s (front matter %v): %v", layout, fm, err)
			}
			if back.Timeline.Day != tl.Day {
				t.Errorf("%s (front matter %v): day %q came back as %q", layout, fm, tl.Day, back.Timeline.Day)
			}
		}
	}
}

// The audience comes back from every layout's front matter, and an
// audience pmwiz does not know is a warning, not a silent change.
func TestAudienceSurvivesFrontMatter(t *testing.T) {
	d, _ := drafttest.Filled()
	for _, a := range []model.Audience{model.AudiencePublic, model.AudienceInternal} {
		d.Audience = a
		for _, layout := range Layouts {
			back, _, err := Import([]byte(mustExport(t, d, Options{Layout: layout, FrontMatter: true})))
			if err != nil {
				t.Fatalf("%s: %v", layout, err)
			}
			if back.Audience != a {
				t.Errorf("%s: audience %q came back as %q", layout, a, back.Audience)
			}
		}
	}
	back, warnings, err := Import([]byte("---\ntitle: T\naudience: everyone\n---\n\nText.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if back.Audience != "" || !strings.Contains(strings.Join(warnings, "\n"), `audience: "everyone" is neither public nor internal`) {
		t.Errorf("unknown audience: got %q, warnings %q", back.Audience, warnings)
	}
}

func show(v any, ok bool) string {
	if !ok {
		return "(missing)"
	}
	return fmt.Sprintf("%#v", v)
}

func uniq(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	if len(out) > 6 {
		out = append(out[:6], fmt.Sprintf("… and %d more", len(out)-6))
	}
	return out
}
