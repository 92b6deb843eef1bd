// Package config reads pmwiz's settings: a user file
// ($XDG_CONFIG_HOME/pmwiz/config.toml), a team file (.pmwiz.toml, found
// upward from the working directory) and environment variables, and says
// for each value where it came from. Flags come last and are applied by
// the command line (cmd/pmwiz), which knows them.
//
// Precedence, highest first: flag > environment > repository file > user
// file > default. It does no I/O besides reading those files, and imports
// nothing of pmwiz's, so any command can use it.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// File names.
const (
	UserFileName = "config.toml" // in $XDG_CONFIG_HOME/pmwiz/
	RepoFileName = ".pmwiz.toml" // in the working directory or a parent
)

// Environment variables, one per setting (front matter fields have none:
// a table does not fit in a variable).
const (
	EnvAuthors     = "PMWIZ_AUTHORS" // comma-separated
	EnvTimeZone    = "PMWIZ_TIMEZONE"
	EnvLayout      = "PMWIZ_LAYOUT"
	EnvTemplate    = "PMWIZ_TEMPLATE"
	EnvFrontMatter = "PMWIZ_FRONT_MATTER" // true or false
	EnvPublishMin  = "PMWIZ_PUBLISH_MIN"
	EnvDrafts      = "PMWIZ_DRAFTS_DIR"
)

// SourceDefault is the source of a value nobody set.
const SourceDefault = "default"

// Value is a setting and where it came from: "default", a file's path,
// "$PMWIZ_…" or "--flag".
type Value[T any] struct {
	Value  T
	Source string
}

// Set reports whether anyone set the value.
func (v Value[T]) Set() bool { return v.Source != "" && v.Source != SourceDefault }

// Config is every setting in effect.
type Config struct {
	// Authors of a new draft.
	Authors Value[[]string]
	// TimeZone (IANA) of a new draft's timeline.
	TimeZone Value[string]
	// Layout of export and publish when neither --layout nor --template
	// is given.
	Layout Value[string]
	// Template file for export and publish (absolute when it came from a
	// file: a relative path there is relative to that file's folder).
	Template Value[string]
	// FrontMatter: export and publish start with YAML front matter.
	FrontMatter Value[bool]
	// FrontMatterFields are extra front matter keys (Hugo's draft, tags,
	// description…), written after pmwiz's own.
	FrontMatterFields Value[map[string]any]
	// PublishMin is the score publish asks for (0: none).
	PublishMin Value[float64]
	// Drafts is the drafts directory ("" leaves it to the store's
	// default). Absolute when it came from a file.
	Drafts Value[string]

	// Files are the files read, user file first.
	Files []string
}

// Options say where to look; tests point them at temporary folders.
type Options struct {
	// WorkDir is where the search for .pmwiz.toml starts.
	WorkDir string
	// ConfigHome is $XDG_CONFIG_HOME (or the platform's default).
	ConfigHome string
	// Getenv reads the environment (os.Getenv when nil).
	Getenv func(string) string
	// Layouts are the valid layout names, to check a file's layout early.
	Layouts []string
}

// Default is the configuration when nothing is set.
func Default() *Config {
	return &Config{
		Authors:           Value[[]string]{nil, SourceDefault},
		TimeZone:          Value[string]{"", SourceDefault},
		Layout:            Value[string]{"pmwiz", SourceDefault},
		Template:          Value[string]{"", SourceDefault},
		FrontMatter:       Value[bool]{false, SourceDefault},
		FrontMatterFields: Value[map[string]any]{nil, SourceDefault},
		PublishMin:        Value[float64]{0, SourceDefault},
		Drafts:            Value[string]{"", SourceDefault},
	}
}

// Load reads the user file, then the repository file, then the
// environment, each overriding the one before.
func Load(opts Options) (*Config, error) {
	getenv := opts.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	c := Default()
	if opts.ConfigHome != "" {
		user := filepath.Join(opts.ConfigHome, "pmwiz", UserFileName)
		if err := c.applyFile(user, opts.Layouts); err != nil {
			return nil, err
		}
	}
	if opts.WorkDir != "" {
		if repo := FindRepoFile(opts.WorkDir); repo != "" {
			if err := c.applyFile(repo, opts.Layouts); err != nil {
				return nil, err
			}
		}
	}
	if err := c.applyEnv(getenv, opts.Layouts); err != nil {
		return nil, err
	}
	return c, nil
}

// FindRepoFile is the nearest .pmwiz.toml in dir or a parent, or "".
func FindRepoFile(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, RepoFileName)
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func (c *Config) applyEnv(getenv func(string) string, layouts []string) error {
	if v := getenv(EnvAuthors); v != "" {
		var authors []string
		for _, a := range strings.Split(v, ",") {
			if a = strings.TrimSpace(a); a != "" {
				authors = append(authors, a)
			}
		}
		c.Authors = Value[[]string]{authors, "$" + EnvAuthors}
	}
	if v := getenv(EnvTimeZone); v != "" {
		if err := checkZone(v); err != nil {
			return fmt.Errorf("$%s: %w", EnvTimeZone, err)
		}
		c.TimeZone = Value[string]{v, "$" + EnvTimeZone}
	}
	if v := getenv(EnvLayout); v != "" {
		if err := checkLayout(v, layouts); err != nil {
			return fmt.Errorf("$%s: %w", EnvLayout, err)
		}
		c.Layout = Value[string]{v, "$" + EnvLayout}
	}
	if v := getenv(EnvTemplate); v != "" {
		c.Template = Value[string]{v, "$" + EnvTemplate}
	}
	if v := getenv(EnvFrontMatter); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("$%s=%q: use true or false", EnvFrontMatter, v)
		}
		c.FrontMatter = Value[bool]{b, "$" + EnvFrontMatter}
	}
	if v := getenv(EnvPublishMin); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 100 {
			return fmt.Errorf("$%s=%q: use a score from 0 to 100", EnvPublishMin, v)
		}
		c.PublishMin = Value[float64]{f, "$" + EnvPublishMin}
	}
	if v := getenv(EnvDrafts); v != "" {
		c.Drafts = Value[string]{v, "$" + EnvDrafts}
	}
	return nil
}

func checkZone(name string) error {
	if _, err := time.LoadLocation(name); err != nil || name == "Local" {
		return fmt.Errorf("%q is not a time zone pmwiz knows: use an IANA name like Europe/Berlin or UTC", name)
	}
	return nil
}

func checkLayout(name string, layouts []string) error {
	if len(layouts) == 0 {
		return nil
	}
	for _, l := range layouts {
		if l == name {
			return nil
		}
	}
	return fmt.Errorf("layout %q: use one of %s", name, strings.Join(layouts, ", "))
}
