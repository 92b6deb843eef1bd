package store

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	gslug "github.com/gosimple/slug"

	"github.com/pmwiz/pmwiz/model"
)

// MaxNameLen is the longest draft name, in bytes: long enough for a date
// and a telling title, short enough for a terminal column and every file
// system.
const MaxNameLen = 64

// ValidateName reports why name cannot be a draft's name, or nil. A name
// is a file name without ".json": never a path, never hidden, never a
// string that could make a terminal misbehave when it is printed.
func ValidateName(name string) error {
	switch {
	case name == "":
		return errors.New("a draft name cannot be empty")
	case len(name) > MaxNameLen:
		return fmt.Errorf("draft name %q is %d bytes long; the limit is %d", truncateName(name), len(name), MaxNameLen)
	case !utf8.ValidString(name):
		return fmt.Errorf("draft name %q is not valid UTF-8", name)
	case strings.ContainsAny(name, `/\`):
		return fmt.Errorf("draft name %q contains a slash; a name is a file name in the drafts directory (to open a file elsewhere, give its path ending in .json)", name)
	case strings.Contains(name, ".."):
		return fmt.Errorf("draft name %q contains \"..\"", name)
	case strings.HasPrefix(name, "."):
		return fmt.Errorf("draft name %q starts with a dot; those names are kept for pmwiz's own files", name)
	}
	for _, r := range name {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return fmt.Errorf("draft name %q contains a control character (%U)", name, r)
		}
	}
	return nil
}

func truncateName(s string) string {
	if len(s) <= 24 {
		return s
	}
	return strings.ToValidUTF8(s[:24], "") + "…"
}

// Slug makes the name of a new draft from its title and creation date:
// "2026-11-24-checkout-outage". The title is transliterated to ASCII by
// github.com/gosimple/slug ("Сбой оплаты" → "sboi-oplaty", "Größe" →
// "grosse", "Ærø" → "aero"), so the name is readable and easy to type in
// any shell. The result always passes ValidateName and leaves room for the
// "-2" that makes a name unique.
func Slug(title string, date time.Time) string {
	const suffixRoom = 4 // "-999"
	prefix := date.Format("2006-01-02")
	slug := strings.Trim(gslug.Make(model.SafeLine(title)), "-")
	if slug == "" {
		slug = "postmortem"
	}
	name := prefix + "-" + slug
	if limit := MaxNameLen - suffixRoom; len(name) > limit {
		midWord := name[limit] != '-'
		name = name[:limit]
		// Cut at a word boundary when there is one in the slug part.
		if i := strings.LastIndexByte(name, '-'); midWord && i > len(prefix) {
			name = name[:i]
		}
		name = strings.TrimRight(name, "-")
	}
	return name
}
