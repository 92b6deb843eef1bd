package model

// Tier groups rubric items by how much a reader needs them.
type Tier string

const (
	TierPrinciple Tier = "principle"
	TierMust      Tier = "must"
	TierNice      Tier = "nice"
)

// Item ids, in rubric order. They are part of the draft format
// (assessments are keyed by them) and of `pmwiz score --json`.
const (
	ItemAdmitFailure  = "admit_failure"
	ItemSoundHuman    = "sound_human"
	ItemChannel       = "channel"
	ItemAuthentic     = "authentic"
	ItemStartEnd      = "start_end"
	ItemImpact        = "impact"
	ItemRootCause     = "root_cause"
	ItemLessons       = "lessons"
	ItemTechnologies  = "technologies"
	ItemFiveWhys      = "five_whys"
	ItemHumanElements = "human_elements"
	ItemOthersLearn   = "others_learn"
)

// Source says who decided an item's verdict.
type Source string

const (
	SourceAuto     Source = "auto"
	SourceReviewer Source = "reviewer"
)

// ItemResult is the verdict on one rubric item, explained for a person.
type ItemResult struct {
	ID     string  `json:"id"`
	Tier   Tier    `json:"tier"`
	Title  string  `json:"title"`
	Status Verdict `json:"status"`
	Points float64 `json:"points"`
	Max    int     `json:"max"`
	Source Source  `json:"source"`
	Reason string  `json:"reason"`
	Next   string  `json:"next"`
	Note   string  `json:"note,omitempty"` // the reviewer's note, when Source is reviewer
	// Evidence quotes what a yes or partial rests on, best first.
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Report is everything `pmwiz score` and the live panel show.
type Report struct {
	Score    float64      `json:"score"`
	Max      int          `json:"max"`
	Items    []ItemResult `json:"items"`
	Findings []Finding    `json:"findings"`
	Metrics  Metrics      `json:"metrics"`
	Problems []Problem    `json:"problems"`
	// Mentioned lists the technologies the text names, by their catalogue
	// names, in the order it names them.
	Mentioned []string `json:"mentioned_technologies,omitempty"`
}

// FindingKind sorts tone findings.
type FindingKind string

const (
	Boilerplate FindingKind = "boilerplate"
	Hedging     FindingKind = "hedging"
	Blame       FindingKind = "blame" // advice only: never counted in the score
)

// Finding is one phrase the tone check flags, where it stands, and what to
// write instead. Offset is in bytes into the field's text.
type Finding struct {
	Kind       FindingKind `json:"kind"`
	Field      string      `json:"field"`
	Phrase     string      `json:"phrase"`
	Offset     int         `json:"offset"`
	Suggestion string      `json:"suggestion"`
}
