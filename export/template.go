package export

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"text/template"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// TemplateData is what a --template sees. Everything but Draft is already
// escaped and safe to place in Markdown; Draft is the raw draft, to be
// passed through the literal, inline or block functions before use; its
// Pending (text the wizard could not store yet) is always empty.
// docs/export.md documents it with an example.
type TemplateData struct {
	Draft       *model.Draft
	Title       string    // escaped title ("Incident post-mortem" when empty)
	Meta        string    // the metadata line: date, duration, severity, status, authors
	FrontMatter string    // the YAML front matter block, with its --- lines
	Score       *float64  // rubric score, when known
	Zone        string    // the zone times are shown in, e.g. "Europe/Paris (UTC+01:00)"
	Sections    []Section // the pmwiz layout's non-empty sections, in order
}

// Section returns the body of the section whose first part has key
// ("summary", "impact.who", "timeline", "action_items"…), or "".
func (t TemplateData) Section(key string) string {
	for _, s := range t.Sections {
		if s.Key == key {
			return s.Body
		}
	}
	return ""
}

func templateFuncs(z zone) template.FuncMap {
	return template.FuncMap{
		"literal": escapeLiteral,
		"inline":  escapeInline,
		"block":   func(s string) string { return sanitizeBlock(s, sectionLevel+1) },
		"time": func(t *time.Time) string {
			if t == nil {
				return ""
			}
			return t.In(z.loc).Format(cellDay)
		},
		"duration": func(d *time.Duration) string {
			if d == nil {
				return ""
			}
			return model.HumanDuration(*d)
		},
		"metrics": model.ComputeMetrics,
	}
}

func templateName(name string) string {
	if name == "" {
		return "template"
	}
	return name
}

// templateError drops text/template's "template: " prefix, so the error
// starts with the file and line, and says where the data is described.
func templateError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	return fmt.Errorf("%s (the fields and functions a template can use: docs/export.md)", msg)
}

func runTemplate(d *model.Draft, opts Options) (string, error) {
	z := draftZone(d)
	t, err := template.New(templateName(opts.TemplateName)).Funcs(templateFuncs(z)).Option("missingkey=error").Parse(opts.Template)
	if err != nil {
		return "", templateError(err)
	}
	// Pending is the wizard's own bookkeeping (text it could not store in
	// its field yet), not part of the post-mortem: a template never sees it.
	shown := *d
	shown.Pending = nil
	data := TemplateData{
		Draft:       &shown,
		Title:       titleText(d),
		Meta:        metadataLine(d),
		FrontMatter: frontMatter(d, opts.Score, opts.FrontMatterFields),
		Score:       opts.Score,
		Zone:        z.describe(firstTime(d.Timeline)),
		Sections:    renderSections(d, layouts["pmwiz"]),
	}
	limit, timeout := templateLimits(opts)
	out, err := executeBounded(t, data, limit, timeout)
	if err != nil {
		return "", err
	}
	// Control bytes never reach the file, whatever the template does.
	return strings.TrimRight(model.SafeText(out), "\n") + "\n", nil
}

// A template is a program: {{range 100000000000}}x{{end}} runs for ever
// and fills memory. Its output and its running time are bounded.
const (
	// MaxTemplateOutput is far more than any post-mortem.
	MaxTemplateOutput = 16 << 20
	// DefaultTemplateTimeout is how long a template may run.
	DefaultTemplateTimeout = 5 * time.Second
)

func templateLimits(opts Options) (int, time.Duration) {
	timeout := opts.TemplateTimeout
	if timeout <= 0 {
		timeout = DefaultTemplateTimeout
	}
	return MaxTemplateOutput, timeout
}

// errTemplateOutput stops a template that wrote too much.
var errTemplateOutput = errors.New("output limit reached")

// boundedWriter fails the write that would take it past limit, which
// stops text/template at once.
type boundedWriter struct {
	buf   bytes.Buffer
	limit int
}

func (w *boundedWriter) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.limit {
		return 0, errTemplateOutput
	}
	return w.buf.Write(p)
}

// executeBounded runs t with a bound on output and time. text/template
// cannot be interrupted: a template still looping at the deadline is
// abandoned (its goroutine ends with the process; pmwiz exits after an
// export error).
func executeBounded(t *template.Template, data any, limit int, timeout time.Duration) (string, error) {
	name := t.Name()
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("%s: the template failed: %v", name, r)}
			}
		}()
		w := &boundedWriter{limit: limit}
		err := t.Execute(w, data)
		switch {
		case errors.Is(err, errTemplateOutput):
			err = fmt.Errorf("%s: the template wrote more than %d MB, far more than a post-mortem: check its range loops (the fields a template can use: docs/export.md)", name, limit>>20)
		case err != nil:
			err = templateError(err)
		}
		done <- result{w.buf.String(), err}
	}()
	select {
	case r := <-done:
		return r.out, r.err
	case <-time.After(timeout):
		return "", fmt.Errorf("%s: the template ran for %v without finishing: check its range loops (the fields a template can use: docs/export.md)", name, timeout)
	}
}
