package export

import (
	"bytes"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"go.yaml.in/yaml/v3"
)

// frontMatterFields is the YAML static site generators read (Hugo, Jekyll,
// Eleventy, Astro all take these keys). Order is the order written.
type frontMatterFields struct {
	Title    string   `yaml:"title"`
	Date     string   `yaml:"date,omitempty"`
	Severity string   `yaml:"severity,omitempty"`
	Status   string   `yaml:"status,omitempty"`
	Audience string   `yaml:"audience,omitempty"` // public or internal: lets a site publish only what is meant to be public
	Score    *float64 `yaml:"score,omitempty"`
	Authors  []string `yaml:"authors,omitempty"`
	Start    string   `yaml:"start,omitempty"`
	End      string   `yaml:"end,omitempty"`
}

func frontMatter(d *model.Draft, score *float64, extra map[string]any) string {
	z := draftZone(d)
	f := frontMatterFields{
		Title:    oneLine(d.Title),
		Severity: oneLine(d.Severity),
		Status:   oneLine(string(d.Status)),
		Audience: oneLine(string(d.Audience)),
		Score:    score,
	}
	if f.Title == "" {
		f.Title = untitled
	}
	for _, a := range d.Authors {
		if a := oneLine(a); a != "" {
			f.Authors = append(f.Authors, a)
		}
	}
	if t := d.Timeline.Start; t != nil {
		f.Date = t.In(z.loc).Format(time.DateOnly)
		f.Start = t.In(z.loc).Format(time.RFC3339)
	}
	if day, err := time.Parse(time.DateOnly, d.Timeline.Day); err == nil && f.Date == "" {
		f.Date = day.Format(time.DateOnly)
	}
	if t := d.Timeline.End; t != nil {
		f.End = t.In(z.loc).Format(time.RFC3339)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	_ = enc.Encode(f) // plain strings, numbers and lists always encode
	_ = enc.Close()
	return "---\n" + buf.String() + extraFrontMatter(extra) + "---"
}

// extraFrontMatter writes the config's extra front matter keys, sorted,
// leaving out those pmwiz writes itself and any value YAML cannot hold.
func extraFrontMatter(extra map[string]any) string {
	keep := map[string]any{}
	for k, v := range extra {
		switch k {
		case "title", "date", "severity", "status", "audience", "score", "authors", "start", "end":
			continue
		}
		keep[oneLine(k)] = safeValue(v)
	}
	if len(keep) == 0 {
		return ""
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if enc.Encode(keep) != nil || enc.Close() != nil {
		return ""
	}
	return buf.String()
}

// safeValue neutralises control characters in a front matter value, at
// any depth.
func safeValue(v any) any {
	switch x := v.(type) {
	case string:
		return model.SafeLine(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = safeValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[model.SafeLine(k)] = safeValue(e)
		}
		return out
	}
	return v
}
