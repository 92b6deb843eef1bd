package export

import (
	"strings"
	"testing"
	"time"
)

// TestImportTimesFromProse: a post-mortem with no timed timeline still
// says when it began and ended, in a sentence a reader takes at its word.
// Every document here is written for this test.
func TestImportTimesFromProse(t *testing.T) {
	cases := []struct {
		name       string
		src        string
		start, end string // RFC 3339, "" for unset
		zone       string
	}{
		{"a span in the summary, day from a date line", "# Search was empty\n\nDate of incident: 2024-01-23\n\n## What happened\n\nFor 52 minutes, from 09:14 to 10:06 UTC, anonymous visitors saw no results.\n",
			"2024-01-23T09:14:00Z", "2024-01-23T10:06:00Z", ""},
		{"a span with its own date and a zone after the second clock", "# DNS\n\n## Issue Summary\n\nFrom 4:12 AM to 5:03 AM PST on Thursday, November 7, 2024, half of all requests failed.\n",
			"2024-11-07T04:12:00-08:00", "2024-11-07T05:03:00-08:00", ""},
		{"between … and …, past midnight", "# Queue\n\n## Summary\n\nBetween 23:50 and 00:20 UTC on 2025-05-02 no job ran.\n",
			"2025-05-02T23:50:00Z", "2025-05-03T00:20:00Z", ""},
		{"a dated moment starts the story, a recovery past midnight ends it", "# Queue\n\nAt about 11:40 PM Eastern on March 14, 2025, an upgrade left one node deaf. We drained it at 1:15 AM. Everything was caught up by 2:31 AM.\n",
			"2025-03-14T23:40:00-04:00", "2025-03-15T02:31:00-04:00", "America/New_York"},
		{"numbers are not a span", "# Nodes\n\n## Summary\n\nOn 2025-05-02, from 10 to 12 nodes were lost.\n", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, _ := mustImport(t, c.src)
			check := func(what string, got *time.Time, want string) {
				t.Helper()
				switch {
				case want == "" && got != nil:
					t.Errorf("%s = %v, want none", what, got)
				case want == "":
				case got == nil:
					t.Errorf("%s not set, want %s", what, want)
				default:
					w, _ := time.Parse(time.RFC3339, want)
					if !got.Equal(w) {
						t.Errorf("%s = %v, want %v", what, got.Format(time.RFC3339), want)
					}
				}
			}
			check("start", d.Timeline.Start, c.start)
			check("end", d.Timeline.End, c.end)
			if c.zone != "" && d.Timeline.TimeZone != c.zone {
				t.Errorf("time zone %q, want %q", d.Timeline.TimeZone, c.zone)
			}
		})
	}
}

// TestActionTableUnderLessons: a table with an owner or due date is a
// list of action items whatever heading it sits under.
func TestActionTableUnderLessons(t *testing.T) {
	d, _ := mustImport(t, "# X\n\n## Summary\n\nIt broke.\n\n## Lessons and action items\n\n| Action | Owner | Due |\n| --- | --- | --- |\n| Alert on failover rate | sre | 2025-10-01 |\n| Soak Redis changes | infra | 2025-10-15 |\n")
	if len(d.ActionItems) != 2 || d.ActionItems[0].What != "Alert on failover rate" || d.ActionItems[0].Owner != "sre" {
		t.Fatalf("action items %+v, want the table's two rows with owners", d.ActionItems)
	}
	if len(d.Lessons) != 0 {
		t.Errorf("lessons %q, want none: the rows are actions", d.Lessons)
	}
}

// TestTimeTableInAnUnmappedSection: a "Time | Event" table is the
// timeline under any heading, on the day the text gave before it.
func TestTimeTableInAnUnmappedSection(t *testing.T) {
	d, _ := mustImport(t, "# Webhooks late\n\n## Incident\n\nOn 2024-12-03 webhooks were late.\n\n| Time (UTC) | Event |\n| --- | --- |\n| 10:05 | Deploy starts |\n| 13:10 | Lag back to zero; resolved |\n")
	if len(d.Timeline.Events) != 2 {
		t.Fatalf("events %+v, want the table's two rows", d.Timeline.Events)
	}
	if d.Timeline.Start == nil || d.Timeline.Start.Format(time.RFC3339) != "2024-12-03T10:05:00Z" {
		t.Errorf("start %v, want 2024-12-03 10:05 UTC", d.Timeline.Start)
	}
	if len(d.Other) == 0 || d.Other[0].Heading != "Incident" {
		t.Errorf("the section is not kept whole under Other: %+v", d.Other)
	}
}

// TestWhyAnswerOnOneLine: "Why …? answer" is a question and its answer.
func TestWhyAnswerOnOneLine(t *testing.T) {
	d, _ := mustImport(t, "# X\n\n## Summary\n\nIt broke.\n\n## 5 Whys\n\n1. Why was the disk full? WAL files were not removed.\n2. Why? Because a slot held them.\n")
	if len(d.FiveWhys) != 2 || d.FiveWhys[0].Why != "Why was the disk full?" || d.FiveWhys[0].Because != "WAL files were not removed." || d.FiveWhys[1].Because != "a slot held them." {
		t.Fatalf("whys %+v", d.FiveWhys)
	}
}

// TestFieldTableGivesStartAndEnd: a wiki page's "Field | Value" table
// gives the start, end and severity; rows pmwiz has no field for stay text.
func TestFieldTableGivesStartAndEnd(t *testing.T) {
	d, _ := mustImport(t, "# INC-1: indexing stopped\n\n| Field | Value |\n| --- | --- |\n| Severity | SEV-2 |\n| Start | 2025-02-10 06:30 UTC |\n| End | 2025-02-10 09:15 UTC |\n| Commander | R. Okafor |\n\n## Description\n\nSearch was stale.\n")
	if d.Timeline.Start == nil || d.Timeline.Start.Format(time.RFC3339) != "2025-02-10T06:30:00Z" || d.Timeline.End == nil || d.Timeline.End.Format(time.RFC3339) != "2025-02-10T09:15:00Z" {
		t.Fatalf("start %v, end %v: want 06:30 and 09:15 UTC on 2025-02-10", d.Timeline.Start, d.Timeline.End)
	}
	if d.Severity != "SEV-2" {
		t.Errorf("severity %q", d.Severity)
	}
	if !strings.Contains(d.Summary, "R. Okafor") {
		t.Errorf("a row with no field was lost: summary %q", d.Summary)
	}
}
