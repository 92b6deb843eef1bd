package model

import "strconv"

// Field paths name a place in a draft the way the draft file spells it:
// object keys joined by dots, a list entry by its index in brackets
// ("timeline.events[3].text"), a map entry by its key after a dot
// ("assessments.impact.status"). Problems, findings, evidence, pending
// text, conflicts, the wizard's fields, ResumeAt and the export layouts all
// speak of fields by these paths, so they are spelt here once and every
// package uses the names. fieldpaths_test.go fails when a field of the
// draft has no constant here, or a constant names no field.
const (
	PathSchema   = "schema"
	PathTitle    = "title"
	PathStatus   = "status"
	PathAudience = "audience"
	PathSeverity = "severity"
	PathAuthors  = "authors"
	PathCreated  = "created"
	PathUpdated  = "updated"
	PathSummary  = "summary"

	PathTimeline  = "timeline"
	PathTimeZone  = "timeline.timezone"
	PathDay       = "timeline.day"
	PathStart     = "timeline.start"
	PathDetected  = "timeline.detected"
	PathMitigated = "timeline.mitigated"
	PathEnd       = "timeline.end"
	PathEvents    = "timeline.events" // list of Event; entry keys KeyAt, KeyText

	PathImpact       = "impact"
	PathImpactWho    = "impact.who"
	PathImpactWhat   = "impact.what"
	PathImpactExtent = "impact.extent"

	PathRootCause           = "root_cause"
	PathWhatWentWrong       = "root_cause.what_went_wrong"
	PathAnalysis            = "root_cause.analysis"
	PathContributingFactors = "root_cause.contributing_factors" // list of strings

	PathFiveWhys       = "five_whys"    // list of Why; entry keys KeyWhy, KeyBecause
	PathLessons        = "lessons"      // list of strings
	PathActionItems    = "action_items" // list of ActionItem; entry keys KeyWhat … KeyDone
	PathTechnologies   = "technologies" // list of strings
	PathHumanElements  = "human_elements"
	PathOthersCanLearn = "others_can_learn"

	PathCommunication = "communication"
	PathChannels      = "communication.channels" // list of Channel; entry keys KeyName, KeyURL

	PathAssessments = "assessments" // map by rubric item id; entry keys KeyVerdict, KeyNote
	PathOther       = "other"       // list of Section; entry keys KeyHeading, KeyBody
	PathPending     = "pending"     // map by field path
	PathConflicts   = "conflicts"
	PathResumeAt    = "resume_at"
)

// Entry keys: the field of one list or map entry, the part of a path after
// "[i]." or "<key>.". Several entry types share a key ("id", "what").
const (
	KeyID = "id" // every list entry that merges by identity

	KeyAt   = "at"   // Event
	KeyText = "text" // Event

	KeyWhy     = "why"     // Why
	KeyBecause = "because" // Why

	KeyWhat  = "what"  // ActionItem
	KeyOwner = "owner" // ActionItem
	KeyDue   = "due"   // ActionItem
	KeyType  = "type"  // ActionItem
	KeyLink  = "link"  // ActionItem
	KeyDone  = "done"  // ActionItem

	KeyName = "name" // Channel
	KeyURL  = "url"  // Channel

	KeyVerdict = "status" // Assessment: its verdict
	KeyNote    = "note"   // Assessment, Conflict

	KeyPath   = "path"   // Conflict: the field it is about
	KeyBase   = "base"   // Conflict
	KeyOurs   = "ours"   // Conflict
	KeyTheirs = "theirs" // Conflict

	KeyHeading = "heading" // Section
	KeyBody    = "body"    // Section
)

// EntryPath is the path of entry i of the list at list: "lessons[2]".
func EntryPath(list string, i int) string { return list + "[" + strconv.Itoa(i) + "]" }

// EntryFieldPath is the path of field key of entry i of the list at list:
// "five_whys[2].because".
func EntryFieldPath(list string, i int, key string) string { return EntryPath(list, i) + "." + key }

// MapEntryPath is the path of the entry at key of the map at m:
// "assessments.impact". Keys may themselves hold dots ("pending.timeline.end").
func MapEntryPath(m, key string) string { return m + "." + key }
