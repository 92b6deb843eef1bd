package records

import (
	"strings"
)

// Moment is a key moment of an incident that an event can mark.
type Moment int

const (
	NoMoment Moment = iota
	MomentStart
	MomentDetected
	MomentMitigated
	MomentEnd
)

// Moments lists the moments in the order they happen.
var Moments = []Moment{MomentStart, MomentDetected, MomentMitigated, MomentEnd}

func (m Moment) String() string {
	switch m {
	case MomentStart:
		return "start"
	case MomentDetected:
		return "detection"
	case MomentMitigated:
		return "mitigation"
	case MomentEnd:
		return "end"
	}
	return ""
}

var momentPhrases = func() map[Moment][]string {
	pairs := parsePairs(momentsData)
	return map[Moment][]string{
		MomentDetected:  pairs["detection"],
		MomentMitigated: pairs["mitigation"],
		MomentEnd:       pairs["end"],
	}
}()

// Suggest proposes key moments from events sorted by time: the first event
// that reads like an alert or a page as the detection, the first that
// reads like a rollback or a fix as the mitigation, the last that reads
// like "resolved" as the end. It returns moment → index into events. These
// are suggestions for the user to confirm, never to be set on their own.
func Suggest(events []Event) map[Moment]int {
	out := map[Moment]int{}
	for i, e := range events {
		text := strings.ToLower(e.EventText())
		for _, m := range []Moment{MomentDetected, MomentMitigated, MomentEnd} {
			if _, done := out[m]; done && m != MomentEnd {
				continue
			}
			if containsPhrase(text, momentPhrases[m]) {
				out[m] = i
			}
		}
	}
	return out
}

// containsPhrase matches whole words: "alert" in "alerts fired" counts,
// "resolved" in "unresolved" does not.
func containsPhrase(text string, phrases []string) bool {
	for _, p := range phrases {
		for i := 0; ; {
			j := strings.Index(text[i:], p)
			if j < 0 {
				break
			}
			j += i
			if (j == 0 || !isWordByte(text[j-1])) && (j+len(p) == len(text) || !isWordByte(text[j+len(p)]) || text[j+len(p)] == 's') {
				return true
			}
			i = j + 1
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}
