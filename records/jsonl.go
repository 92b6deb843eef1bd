package records

import (
	"encoding/json"
	"io"
	"strings"
)

// readJSONL reads one JSON object a line, as structured loggers write
// them: the time from ts/time/timestamp/@timestamp (epoch or written), the
// text from msg/message/text, the speaker from user/service… (keys.txt).
func readJSONL(r io.Reader, s *sink, res *resolver) error {
	return readFields(r, s, res, func(line string, offer func(key, value string)) bool {
		return jsonFields(line, func(key, raw string) { offer(key, jsonString(raw)) })
	})
}

// readFields reads records whose lines are key/value pairs (JSON lines,
// logfmt): pairs gives a line's pairs, or false when the line is not a
// record. The time, text, speaker and level keys are picked the same way
// for both (fieldPicker).
func readFields(r io.Reader, s *sink, res *resolver, pairs func(line string, offer func(key, value string)) bool) error {
	var p fieldPicker
	return s.scanLines(r, func(line string, n int) error {
		p.reset()
		if !pairs(line, p.offer) || !p.hasTime {
			s.stats.Skipped++
			return nil
		}
		st, ok := valueStamp(p.time)
		if !ok {
			s.stats.Skipped++
			return nil
		}
		at, err := res.resolve(st)
		if err != nil {
			return s.failWith(n, err)
		}
		text, who, level := p.text, p.who, p.level
		return s.offer(Event{At: at, Line: n}, func(e *Event) {
			e.Who, e.Text = cleanName(who), cleanText(levelPrefix(level)+text)
		})
	})
}

// jsonString is a raw JSON value as text: a string unquoted, anything else
// (a number, true) as written.
func jsonString(raw string) string {
	if len(raw) < 2 || raw[0] != '"' {
		return raw
	}
	if !strings.ContainsRune(raw, '\\') {
		return raw[1 : len(raw)-1]
	}
	var s string
	if json.Unmarshal([]byte(raw), &s) != nil {
		return ""
	}
	return s
}

// jsonFields calls f with each top-level key of the JSON object in s and
// its raw value, without decoding values nobody asks for: a log line of
// fifty fields costs one pass. It returns false when s is not an object.
func jsonFields(s string, f func(key, raw string)) bool {
	i := skipSpace(s, 0)
	if i >= len(s) || s[i] != '{' {
		return false
	}
	i = skipSpace(s, i+1)
	if i < len(s) && s[i] == '}' {
		return true
	}
	for i < len(s) {
		if s[i] != '"' {
			return false
		}
		end := skipString(s, i)
		if end < 0 {
			return false
		}
		key := jsonString(s[i:end])
		i = skipSpace(s, end)
		if i >= len(s) || s[i] != ':' {
			return false
		}
		i = skipSpace(s, i+1)
		vend := skipValue(s, i)
		if vend < 0 {
			return false
		}
		f(key, s[i:vend])
		i = skipSpace(s, vend)
		if i >= len(s) {
			return false
		}
		switch s[i] {
		case ',':
			i = skipSpace(s, i+1)
		case '}':
			return true
		default:
			return false
		}
	}
	return false
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
		i++
	}
	return i
}

// skipString returns the index after the string starting at s[i] ('"').
func skipString(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// maxDepth bounds nesting, so a hostile line cannot make skipping costly.
const maxDepth = 64

// skipValue returns the index after the JSON value starting at s[i].
func skipValue(s string, i int) int {
	if i >= len(s) {
		return -1
	}
	switch s[i] {
	case '"':
		return skipString(s, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(s); j++ {
			switch s[j] {
			case '"':
				end := skipString(s, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			case '{', '[':
				depth++
				if depth > maxDepth {
					return -1
				}
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	j := i
	for j < len(s) && s[j] != ',' && s[j] != '}' && s[j] != ']' && s[j] != ' ' && s[j] != '\t' {
		j++
	}
	if j == i {
		return -1
	}
	return j
}
