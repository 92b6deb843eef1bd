package tui

import (
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// A notice from loading the draft (bytes that are not UTF-8 left out of
// named fields) is on screen when the wizard opens.
func TestWizardShowsTheLoadNotice(t *testing.T) {
	h := newHarness(t, model.New("x", testNow), 120, 30, func(o *Options) {
		o.Notice = "title held bytes that are not UTF-8 (text saved in another encoding?); pmwiz left them out: check that field"
	})
	h.wantView("title held bytes that are not UTF-8")
}
