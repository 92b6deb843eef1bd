package export

import (
	_ "embed"
	"regexp"
	"strings"
)

// Heading synonyms live in headings.txt, one phrase a line, so adding a
// template's wording is a one-line change that needs no code.
//
//go:embed headings.txt
var headingsText string

// Group keys for sections that hold several parts, and the meta keys for
// headings whose body is one value ("## Date", "## Authors").
const (
	groupImpact    = "group.impact"
	groupRootCause = "group.root_cause"
	groupLessons   = "group.lessons"
	groupSupport   = "group.supporting"
	metaDate       = "meta.date"
	metaAuthors    = "meta.authors"
	metaStatus     = "meta.status"
	metaSeverity   = "meta.severity"
)

// Lessons from "what went well / wrong" keep where they came from as a
// prefix.
const (
	lessonWell  = "lessons.well"
	lessonWrong = "lessons.wrong"
)

var lessonPrefix = map[string]string{
	lessonWell: "Went well: ", lessonWrong: "Went wrong: ",
}

// synonymTable maps normalised phrases to keys, for one context: "" for
// a section heading, or a group key for the sub-headings inside it.
type synonymTable struct {
	exact    map[string]string
	patterns []synonymPattern // phrases with "*", in file order
}

type synonymPattern struct {
	prefix, suffix string // around the "*"
	key            string
}

var synonyms = loadSynonyms(headingsText)

// knownKeys are the keys headings.txt may name; a typo there fails the
// tests instead of silently mapping nothing.
var knownKeys = withProseParts(map[string]bool{
	keyTimeline: true, keyFactors: true, keyWhys: true, keyLessons: true, keyActions: true, keyTech: true,
	keyUpdates: true, groupImpact: true, groupRootCause: true,
	groupLessons: true, groupSupport: true, metaDate: true, metaAuthors: true, metaStatus: true,
	metaSeverity: true, lessonWell: true, lessonWrong: true,
})

// withProseParts adds the keys of proseParts (layout.go) to keys.
func withProseParts(keys map[string]bool) map[string]bool {
	for k := range proseParts {
		keys[k] = true
	}
	return keys
}

func loadSynonyms(text string) map[string]*synonymTable {
	tables := map[string]*synonymTable{}
	var cur *synonymTable
	var key string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			ctx, k, found := strings.Cut(line[1:len(line)-1], ">")
			if !found {
				ctx, k = "", ctx
			}
			ctx, key = strings.TrimSpace(ctx), strings.TrimSpace(k)
			if !knownKeys[key] {
				panic("export: headings.txt names an unknown part " + key)
			}
			if tables[ctx] == nil {
				tables[ctx] = &synonymTable{exact: map[string]string{}}
			}
			cur = tables[ctx]
			continue
		}
		if cur == nil {
			panic("export: headings.txt has a phrase before any [part]: " + line)
		}
		if pre, suf, ok := strings.Cut(line, "*"); ok {
			cur.patterns = append(cur.patterns, synonymPattern{normHeading(pre), normHeading(suf), key})
			continue
		}
		n := normHeading(line)
		if _, dup := cur.exact[n]; !dup {
			cur.exact[n] = key
		}
	}
	return tables
}

func (t *synonymTable) lookup(n string) string {
	if t == nil || n == "" {
		return ""
	}
	if k := t.exact[n]; k != "" {
		return k
	}
	// A pattern's fixed words must be whole words of the heading.
	padded := " " + n + " "
	for _, p := range t.patterns {
		pre, suf := " ", " "
		if p.prefix != "" {
			pre = " " + p.prefix + " "
		}
		if p.suffix != "" {
			suf = " " + p.suffix + " "
		}
		if strings.HasPrefix(padded, pre) && strings.HasSuffix(padded, suf) && len(padded) >= len(pre)+len(suf)-1 {
			return p.key
		}
	}
	return ""
}

