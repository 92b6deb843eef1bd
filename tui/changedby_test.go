package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// In a shared folder the picker says who changed each draft last, marks
// a change nobody has committed, and shows a name from a file or a
// commit as text, never as terminal commands.
func TestPickerSaysWhoChangedADraftLast(t *testing.T) {
	es := []store.Entry{
		{Name: "a", Title: "Checkout outage", Status: model.StatusDraft, Score: 42, MaxScore: 100, Updated: pickNow,
			ChangedBy: store.ChangedBy{Name: "Ana Lopez", Source: store.FromCommit, When: pickNow}},
		{Name: "b", Title: "DNS outage", Status: model.StatusReview, Score: 80, MaxScore: 100, Updated: pickNow,
			ChangedBy: store.ChangedBy{Name: "Ben", Source: store.FromWorkTree}},
		{Name: "c", Title: "Queue backlog", Status: model.StatusDraft, Updated: pickNow,
			ChangedBy: store.ChangedBy{Name: "Eve\x1b]52;c;cGF5bG9hZA==\x07 Mallory", Source: store.FromAuthors}},
		{Name: "d", Title: "Nobody known", Status: model.StatusDraft, Updated: pickNow},
	}
	m, _ := NewPicker(es, false, pickNow).Update(tea.WindowSizeMsg{Width: 110, Height: 20})
	raw := m.(Picker).View().Content
	v := view(m.(Picker))
	for _, want := range []string{"by Ana Lopez", "by Ben (uncommitted)", "by Eve"} {
		if !strings.Contains(v, want) {
			t.Errorf("the picker does not say %q:\n%s", want, v)
		}
	}
	if strings.Contains(raw, "\x1b]52") || strings.Contains(raw, "\x07") {
		t.Error("an escape sequence in a name reached the screen")
	}
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "Nobody known") && strings.Contains(l, " by ") {
			t.Errorf("a draft nobody is known to have changed names someone: %q", l)
		}
	}
}

func TestChangedByTextKeepsTheMarkWhenRoomIsShort(t *testing.T) {
	long := store.ChangedBy{Name: "Maximiliana Featherstonehaugh-Wolfeschlegel", Source: store.FromWorkTree}
	cases := []struct {
		c     store.ChangedBy
		width int
		want  string
	}{
		{store.ChangedBy{}, 0, ""},
		{store.ChangedBy{Name: "Ana", Source: store.FromCommit}, 0, "Ana"},
		{store.ChangedBy{Name: "Ana", Source: store.FromWorkTree}, 0, "Ana (uncommitted)"},
		{long, 0, "Maximiliana Featherston… (uncommitted)"},
		{long, 20, "Maxim… (uncommitted)"},
		{long, 15, "Maximiliana Fe…"},
	}
	for _, c := range cases {
		if got := ChangedByText(c.c, c.width); got != c.want {
			t.Errorf("ChangedByText(%q, %d) = %q, want %q", c.c.Name, c.width, got, c.want)
		}
	}
}
