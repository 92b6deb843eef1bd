package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/tui"
)

// scoreSchemaVersion versions the objects of pmwiz score --json
// (docs/score-json.md, docs/score.schema.json). Adding a field keeps it;
// removing or changing one bumps it.
const scoreSchemaVersion = 1

// writeScores prints the reports in format. single is one file named
// alone on the command line: its JSON is one object, as scripts that score
// one post-mortem at a time read it; several files, a folder or a glob
// give an array.
func writeScores(cmd *cobra.Command, format string, reports []fileReport, gate *float64, single bool) error {
	out := cmd.OutOrStdout()
	switch format {
	case "json":
		return writeScoresJSON(out, reports, gate, single)
	case "github":
		writeScoresGitHub(out, reports, gate)
	case "report":
		for _, r := range reports {
			if r.Err != nil {
				continue // the exit error says it, as written
			}
			// lipgloss's writer keeps colour on a terminal, and strips it
			// when piped or when NO_COLOR is set. On a terminal, lines
			// wrap at words to its width.
			lipgloss.Fprint(out, tui.RenderReportWidth(r.Title, r.Report, terminalWidth(out)))
		}
	default:
		writeScoreTable(out, reports, gate)
	}
	if format != "report" {
		// Every unreadable file's own error, as written, on stderr.
		for _, r := range reports {
			if r.Err != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "pmwiz score: %v\n", r.Err)
			}
		}
	}
	return nil
}

// scoreJSON is one element of pmwiz score --json. The report's fields
// (score, max, items, findings, metrics, problems) sit beside the file's;
// a file that cannot be read has error set and no report.
type scoreJSON struct {
	SchemaVersion int      `json:"schema_version"`
	File          string   `json:"file"`
	Title         string   `json:"title"`
	Min           *float64 `json:"min"`
	Pass          *bool    `json:"pass"`
	Error         *string  `json:"error"`
	*model.Report
}

func writeScoresJSON(w io.Writer, reports []fileReport, gate *float64, single bool) error {
	all := make([]scoreJSON, 0, len(reports))
	for _, r := range reports {
		j := scoreJSON{SchemaVersion: scoreSchemaVersion, File: r.File, Title: r.Title, Min: gate, Pass: r.Pass}
		if r.Err != nil {
			msg := r.Err.Error()
			j.Error = &msg
		} else {
			rep := r.Report
			j.Report = &rep
		}
		all = append(all, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if single && len(all) == 1 {
		return enc.Encode(all[0])
	}
	return enc.Encode(all)
}

// missingItems are the rubric items a file does not fully meet, in
// rubric order.
func missingItems(r model.Report) []model.ItemResult {
	var items []model.ItemResult
	for _, it := range r.Items {
		if it.Status != model.Yes {
			items = append(items, it)
		}
	}
	return items
}

// writeScoreTable prints a line per file, and under it the items it
// misses with what to add. Nothing is cut: a CI log or a pipe wants
// every word.
func writeScoreTable(w io.Writer, reports []fileReport, gate *float64) {
	fileWidth := len("FILE")
	for _, r := range reports {
		fileWidth = max(fileWidth, ansi.StringWidth(model.SafeLine(r.File)))
	}
	row := func(file, score, result string) {
		line := file + strings.Repeat(" ", fileWidth-ansi.StringWidth(file)+2) + fmt.Sprintf("%-9s  %s", score, result)
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	row("FILE", "SCORE", "RESULT")
	var ok, below, unreadable int
	for _, r := range reports {
		file := model.SafeLine(r.File)
		if r.Err != nil {
			unreadable++
			row(file, "–", "cannot be read")
			fmt.Fprintf(w, "  %s\n", model.SafeLine(r.Err.Error()))
			continue
		}
		result := "ok"
		switch {
		case r.Pass != nil && !*r.Pass:
			below++
			result = "below --min " + tui.FormatPoints(*gate)
		case r.Pass != nil:
			ok++
			result = "ok (--min " + tui.FormatPoints(*gate) + ")"
		default:
			ok++
		}
		row(file, tui.ScoreText(r.Report), result)
		for _, it := range missingItems(r.Report) {
			hint := it.Next
			if hint == "" {
				hint = it.Reason
			}
			fmt.Fprintf(w, "  %s %s: %s\n", tui.VerdictGlyph(it.Status), it.Title, model.SafeLine(hint))
		}
	}
	summary := fmt.Sprintf("%d file(s): %d ok", len(reports), ok)
	if gate != nil {
		summary += fmt.Sprintf(", %d below --min %s", below, tui.FormatPoints(*gate))
	}
	if unreadable > 0 {
		summary += fmt.Sprintf(", %d cannot be read", unreadable)
	}
	fmt.Fprintln(w, summary)
}

// writeScoresGitHub prints GitHub Actions workflow commands: one
// annotation per file with its score, and one per item it misses, at the
// line the item's evidence points to. A file below --min gets errors;
// otherwise missing items are warnings and partial ones notices.
func writeScoresGitHub(w io.Writer, reports []fileReport, gate *float64) {
	for _, r := range reports {
		if r.Err != nil {
			annotate(w, "error", r.File, 1, "pmwiz score: cannot read the file", r.Err.Error())
			continue
		}
		failed := r.Pass != nil && !*r.Pass
		score := tui.ScoreText(r.Report)
		if failed {
			annotate(w, "error", r.File, 1, "pmwiz score "+score, "below --min "+tui.FormatPoints(*gate)+": complete the items pmwiz marks in this file")
		} else {
			annotate(w, "notice", r.File, 1, "pmwiz score "+score, "the post-mortem scores "+score)
		}
		for _, it := range missingItems(r.Report) {
			level := "notice"
			switch {
			case failed:
				level = "error"
			case it.Status == model.No:
				level = "warning"
			}
			msg := it.Reason
			if it.Next != "" {
				msg += " → " + it.Next
			}
			annotate(w, level, r.File, itemLine(it), fmt.Sprintf("%s (%s)", it.Title, it.Status), msg)
		}
	}
}

// itemLine is the line an item's first evidence points to, or 1. It
// reads the evidence through the item's JSON so that it works whether or
// not this build's rubric records evidence lines.
func itemLine(it model.ItemResult) int {
	b, err := json.Marshal(it)
	if err != nil {
		return 1
	}
	return evidenceLine(b)
}

// evidenceLine is the first positive evidence[].line of an item's JSON,
// or 1.
func evidenceLine(b []byte) int {
	var probe struct {
		Evidence []struct {
			Line int `json:"line"`
		} `json:"evidence"`
	}
	if json.Unmarshal(b, &probe) != nil {
		return 1
	}
	for _, e := range probe.Evidence {
		if e.Line > 0 {
			return e.Line
		}
	}
	return 1
}

// annotate prints one workflow command, escaped the way the runner reads
// it, so no text from a file can end the command or start another.
func annotate(w io.Writer, level, file string, line int, title, msg string) {
	fmt.Fprintf(w, "::%s file=%s,line=%d,title=%s::%s\n", level,
		escapeProperty(file), line, escapeProperty(model.SafeLine(title)), escapeData(model.SafeLine(msg)))
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
