package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
)

var actionFormats = []string{"table", "json", "csv", "markdown", "gh"}

// actionsSchemaVersion versions pmwiz actions --json.
const actionsSchemaVersion = 1

func newActionsCmd() *cobra.Command {
	var format string
	var labels []string
	cmd := &cobra.Command{
		Use:   "actions [--format table|json|csv|markdown|gh] [--label L]... DRAFT",
		Short: "Send a post-mortem's action items to your tracker",
		Long: "Print a draft's action items (a draft name, a .json draft, a Markdown post-mortem,\n" +
			"or - for standard input) in a format a tracker takes:\n\n" +
			"  table     one line per item, for reading\n" +
			"  json      {schema_version, title, items: [{what, owner, due, type, link, done}]}\n" +
			"  csv       summary, description, assignee, due date, labels, status: the columns\n" +
			"            Jira, Linear and GitHub Projects imports map\n" +
			"  markdown  a task list to paste into an issue or a doc\n" +
			"  gh        a shell script of gh issue create commands, one per open item, every\n" +
			"            value quoted so nothing in it runs: read it, then run it with sh\n\n" +
			"--label adds a label to every item (the item's type is a label too).",
		Example: "  pmwiz actions checkout-outage\n" +
			"  pmwiz actions --format csv checkout-outage > actions.csv\n" +
			"  pmwiz actions --format gh --label postmortem checkout-outage > issues.sh && less issues.sh && sh issues.sh",
		Args:              argsBetween(1, 1, draftArg),
		ValidArgsFunction: completeDrafts(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(actionFormats, format) {
				return exitCode(2, "--format %q: use %s", format, strings.Join(actionFormats, ", "))
			}
			for _, l := range labels {
				if strings.TrimSpace(l) == "" || strings.Contains(l, ",") {
					return exitCode(2, "--label %q: a label is a non-empty name without commas; repeat --label for several", l)
				}
			}
			d, _, err := loadDraft(cmd, args[0])
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			switch format {
			case "json":
				return writeActionsJSON(out, d)
			case "csv":
				b, err := export.ActionsCSV(d, labels)
				if err != nil {
					return &exitError{code: 2, err: err}
				}
				_, err = out.Write(b)
				return err
			case "markdown":
				_, err := out.Write(export.ActionsMarkdown(d))
				return err
			case "gh":
				_, err := out.Write(export.ActionsGHScript(d, labels))
				return err
			}
			writeActionsTable(out, d)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table, json, csv, markdown or gh")
	cmd.Flags().StringArrayVar(&labels, "label", nil, "add label L to every item (csv and gh); repeatable")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(actionFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

type actionJSON struct {
	What  string `json:"what"`
	Owner string `json:"owner"`
	Due   string `json:"due"`
	Type  string `json:"type"`
	Link  string `json:"link"`
	Done  bool   `json:"done"`
}

func writeActionsJSON(w io.Writer, d *model.Draft) error {
	items := []actionJSON{}
	for _, a := range export.OpenActions(d) {
		items = append(items, actionJSON{What: a.What, Owner: a.Owner, Due: a.Due, Type: string(a.Type), Link: a.Link, Done: a.Done})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		SchemaVersion int          `json:"schema_version"`
		Title         string       `json:"title"`
		Items         []actionJSON `json:"items"`
	}{actionsSchemaVersion, d.Title, items})
}

// writeActionsTable prints aligned columns; the action's text comes last
// and is never cut.
func writeActionsTable(w io.Writer, d *model.Draft) {
	items := export.OpenActions(d)
	if len(items) == 0 {
		fmt.Fprintln(w, "No action items yet: add them in the wizard's Lessons step (pmwiz resume).")
		return
	}
	rows := [][]string{{"STATUS", "OWNER", "DUE", "TYPE", "ACTION"}}
	for _, a := range items {
		status := "open"
		if a.Done {
			status = "done"
		}
		what, _, _ := strings.Cut(strings.TrimSpace(a.What), "\n")
		rows = append(rows, []string{status, dash(a.Owner), dash(a.Due), dash(string(a.Type)), model.SafeLine(what)})
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func dash(s string) string {
	if s = model.SafeLine(strings.TrimSpace(s)); s == "" {
		return "–"
	}
	return s
}
