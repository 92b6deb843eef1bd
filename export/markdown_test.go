package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/pmwiz/pmwiz/model"
)

func loadTestDraft(t testing.TB, name string) *model.Draft {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "drafts", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Decode(b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return d
}

func mustExport(t testing.TB, d *model.Draft, opts Options) string {
	t.Helper()
	b, err := Markdown(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// One golden per layout for a typical draft, plus front matter, a
// template, the tricky draft and a nearly empty one. CI runs markdownlint
// over every golden file (scripts/lint-markdown.sh).
func TestGolden(t *testing.T) {
	score := 83.5
	cases := []struct {
		name, draft string
		opts        Options
	}{
		{"pmwiz", "typical", Options{}},
		{"google", "typical", Options{Layout: "google"}},
		{"atlassian", "typical", Options{Layout: "atlassian"}},
		{"pagerduty", "typical", Options{Layout: "pagerduty"}},
		{"front_matter", "typical", Options{FrontMatter: true, Score: &score}},
		{"tricky", "tricky", Options{}},
		{"tricky_front_matter", "tricky", Options{FrontMatter: true}},
		{"minimal", "minimal", Options{}},
		{"template", "typical", Options{Template: readTemplate(t, "brief.tmpl"), Score: &score}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			golden.RequireEqual(t, mustExport(t, loadTestDraft(t, c.draft), c.opts))
		})
	}
}

func readTemplate(t testing.TB, name string) string {
	b, err := os.ReadFile(filepath.Join("testdata", "templates", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestEmptySectionsAreLeftOut(t *testing.T) {
	out := mustExport(t, loadTestDraft(t, "minimal"), Options{})
	for _, absent := range []string{"## Impact", "## Timeline", "## Root cause", "## Action items", "N/A", "**Date:**"} {
		if strings.Contains(out, absent) {
			t.Errorf("minimal export contains %q:\n%s", absent, out)
		}
	}
	for _, present := range []string{"# Search was slow", "## Summary", "## Lessons learned", "- Cache warm-up needs its own alert"} {
		if !strings.Contains(out, present) {
			t.Errorf("minimal export lacks %q:\n%s", present, out)
		}
	}
}

func TestTimesAreInTheDraftsZoneWithTheZoneNamed(t *testing.T) {
	d := loadTestDraft(t, "typical")
	out := mustExport(t, d, Options{})
	if !strings.Contains(out, "All times are on 23 November 2026, in Europe/Paris (UTC+01:00).") {
		t.Errorf("zone not named:\n%s", out)
	}
	if !strings.Contains(out, "| 14:05 | **Impact began** |") {
		t.Errorf("start not marked in Paris time:\n%s", out)
	}
	d.Timeline.TimeZone = "America/New_York"
	out = mustExport(t, d, Options{})
	if !strings.Contains(out, "America/New\\_York") && !strings.Contains(out, "America/New_York (UTC-05:00)") {
		t.Errorf("New York zone not named:\n%s", out)
	}
	if !strings.Contains(out, "| 08:05 | **Impact began** |") {
		t.Errorf("start not shown in New York time:\n%s", out)
	}
}

func TestTimelineOverMidnightShowsDates(t *testing.T) {
	d := loadTestDraft(t, "tricky")
	end := d.Timeline.End.Add(24 * time.Hour)
	d.Timeline.End = &end
	out := mustExport(t, d, Options{})
	if !strings.Contains(out, "All times are in UTC.") || !strings.Contains(out, "| 2026-03-29 00:30:00 | **Impact began** |") ||
		!strings.Contains(out, "| 2026-03-30 02:45:10 | **Impact ended** |") {
		t.Errorf("expected dated cells with seconds in UTC:\n%s", out)
	}
}

func TestNoControlBytesReachTheFile(t *testing.T) {
	for _, name := range []string{"typical", "tricky"} {
		for _, layout := range Layouts {
			out := mustExport(t, loadTestDraft(t, name), Options{Layout: layout})
			for i, r := range out {
				if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x202e {
					t.Fatalf("%s/%s: control %U at byte %d", name, layout, r, i)
				}
			}
		}
	}
}

func TestUnknownLayout(t *testing.T) {
	_, err := Markdown(loadTestDraft(t, "minimal"), Options{Layout: "confluence"})
	if err == nil || !strings.Contains(err.Error(), "pmwiz, google, atlassian, pagerduty") {
		t.Fatalf("want an error listing the layouts, got %v", err)
	}
}

func TestTemplateErrorsNameTheProblem(t *testing.T) {
	_, err := Markdown(loadTestDraft(t, "minimal"), Options{Template: "{{ .Nope }}"})
	if err == nil || !strings.Contains(err.Error(), "Nope") {
		t.Fatalf("want an error naming the missing field, got %v", err)
	}
	_, err = Markdown(loadTestDraft(t, "minimal"), Options{Template: "{{ if }}"})
	if err == nil || !strings.Contains(err.Error(), "template") {
		t.Fatalf("want a parse error, got %v", err)
	}
}

func TestStampOwnership(t *testing.T) {
	out := []byte(mustExport(t, loadTestDraft(t, "typical"), Options{}))
	if got := Owner(out); got != Ours {
		t.Fatalf("fresh export: Owner = %v, want Ours", got)
	}
	edited := []byte(strings.Replace(string(out), "85 minutes", "86 minutes", 1))
	if got := Owner(edited); got != Edited {
		t.Fatalf("edited export: Owner = %v, want Edited", got)
	}
	appended := append(append([]byte{}, out...), "\nA note added at the end.\n"...)
	if got := Owner(appended); got != Edited {
		t.Fatalf("export with a line added after the stamp: Owner = %v, want Edited", got)
	}
	if got := Owner([]byte("# My notes\n")); got != NotOurs {
		t.Fatalf("someone else's file: Owner = %v, want NotOurs", got)
	}
	bare := mustExport(t, loadTestDraft(t, "typical"), Options{NoStamp: true})
	if strings.Contains(bare, "<!--") {
		t.Fatal("NoStamp export still has the stamp")
	}
}

// A link reference definition nothing refers to renders as nothing: the
// reader would lose what was typed. It is escaped; a used one is kept.
func TestUnusedReferenceDefinitionsReadAsTyped(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"[x]: http://evil.example.com", `\[x]: <http://evil.example.com>`},
		{"See [the graph][g].\n\n[g]: https://grafana.example.com/d/1", "See [the graph][g].\n\n[g]: https://grafana.example.com/d/1"},
		{"See [G].\n\n[g]: https://grafana.example.com/d/1", "See [G].\n\n[g]: https://grafana.example.com/d/1"},
		{"```\n[x]: in code\n```", "```text\n[x]: in code\n```"},
		{"text [x]: not a definition", "text [x]: not a definition"},
	} {
		got := sanitizeBlock(tc.in, 3)
		if got != tc.want {
			t.Errorf("sanitizeBlock(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if again := sanitizeBlock(got, 3); again != got {
			t.Errorf("not idempotent: %q -> %q", got, again)
		}
	}
}

// Text the wizard could not store in its field (Draft.Pending) is
// bookkeeping, not the post-mortem: no layout, front matter or template
// shows it, and an import of the result does not bring it back.
func TestPendingTextIsNeverExported(t *testing.T) {
	const secret = "half past two, ask Bo"
	d := loadTestDraft(t, "typical")
	d.Pending = map[string]string{"timeline.mitigated": secret}
	for name, opts := range map[string]Options{
		"pmwiz":        {},
		"google":       {Layout: "google"},
		"atlassian":    {Layout: "atlassian"},
		"pagerduty":    {Layout: "pagerduty"},
		"front matter": {FrontMatter: true},
		"template":     {Template: "{{ .Draft.Pending }}{{ range $k, $v := .Draft.Pending }}{{ $v }}{{ end }}"},
	} {
		out := mustExport(t, d, opts)
		if strings.Contains(out, secret) || strings.Contains(out, "timeline.mitigated") {
			t.Errorf("%s: pending text in the export:\n%s", name, out)
		}
		back, _, err := Import([]byte(out))
		if err == nil && len(back.Pending) > 0 {
			t.Errorf("%s: import set pending text: %v", name, back.Pending)
		}
	}
	if d.Pending["timeline.mitigated"] != secret {
		t.Fatal("exporting changed the draft's pending text")
	}
}
