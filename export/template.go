package export

import (
	"bytes"
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
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", templateError(err)
	}
	// Control bytes never reach the file, whatever the template does.
	return strings.TrimRight(model.SafeText(buf.String()), "\n") + "\n", nil
}
