package model

import (
	"fmt"
	"strings"
	"time"
)

// The rubric: four principles, four must-haves and four nice-to-haves
// from the guideline for post-incident communication. Each item is judged
// yes (full points), partial (half) or no; the score is out of 100.

// minWords is how many words make an answer more than a placeholder.
const minWords = 8

// minFreeWords is how much free text it takes to sound like a person.
const minFreeWords = 40

// minConcrete is how many concrete details make a post-mortem credible.
const minConcrete = 3

// RubricItem describes one item of the rubric.
type RubricItem struct {
	ID     string
	Tier   Tier
	Title  string
	Points int
}

// Rubric lists the twelve items in order. The points add up to 100.
var Rubric = []RubricItem{
	{ItemAdmitFailure, TierPrinciple, "Admit failure", 5},
	{ItemSoundHuman, TierPrinciple, "Sound like a human", 5},
	{ItemChannel, TierPrinciple, "Communication channel", 5},
	{ItemAuthentic, TierPrinciple, "Be authentic", 5},
	{ItemStartEnd, TierMust, "Start and end time", 15},
	{ItemImpact, TierMust, "Who and what was impacted", 15},
	{ItemRootCause, TierMust, "What went wrong, and how you found it", 15},
	{ItemLessons, TierMust, "Lessons and action items", 15},
	{ItemTechnologies, TierNice, "Technologies involved", 5},
	{ItemFiveWhys, TierNice, "Five Whys", 5},
	{ItemHumanElements, TierNice, "Human elements", 5},
	{ItemOthersLearn, TierNice, "What others can learn", 5},
}

// RubricItemByID finds an item of the rubric.
func RubricItemByID(id string) (RubricItem, bool) {
	for _, it := range Rubric {
		if it.ID == id {
			return it, true
		}
	}
	return RubricItem{}, false
}

// verdict is an automatic judgement before points are attached.
type verdict struct {
	status       Verdict
	reason, next string
	evidence     []Evidence
}

// facts are what several items share, computed once per score.
type facts struct {
	freeWords   int
	findings    []Finding
	boilerplate int
	hedging     int
	concrete    int
	texts       []judgedText // every text, in reader order, with what was noticed in it
	stats       map[string]*textStats
}

// wordsIn is Words(text), from what was read of it when it is one of the
// draft's texts: counting a 5 MB summary again would cost a keystroke.
func (f *facts) wordsIn(text string) int {
	if st, ok := f.stats[text]; ok {
		return st.words
	}
	return Words(text)
}

// textStats is what the rubric needs from one piece of free text.
type textStats struct {
	words, digits int
	findings      []Finding // Field left empty: the same text may stand in several fields
	sig           *textSignals
}

func statsOf(text string) *textStats {
	tone, words, digits := toneCounted("", text)
	// One allocation for the stats and the signals they point to.
	both := &struct {
		st  textStats
		sig textSignals
	}{st: textStats{words: words, digits: digits, findings: dedupe(tone)}}
	analyseInto(&both.sig, text)
	both.st.sig = &both.sig
	return &both.st
}

// statsOf reads a text the Scorer has not seen: a long one piece by
// piece, so an edit re-reads one piece.
func (s *Scorer) statsOf(text string) *textStats {
	if s.memo == nil || len(text) < piecesFrom {
		return statsOf(text)
	}
	return statsInPieces(text, &s.pieces)
}

// Scorer scores a draft again and again, as the wizard does on every
// keystroke. It remembers the stats of each text it has read, so a
// keystroke re-reads only the field being typed in; the rest is a map
// lookup. Texts no longer in the draft are forgotten on the next score.
// A Scorer is not safe for concurrent use.
type Scorer struct {
	memo   map[string]*textStats
	pieces pieceMemo // a long text's pieces (pieces.go)
}

// NewScorer returns a Scorer with an empty memory.
func NewScorer() *Scorer { return &Scorer{memo: map[string]*textStats{}} }

// Score rates a draft against the 12-item rubric. It is a pure function of
// the draft, cheap enough to run on every keystroke (see
// docs/performance.md); use a Scorer to score the same draft repeatedly.
func Score(d *Draft) Report { return (&Scorer{}).Score(d) }

func (s *Scorer) gatherFacts(d *Draft) facts {
	// One entry per text: sized from the last score so a keystroke in a
	// large draft does not regrow the list a few thousand times.
	f := facts{texts: make([]judgedText, 0, len(s.memo)+countTexts(d))}
	next := make(map[string]*textStats, len(s.memo))
	eachFreeText(d, func(ref fieldRef, text string) {
		st, ok := s.memo[text]
		if !ok {
			if st, ok = next[text]; !ok {
				st = s.statsOf(text)
			}
		}
		next[text] = st
		f.texts = append(f.texts, judgedText{cat: ref.field.cat, where: ref.label(d), text: text, st: st})
		f.freeWords += st.words
		f.concrete += st.digits
		for _, fd := range st.findings {
			fd.Field = ref.String()
			f.findings = append(f.findings, fd)
			switch fd.Kind {
			case Boilerplate:
				f.boilerplate++
			case Hedging:
				f.hedging++
			}
		}
	})
	f.stats = next
	if s.memo != nil {
		s.memo = next
		s.pieces.age()
	}
	tl := d.Timeline
	for _, t := range []*time.Time{tl.Start, tl.Detected, tl.Mitigated, tl.End} {
		if t != nil {
			f.concrete++
		}
	}
	f.concrete += len(tl.Events) + countNonBlank(d.Technologies)
	return f
}

