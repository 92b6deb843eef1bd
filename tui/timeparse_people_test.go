package tui

import (
	"strings"
	"testing"
	"time"
)

// Times typed as people write them are accepted in the wizard, read by
// the same model reader import uses.
func TestTimesAsPeopleTypeThem(t *testing.T) {
	h := newHarness(t, nil, 100, 30)
	h.goTo("timeline").focusPath("timeline.start").typ("2026-11-23 14:05:00.123")
	if strings.Contains(h.view(), "daylight saving") {
		t.Fatalf("a time with a fraction of a second is not in a DST gap:\n%s", h.view())
	}
	start := h.m.Draft().Timeline.Start
	if start == nil || !start.Equal(time.Date(2026, 11, 23, 14, 5, 0, 123000000, time.UTC)) {
		t.Fatalf("start = %v", start)
	}
	h.focusPath("timeline.detected").typ("2:20 PM")
	if got := h.m.Draft().Timeline.Detected; got == nil || !got.Equal(time.Date(2026, 11, 23, 14, 20, 0, 0, time.UTC)) {
		t.Fatalf("detected = %v\n%s", got, h.view())
	}
	h.focusPath("timeline.end").typ("16:05 UTC")
	if got := h.m.Draft().Timeline.End; got == nil || !got.Equal(time.Date(2026, 11, 23, 16, 5, 0, 0, time.UTC)) {
		t.Fatalf("end = %v\n%s", got, h.view())
	}
	if strings.Contains(h.view(), "is not a time") {
		t.Errorf("an error is shown for a time pmwiz read:\n%s", h.view())
	}
}

func TestParseTimeAsPeopleWriteIt(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no zoneinfo:", err)
	}
	ref := time.Date(2026, 11, 23, 14, 0, 0, 0, berlin)
	tests := []struct {
		in      string
		nearest bool
		want    string
	}{
		{"2:05 PM", false, "2026-11-23T14:05:00+01:00"},
		{"1:50 pm", true, "2026-11-23T13:50:00+01:00"}, // an event just before the start
		{"14:05 UTC", false, "2026-11-23T14:05:00Z"},
		{"13:26 PDT", false, "2026-11-23T13:26:00-07:00"},
		{"2026-11-23 14:05:00.123", false, "2026-11-23T14:05:00.123+01:00"},
		{"2026-03-29 02:30", false, "error"}, // a real DST gap still is one
	}
	for _, tc := range tests {
		got, err := parseTime(tc.in, berlin, &ref, tc.nearest)
		if tc.want == "error" {
			if err == nil || !strings.Contains(err.Error(), "daylight saving") {
				t.Errorf("parseTime(%q) = %v, %v; want the DST error", tc.in, got, err)
			}
			continue
		}
		if err != nil || got.Format(time.RFC3339Nano) != tc.want {
			t.Errorf("parseTime(%q) = %v, %v; want %s", tc.in, got.Format(time.RFC3339Nano), err, tc.want)
		}
	}
}
