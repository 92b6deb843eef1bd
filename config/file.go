package config

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// maxFileSize bounds a config file: settings fit in a few lines.
const maxFileSize = 64 << 10

// Keys are the settings a file may hold, in the order pmwiz config shows
// them.
var Keys = []string{"authors", "timezone", "layout", "template", "front_matter", "front_matter_fields", "publish_min", "drafts"}

// reservedFrontMatter are the keys pmwiz writes itself.
var reservedFrontMatter = []string{"title", "date", "severity", "status", "score", "authors", "start", "end"}

// FileError is a mistake in a config file, with where it is.
type FileError struct {
	Path string
	Line int    // 0 when unknown
	Key  string // "" for a syntax error
	Msg  string
}

func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		fmt.Fprintf(&b, ": %s", e.Key)
	}
	fmt.Fprintf(&b, ": %s", e.Msg)
	return b.String()
}

// readFile reads a config file that exists; a missing one is no error.
func readFile(path string) ([]byte, error) {
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &FileError{Path: path, Msg: "cannot read it: " + err.Error()}
	}
	if !fi.Mode().IsRegular() {
		// Never a FIFO (it would block) nor a device; a symlink to a
		// dotfile repository is followed only if it points at a file.
		if fi.Mode()&os.ModeSymlink == 0 {
			return nil, &FileError{Path: path, Msg: "not a regular file: make it a TOML file or remove it"}
		}
		if target, err := os.Stat(path); err != nil || !target.Mode().IsRegular() {
			return nil, &FileError{Path: path, Msg: "a link to something other than a file: make it a TOML file or remove it"}
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Msg: "cannot read it: " + err.Error()}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, &FileError{Path: path, Msg: "cannot read it: " + err.Error()}
	}
	if len(data) > maxFileSize {
		return nil, &FileError{Path: path, Msg: fmt.Sprintf("larger than %d KB: is it really pmwiz's config?", maxFileSize>>10)}
	}
	return data, nil
}

func (c *Config) applyFile(path string, layouts []string) error {
	data, err := readFile(path)
	if err != nil || data == nil {
		return err
	}
	f, err := Parse(path, data, layouts)
	if err != nil {
		return err
	}
	c.Files = append(c.Files, path)
	f.applyTo(c, path)
	return nil
}

// File is what one config file sets; nil fields are not set.
type File struct {
	Authors           []string
	AuthorsSet        bool
	TimeZone          *string
	Layout            *string
	Template          *string
	FrontMatter       *bool
	FrontMatterFields map[string]any
	PublishMin        *float64
	Drafts            *string
}

func (f *File) applyTo(c *Config, path string) {
	dir := filepath.Dir(path)
	if f.AuthorsSet {
		c.Authors = Value[[]string]{f.Authors, path}
	}
	if f.TimeZone != nil {
		c.TimeZone = Value[string]{*f.TimeZone, path}
	}
	if f.Layout != nil {
		c.Layout = Value[string]{*f.Layout, path}
	}
	if f.Template != nil {
		c.Template = Value[string]{relativeTo(dir, *f.Template), path}
	}
	if f.FrontMatter != nil {
		c.FrontMatter = Value[bool]{*f.FrontMatter, path}
	}
	if f.FrontMatterFields != nil {
		c.FrontMatterFields = Value[map[string]any]{f.FrontMatterFields, path}
	}
	if f.PublishMin != nil {
		c.PublishMin = Value[float64]{*f.PublishMin, path}
	}
	if f.Drafts != nil {
		c.Drafts = Value[string]{relativeTo(dir, *f.Drafts), path}
	}
}

