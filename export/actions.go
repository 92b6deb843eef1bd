package export

// Action items out of pmwiz, into the tracker where work is planned: a
// CSV a tracker import takes, a Markdown task list, and a shell script of
// gh issue create commands for a person to review and run.

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"mvdan.cc/sh/v3/syntax"

	"github.com/pmwiz/pmwiz/model"
)

// OpenActions are the action items worth sending anywhere: those that
// say what will be done.
func OpenActions(d *model.Draft) []model.ActionItem {
	var kept []model.ActionItem
	for _, a := range d.ActionItems {
		if actionSummary(a) != "" {
			kept = append(kept, a)
		}
	}
	return kept
}

// actionSummary is an action's first line with words on it: a
// tracker's title.
func actionSummary(a model.ActionItem) string {
	for _, line := range strings.Split(model.SafeText(a.What), "\n") {
		if l := oneLine(line); l != "" {
			return l
		}
	}
	return ""
}

// actionDescription is the body of an action's issue: its full text and
// every detail a title leaves out, and the post-mortem it came from.
func actionDescription(a model.ActionItem, title string) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(model.SafeText(a.What)))
	b.WriteString("\n")
	details := [][2]string{
		{"Owner", oneLine(a.Owner)}, {"Due", oneLine(a.Due)},
		{"Type", actionTypeLabel(a.Type)}, {"Link", oneLine(a.Link)},
	}
	sep := "\n"
	for _, kv := range details {
		if kv[1] != "" {
			fmt.Fprintf(&b, "%s%s: %s\n", sep, kv[0], kv[1])
			sep = ""
		}
	}
	if t := oneLine(title); t != "" {
		fmt.Fprintf(&b, "\nFrom the post-mortem: %s\n", t)
	}
	return b.String()
}

// actionLabels are an action's tracker labels: the ones asked for, then
// its type.
func actionLabels(a model.ActionItem, labels []string) []string {
	out := append([]string(nil), labels...)
	if t := oneLine(string(a.Type)); t != "" {
		out = append(out, t)
	}
	return out
}

// ActionsCSV writes the columns tracker imports map (Jira, Linear, GitHub
// Projects): summary, description, assignee, due date, labels, status.
// A cell that a spreadsheet would run as a formula is kept as text.
func ActionsCSV(d *model.Draft, labels []string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"summary", "description", "assignee", "due date", "labels", "status"})
	for _, a := range OpenActions(d) {
		status := "open"
		if a.Done {
			status = "done"
		}
		row := []string{actionSummary(a), actionDescription(a, d.Title), oneLine(a.Owner), oneLine(a.Due),
			strings.Join(actionLabels(a, labels), ","), status}
		for i := range row {
			row[i] = csvCell(row[i])
		}
		_ = w.Write(row)
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// csvCell stops a spreadsheet from reading a cell as a formula (CSV
// injection): a leading = + - @ gets an apostrophe, the usual marker.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// ActionsMarkdown is a GFM task list, done items ticked, each with its
// owner, due date and link.
func ActionsMarkdown(d *model.Draft) []byte {
	var b strings.Builder
	for _, a := range OpenActions(d) {
		box := "[ ]"
		if a.Done {
			box = "[x]"
		}
		fmt.Fprintf(&b, "- %s %s", box, escapeInline(actionSummary(a)))
		var extra []string
		if o := oneLine(a.Owner); o != "" {
			extra = append(extra, "owner: "+escapeLiteral(o))
		}
		if due := oneLine(a.Due); due != "" {
			extra = append(extra, "due "+escapeLiteral(due))
		}
		if l := linkMarkdown("", a.Link); l != "" {
			extra = append(extra, l)
		}
		if len(extra) > 0 {
			b.WriteString(" (" + strings.Join(extra, ", ") + ")")
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// ActionsGHScript is a POSIX shell script with one gh issue create per
// open action item, for a person to read and then run. Every value is
// inert: titles, assignees and labels are shell-quoted words, and each
// body goes through a quoted here-document (no expansion at all) whose
// end marker never occurs in the body.
func ActionsGHScript(d *model.Draft, labels []string) []byte {
	var b strings.Builder
	b.WriteString("#!/bin/sh\n")
	b.WriteString("# GitHub issues for the open action items of a pmwiz post-mortem.\n")
	b.WriteString("# Read it, then run it in the repository the issues belong to: sh FILE\n")
	b.WriteString("# Each assignee must be a GitHub login, and each label must exist there.\n")
	b.WriteString("set -eu\n")
	n := 0
	for _, a := range OpenActions(d) {
		if a.Done {
			continue
		}
		n++
		args := []string{"gh", "issue", "create", "--title", shellWord(actionSummary(a))}
		if o := oneLine(a.Owner); o != "" {
			args = append(args, "--assignee", shellWord(strings.TrimPrefix(o, "@")))
		}
		// Only the labels asked for: gh refuses a label the repository lacks.
		for _, l := range labels {
			args = append(args, "--label", shellWord(oneLine(l)))
		}
		body := actionDescription(a, d.Title)
		marker := hereDocMarker(body)
		args = append(args, "--body-file", "-", "<<'"+marker+"'")
		fmt.Fprintf(&b, "\n%s\n%s%s\n", strings.Join(args, " "), body, marker)
	}
	if n == 0 {
		b.WriteString("\n# No open action items.\n")
	}
	return []byte(b.String())
}

// shellWord quotes one line for a POSIX shell. Characters a POSIX shell
// cannot quote (no $'…' there) are invisible ones, and become spaces.
func shellWord(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError:
			return '?' // POSIX quoting takes it for a broken byte
		case r != ' ' && !unicode.IsPrint(r):
			return ' '
		}
		return r
	}, model.SafeLine(s))
	q, err := syntax.Quote(s, syntax.LangPOSIX)
	if err != nil { // cannot happen after the mapping above; stay inert anyway
		return "''"
	}
	return q
}

// hereDocMarker is an end marker that no line of body equals.
func hereDocMarker(body string) string {
	lines := map[string]bool{}
	for _, l := range strings.Split(body, "\n") {
		lines[l] = true
	}
	marker := "PMWIZ_BODY"
	for i := 1; lines[marker]; i++ {
		marker = fmt.Sprintf("PMWIZ_BODY_%d", i)
	}
	return marker
}
