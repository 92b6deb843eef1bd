package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// clockString shows what was read, compactly, for table tests:
// "2017-01-31 23:00:00 UTC(+0) ~" — date or "-", clock or "-", zone.
func clockString(c ClockText) string {
	date := "-"
	if c.HasDate {
		date = fmt.Sprintf("%04d-%02d-%02d", c.Year, c.Month, c.Day)
	}
	clock := "-"
	if c.HasClock {
		clock = fmt.Sprintf("%02d:%02d:%02d", c.Hour, c.Minute, c.Second)
		if c.Nano != 0 {
			clock += fmt.Sprintf(".%09d", c.Nano)
		}
	}
	s := date + " " + clock
	if c.Zone.Name != "" {
		s += " " + c.Zone.Name
		if c.Zone.Fixed {
			s += fmt.Sprintf("(%+d)", c.Zone.Offset/3600)
		} else {
			s += "(" + c.Zone.IANA + ")"
		}
	}
	if c.Approximate {
		s += " ~"
	}
	return s
}

func TestReadLeadingClock(t *testing.T) {
	cases := []struct {
		line, want, rest string // want "" means: not a timed line
	}{
		{"[13:26] @alice reports on Slack that builds fail", "- 13:26:00", "@alice reports on Slack that builds fail"},
		{"**16:58 UTC** - Fix deployed", "- 16:58:00 UTC(+0)", "Fix deployed"},
		{"**± 23:30 UTC:** one engineer wipes the wrong directory", "- 23:30:00 UTC(+0) ~", "one engineer wipes the wrong directory"},
		{"± 23:30 UTC: restore begins", "- 23:30:00 UTC(+0) ~", "restore begins"},
		{"2:05 PM: paged the on-call", "- 14:05:00", "paged the on-call"},
		{"12:10 am — backups checked", "- 00:10:00", "backups checked"},
		{"12:10 p.m. lunch alert", "- 12:10:00", "lunch alert"},
		{"14:05 UTC queue backs up", "- 14:05:00 UTC(+0)", "queue backs up"},
		{"13:26 PDT - alert fires", "- 13:26:00 PDT(-7)", "alert fires"},
		{"09:00 Eastern: status page updated", "- 09:00:00 Eastern(America/New_York)", "status page updated"},
		{"2017/01/31 23:00 restore from the snapshot", "2017-01-31 23:00:00", "restore from the snapshot"},
		{"2019-11-29 12:00 | scaled up", "2019-11-29 12:00:00", "scaled up"},
		{"2026-11-23T14:05:07+01:00 deploy", "2026-11-23 14:05:07 +01:00(+1)", "deploy"},
		{"2026-11-23 14:05:00.123 deploy", "2026-11-23 14:05:00.123000000", "deploy"},
		{"14:05:30 UTC+2 failover", "- 14:05:30 UTC+2(+2)", "failover"},
		{"**21:17 UTC: crates published**", "- 21:17:00 UTC(+0)", "**crates published**"},
		{"~14:00 traffic climbs", "- 14:00:00 ~", "traffic climbs"},
		{"2020-02-20", "2020-02-20 -", ""},
		{"(14:05) page", "- 14:05:00", "page"},
		{"Later we found the cause", "", ""},
		{"[???] IOPS reached a critical point", "", ""},
		{"[14:05 was when] it began", "", ""},
		{"25:00 not a time", "", ""},
		{"14:051 is not either", "", ""},
		{"13:00 PM is not a clock", "", ""},
		{"2019-02-30 10:00 no such day", "", ""},
		{"1.21B queries lost", "", ""},
		{"Eastern 14:05", "", ""},
		{"5 servers were lost", "", ""},
		{"5 pm: the queue drained", "- 17:00:00", "the queue drained"},
		{"1am everything was back", "- 01:00:00", "everything was back"},
		{"1amp is a word, not a time", "", ""},
		{"01AmA", "", ""},
		{"5pm, queue drained", "- 17:00:00", "queue drained"},
	}
	for _, c := range cases {
		got, rest, ok := ReadLeadingClock(c.line)
		if c.want == "" {
			if ok {
				t.Errorf("ReadLeadingClock(%q) = %s, %q; want no time", c.line, clockString(got), rest)
			}
			continue
		}
		if !ok {
			t.Errorf("ReadLeadingClock(%q): no time; want %s", c.line, c.want)
			continue
		}
		if s := clockString(got); s != c.want || rest != c.rest {
			t.Errorf("ReadLeadingClock(%q) = %s, %q; want %s, %q", c.line, s, rest, c.want, c.rest)
		}
	}
}

func TestFindDate(t *testing.T) {
	cases := []struct{ text, want string }{
		{"On January 31st 2017, we experienced a major service outage", "2017-01-31 -"},
		{"May 30th, 2019 Prow Flakiness", "2019-05-30 -"},
		{"crates.io incident report for 2020-02-20", "2020-02-20 -"},
		{"On Friday 29 November 2019, we proactively scaled", "2019-11-29 -"},
		{"On 31st July 2018 a researcher found a token", "2018-07-31 -"},
		{"Post-mortem for Apr 11 security incident", "0000-04-11 -"},
		{"On Monday 20. January one of our nodes ran out", "0000-01-20 -"},
		{"Sept 3, 2021: the queue stalled", "2021-09-03 -"},
		{"2017/01/31 was the day", "2017-01-31 -"},
		{"29 February", "0000-02-29 -"},
		{"We may have 31 servers", ""},
		{"February 30, 2020", ""},
		{"nothing to see", ""},
		{"in March we planned; on 4 May 2020 it broke", "2020-05-04 -"},
	}
	for _, c := range cases {
		got, ok := FindDate(c.text)
		if c.want == "" {
			if ok {
				t.Errorf("FindDate(%q) = %s; want none", c.text, clockString(got))
			}
			continue
		}
		if s := clockString(got); !ok || s != c.want {
			t.Errorf("FindDate(%q) = %s, %v; want %s", c.text, s, ok, c.want)
		}
	}
}

