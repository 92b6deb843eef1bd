package tui

// The picker scores the drafts it shows as they come into view: a folder
// of 10,000 drafts is listed with a first screenful scored (scoring is
// most of a cold listing), and the rows a user scrolls, pages or filters
// to are scored then, off the event loop. The scoring itself is the
// store's (it reads the drafts); the picker only gets it as a function.

import (
	"maps"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/store"
)

// scoreState is how far a draft's scoring has got.
type scoreState uint8

const (
	scorePending scoreState = iota + 1 // asked for, not back yet
	scoreDone                          // back: the row shows what came
)

// pickerScoredMsg brings back drafts scored off the event loop, each
// with its score or, found broken when read whole, its error.
type pickerScoredMsg struct{ entries []store.Entry }

// WithScorer has the picker score, with score, the drafts it shows that
// have no score yet (store.Entry.MaxScore 0, as store.ListWith leaves
// those past the newest). score is called off the event loop; it returns
// the entry scored, or with Err set when the draft cannot be read.
func (p Picker) WithScorer(score func(store.Entry) store.Entry) Picker {
	p.score = score
	return p
}

// scoreVisible asks for the scores of the rows on screen that have none,
// no error, and have not been asked for: one command for them all, and
// never a second for the same draft. It returns nil when none is needed.
func (p *Picker) scoreVisible() tea.Cmd {
	if p.score == nil {
		return nil
	}
	var todo []store.Entry
	for r := p.top; r < min(p.rows(), p.top+p.listHeight()); r++ {
		i := r
		if p.showNew() {
			if r == 0 {
				continue
			}
			i--
		}
		e := p.entries[i]
		if e.Err == nil && e.MaxScore == 0 && p.scoring[e.Name] == 0 {
			todo = append(todo, e)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	// A copy: an older Picker value keeps what it knew.
	p.scoring = maps.Clone(p.scoring)
	if p.scoring == nil {
		p.scoring = map[string]scoreState{}
	}
	for _, e := range todo {
		p.scoring[e.Name] = scorePending
	}
	score := p.score
	return func() tea.Msg {
		out := make([]store.Entry, len(todo))
		for i, e := range todo {
			out[i] = score(e)
		}
		return pickerScoredMsg{entries: out}
	}
}

// fillScores puts scored drafts in place, by name, in the whole list and
// the filtered one. A draft not asked for, or already filled in, is
// ignored; one no longer shown (filtered out) is filled in the whole
// list only.
func (p *Picker) fillScores(msg pickerScoredMsg) {
	got := map[string]store.Entry{}
	for _, e := range msg.entries {
		if p.scoring[e.Name] == scorePending {
			got[e.Name] = e
		}
	}
	if len(got) == 0 {
		return
	}
	p.scoring = maps.Clone(p.scoring)
	for name := range got {
		p.scoring[name] = scoreDone
	}
	filtered := p.filter != ""
	p.all = filled(p.all, got)
	p.titles = titlesOf(p.all) // a title read whole, or a draft found broken
	if filtered {
		p.entries = filled(p.entries, got)
	} else {
		p.entries = p.all
	}
}

// filled is es with the entries in got put in place by name: a copy,
// so that older Picker values are left as they were.
func filled(es []store.Entry, got map[string]store.Entry) []store.Entry {
	es = slices.Clone(es)
	left := len(got)
	for i := range es {
		if e, ok := got[es[i].Name]; ok {
			es[i] = e
			if left--; left == 0 {
				break
			}
		}
	}
	return es
}

// scoreText is a row's score: the score, "…" while it is being worked
// out, "–" when there is none to show.
func (p Picker) scoreText(e store.Entry) string {
	if e.MaxScore == 0 {
		if p.score != nil && p.scoring[e.Name] != scoreDone {
			return "score …"
		}
		return "score –"
	}
	return ScoreOf(e.Score, e.MaxScore)
}