// Score rates a draft against the 12-item rubric.
func (s *Scorer) Score(d *Draft) Report {
	f := s.gatherFacts(d)
	r := Report{Max: 100, Findings: f.findings, Metrics: ComputeMetrics(d.Timeline), Problems: d.Validate()}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Problems == nil {
		r.Problems = []Problem{}
	}
	r.Mentioned, _ = textTechnologies(&f)
	r.Items = make([]ItemResult, 0, len(Rubric))
	for _, it := range Rubric {
		v := judges[it.ID](d, &f)
		res := ItemResult{ID: it.ID, Tier: it.Tier, Title: it.Title, Max: it.Points, Source: SourceAuto, Status: v.status, Reason: v.reason, Next: v.next}
		if v.status != No {
			res.Evidence = v.evidence
			if len(res.Evidence) == 0 {
				// Every yes and partial quotes something: at least the
				// opening the verdict was read from.
				res.Evidence = openingEvidence(&f)
			}
		}
		if a, ok := d.Assessments[it.ID]; ok && validVerdict(a.Status) {
			res.Source, res.Status, res.Note = SourceReviewer, a.Status, a.Note
			res.Reason = "A reviewer marked this " + string(a.Status)
			if a.Note != "" {
				res.Reason += ": " + oneLine(a.Note)
			}
			switch {
			case a.Status == Yes:
				res.Next = ""
			case res.Next == "" && a.Note != "":
				res.Next = "Address the reviewer's note: " + oneLine(a.Note)
			case res.Next == "":
				res.Next = "Ask the reviewer what is missing here."
			}
		}
		switch {
		case res.Status == No:
			res.Evidence = nil
		case len(res.Evidence) == 0 && res.Note != "":
			res.Evidence = []Evidence{{Where: "Reviewer", Quote: Quote(res.Note)}}
		case len(res.Evidence) == 0:
			res.Evidence = openingEvidence(&f)
		}
		res.Points = points(res.Status, it.Points)
		r.Score += res.Points
		r.Items = append(r.Items, res)
	}
	return r
}

// judges decide each item automatically, before reviewer overrides.
var judges = map[string]func(*Draft, *facts) verdict{
	ItemAdmitFailure:  judgeAdmitFailure,
	ItemSoundHuman:    judgeSoundHuman,
	ItemChannel:       judgeChannel,
	ItemAuthentic:     judgeAuthentic,
	ItemStartEnd:      judgeStartEnd,
	ItemImpact:        judgeImpact,
	ItemRootCause:     judgeRootCause,
	ItemLessons:       judgeLessons,
	ItemTechnologies:  judgeTechnologies,
	ItemFiveWhys:      judgeFiveWhys,
	ItemHumanElements: judgeHumanElements,
	ItemOthersLearn:   judgeOthersLearn,
}

func points(v Verdict, max int) float64 {
	switch v {
	case Yes:
		return float64(max)
	case Partial:
		return float64(max) / 2
	}
	return 0
}

func validVerdict(v Verdict) bool { return v == Yes || v == Partial || v == No }

// Next is the single most valuable thing to add: the item that is not yet
// "yes" and would gain the most points, earliest in rubric order on a tie.
func (r Report) Next() (ItemResult, bool) {
	best, found := ItemResult{}, false
	for _, it := range r.Items {
		if it.Status == Yes {
			continue
		}
		if !found || float64(it.Max)-it.Points > float64(best.Max)-best.Points {
			best, found = it, true
		}
	}
	return best, found
}

// MissingMustHaves lists the must-have items that are not yet "yes", in
// rubric order: what publishing without would leave a reader missing.
func (r Report) MissingMustHaves() []ItemResult {
	var out []ItemResult
	for _, it := range r.Items {
		if it.Tier == TierMust && it.Status != Yes {
			out = append(out, it)
		}
	}
	return out
}

func countNonBlank(ss []string) int {
	n := 0
	for _, s := range ss {
		if !blank(s) {
			n++
		}
	}
	return n
}

func firstOf(fs []Finding, kind FindingKind) string {
	for _, f := range fs {
		if f.Kind == kind {
			return oneLine(f.Phrase)
		}
	}
	return ""
}

// plural writes "1 word", "3 words"; give the plural when it is irregular.
func plural(n int, one string, many ...string) string {
	word := one + "s"
	if len(many) > 0 {
		word = many[0]
	}
	if n == 1 {
		word = one
	}
	return fmt.Sprintf("%d %s", n, word)
}

// oneLine squeezes text onto one line for a reason or a note.
func oneLine(s string) string {
	return truncate(strings.Join(strings.Fields(SafeLine(s)), " "), 80)
}

// countTexts is about how many free texts the draft holds.
func countTexts(d *Draft) int {
	return 8 + len(d.Timeline.Events) + 2*len(d.FiveWhys) + len(d.Lessons) + len(d.ActionItems) + len(d.RootCause.ContributingFactors) + len(d.Other)
}
