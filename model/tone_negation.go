package model

import "strings"

// negationWindow is how many words before a blame phrase a negation may
// stand and still deny it: "We do not treat this as human error" has
// "not" four words before "human".
const negationWindow = 5

// negators deny what follows in their clause.
var negators = map[string]bool{
	"not": true, "no": true, "never": true, "nobody": true, "nothing": true,
	"neither": true, "nor": true, "without": true, "cannot": true,
}

// negated reports whether the blame phrase starting at token i is denied
// in its own clause ("this was not human error", "we never call it
// operator error", "it wasn't carelessness"): a writer who rejects blame
// is doing what the check asks for. The clause ends at . ; : ! ? and
// at "but", so "not the deploy but human error" still counts.
func negated(text string, toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-negationWindow; j-- {
		if strings.ContainsAny(text[toks[j].end:toks[j+1].start], ".;:!?") {
			return false
		}
		w := strings.ToLower(text[toks[j].start:toks[j].end])
		w = strings.ReplaceAll(w, "’", "'")
		if w == "but" {
			return false
		}
		if negators[w] || strings.HasSuffix(w, "n't") {
			return true
		}
	}
	return false
}
