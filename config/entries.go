package config

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Entry is one setting as pmwiz config shows it.
type Entry struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Source string `json:"source"`
}

// Entries lists every setting in Keys order, its value written the way a
// config file would hold it.
func (c *Config) Entries() []Entry {
	quote := strconv.Quote
	list := func(v []string) string {
		q := make([]string, len(v))
		for i, s := range v {
			q[i] = quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	str := func(s string) string {
		if s == "" {
			return `""`
		}
		return quote(s)
	}
	return []Entry{
		{"authors", list(c.Authors.Value), c.Authors.Source},
		{"timezone", str(c.TimeZone.Value), c.TimeZone.Source},
		{"layout", str(c.Layout.Value), c.Layout.Source},
		{"template", str(c.Template.Value), c.Template.Source},
		{"front_matter", strconv.FormatBool(c.FrontMatter.Value), c.FrontMatter.Source},
		{"front_matter_fields", inlineTable(c.FrontMatterFields.Value), c.FrontMatterFields.Source},
		{"publish_min", strconv.FormatFloat(c.PublishMin.Value, 'f', -1, 64), c.PublishMin.Source},
		{"drafts", str(c.Drafts.Value), c.Drafts.Source},
	}
}

// inlineTable writes a table on one line, keys sorted.
func inlineTable(m map[string]any) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s = %s", k, tomlValue(m[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func tomlValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = tomlValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		return inlineTable(x)
	}
	return fmt.Sprint(v)
}
