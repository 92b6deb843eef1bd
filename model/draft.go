// Package model holds pmwiz's domain: the post-mortem draft, its
// validation, the completeness rubric and the tone check. It is pure: no
// terminal, no files, no clocks it was not handed. Everything else in pmwiz
// depends on it and it depends on nothing of ours.
package model

import (
	"encoding/json"
	"time"
)

// SchemaVersion is the newest draft format this build reads and writes.
// docs/draft-format.md is the public contract behind it.
const SchemaVersion = 1

// Status is where a post-mortem is in its life.
type Status string

const (
	StatusDraft     Status = "draft"
	StatusReview    Status = "review"
	StatusPublished Status = "published"
)

// Audience says who the post-mortem is written for.
type Audience string

const (
	AudiencePublic   Audience = "public"
	AudienceInternal Audience = "internal"
)

// Draft is one post-mortem, exactly as stored in a draft file.
//
// Every field but Schema is optional: a draft is written over an hour, and
// half-written is its normal state. Keys this build does not know are kept
// in Extra and written back, so a newer tool's additions survive an edit
// with an older pmwiz.
type Draft struct {
	Schema         int                   `json:"schema"`
	Title          string                `json:"title,omitempty"`
	Status         Status                `json:"status,omitempty"`
	Audience       Audience              `json:"audience,omitempty"`
	Severity       string                `json:"severity,omitempty"`
	Authors        []string              `json:"authors,omitempty"`
	Created        *time.Time            `json:"created,omitempty"`
	Updated        *time.Time            `json:"updated,omitempty"`
	Summary        string                `json:"summary,omitempty"`
	Timeline       Timeline              `json:"timeline,omitzero"`
	Impact         Impact                `json:"impact,omitzero"`
	RootCause      RootCause             `json:"root_cause,omitzero"`
	FiveWhys       []Why                 `json:"five_whys,omitempty"`
	Lessons        []string              `json:"lessons,omitempty"`
	ActionItems    []ActionItem          `json:"action_items,omitempty"`
	Technologies   []string              `json:"technologies,omitempty"`
	HumanElements  string                `json:"human_elements,omitempty"`
	OthersCanLearn string                `json:"others_can_learn,omitempty"`
	Communication  Communication         `json:"communication,omitzero"`
	Assessments    map[string]Assessment `json:"assessments,omitempty"`
	// Other holds sections of an imported Markdown post-mortem that map to
	// no field above, verbatim, so an import never loses a word.
	Other []Section `json:"other,omitempty"`
	// Pending is text typed into a field that pmwiz could not store there
	// yet (a time it cannot read, a bad due date), by field path, e.g.
	// {"timeline.mitigated": "half past two"}. It lives in the draft so an
	// autosave, a dropped SSH session or a crash never loses it; the
	// wizard shows it in its field again until it is fixed. It is never
	// exported or scored.
	Pending map[string]string `json:"pending,omitempty"`
	// Conflicts are fields two people changed differently, recorded by a
	// merge (see merge.go) with both texts, until someone resolves them.
	// Never exported or scored.
	Conflicts []Conflict `json:"conflicts,omitempty"`
	// ResumeAt is the field path the wizard had focused when it was last
	// left ("root_cause.analysis"), so resuming opens where the writer
	// left off. Optional; a path that no longer exists opens Basics.
	ResumeAt string `json:"resume_at,omitempty"`

	// Extra keeps unknown top-level keys, raw, to write them back unchanged.
	Extra map[string]json.RawMessage `json:"-"`
}

// Timeline is when things happened. Times keep the offset they were
// written with; TimeZone is the IANA zone used to show them.
type Timeline struct {
	TimeZone string `json:"timezone,omitempty"`
	// Day is the incident's calendar day (YYYY-MM-DD) when the text gives
	// a day but no time of day ("On 31st July 2018 …"): the start is
	// known only to the day, which the rubric counts as partial. Start,
	// when set, is more precise and wins.
	Day       string     `json:"day,omitempty"`
	Start     *time.Time `json:"start,omitempty"`
	Detected  *time.Time `json:"detected,omitempty"`
	Mitigated *time.Time `json:"mitigated,omitempty"`
	End       *time.Time `json:"end,omitempty"`
	Events    []Event    `json:"events,omitempty"`

	Extra map[string]json.RawMessage `json:"-"` // unknown keys, kept to write back
}

