package export

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

func importFile(t *testing.T, name string) (*model.Draft, []string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "postmortems", name))
	if err != nil {
		t.Fatal(err)
	}
	d, warnings, err := Import(b)
	if err != nil {
		t.Fatal(err)
	}
	return d, warnings
}

func at(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC().Format(time.RFC3339)
}

func timeText(p *time.Time) string {
	if p == nil {
		return "<none>"
	}
	return p.UTC().Format(time.RFC3339)
}

func otherHeadings(d *model.Draft) string {
	var hs []string
	for _, o := range d.Other {
		hs = append(hs, o.Heading)
	}
	return strings.Join(hs, ", ")
}

// Three post-mortems written in the shapes of the Google SRE example, the
// Atlassian and the PagerDuty templates: each part lands in its field,
// the key moments are found, and sections pmwiz has no field for are kept.
func TestImportTemplates(t *testing.T) {
	cases := []struct {
		file   string
		checks func(*model.Draft) map[string][2]string
	}{
		{"google-sre.md", func(d *model.Draft) map[string][2]string {
			return map[string][2]string{
				"title":     {d.Title, "Image Resizer Postmortem (incident #2291)"},
				"authors":   {strings.Join(d.Authors, ","), "priya,tomasz,lee"},
				"summary":   {d.Summary[:24], "Image Resizer returned e"},
				"impact":    {d.Impact.What[:17], "Roughly 38% of th"},
				"trigger":   {lastLine(d.RootCause.WhatWentWrong), "Config push `resizer-prod-41` rolled out to all regions at once."},
				"start":     {timeText(d.Timeline.Start), at("2026-10-14T09:12:00Z")},
				"detected":  {timeText(d.Timeline.Detected), at("2026-10-14T09:19:00Z")},
				"mitigated": {timeText(d.Timeline.Mitigated), at("2026-10-14T09:49:00Z")},
				"end":       {timeText(d.Timeline.End), at("2026-10-14T10:04:00Z")},
				"events":    {itoa(len(d.Timeline.Events)), "5"},
				"zone":      {d.Timeline.TimeZone, "UTC"},
				"lessons":   {strings.Join(d.Lessons, "|"), "Went well: The alert fired within 7 minutes.|Went well: Rollback tooling worked first time.|Went wrong: The config change skipped the canary stage."},
				"lucky":     {d.HumanElements, "- Traffic was 20% below a normal Monday."}, // where we got lucky is a human element
				"actions":   {itoa(len(d.ActionItems)), "3"},
				"action 2":  {d.ActionItems[1].Owner + " " + string(d.ActionItems[1].Type) + " " + d.ActionItems[1].Link, "priya prevent b/8813"},
				"other":     {otherHeadings(d), "Status, Resolution, Detection, Supporting information"},
				"status":    {string(d.Status), ""},
			}
		}},
		{"atlassian.md", func(d *model.Draft) map[string][2]string {
			return map[string][2]string{
				"title":     {d.Title, "Postmortem: Jira webhooks delayed"},
				"summary":   {d.Summary[:26], "Between 2026-09-02 13:40 a"},
				"fault":     {firstLine(d.RootCause.WhatWentWrong), "The rebalance left three partitions without an active consumer, and the"},
				"start":     {timeText(d.Timeline.Start), at("2026-09-02T13:38:00Z")},
				"detected":  {timeText(d.Timeline.Detected), at("2026-09-02T13:52:00Z")},
				"mitigated": {timeText(d.Timeline.Mitigated), at("2026-09-02T14:20:00Z")},
				"end":       {timeText(d.Timeline.End), at("2026-09-02T15:10:00Z")},
				"zone":      {d.Timeline.TimeZone, "UTC"},
				"whys":      {itoa(len(d.FiveWhys)), "3"},
				"why 2":     {d.FiveWhys[1].Why + " / " + d.FiveWhys[1].Because, "Why had they no consumer? / the rebalance did not finish."},
				"lessons":   {strings.Join(d.Lessons, "|"), "Alert on the worst partition, not the average."},
				"action 1":  {d.ActionItems[0].Owner + " " + d.ActionItems[0].Due, "Sam 2026-09-20"},
				"action 2":  {boolText(d.ActionItems[1].Done), "true"},
				"other":     {otherHeadings(d), "Leadup, Detection, Response, Recovery, Backlog check"},
			}
		}},
		{"pagerduty.md", func(d *model.Draft) map[string][2]string {
			return map[string][2]string{
				"title":     {d.Title, "Payments API Elevated Errors — Postmortem"},
				"severity":  {d.Severity, "SEV-1"},
				"status":    {string(d.Status), "published"},
				"overview":  {d.Summary[:20], "For 31 minutes the P"},
				"what":      {firstLine(d.RootCause.WhatWentWrong), "The certificate for `lb-pool-c` was issued manually in 2025 and was not in"},
				"factors":   {itoa(len(d.RootCause.ContributingFactors)), "2"},
				"start":     {timeText(d.Timeline.Start), at("2026-08-19T16:00:00Z")},
				"detected":  {timeText(d.Timeline.Detected), at("2026-08-19T16:06:00Z")},
				"mitigated": {timeText(d.Timeline.Mitigated), at("2026-08-19T16:31:00Z")},
				"end":       {timeText(d.Timeline.End), at("2026-08-19T16:31:00Z")},
				"lessons":   {itoa(len(d.Lessons)), "2"},
				"actions":   {d.ActionItems[0].Owner + " " + boolText(d.ActionItems[0].Done) + " " + d.ActionItems[1].Owner + " " + boolText(d.ActionItems[1].Done), "Omar true Dana false"},
				"channel":   {d.Communication.Channels[0].Name + " " + d.Communication.Channels[0].URL, "Status page https://status.example.com/incidents/cert-expiry"},
				"other":     {otherHeadings(d), "Resolution, Responders, Messaging"},
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			d, warnings := importFile(t, c.file)
			for name, gw := range c.checks(d) {
				if gw[0] != gw[1] {
					t.Errorf("%s: got %q, want %q", name, gw[0], gw[1])
				}
			}
			if len(warnings) == 0 {
				t.Error("want warnings naming the sections kept under Other")
			}
			// Nothing is lost: every word of the source is in the export
			// of the imported draft.
			src, _ := os.ReadFile(filepath.Join("testdata", "postmortems", c.file))
			out := mustExport(t, d, Options{})
			for _, line := range strings.Split(string(src), "\n") {
				if strings.HasPrefix(line, "#") {
					continue // headings are mapped to pmwiz's own
				}
				for _, w := range strings.Fields(line) {
					w = strings.Trim(w, "*#|-:.,;()[]`<>—")
					if isoDayRe.MatchString(w) && !strings.Contains(w, ":") {
						continue // a day is written out in the timeline's intro
					}
					if len(w) > 3 && !strings.Contains(strings.ToLower(unescapeLiteral(out)), strings.ToLower(w)) {
						t.Errorf("word %q of the source is missing from the export", w)
					}
				}
			}
		})
	}
}

func TestImportErrorsAndEdgeCases(t *testing.T) {
	if _, _, err := Import([]byte("# T\n\n\x89PNG\x00\x00garbage")); err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "binary") {
		t.Errorf("binary file: want an error naming the line, got %v", err)
	}
	if _, _, err := Import([]byte("# T\n\nCaf\xe9 down\n")); err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("Latin-1 file: want an error saying to save it as UTF-8, got %v", err)
	}
	if _, _, err := Import([]byte("  \n\n")); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty file: want an error saying so, got %v", err)
	}
	d, warnings, err := Import([]byte("Just some notes about the outage.\n"))
	if err != nil || d.Summary != "Just some notes about the outage." || len(warnings) != 1 {
		t.Errorf("headingless file: got summary %q, warnings %q, err %v", d.Summary, warnings, err)
	}
	d, _, _ = Import([]byte("---\ntitle: From YAML\nstart: 2026-01-02T03:04:05+01:00\ntags: [a]\n---\n\n## Summary\n\nHello\n"))
	if d.Title != "From YAML" || d.Timeline.Start == nil || d.Timeline.Start.Second() != 5 {
		t.Errorf("front matter not read: %+v", d)
	}
	if len(d.Other) != 1 || d.Other[0].Heading != "Front matter" || !strings.Contains(d.Other[0].Body, "tags") {
		t.Errorf("unknown front matter keys not kept: %+v", d.Other)
	}
	d, warnings, _ = Import([]byte("# T\n\n## Timeline\n\n- 14:05 something broke\n"))
	if len(d.Timeline.Events) != 1 || d.Timeline.Events[0].At != nil || d.Timeline.Events[0].Text != "14:05 something broke" || len(warnings) == 0 {
		t.Errorf("a time with no date must stay in the text with a warning: %+v %q", d.Timeline.Events, warnings)
	}
	d, warnings, _ = Import([]byte("# T\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 2026-11-20 10:00 | alerts fired |\n| 10:05 | rolled back |\n"))
	if len(d.Timeline.Events) != 2 || d.Timeline.Events[1].At == nil || d.Timeline.Events[1].Text != "rolled back" ||
		!d.Timeline.Events[1].At.Equal(time.Date(2026, 11, 20, 10, 5, 0, 0, time.UTC)) {
		t.Errorf("a time-only row after a dated row must take its day: %+v %q", d.Timeline.Events, warnings)
	}
	d, _, _ = Import([]byte("# T\n\n## Root Cause(s)\n\nA\n\n## 5 Whys\n\n1. Why? Because.\n\n## Follow-ups\n\n- do it\n"))
	if d.RootCause.WhatWentWrong != "A" || len(d.FiveWhys) != 1 || len(d.ActionItems) != 1 {
		t.Errorf("heading variants not mapped: %+v", d)
	}
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }
func lastLine(s string) string  { return s[strings.LastIndexByte(s, '\n')+1:] }
func itoa(n int) string         { return strconv.Itoa(n) }
func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
