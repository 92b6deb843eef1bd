package model

import (
	"fmt"
	"strings"
)

// The four nice-to-haves: technologies, Five Whys, human elements, what
// others can learn.

// maxNamed is how many names a reason lists before "and N more".
const maxNamed = 5

func judgeTechnologies(d *Draft, f *facts) verdict {
	if n := countNonBlank(d.Technologies); n > 0 {
		var names []string
		for _, t := range d.Technologies {
			if !blank(t) {
				names = append(names, oneLine(t))
			}
		}
		return verdict{Yes, fmt.Sprintf("%s named: %s.", plural(n, "technology", "technologies"), nameList(names)), "", []Evidence{fieldEvidence("Technologies", strings.Join(names, ", "))}}
	}
	names, mentions := textTechnologies(f)
	switch len(names) {
	case 0:
		return verdict{No, "No technologies named.", "Name the systems involved (databases, queues, clouds): engineers reading it want to compare.", nil}
	case 1:
		// One system named where the failure is explained ("The new
		// Elasticsearch index was still being populated") is the
		// technology involved; named only in passing, it is a start.
		if at := mentions[0].t.cat; at&(catCause|catFactors|catWhys|catAnalysis) != 0 || inCause(f, names[0]) {
			return verdict{Yes, "Mentions " + names[0] + ", where what went wrong is explained.", "", evidenceOf(mentions)}
		}
		return verdict{Partial, "Mentions " + names[0] + ", and no other system.", "Name the other systems involved (databases, queues, clouds), in the Technologies step.", evidenceOf(mentions)}
	}
	return verdict{Yes, "Mentions " + nameList(names) + ".", "", evidenceOf(mentions)}
}

// textTechnologies lists the technologies the text names, in order, and
// the sentences that first name them. Each text keeps its own list, so
// this is a walk over texts, not sentences.
func textTechnologies(f *facts) ([]string, []seen) {
	var names []string
	var first []seen
	for i := range f.texts {
		t := &f.texts[i]
		for k, name := range t.st.sig.techs {
			if containsFold(names, name) {
				continue
			}
			names = append(names, name)
			if len(first) < maxEvidence {
				first = append(first, seen{t, &t.st.sig.sentences[t.st.sig.techAt[k]]})
			}
		}
	}
	return names, first
}

// SuggestTechnologies lists the technologies the draft's text names
// (r.Mentioned, from scoring it) that its Technologies list lacks, so the
// wizard can offer to add them. An entry "PostgreSQL 16" covers
// PostgreSQL.
func SuggestTechnologies(d *Draft, r Report) []string {
	var covered []string
	for _, t := range d.Technologies {
		covered = append(covered, t)
		covered = append(covered, findTechnologies(t)...)
	}
	var out []string
	for _, t := range r.Mentioned {
		if !containsFold(covered, t) {
			out = append(out, t)
		}
	}
	return out
}

func nameList(names []string) string {
	if len(names) > maxNamed {
		return strings.Join(names[:maxNamed], ", ") + fmt.Sprintf(" and %d more", len(names)-maxNamed)
	}
	return strings.Join(names, ", ")
}

// minTextWhys is the shortest run of "Why …?" questions in the text that
// reads as a Five Whys: one rhetorical question is not a chain.
const minTextWhys = 2

func judgeFiveWhys(d *Draft, f *facts) verdict {
	asked, answered := 0, 0
	var ev []Evidence
	for _, w := range d.FiveWhys {
		if blank(w.Why) && blank(w.Because) {
			continue
		}
		asked++
		if !blank(w.Because) {
			answered++
		}
		if len(ev) == 0 {
			ev = append(ev, fieldEvidence("Five Whys", strings.TrimSpace(w.Why+" "+w.Because)))
		}
	}
	inText := 0
	for _, t := range f.texts {
		inText += t.st.sig.whys
	}
	whys := f.find(everywhere, false, func(s *sentence) bool { return s.why })
	if asked == 0 && inText >= minTextWhys {
		ev := evidenceOf(whys)
		if inText >= MaxWhys {
			return verdict{Yes, fmt.Sprintf("%d \"Why …?\" questions, each answered, in %s.", inText, whys[0].t.where), "", ev}
		}
		return verdict{Partial, fmt.Sprintf("%d answered \"Why …?\" questions in %s.", inText, whys[0].t.where), "Ask the next why: why did that happen?", ev}
	}
	switch {
	case asked == 0:
		return verdict{No, "No Five Whys yet.", "Ask why it happened, then why that happened, five times.", nil}
	case asked >= MaxWhys && answered >= MaxWhys:
		return verdict{Yes, "Five whys, each answered.", "", ev}
	case answered < asked:
		return verdict{Partial, fmt.Sprintf("%d of %d whys answered.", answered, asked), "Answer each why with a because.", ev}
	}
	return verdict{Partial, fmt.Sprintf("%s of five.", plural(asked, "why", "whys")), "Ask the next why: why did that happen?", ev}
}

