package records

import (
	_ "embed"
	"strings"
)

//go:embed keys.txt
var keysData string

//go:embed moments.txt
var momentsData string

// roleNames maps a field role ("time", "text", "who", "level") to the field
// names that play it, in order of preference.
var roleNames = parsePairs(keysData)

// roleOf maps a lower-cased field name to its role and rank.
var roleOf = func() map[string]fieldRole {
	m := map[string]fieldRole{}
	for role, names := range roleNames {
		for rank, n := range names {
			m[n] = fieldRole{role, rank}
		}
	}
	return m
}()

type fieldRole struct {
	role string
	rank int
}

// parsePairs reads "key value…" lines into key → values, skipping blank
// lines and # comments.
func parsePairs(data string) map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, " ")
		if ok {
			m[k] = append(m[k], strings.ToLower(strings.TrimSpace(v)))
		}
	}
	return m
}

// fieldPicker remembers, for one record, the best field seen for each
// role. Fields arrive in any order; the lower rank wins.
type fieldPicker struct {
	time, text, who, level   string
	timeR, textR, whoR, lvlR int
	hasTime, hasText, hasWho bool
	hasLevel                 bool
}

func (p *fieldPicker) reset() { *p = fieldPicker{} }

// offer considers value as the value of field key.
func (p *fieldPicker) offer(key, value string) {
	r, ok := roleOf[lowerASCII(key)]
	if !ok {
		return
	}
	switch r.role {
	case "time":
		if !p.hasTime || r.rank < p.timeR {
			p.time, p.timeR, p.hasTime = value, r.rank, true
		}
	case "text":
		if !p.hasText || r.rank < p.textR {
			p.text, p.textR, p.hasText = value, r.rank, true
		}
	case "who":
		if !p.hasWho || r.rank < p.whoR {
			p.who, p.whoR, p.hasWho = value, r.rank, true
		}
	case "level":
		if !p.hasLevel || r.rank < p.lvlR {
			p.level, p.lvlR, p.hasLevel = value, r.rank, true
		}
	}
}

// lowerASCII lower-cases without allocating when s is already lower case.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// levelPrefix is the prefix a log level earns in an event's text: only
// the levels worth reading in a timeline are kept.
func levelPrefix(level string) string {
	switch strings.ToLower(strings.TrimSpace(level)) {
	case "warn", "warning":
		return "WARN "
	case "error", "err":
		return "ERROR "
	case "fatal", "crit", "critical", "panic", "alert", "emerg", "emergency":
		return strings.ToUpper(strings.TrimSpace(level)) + " "
	}
	return ""
}
