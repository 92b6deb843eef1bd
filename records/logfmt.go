package records

import (
	"io"
	"strconv"
	"strings"
)

// readLogfmt reads key=value lines (logfmt, as Go, Heroku and many
// services log): the same fields as JSON lines.
func readLogfmt(r io.Reader, s *sink, res *resolver) error {
	return readFields(r, s, res, func(line string, offer func(key, value string)) bool {
		logfmtPairs(line, offer)
		return true
	})
}

// logfmtPairs calls f for each key=value in line; a value may be quoted
// with Go's escapes ("a \"b\""). A bare key has the value "true".
// It returns how many pairs had an "=".
func logfmtPairs(line string, f func(key, value string)) int {
	pairs := 0
	i := 0
	for i < len(line) {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		start := i
		for i < len(line) && line[i] != '=' && line[i] != ' ' && line[i] != '\t' {
			i++
		}
		key := line[start:i]
		if key == "" {
			if i < len(line) {
				i++ // a stray "="
			}
			continue
		}
		if i >= len(line) || line[i] != '=' {
			f(key, "true")
			continue
		}
		i++
		pairs++
		if i < len(line) && line[i] == '"' {
			end := skipString(line, i)
			if end < 0 {
				f(key, line[i+1:])
				return pairs
			}
			v, err := strconv.Unquote(line[i:end])
			if err != nil {
				v = line[i+1 : end-1]
			}
			f(key, v)
			i = end
			continue
		}
		start = i
		for i < len(line) && line[i] != ' ' && line[i] != '\t' {
			i++
		}
		f(key, line[start:i])
	}
	return pairs
}

// looksLogfmt: at least two key=value pairs, one of them a time.
func looksLogfmt(line string) bool {
	hasTime := false
	n := logfmtPairs(line, func(k, v string) {
		if r, ok := roleOf[strings.ToLower(k)]; ok && r.role == "time" {
			if _, ok := valueStamp(v); ok {
				hasTime = true
			}
		}
	})
	return n >= 2 && hasTime
}
