package export

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"github.com/pmwiz/pmwiz/model"
	"go.yaml.in/yaml/v3"
)

// Front matter comes in the three shapes static site generators write:
// YAML between "---" lines (Jekyll, Hugo, Eleventy), TOML between "+++"
// lines (Hugo, Zola) and JSON (";;;" or a bare object). adrg/frontmatter
// finds it; the decoding is ours, so a broken block is kept verbatim with
// a warning instead of failing the import.

// capturedFront is what the detector found: the text between the
// delimiters and its language.
type capturedFront struct {
	lang string
	data []byte
}

func captureAs(lang string) frontmatter.UnmarshalFunc {
	return func(data []byte, v any) error {
		c := v.(*capturedFront)
		c.lang, c.data = lang, append([]byte(nil), data...)
		return nil
	}
}

var frontFormats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", captureAs("yaml")),
	frontmatter.NewFormat("+++", "+++", captureAs("toml")),
	frontmatter.NewFormat(";;;", ";;;", captureAs("json")),
	{Start: "{", End: "}", Unmarshal: captureAs("json"), UnmarshalDelims: true, RequiresNewLine: true},
}

// frontMatter reads front matter, if any, and returns the rest.
func (im *importer) frontMatter(src string) string {
	var c capturedFront
	rest, err := frontmatter.Parse(strings.NewReader(src), &c, frontFormats...)
	if err != nil || c.lang == "" {
		return src
	}
	raw := strings.TrimRight(string(c.data), "\n")
	fields, err := decodeFront(c.lang, c.data)
	if err != nil {
		im.warn("front matter is not valid %s (%v): kept under Other as \"Front matter\"", strings.ToUpper(c.lang), err)
		im.other("Front matter", fence(c.lang, raw))
		return string(rest)
	}
	var unknown []string
	for k, v := range fields {
		s := frontString(v)
		switch strings.ToLower(k) {
		case "title":
			im.d.Title = s
		case "severity":
			im.d.Severity = s
		case "status":
			im.d.Status = statusFromLabel(s)
		case "audience":
			switch a := model.Audience(strings.ToLower(strings.TrimSpace(s))); a {
			case model.AudiencePublic, model.AudienceInternal:
				im.d.Audience = a
			default:
				im.warn("front matter audience: %q is neither public nor internal: kept under Other as \"Front matter\"", s)
				unknown = append(unknown, k)
			}
		case "authors", "author":
			im.d.Authors = frontList(v)
		case "start", "end":
			t, ok := frontTime(v)
			if !ok {
				im.warn("front matter %s: %q is not a time like 2026-11-23T14:05:00+01:00: kept under Other as \"Front matter\"", k, s)
				unknown = append(unknown, k)
				continue
			}
			if strings.ToLower(k) == "start" {
				im.fmStart = &t
			} else {
				im.fmEnd = &t
			}
		case "date":
			if t, ok := frontTime(v); ok {
				d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
				im.setDay(d)
			} else if t, ok := parseDay(s, time.UTC); ok {
				im.setDay(t)
			} else {
				unknown = append(unknown, k)
			}
		case "score":
			// Computed again from the draft; nothing to keep.
		default:
			// Site generators nest authors under taxonomies or extra.
			if m, ok := v.(map[string]any); ok && len(im.d.Authors) == 0 {
				for _, ak := range []string{"authors", "author"} {
					if a, ok := m[ak]; ok {
						im.d.Authors = append(im.d.Authors, frontList(a)...)
					}
				}
			}
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		im.warn("front matter keys pmwiz has no field for (%s): kept under Other as \"Front matter\"", strings.Join(sortedStrings(unknown), ", "))
		im.other("Front matter", fence(c.lang, raw))
	}
	return string(rest)
}

func fence(lang, body string) string {
	f := "```"
	for strings.Contains(body, f) {
		f += "`"
	}
	return f + lang + "\n" + body + "\n" + f
}

func decodeFront(lang string, data []byte) (map[string]any, error) {
	fields := map[string]any{}
	var err error
	switch lang {
	case "yaml":
		err = yaml.Unmarshal(data, &fields)
	case "toml":
		err = toml.Unmarshal(data, &fields)
	case "json":
		err = json.Unmarshal(data, &fields)
	}
	return fields, err
}

func frontString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case time.Time:
		return x.Format(time.RFC3339)
	case []any:
		return strings.Join(frontList(x), ", ")
	}
	return fmt.Sprint(v)
}

func frontList(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if s := strings.TrimSpace(frontString(e)); s != "" {
				out = append(out, s)
			}
		}
	default:
		out = splitAuthors(frontString(v))
	}
	return out
}

func frontTime(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		return x, true
	case string:
		if t, err := time.Parse(time.RFC3339, strings.TrimSpace(x)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
