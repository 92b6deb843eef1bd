package tui

import (
	"strings"
	"testing"
)

func TestEditorCommandSplitsLikeAShell(t *testing.T) {
	for _, tc := range []struct {
		visual, editor string
		want           string // argv joined with |
		wantErr        string
	}{
		{"", "", "vi", ""},
		{"", "nano", "nano", ""},
		{"code --wait", "nano", "code|--wait", ""},
		{"", `'/opt/My Editor/bin/ed' --wait`, "/opt/My Editor/bin/ed|--wait", ""},
		{"", `"/opt/My Editor/bin/ed" -c "set tw=72"`, "/opt/My Editor/bin/ed|-c|set tw=72", ""},
		{"", `/opt/My\ Editor/ed`, "/opt/My Editor/ed", ""},
		{"   ", "emacs -nw", "emacs|-nw", ""},
		{"", `"unclosed`, "", "$EDITOR cannot be read as a command"},
	} {
		t.Setenv("VISUAL", tc.visual)
		t.Setenv("EDITOR", tc.editor)
		argv, err := editorCommand()
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("VISUAL=%q EDITOR=%q: err %v, want %q", tc.visual, tc.editor, err, tc.wantErr)
			}
			continue
		}
		if err != nil || strings.Join(argv, "|") != tc.want {
			t.Errorf("VISUAL=%q EDITOR=%q: %q (%v), want %q", tc.visual, tc.editor, argv, err, tc.want)
		}
	}
}