// relativeTo resolves a path written in a file against that file's
// folder (and ~/ against the home folder), so a team's .pmwiz.toml works
// from any subfolder of the repository.
func relativeTo(dir, p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

// Parse reads one config file's TOML. Every mistake is a *FileError
// naming path, line and key.
func Parse(path string, data []byte, layouts []string) (*File, error) {
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &FileError{Path: path, Line: pe.Position.Line, Key: pe.LastKey, Msg: "not valid TOML: " + pe.Message}
		}
		return nil, &FileError{Path: path, Msg: "not valid TOML: " + err.Error()}
	}
	text := string(data)
	bad := func(key, msg string) error {
		return &FileError{Path: path, Line: keyLine(text, key), Key: key, Msg: msg}
	}
	f := &File{}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		v := raw[key]
		switch key {
		case "authors":
			list, ok := v.([]any)
			if !ok {
				return nil, bad(key, "want a list of names, like authors = [\"Ana\", \"Ben\"]")
			}
			for _, a := range list {
				s, ok := a.(string)
				if !ok || strings.TrimSpace(s) == "" {
					return nil, bad(key, "every author is a name in quotes, like \"Ana\"")
				}
				f.Authors = append(f.Authors, strings.TrimSpace(s))
			}
			f.AuthorsSet = true
		case "timezone":
			s, ok := v.(string)
			if !ok {
				return nil, bad(key, "want a time zone name in quotes, like \"Europe/Berlin\"")
			}
			if err := checkZone(s); err != nil {
				return nil, bad(key, err.Error())
			}
			f.TimeZone = &s
		case "layout":
			s, ok := v.(string)
			if !ok {
				return nil, bad(key, "want a layout name in quotes, like \"google\"")
			}
			if err := checkLayout(s, layouts); err != nil {
				return nil, bad(key, err.Error())
			}
			f.Layout = &s
		case "template", "drafts":
			s, ok := v.(string)
			if !ok || strings.TrimSpace(s) == "" {
				return nil, bad(key, "want a path in quotes (relative to this file's folder), like \""+map[string]string{"template": "postmortem.tmpl", "drafts": "postmortems/drafts"}[key]+"\"")
			}
			if key == "template" {
				f.Template = &s
			} else {
				f.Drafts = &s
			}
		case "front_matter":
			b, ok := v.(bool)
			if !ok {
				return nil, bad(key, "want true or false")
			}
			f.FrontMatter = &b
		case "front_matter_fields":
			m, ok := v.(map[string]any)
			if !ok {
				return nil, bad(key, "want a table: [front_matter_fields] with lines like tags = [\"postmortem\"]")
			}
			for k := range m {
				if slices.Contains(reservedFrontMatter, k) {
					return nil, bad(key+"."+k, "pmwiz writes "+k+" itself: remove it here")
				}
			}
			f.FrontMatterFields = m
		case "publish_min":
			var n float64
			switch x := v.(type) {
			case int64:
				n = float64(x)
			case float64:
				n = x
			default:
				return nil, bad(key, "want a score from 0 to 100, like publish_min = 80")
			}
			if n < 0 || n > 100 || math.IsNaN(n) {
				return nil, bad(key, "the score runs from 0 to 100")
			}
			f.PublishMin = &n
		default:
			msg := "not a pmwiz setting; the settings are " + strings.Join(Keys, ", ")
			if near := closest(key); near != "" {
				msg = fmt.Sprintf("not a pmwiz setting: did you mean %s?", near)
			}
			return nil, bad(key, msg)
		}
	}
	return f, nil
}

// tableHeader is a TOML table's header line, [name].
var tableHeader = regexp.MustCompile(`^\s*\[\s*([^\]]*?)\s*\]`)

// keyLine finds the line that sets key ("a.b" is key b in table [a]), or
// 0 when it cannot tell.
func keyLine(text, key string) int {
	table, name := "", key
	if i := strings.IndexByte(key, '.'); i >= 0 {
		table, name = key[:i], key[i+1:]
	}
	assign := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(name) + `"?\s*=`)
	current := ""
	for i, line := range strings.Split(text, "\n") {
		if m := tableHeader.FindStringSubmatch(line); m != nil {
			current = strings.Trim(m[1], `"`)
			if table == "" && current == name {
				return i + 1 // the key is a table
			}
			continue
		}
		if current == table && assign.MatchString(line) {
			return i + 1
		}
	}
	return 0
}

// closest is the setting a misspelt key most likely meant, or "".
func closest(key string) string {
	best, bestDist := "", 3
	for _, k := range Keys {
		if d := distance(key, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
