package model

import (
	"fmt"
	"net/url"
	"strings"
)

// The four principles: admit failure, sound like a human, a channel for
// updates, be authentic. Each reads the whole text, as a reader does.

// owns: a failure owned in the first person, not in a stock apology ("we
// apologize for any inconvenience" admits nothing) nor in a question.
func owns(s *sentence) bool {
	return s.agent && s.cues.has(cueAdmission) && !s.stock && !isQuestion(s.text)
}

// fullText keeps sentences from texts of at least minWords: a reader
// needs more than a fragment to take it as an admission.
func fullText(xs []seen) []seen {
	out := xs[:0]
	for _, x := range xs {
		if x.t.st.words >= minWords {
			out = append(out, x)
		}
	}
	return out
}

func judgeAdmitFailure(d *Draft, f *facts) verdict {
	owning := fullText(byPlace(f.find(catOpening|catImpact|catCause|catAnalysis|catFactors|catWhys|catLessons|catOther, false, owns), catOpening, catCause, catLessons))
	deflecting := f.find(narrative, false, func(s *sentence) bool { return s.cues.has(cueDeflect) })
	n := f.wordsIn(d.Summary)
	switch {
	case len(owning) > 0 && len(deflecting) > 0:
		return verdict{Partial, fmt.Sprintf("Owns part of the failure, but pins the cause on someone else (%s).", quoteList(phrasesOf(deflecting, cueDeflect, 2))),
			"Say what in your own systems let it happen, not only who else was involved.", evidenceOf(owning, deflecting)}
	case len(owning) > 0 && owning[0].t.cat == catOpening:
		return verdict{Yes, "The summary admits what failed, in the first person.", "", evidenceOf(owning)}
	case len(owning) > 0:
		return verdict{Yes, "Owns the failure in the first person, in " + owning[0].t.where + ".", "", evidenceOf(owning)}
	case n == 0 && f.freeWords == 0:
		return verdict{No, "There is no summary yet.", "Write the summary: what failed, in your own words, starting with \"We\".", nil}
	case n > 0 && n < minWords:
		return verdict{Partial, fmt.Sprintf("The summary has %s; a reader needs a full sentence.", plural(n, "word")), "Say in a full sentence what failed and for whom.", summaryEvidence(d)}
	case n > 0 && allStock(f, catOpening):
		return verdict{Partial, "The summary apologises in stock phrases but never says what failed.", "Own it: \"We broke checkout for 40 minutes\", then say you are sorry for that.", summaryEvidence(d)}
	}
	ev := summaryEvidence(d)
	if len(ev) == 0 {
		ev = evidenceOf(f.find(narrative, false, func(s *sentence) bool { return s.cues.has(cueFailure) }))
	}
	return verdict{Partial, "Says what failed, but never owns it in the first person (\"we\", \"our\").", "Own it: \"We broke checkout for 40 minutes\", not \"checkout was unavailable\".", ev}
}

// allStock reports whether every sentence noticed in texts of cats holds
// a stock phrase.
func allStock(f *facts, cats category) bool {
	stock := f.find(cats, true, func(s *sentence) bool { return s.stock })
	plain := f.find(cats, false, func(s *sentence) bool { return !s.stock && wordsUpTo(s.text, 3) >= 3 })
	return len(stock) > 0 && len(plain) == 0
}

func summaryEvidence(d *Draft) []Evidence {
	if blank(d.Summary) {
		return nil
	}
	return []Evidence{fieldEvidence("Summary", firstSentence(d.Summary))}
}

// firstSentence is the first sentence of text, collapsed onto one line.
// It reads only as far as it must: a summary may be a 5 MB paste.
func firstSentence(text string) string {
	if len(text) > 2*quotePrefix {
		// Two sentences in a prefix: the first one ended well inside it,
		// with the character after its end in view, so it is the
		// whole text's first sentence too.
		if sents := splitSentences(collapse(runePrefix(text, quotePrefix))); len(sents) > 1 {
			return sents[0]
		}
	}
	if sents := splitSentences(collapse(text)); len(sents) > 0 {
		return sents[0]
	}
	return text
}

func judgeSoundHuman(_ *Draft, f *facts) verdict {
	stock := f.find(everywhere, true, func(s *sentence) bool { return s.stock })
	switch {
	case f.freeWords == 0:
		return verdict{No, "There is no free text yet.", "Start with the summary: say what happened as you would to a colleague.", nil}
	case f.boilerplate >= 3:
		return verdict{No, fmt.Sprintf("%s read like a press release.", plural(f.boilerplate, "boilerplate phrase")), "Rewrite the flagged phrases in plain words; each has a suggestion.", evidenceOf(stock)}
	case f.boilerplate > 0:
		return verdict{Partial, fmt.Sprintf("%s: %q.", plural(f.boilerplate, "boilerplate phrase"), firstOf(f.findings, Boilerplate)), "Replace the flagged phrase with what actually happened to people.", evidenceOf(stock)}
	case f.freeWords < minFreeWords:
		return verdict{Partial, fmt.Sprintf("Only %s of free text so far.", plural(f.freeWords, "word")), "Tell more of the story in your own words: what people saw, what you did.", openingEvidence(f)}
	}
	return verdict{Yes, fmt.Sprintf("%s of plain text, no boilerplate.", plural(f.freeWords, "word")), "", openingEvidence(f)}
}