func TestFindClock(t *testing.T) {
	cases := []struct{ text, want string }{
		{"On February 1st at 17:00 UTC we managed to restore the database", "- 17:00:00 UTC(+0)"},
		{"Around 18:00 UTC we finished the final restoration", "- 18:00:00 UTC(+0)"},
		{"by 1am on Apr 12th the core server was back up", "- 01:00:00"},
		{"we met at 09:30 to plan", "- 09:30:00"},
		{"a ratio of 3:1 and version 2.10:4", ""},
		{"took 12:30 minutes", ""},
		{"nothing timed here", ""},
	}
	for _, c := range cases {
		got, ok := FindClock(c.text)
		if c.want == "" {
			if ok {
				t.Errorf("FindClock(%q) = %s; want none", c.text, clockString(got))
			}
			continue
		}
		if s := clockString(got); !ok || s != c.want {
			t.Errorf("FindClock(%q) = %s, %v; want %s", c.text, s, ok, c.want)
		}
	}
}

func TestFindZone(t *testing.T) {
	cases := []struct{ text, want string }{
		{"All times PDT.", "PDT"},
		{"2015-10-21 (*all times UTC*)", "UTC"},
		{"Date and Time in CET", "CET"},
		{"All times are US Eastern", "Eastern"},
		{"All times UTC+02:00", "UTC+02:00"},
		{"Timeline (all times PST)", "PST"},
		{"It was a central problem", ""}, // lower-case "central" is an adjective
		{"GET /api returned 500", ""},
		{"Nothing here", ""},
	}
	for _, c := range cases {
		z, ok := FindZone(c.text)
		if c.want == "" {
			if ok {
				t.Errorf("FindZone(%q) = %q; want none", c.text, z.Name)
			}
			continue
		}
		if !ok || z.Name != c.want {
			t.Errorf("FindZone(%q) = %q, %v; want %q", c.text, z.Name, ok, c.want)
		}
	}
}

func TestClockOn(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	day := time.Date(2026, 3, 29, 0, 0, 0, 0, berlin) // clocks jump 02:00 → 03:00
	cases := []struct {
		text string
		day  *time.Time
		want string // RFC 3339, or "" for not placed
	}{
		{"14:05", &day, "2026-03-29T14:05:00+02:00"},
		{"14:05 UTC", &day, "2026-03-29T14:05:00Z"},
		{"02:30", &day, ""}, // in the gap
		{"14:05", nil, ""},  // no day to put it on
		{"2017-01-31 23:00", nil, "2017-01-31T23:00:00+01:00"},
		{"31 July 2018", &day, ""}, // a date alone is not an instant
	}
	for _, c := range cases {
		ct, ok := ReadClock(c.text)
		if !ok {
			t.Fatalf("ReadClock(%q) failed", c.text)
		}
		got, ok := ct.On(c.day, berlin)
		if c.want == "" {
			if ok {
				t.Errorf("%q.On = %s; want not placed", c.text, got.Format(time.RFC3339))
			}
			continue
		}
		if !ok || got.Format(time.RFC3339) != c.want {
			t.Errorf("%q.On = %s, %v; want %s", c.text, got.Format(time.RFC3339), ok, c.want)
		}
	}
}

func FuzzReadLeadingClock(f *testing.F) {
	for _, s := range []string{"[13:26] x", "**16:58 UTC** - y", "**± 23:30 UTC:** z", "2:05 PM", "2017/01/31 23:00 a", "2020-02-20", "14:05 Eastern", "**21:17 UTC: b**", "12:00:00.5 +05:30 c", "31st July 2018"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, rest, ok := ReadLeadingClock(s)
		if !ok {
			if rest != s {
				t.Fatalf("no time read but the line changed: %q → %q", s, rest)
			}
			return
		}
		if !c.HasClock && !c.HasDate {
			t.Fatalf("read neither a date nor a clock from %q", s)
		}
		if c.Hour > 23 || c.Minute > 59 || c.Second > 59 || c.Nano > 999999999 {
			t.Fatalf("impossible clock from %q: %s", s, clockString(c))
		}
		if len(rest) > len(s)+2 {
			t.Fatalf("rest %q longer than the line %q", rest, s)
		}
		if c.HasDate && c.HasClock && c.Year != 0 {
			if _, placed := c.On(nil, time.UTC); !placed {
				t.Fatalf("a full date and clock in UTC must place: %q", s)
			}
		}
		_, _ = FindDate(s)
		_, _ = FindZone(s)
		if fc, ok := FindClock(s); ok && (!fc.HasClock || fc.Hour > 23) {
			t.Fatalf("FindClock(%q) = %s", s, clockString(fc))
		}
		if rc, ok := ReadClock(s); ok && !rc.HasClock && !rc.HasDate {
			t.Fatalf("ReadClock(%q) read nothing", s)
		}
		_ = strings.TrimSpace(rest)
	})
}
