package model

// Score rates a draft against the 12-item rubric. It is a pure function of
// the draft, cheap enough to run on every keystroke.
//
// TEMPORARY: the foundation issue replaces this placeholder with the real
// rubric; the signature is the contract the other packages build on.
func Score(d *Draft) Report {
	return Report{Max: 100, Metrics: ComputeMetrics(d.Timeline)}
}

// Next is the single most valuable thing to add: the item that is not yet
// "yes" and would gain the most points, earliest in rubric order on a tie.
func (r Report) Next() (ItemResult, bool) {
	best, found := ItemResult{}, false
	for _, it := range r.Items {
		if it.Status == Yes {
			continue
		}
		if !found || float64(it.Max)-it.Points > float64(best.Max)-best.Points {
			best, found = it, true
		}
	}
	return best, found
}

// CheckToneText runs the tone check over one field's text; field is the
// path reported in each finding ("summary", "lessons[2]").
//
// TEMPORARY placeholder, see Score.
func CheckToneText(field, text string) []Finding { return nil }
