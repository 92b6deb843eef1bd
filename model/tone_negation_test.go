package model

import "testing"

// A writer who denies blame is not flagged for it; blame stated, or
// denied only in another clause, still is.
func TestBlameDeniedIsNotFlagged(t *testing.T) {
	tests := []struct {
		text    string
		flagged bool
	}{
		{"We do not treat this as human error.", false},
		{"This was not human error.", false},
		{"It wasn't operator error; the tooling allowed it.", false},
		{"It wasn’t human error.", false},
		{"We never call this user error.", false},
		{"Nobody was careless.", false},
		{"This was human error.", true},
		{"The deploy did not fail. It was human error.", true},
		{"Not the deploy but human error caused it.", true},
		{"It was human error, not a bug.", true},
	}
	for _, tt := range tests {
		got := false
		for _, f := range CheckToneText("human_elements", tt.text) {
			if f.Kind == Blame {
				got = true
			}
		}
		if got != tt.flagged {
			t.Errorf("%q: flagged %v, want %v", tt.text, got, tt.flagged)
		}
	}
}
