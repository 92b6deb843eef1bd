package export

import (
	"strings"
	"testing"
	"time"
)

// A template is bounded in output and in time, with an error that says
// which and points at its loops (issue 11, hole 6: the first one ran
// until killed, its memory growing).
func TestTemplateIsBoundedInOutputAndTime(t *testing.T) {
	for _, tc := range []struct {
		name, template, want string
		timeout              time.Duration
	}{
		{"endless output", "{{range 100000000000}}x{{end}}", "more than 16 MB", time.Minute},
		{"endless loop", "{{range 100000000000}}{{end}}", "ran for 200ms without finishing", 200 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := Markdown(loadTestDraft(t, "minimal"), Options{Template: tc.template, TemplateName: "loop.tmpl", TemplateTimeout: tc.timeout})
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil {
					t.Fatal("an endless template succeeded")
				}
				for _, w := range []string{"loop.tmpl", tc.want, "range"} {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not say %q", err, w)
					}
				}
			case <-time.After(2 * time.Minute):
				t.Fatal("the template ran for a minute")
			}
		})
	}
	// A template that does real work is not cut short.
	out, err := Markdown(loadTestDraft(t, "typical"), Options{Template: "# {{.Title}}\n{{range .Sections}}## {{.Heading}}\n{{.Body}}\n{{end}}"})
	if err != nil || !strings.Contains(string(out), "## ") {
		t.Fatalf("an ordinary template: %v\n%s", err, out)
	}
}
