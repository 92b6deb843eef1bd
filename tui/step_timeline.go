package tui

import (
	"github.com/charmbracelet/x/ansi"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// The Timeline step's own behaviour: the zone its times are read in and
// the durations they give, shown under its guide, and what follows when
// the start or the zone changes.

// timelineHeader is "Times are in …" and the durations so far.
func timelineHeader(c stepCtx, w int) []string {
	st := c.styles
	loc := draftLocation(c.draft.Timeline.TimeZone)
	// The offset at the incident, not today: a March outage in Berlin
	// was at UTC+01:00 or +02:00 whatever the date of writing.
	at := c.now()
	if t := c.draft.Timeline.Start; t != nil {
		at = *t
	}
	out := []string{st.Muted.Render(ansi.Truncate("Times are in "+zoneLabel(loc, at), max(w, 1), "…"))}
	if ml := MetricsShort(c.report.Metrics); ml != "" {
		out = append(out, st.Muted.Render(ansi.Truncate(ml, max(w, 1), "…")))
	}
	return out
}

// timelineAfterSet: a new start re-reads the bare clock times typed
// against the old one; a new zone shows every time of the step in it
// (the instants stay as they are).
func timelineAfterSet(c stepCtx, f *field) tea.Cmd {
	switch f.path {
	case model.PathStart:
		c.do.rereadClocks(f)
	case model.PathTimeZone:
		return c.do.buildFields(f.path)
	}
	return nil
}

// timelinePaste offers timestamped lines pasted on the step as events
// (wizard_timeline.go).
func timelinePaste(c stepCtx, msg tea.Msg) (tea.Cmd, bool) {
	if p, ok := msg.(tea.PasteMsg); ok && !c.readOnly {
		return nil, c.do.offerPastedEvents(p)
	}
	return nil, false
}

// timelineRecap is what accessible mode says after the step: the
// durations, as the wizard and `pmwiz score` give them.
func timelineRecap(r model.Report) string {
	if ml := MetricsLine(r.Metrics); ml != "" {
		return ml + "."
	}
	return ""
}

// rereadClocks reads again, against the new start, the times on screen
// typed as a bare clock ("00:20"): they mean that time on the start's
// day (or the next), and the start may have been typed, or fixed, after
// them. Without this, an end typed while the start was still wrong keeps
// the wrong day, and the incident lasts for months.
func (m *Model) rereadClocks(start *field) {
	for _, g := range m.fields {
		if g == start || g.kind != kindTime || !isClock(g.Value()) {
			continue
		}
		if err := g.set(m.draft, g.Value()); err != nil {
			g.err = err
			m.errs[g.path], m.pending[g.path] = err, g.Value()
			continue
		}
		g.err = nil
		delete(m.errs, g.path)
		delete(m.pending, g.path)
		g.counted = g.filledInDraft(m)
	}
}
