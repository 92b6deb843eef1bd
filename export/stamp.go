package export

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
)

// Every export ends with a comment that says pmwiz wrote it, with a
// checksum of everything above it. Renderers hide HTML comments, so
// readers never see it. `pmwiz export -o` overwrites a file only when the
// comment is there and the checksum still matches: a file someone has
// edited since, or one pmwiz never wrote, is left alone unless --force.

const stampPrefix = "<!-- Written by pmwiz export, checksum "

var stampRe = regexp.MustCompile(`\n*<!-- Written by pmwiz export, checksum ([0-9a-f]{16})\.[^\n]*-->\n*$`)

func checksum(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:8])
}

// Stamp appends pmwiz's closing comment to an export.
func Stamp(body string) string {
	body = strings.TrimRight(body, "\n") + "\n"
	return body + "\n" + stampPrefix + checksum(body) + ". pmwiz export -o replaces this file only while it is unchanged. -->\n"
}

// Ownership says who a file on disk belongs to.
type Ownership int

const (
	NotOurs Ownership = iota // no pmwiz stamp: someone else's file
	Edited                   // stamped by pmwiz, but changed since
	Ours                     // exactly as pmwiz wrote it
)

// Owner reads the stamp at the end of an existing file.
func Owner(content []byte) Ownership {
	s := string(content)
	loc := findStamp(s)
	if loc == nil {
		if strings.Contains(s, stampPrefix) {
			return Edited // lines added after pmwiz's closing comment
		}
		return NotOurs
	}
	body := s[:loc[0]] + "\n"
	if checksum(body) == s[loc[2]:loc[3]] {
		return Ours
	}
	return Edited
}

// unstamp removes the stamp, if any.
func unstamp(s string) string {
	if loc := findStamp(s); loc != nil {
		return s[:loc[0]] + "\n"
	}
	return s
}

// findStamp is stampRe.FindStringSubmatchIndex(s), run over the end of s
// only. A match ends the text and cannot cross a line break before its
// "-->", so it starts on the last line that is not blank or in the blank
// lines just before it; run over the whole of a megabyte export, the
// regexp tried every line break (5% of a preview of one).
func findStamp(s string) []int {
	body := strings.TrimRight(s, "\n")
	from := strings.LastIndexByte(body, '\n') + 1
	for from > 0 && s[from-1] == '\n' {
		from--
	}
	loc := stampRe.FindStringSubmatchIndex(s[from:])
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += from
		}
	}
	return loc
}

// ExportedBody is the Markdown of a file pmwiz exported, without its
// closing stamp, and whether it is worth drawing while the file is
// imported (RenderAhead): it carries pmwiz's stamp (as written, or
// edited since), so imported and exported again it gives this Markdown
// back, or most of its blocks (an edit, front matter or another layout
// changes some); and Import will not refuse it for nesting (glamour
// takes 40 s over one line nested a thousand quotes deep, which Import
// refuses at once).
func ExportedBody(src []byte) (string, bool) {
	if Owner(src) == NotOurs {
		return "", false
	}
	body := unstamp(string(src))
	if checkNesting(body) != nil {
		return "", false
	}
	return body, true
}
