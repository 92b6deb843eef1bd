package export

import (
	"regexp"
	"strings"
)

// Heading synonyms: what post-mortems written from the Google SRE example,
// the Atlassian and the PagerDuty templates (and people's own variants)
// call each part. Keys are normalised headings (normHeading).

// Group keys for sections that hold several parts.
const (
	groupImpact    = "group.impact"
	groupRootCause = "group.root_cause"
	groupLessons   = "group.lessons"
	groupSupport   = "group.supporting"
)

var sectionSynonyms = map[string]string{
	"summary": keySummary, "incident summary": keySummary, "overview": keySummary,
	"executive summary": keySummary, "tldr": keySummary, "tl dr": keySummary,
	"description": keySummary, "incident overview": keySummary, "abstract": keySummary,

	"impact": groupImpact, "customer impact": groupImpact, "user impact": groupImpact,
	"business impact": groupImpact, "impact assessment": groupImpact, "impact summary": groupImpact,

	"timeline": keyTimeline, "incident timeline": keyTimeline, "timeline of events": keyTimeline,
	"chronology": keyTimeline, "sequence of events": keyTimeline, "detailed timeline": keyTimeline,

	"root cause": groupRootCause, "root causes": groupRootCause, "root cause analysis": groupRootCause,
	"cause": groupRootCause, "causes": groupRootCause, "what happened": groupRootCause,
	"blameless root cause": groupRootCause, "rca": groupRootCause,
	"fault": keyWrong, "trigger": keyWrong, "triggers": keyWrong,
	"contributing factors": keyFactors, "contributing factor": keyFactors,

	"five whys": keyWhys, "5 whys": keyWhys, "the five whys": keyWhys, "whys": keyWhys,

	"lessons learned": groupLessons, "lessons": groupLessons, "learnings": groupLessons,
	"key takeaways": groupLessons, "takeaways": groupLessons, "howd we do": groupLessons,
	"how did we do": groupLessons, "lessons learnt": groupLessons, "retrospective": groupLessons,
	"what went well": lessonWell, "what went wrong": lessonWrong, "what didnt go so well": lessonWrong,
	"what did not go well": lessonWrong, "what went poorly": lessonWrong, "where we got lucky": lessonLucky,

	"action items": keyActions, "actions": keyActions, "corrective actions": keyActions,
	"follow ups": keyActions, "followups": keyActions, "follow up actions": keyActions,
	"next steps": keyActions, "remediation": keyActions, "remediations": keyActions,
	"preventive actions": keyActions, "preventative actions": keyActions, "action plan": keyActions,
	"corrective and preventative actions": keyActions, "todo": keyActions,

	"technologies involved": keyTech, "technologies": keyTech, "technology": keyTech,
	"systems involved": keyTech, "services involved": keyTech, "tech stack": keyTech,

	"human elements": keyHuman, "human factors": keyHuman, "human element": keyHuman,

	"what others can learn": keyOthers, "lessons for others": keyOthers, "what others can learn from this": keyOthers,

	"where to follow updates": keyUpdates, "where customers got updates": keyUpdates,
	"customer communication": keyUpdates, "communication": keyUpdates, "communications": keyUpdates,
	"messaging": keyUpdates, "external communication": keyUpdates, "status updates": keyUpdates,
	"updates": keyUpdates, "external messaging": keyUpdates,

	"supporting information": groupSupport,
}

// Lessons from "what went well / wrong / where we got lucky" keep where
// they came from as a prefix.
const (
	lessonWell  = "lessons.well"
	lessonWrong = "lessons.wrong"
	lessonLucky = "lessons.lucky"
)

var lessonPrefix = map[string]string{
	lessonWell: "Went well: ", lessonWrong: "Went wrong: ", lessonLucky: "Got lucky: ",
}

// subSynonyms are the sub-headings inside a group.
var subSynonyms = map[string]map[string]string{
	groupImpact: {
		"who was affected": keyWho, "who": keyWho, "affected users": keyWho, "affected customers": keyWho,
		"customers affected": keyWho, "users affected": keyWho, "who was impacted": keyWho,
		"what was affected": keyWhat, "what": keyWhat, "what broke": keyWhat, "affected services": keyWhat,
		"services affected": keyWhat, "what was impacted": keyWhat,
		"how bad it was": keyExtent, "extent": keyExtent, "scope": keyExtent, "how much": keyExtent,
		"magnitude": keyExtent, "blast radius": keyExtent,
	},
	groupRootCause: {
		"what went wrong": keyWrong, "root cause": keyWrong, "fault": keyWrong, "trigger": keyWrong, "cause": keyWrong,
		"how we found it": keyAnalysis, "analysis": keyAnalysis, "investigation": keyAnalysis,
		"how we found the cause": keyAnalysis, "root cause analysis": keyAnalysis,
		"contributing factors": keyFactors, "contributing factor": keyFactors,
	},
	groupLessons: {
		"what we learned": keyLessons, "lessons": keyLessons, "lessons learned": keyLessons,
		"what others can learn": keyOthers,
		"what went well":        lessonWell, "what went wrong": lessonWrong, "what didnt go so well": lessonWrong,
		"what did not go well": lessonWrong, "where we got lucky": lessonLucky,
	},
	groupSupport: {
		"five whys": keyWhys, "5 whys": keyWhys, "technologies involved": keyTech, "technologies": keyTech,
		"human elements": keyHuman, "human factors": keyHuman, "where customers got updates": keyUpdates,
		"communication": keyUpdates, "what others can learn": keyOthers,
	},
}

var (
	numberingRe = regexp.MustCompile(`^(\d+(\.\d+)*|[ivxIVX]+)[.)]?\s+`)
	nonWordRe   = regexp.MustCompile(`[^\p{L}\p{N}]+`)
)

// normHeading folds case, numbering, punctuation and "(s)" so "2. Root
// Cause(s):" and "root causes" meet.
func normHeading(h string) string {
	h = strings.TrimSpace(unescapeLiteral(h))
	h = numberingRe.ReplaceAllString(h, "")
	h = strings.ToLower(h)
	h = strings.ReplaceAll(h, "(s)", "s")
	h = strings.ReplaceAll(h, "'", "")
	h = strings.ReplaceAll(h, "’", "")
	h = nonWordRe.ReplaceAllString(h, " ")
	return strings.TrimSpace(h)
}

// sectionKey maps a top-level heading to a part or group key, or "".
func sectionKey(h string) string {
	return sectionSynonyms[normHeading(h)]
}

func subKey(group, h string) string {
	if m, ok := subSynonyms[group]; ok {
		if k := m[normHeading(h)]; k != "" {
			return k
		}
	}
	return ""
}
