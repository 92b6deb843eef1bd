package tui

import (
	"github.com/charmbracelet/x/ansi"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// pickerTitles is what each row needs to know of every draft's title:
// how wide the title column is, and whether a title is shared. Worked
// out once per list (and again when scores bring new titles), not once
// per row: over 10,000 drafts that made each frame cost ~390 ms.
type pickerTitles struct {
	width int            // of the widest readable title
	count map[string]int // readable drafts with each title (made safe)
}

func titlesOf(entries []store.Entry) pickerTitles {
	t := pickerTitles{width: len("(untitled)"), count: make(map[string]int, len(entries))}
	for _, e := range entries {
		if e.Err == nil {
			title := model.SafeLine(e.Title)
			t.count[title]++
			t.width = max(t.width, ansi.StringWidth(title))
		}
	}
	return t
}