var (
	numberingRe   = regexp.MustCompile(`^(\d+(\.\d+)*|[ivxIVX]+|[A-Za-z])[.)]\s+|^\d+(\.\d+)*\s+`)
	nonWordRe     = regexp.MustCompile(`[^\p{L}\p{N}]+`)
	parenRe       = regexp.MustCompile(`\([^()]*\)|\[[^\[\]]*\]`)
	possessiveRe  = regexp.MustCompile(`(\p{L})['’]s\b`)
	fillerWordsRe = regexp.MustCompile(`\b(the|a|an|our|my|your|its|their|this|that)\b`)
	// Words that only say which incident a heading is about: "Root cause
	// of the outage", "Timeline for this incident", "Impact to customers
	// during the outage".
	trailingAboutRe = regexp.MustCompile(`\s+(of|for|during|in|from|about|behind)(\s+\w+)?\s+(outage|incident|issue|event|downtime|disruption|problem|failure|breach|attack|compromise|leak|degradation)s?$|\s+(outage|incident)$`)
	leadingAboutRe  = regexp.MustCompile(`^(incident|outage|postmortem|post mortem)\s+`)
	danglingRe      = regexp.MustCompile(`\s+(from|of|for|about|to|in|on|with)$`)
)

// normHeading folds what does not change a heading's meaning: case,
// numbering ("2.", "IV)"), emphasis and punctuation, parentheses ("(all
// times PST)"), articles and "our", possessives, and a trailing "of the
// outage". "2. Root Cause(s) of our outage:" and "root causes" meet.
func normHeading(h string) string {
	h = strings.TrimSpace(unescapeLiteral(h))
	h = strings.Trim(h, "*_` ")
	h = numberingRe.ReplaceAllString(h, "")
	h = strings.ToLower(h)
	h = strings.ReplaceAll(h, "(s)", "s")
	h = parenRe.ReplaceAllString(h, " ")
	h = possessiveRe.ReplaceAllString(h, "$1")
	h = strings.NewReplacer("'", "", "’", "", "&", " and ", "+", " and ").Replace(h)
	h = nonWordRe.ReplaceAllString(h, " ")
	h = fillerWordsRe.ReplaceAllString(h, " ")
	h = strings.Join(strings.Fields(h), " ")
	h = trailingAboutRe.ReplaceAllString(h, "")
	// "What you can learn from this" loses "this" above; the preposition
	// left dangling says nothing either.
	h = danglingRe.ReplaceAllString(h, "")
	return strings.TrimSpace(h)
}

// headingKey maps a heading to a part, group or meta key by meaning, or
// "". ctx is "" for a section heading or the group it sits under.
func headingKey(ctx, h string) string {
	n := normHeading(h)
	if n == "" {
		return ""
	}
	try := func(n string) string {
		if ctx == "" {
			return synonyms[""].lookup(n)
		}
		if k := synonyms[ctx].lookup(n); k != "" {
			return k
		}
		// A sub-heading that names another part ("What others can learn"
		// under "Lessons learned") goes to that part; one that names a
		// group or metadata stays with its section.
		if k := synonyms[""].lookup(n); !strings.HasPrefix(k, "group.") && !strings.HasPrefix(k, "meta.") {
			return k
		}
		return ""
	}
	if k := try(n); k != "" {
		return k
	}
	// "Incident timeline", "Outage summary": the incident is implied.
	if s := leadingAboutRe.ReplaceAllString(n, ""); s != n {
		if k := try(s); k != "" {
			return k
		}
	}
	// "Lessons and action items", "Root cause and how we found it": a
	// heading that joins two parts goes where its first known part does
	// (its whole text stays with that part, so nothing is lost).
	if first, rest, ok := strings.Cut(n, " and "); ok {
		if k := try(first); k != "" {
			return k
		}
		return headingKey(ctx, rest)
	}
	return ""
}

// sectionKey maps a section heading to a part or group key, or "".
func sectionKey(h string) string { return headingKey("", h) }

// subKey maps a sub-heading inside group to a part key, or "".
func subKey(group, h string) string { return headingKey(group, h) }