// Event is one line of the timeline.
type Event struct {
	ID   string     `json:"id,omitempty"` // stable identity for merges; see ids.go
	At   *time.Time `json:"at,omitempty"`
	Text string     `json:"text,omitempty"`

	Extra map[string]json.RawMessage `json:"-"` // unknown keys, kept to write back
}

// Impact is who and what was hurt, and how much.
type Impact struct {
	Who    string `json:"who,omitempty"`
	What   string `json:"what,omitempty"`
	Extent string `json:"extent,omitempty"`

	Extra map[string]json.RawMessage `json:"-"` // unknown keys, kept to write back
}

// RootCause is what went wrong and how the team found out.
type RootCause struct {
	WhatWentWrong       string   `json:"what_went_wrong,omitempty"`
	Analysis            string   `json:"analysis,omitempty"`
	ContributingFactors []string `json:"contributing_factors,omitempty"`

	Extra map[string]json.RawMessage `json:"-"` // unknown keys, kept to write back
}

// Why is one step of the Five Whys.
type Why struct {
	ID      string `json:"id,omitempty"` // stable identity for merges; see ids.go
	Why     string `json:"why,omitempty"`
	Because string `json:"because,omitempty"`

	Extra map[string]json.RawMessage `json:"-"` // unknown keys, kept to write back
}

// MaxWhys is the most Five Whys a draft may hold.
const MaxWhys = 5

// ActionType sorts action items by what they do.
type ActionType string

const (
	ActionMitigate ActionType = "mitigate"
	ActionPrevent  ActionType = "prevent"
	ActionProcess  ActionType = "process"
	ActionOther    ActionType = "other"
)

// ActionTypes lists the valid action types in the order a picker shows them.
var ActionTypes = []ActionType{ActionMitigate, ActionPrevent, ActionProcess, ActionOther}

// ActionItem is one thing the team will do.
type ActionItem struct {
	ID    string     `json:"id,omitempty"` // stable identity for merges; see ids.go
	What  string     `json:"what,omitempty"`
	Owner string     `json:"owner,omitempty"`
	Due   string     `json:"due,omitempty"` // YYYY-MM-DD: a day, not an instant
	Type  ActionType `json:"type,omitempty"`
	Link  string     `json:"link,omitempty"`
	Done  bool       `json:"done,omitempty"`

	Extra map[string]json.RawMessage `json:"-"` // unknown keys, kept to write back
}

// DueLayout is the layout of ActionItem.Due.
const DueLayout = "2006-01-02"

// Communication is where customers got updates.
type Communication struct {
	Channels []Channel `json:"channels,omitempty"`

	Extra map[string]json.RawMessage `json:"-"` // unknown keys, kept to write back
}

// Channel is one place customers could follow the incident.
type Channel struct {
	ID   string `json:"id,omitempty"` // stable identity for merges; see ids.go
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`

	Extra map[string]json.RawMessage `json:"-"` // unknown keys, kept to write back
}

// Verdict is a rubric item's state.
type Verdict string

const (
	Yes     Verdict = "yes"
	Partial Verdict = "partial"
	No      Verdict = "no"
)

// Assessment is a reviewer's verdict on one rubric item; it overrides the
// automatic one.
type Assessment struct {
	Status Verdict `json:"status"`
	Note   string  `json:"note,omitempty"`

	Extra map[string]json.RawMessage `json:"-"` // unknown keys, kept to write back
}

// Section is a heading and its Markdown body, kept verbatim.
type Section struct {
	ID      string `json:"id,omitempty"` // stable identity for merges; see ids.go
	Heading string `json:"heading"`
	Body    string `json:"body,omitempty"`

	Extra map[string]json.RawMessage `json:"-"` // unknown keys, kept to write back
}

// New returns an empty draft of the current schema, created at now.
func New(title string, now time.Time) *Draft {
	return &Draft{
		Schema:  SchemaVersion,
		Title:   title,
		Status:  StatusDraft,
		Created: &now,
		Updated: &now,
	}
}
