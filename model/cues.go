package model

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed cue_catalogue.txt
var cueCatalogueText string

// cue is a kind of thing a careful reader notices in a sentence; a
// sentence's cues are a bit set.
type cue uint32

const (
	cueAdmission cue = 1 << iota
	cueDeflect
	cueUpdate
	cueOutlet
	cueAudience
	cueWho
	cueHarm
	cueEffect
	cueCause
	cueNotCause
	cueFailure
	cueFound
	cueLesson
	cuePlan
	cueHuman
	cueHumanHint
	cueAdvice
	cueReader
	cueJudgement
)

var cueKinds = map[string]cue{
	"admission": cueAdmission, "deflect": cueDeflect, "update": cueUpdate, "outlet": cueOutlet,
	"audience": cueAudience, "who": cueWho, "harm": cueHarm, "effect": cueEffect, "cause": cueCause,
	"notcause": cueNotCause, "failure": cueFailure, "found": cueFound, "lesson": cueLesson,
	"plan": cuePlan, "human": cueHuman, "humanhint": cueHumanHint, "advice": cueAdvice,
	"reader": cueReader, "judgement": cueJudgement,
}

// cuePhrase is one line of the cue catalogue.
type cuePhrase struct {
	kind   cue
	phrase string // as written in the catalogue, for reasons
}

var (
	cuePhrases []cuePhrase
	cueIndex   = newPhraseIndex()
)

func init() {
	phrases, err := parseCues(cueCatalogueText)
	if err != nil {
		panic("model: cue catalogue: " + err.Error())
	}
	for _, p := range phrases {
		cuePhrases = append(cuePhrases, p)
		cueIndex.add(phraseWords(p.phrase))
	}
}

func parseCues(text string) ([]cuePhrase, error) {
	var out []cuePhrase
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, phrase, ok := strings.Cut(line, "|")
		if !ok {
			return nil, fmt.Errorf("line %d: want kind | phrase", n+1)
		}
		c, known := cueKinds[strings.TrimSpace(kind)]
		if !known {
			return nil, fmt.Errorf("line %d: unknown kind %q", n+1, strings.TrimSpace(kind))
		}
		words := phraseWords(phrase)
		if len(words) == 0 || words[0] == "…" || words[len(words)-1] == "…" {
			return nil, fmt.Errorf("line %d: a phrase needs words at both ends", n+1)
		}
		out = append(out, cuePhrase{c, strings.TrimSpace(phrase)})
	}
	return out, nil
}

// has reports whether every cue of want is in the set.
func (c cue) has(want cue) bool { return c&want == want }

// any reports whether one of the cues of want is in the set.
func (c cue) any(want cue) bool { return c&want != 0 }