// openingEvidence quotes the first sentence of the text, as a sample of
// its voice.
func openingEvidence(f *facts) []Evidence {
	for _, t := range f.texts {
		if t.st.sig.opening != "" {
			return []Evidence{{Where: t.where, Quote: Quote(t.st.sig.opening)}}
		}
	}
	for _, t := range f.texts {
		if q := Quote(t.st.sig.first); q != "" {
			return []Evidence{{Where: t.where, Quote: q}}
		}
	}
	// Only code or markup: quote the first line as written.
	for _, t := range f.texts {
		for line := range strings.SplitSeq(t.text, "\n") {
			if q := Quote(line); q != "" {
				return []Evidence{{Where: t.where, Quote: q}}
			}
		}
	}
	return nil
}

// tellsUpdates: the team saying it gave people updates somewhere
// ("we posted updates on our status page", "we used Twitter to inform
// those…"). Someone else's status page ("GitHub updated their status
// page") is not the team's channel.
func tellsUpdates(s *sentence) bool {
	// "We posted updates throughout on https://status…": a link in the
	// sentence is the outlet itself.
	return s.agent && s.cues.has(cueUpdate) && (s.cues.any(cueOutlet|cueAudience) || s.url)
}

func judgeChannel(d *Draft, f *facts) verdict {
	named := 0
	var ev []Evidence
	for _, ch := range d.Communication.Channels {
		if IsWebURL(ch.URL) {
			return verdict{Yes, fmt.Sprintf("Customers could follow updates at %s.", oneLine(ch.URL)), "", []Evidence{fieldEvidence("Communication", strings.TrimSpace(ch.Name+" "+ch.URL))}}
		}
		if !blank(ch.Name) || !blank(ch.URL) {
			named++
			ev = append(ev, fieldEvidence("Communication", strings.TrimSpace(ch.Name+" "+ch.URL)))
		}
	}
	// Plans ("we will set up a status page") are not where updates went.
	cats := narrative | catHuman | catOthers
	told := f.find(cats, true, tellsUpdates)
	var linked []seen
	for _, x := range told {
		if x.s.url {
			linked = append(linked, x)
		}
	}
	if len(linked) > 0 {
		return verdict{Yes, "Says where updates went, with a link: " + linked[0].t.where + ".", "", evidenceOf(linked, told)}
	}
	if named > 0 {
		return verdict{Partial, "Channels are named, but none has a working link.", "Add the full link, with https://, so readers can follow the next incident there.", ev}
	}
	inbox := f.find(cats, false, func(s *sentence) bool { return s.email })
	switch {
	case len(told) > 0:
		return verdict{Partial, "Says updates were given (" + told[0].s.firstHit(cueUpdate) + "), but not where a reader can follow them.", "Name the status page, account or blog, with its link.", evidenceOf(told)}
	case len(inbox) > 0:
		return verdict{Partial, "People could write to a support address, but no status page, account or blog is named.", "Say where updates were posted for everyone, with a link.", evidenceOf(inbox)}
	}
	return verdict{No, "No communication channel.", "Add where customers got updates: a status page, a support thread, a social account.", nil}
}

// IsWebURL reports whether s is an absolute http or https URL with a host.
func IsWebURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// vagueRate is how many stock or hedging phrases per thousand words make
// a text vague: one in 250 words. One "possibly" in a long, specific
// post-mortem is not evasion; the same word in a three-line note is.
const vagueRate = 4

func judgeAuthentic(d *Draft, f *facts) verdict {
	if f.freeWords == 0 {
		return verdict{No, "There is no free text yet.", "Write what happened with specifics: times, numbers, systems.", nil}
	}
	vague := f.boilerplate + f.hedging
	if vague > 0 && vague*1000 >= vagueRate*f.freeWords {
		kind := Hedging
		if f.boilerplate > 0 {
			kind = Boilerplate
		}
		ev := evidenceOf(f.find(everywhere, true, func(s *sentence) bool { return s.stock || s.hedge }))
		return verdict{Partial, fmt.Sprintf("%s in %s: %q.", plural(vague, "vague or stock phrase"), plural(f.freeWords, "word"), firstOf(f.findings, kind)), "Say what you know plainly, and what you are still finding out.", ev}
	}
	concrete := f.find(everywhere, false, func(s *sentence) bool { return s.digits > 0 || len(s.techs) > 0 })
	best := concrete
	if len(concrete) > 1 {
		best = []seen{concrete[0]}
		for _, x := range concrete {
			if x.s.digits+len(x.s.techs) > best[0].s.digits+len(best[0].s.techs) {
				best[0] = x
			}
		}
	}
	if f.concrete < minConcrete {
		return verdict{Partial, fmt.Sprintf("%s so far.", plural(f.concrete, "concrete detail")), "Add specifics: timeline times, numbers (requests, minutes, users), the systems involved.", evidenceOf(best)}
	}
	// Specific numbers around a cause that is only named ("the culprit
	// was identified") still leave the reader guessing: being authentic
	// is being specific about why, too.
	if !causeExplained(d, f) {
		return verdict{Partial, fmt.Sprintf("%s, but the cause is named, not explained.", plural(f.concrete, "concrete detail")), "Explain what went wrong and why, as specifically as the numbers.", evidenceOf(best)}
	}
	return verdict{Yes, fmt.Sprintf("Plain and specific: %s.", plural(f.concrete, "concrete detail")), "", evidenceOf(best)}
}
