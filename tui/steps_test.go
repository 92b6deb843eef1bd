package tui

import (
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// The steps table is the one place a step is declared: every step has an
// id of its own, its rubric item (if any) is one the rubric scores, and
// exactly one step is the Review.
func TestStepsTableIsConsistent(t *testing.T) {
	seen := map[string]bool{}
	reviews := 0
	for i, st := range steps {
		if st.id == "" || seen[st.id] {
			t.Errorf("step %d (%s): id %q is empty or taken", i, st.title, st.id)
		}
		seen[st.id] = true
		if stepIndex(st.id) != i {
			t.Errorf("stepIndex(%q) = %d, want %d", st.id, stepIndex(st.id), i)
		}
		if _, ok := model.RubricItemByID(st.item); st.item != "" && !ok {
			t.Errorf("step %q names rubric item %q, which the rubric does not have", st.id, st.item)
		}
		if st.review {
			reviews++
		}
	}
	if reviews != 1 {
		t.Errorf("%d Review steps, want one", reviews)
	}
	if stepIndex("no-such-step") != -1 {
		t.Error("stepIndex finds a step that does not exist")
	}
}
