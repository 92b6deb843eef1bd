package model

import "testing"

func TestFindClockRange(t *testing.T) {
	tests := []struct {
		text         string
		ok           bool
		fromH, fromM int
		toH, toM     int
		zone         string
	}{
		{"For 52 minutes, from 09:14 to 10:06 UTC, visitors saw nothing.", true, 9, 14, 10, 6, "UTC"},
		{"From 4:12 AM to 5:03 AM PST on Thursday, November 7, 2024, requests failed.", true, 4, 12, 5, 3, "PST"},
		{"Between 14:20 and 14:45 UTC on 2025-05-02 the login page returned 503.", true, 14, 20, 14, 45, "UTC"},
		{"between 11:58 PM and 12:20 AM the queue stalled", true, 23, 58, 0, 20, ""},
		{"from 10 to 12 nodes were lost", false, 0, 0, 0, 0, ""},
		{"from 2019 to 2021 we ran it by hand", false, 0, 0, 0, 0, ""},
		{"from 14:05 onwards errors rose", false, 0, 0, 0, 0, ""},
		{"no times here", false, 0, 0, 0, 0, ""},
	}
	for _, tt := range tests {
		a, b, ok := FindClockRange(tt.text)
		if ok != tt.ok {
			t.Errorf("FindClockRange(%q) ok = %v, want %v", tt.text, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if a.Hour != tt.fromH || a.Minute != tt.fromM || b.Hour != tt.toH || b.Minute != tt.toM {
			t.Errorf("FindClockRange(%q) = %02d:%02d–%02d:%02d, want %02d:%02d–%02d:%02d", tt.text, a.Hour, a.Minute, b.Hour, b.Minute, tt.fromH, tt.fromM, tt.toH, tt.toM)
		}
		if a.Zone.Name != tt.zone || b.Zone.Name != tt.zone {
			t.Errorf("FindClockRange(%q) zones %q/%q, want %q for both", tt.text, a.Zone.Name, b.Zone.Name, tt.zone)
		}
	}
}

func FuzzFindClockRange(f *testing.F) {
	f.Add("from 09:14 to 10:06 UTC")
	f.Add("Between 4:12 AM and 5:03 AM PST on November 7, 2024")
	f.Fuzz(func(t *testing.T, s string) {
		a, b, ok := FindClockRange(s)
		if ok && (!a.HasClock || !b.HasClock) {
			t.Fatalf("a range without clocks from %q", s)
		}
	})
}