func judgeHumanElements(d *Draft, f *facts) verdict {
	if n := f.wordsIn(d.HumanElements); n >= minWords {
		return verdict{Yes, "Covers human elements.", "", []Evidence{fieldEvidence("Human elements", d.HumanElements)}}
	}
	// Luck, leave, the night, praise are the human side wherever they are
	// told, even in a remediation list; a mere hint ("together", thanks)
	// in an action item is a plan's wording, not the people.
	cats := everywhere &^ catActions
	strong := f.find(everywhere, false, func(s *sentence) bool { return s.cues.has(cueHuman) })
	if len(strong) > 0 {
		return verdict{Yes, "Tells the human side: " + quoteList(phrasesOf(strong, cueHuman, 3)) + ".", "", evidenceOf(strong)}
	}
	if n := f.wordsIn(d.HumanElements); n > 0 {
		return verdict{Partial, fmt.Sprintf("%s on human elements.", plural(n, "word")), "Say a little more: a sentence or two a reader can use.", []Evidence{fieldEvidence("Human elements", d.HumanElements)}}
	}
	hints := f.find(cats, false, func(s *sentence) bool { return s.cues.has(cueHumanHint) })
	if len(hints) > 0 {
		return verdict{Partial, "Only hints at the people involved: " + quoteList(phrasesOf(hints, cueHumanHint, 2)) + ".", "Add the human side: who was on call, what they saw, what made it hard, where you got lucky.", evidenceOf(hints)}
	}
	return verdict{No, "Nothing on human elements yet.", "Add the human side: who was on call, what they saw, what made it hard.", nil}
}

func judgeOthersLearn(d *Draft, f *facts) verdict {
	if n := f.wordsIn(d.OthersCanLearn); n >= minWords {
		return verdict{Yes, "Covers what others can learn.", "", []Evidence{fieldEvidence("What others can learn", d.OthersCanLearn)}}
	}
	// Advice is for readers ("you should never use it"); "we should" is
	// the team's own to-do. A remediation section may hold advice too.
	cats := everywhere &^ catTimeline
	advice := f.find(cats, false, func(s *sentence) bool { return s.cues.has(cueAdvice) })
	if len(advice) > 0 {
		return verdict{Yes, "Gives readers advice: " + quoteList(phrasesOf(advice, cueAdvice, 2)) + ".", "", evidenceOf(advice)}
	}
	if n := f.wordsIn(d.OthersCanLearn); n > 0 {
		return verdict{Partial, fmt.Sprintf("%s on what others can learn.", plural(n, "word")), "Say a little more: a sentence or two a reader can use.", []Evidence{fieldEvidence("What others can learn", d.OthersCanLearn)}}
	}
	principles := f.find(cats, false, func(s *sentence) bool { return s.cues.has(cueReader | cueJudgement) })
	if len(principles) > 0 {
		return verdict{Partial, "States a general principle, but does not turn it into advice for readers.", "Say what another team should do with it: \"if you run X, check Y\".", evidenceOf(principles)}
	}
	return verdict{No, "Nothing on what others can learn yet.", "Add what another team could take from this for their own systems.", nil}
}

// inCause reports a technology named in a text about the cause.
func inCause(f *facts, name string) bool {
	for i := range f.texts {
		t := &f.texts[i]
		if t.cat&(catCause|catFactors|catWhys|catAnalysis) != 0 && containsFold(t.st.sig.techs, name) {
			return true
		}
	}
	return false
}
