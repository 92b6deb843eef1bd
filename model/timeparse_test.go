package model

import (
	"strings"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	start := time.Date(2026, 11, 23, 23, 30, 0, 0, berlin)
	dstDay := time.Date(2026, 3, 29, 1, 0, 0, 0, berlin)   // clocks jump 02:00 → 03:00
	fallDay := time.Date(2026, 10, 25, 1, 0, 0, 0, berlin) // 03:00 → 02:00
	cases := []struct {
		in   string
		ref  *time.Time
		want string // RFC 3339, or "error: <substring>"
	}{
		{"2026-11-23 14:05", nil, "2026-11-23T14:05:00+01:00"},
		{" 2026-11-23T14:05 ", nil, "2026-11-23T14:05:00+01:00"},
		{"2026-11-23 14:05:30", nil, "2026-11-23T14:05:30+01:00"},
		{"2026-07-01 14:05", nil, "2026-07-01T14:05:00+02:00"}, // summer time in the draft's zone
		{"2026-11-23T14:05:00Z", nil, "2026-11-23T14:05:00Z"},  // RFC 3339 keeps its own offset
		{"2026-11-23T14:05:00-05:00", nil, "2026-11-23T14:05:00-05:00"},
		{"23:45", &start, "2026-11-23T23:45:00+01:00"},
		{"00:40", &start, "2026-11-24T00:40:00+01:00"},  // past midnight: the next day
		{"23:30", &start, "2026-11-23T23:30:00+01:00"},  // equal to ref: same day
		{"04:00", &dstDay, "2026-03-29T04:00:00+02:00"}, // after the spring change
		{"00:30", &dstDay, "2026-03-30T00:30:00+02:00"},
		{"02:30", &dstDay, "error: does not exist"},      // in the gap
		{"04:00", &fallDay, "2026-10-25T04:00:00+01:00"}, // after the autumn change
		{"14:05", nil, "error: no date"},
		{"", nil, "error: empty"},
		{"yesterday", nil, "error: 2026-11-23 14:05"},
		{"2026-13-01 10:00", nil, "error: not a time"},
		{"25:00", &start, "error: not a time"},
		// As people write them.
		{"14:05 UTC", &start, "2026-11-24T14:05:00Z"}, // after ref (22:30 UTC): the next day
		{"23:45 UTC", &start, "2026-11-23T23:45:00Z"},
		{"2:05 PM", &dstDay, "2026-03-29T14:05:00+02:00"},
		{"11:45 pm", &start, "2026-11-23T23:45:00+01:00"},
		{"13:26 PDT", nil, "error: no date"},
		{"2026-11-23 13:26 PDT", nil, "2026-11-23T13:26:00-07:00"},
		{"2026/11/23 14:05", nil, "2026-11-23T14:05:00+01:00"},
		{"2026-11-23 14:05:00.123", nil, "2026-11-23T14:05:00+01:00"}, // fractions are kept, not a DST error
		{"2026-03-29 02:30:00.5", nil, "error: does not exist"},
		{"2026-11-23 14:05 Eastern", nil, "error: names a region"},
		{"2026-11-23", nil, "error: a day without a time"},
		{"13:00 PM", &start, "error: not a time"},
	}
	for _, c := range cases {
		got, err := ParseTime(c.in, berlin, c.ref)
		if msg, ok := strings.CutPrefix(c.want, "error: "); ok {
			if err == nil || !strings.Contains(err.Error(), msg) {
				t.Errorf("ParseTime(%q) = %v, %v; want an error containing %q", c.in, got, err, msg)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseTime(%q): %v", c.in, err)
			continue
		}
		if s := got.Format(time.RFC3339); s != c.want {
			t.Errorf("ParseTime(%q) = %s, want %s", c.in, s, c.want)
		}
	}
}

func TestMetrics(t *testing.T) {
	tl := Timeline{Start: at("2026-11-23T14:00:00Z"), Detected: at("2026-11-23T14:12:00Z"), Mitigated: at("2026-11-23T14:40:00Z"), End: at("2026-11-23T15:25:00Z")}
	m := ComputeMetrics(tl)
	if *m.Duration != 85*time.Minute || *m.TimeToDetect != 12*time.Minute || *m.TimeToMitigate != 40*time.Minute || *m.TimeToResolve != 85*time.Minute {
		t.Fatalf("metrics = %v %v %v %v", *m.Duration, *m.TimeToDetect, *m.TimeToMitigate, *m.TimeToResolve)
	}
	if HumanDuration(*m.Duration) != "1h 25m" {
		t.Errorf("HumanDuration = %q", HumanDuration(*m.Duration))
	}
	tl.End = at("2026-11-23T13:00:00Z")
	if m := ComputeMetrics(tl); m.Duration != nil || m.TimeToResolve != nil {
		t.Errorf("an end before the start gives no duration, got %v", *m.Duration)
	}
	if m := ComputeMetrics(Timeline{}); m.Duration != nil || m.TimeToDetect != nil {
		t.Error("no times, no metrics")
	}
	for d, want := range map[time.Duration]string{30 * time.Second: "30s", 45 * time.Minute: "45m", 51 * time.Hour: "2d 3h", 24 * time.Hour: "1d", 0: "0s"} {
		if got := HumanDuration(d); got != want {
			t.Errorf("HumanDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestParseTimeKeepsFractions(t *testing.T) {
	got, err := ParseTime("2026-11-23 14:05:00.123", time.UTC, nil)
	if err != nil || got.Nanosecond() != 123000000 {
		t.Fatalf("ParseTime = %v, %v; want .123 kept", got, err)
	}
}

func TestParseTimeRegionWordInItsZone(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database")
	}
	got, err := ParseTime("2026-07-01 14:05 Eastern", ny, nil)
	if err != nil || got.Format(time.RFC3339) != "2026-07-01T14:05:00-04:00" {
		t.Fatalf("ParseTime = %v, %v; want 14:05 EDT", got, err)
	}
}
