package main

// pmwiz timeline add: candidate events from chat exports and logs (the
// records package reads them), chosen on a terminal (tui's chooser) or
// taken as the filters select them, merged into a draft under its lock.

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/records"
	"github.com/pmwiz/pmwiz/store"
	"github.com/pmwiz/pmwiz/tui"
)

// maxCandidates is the most events one add offers: more is a window too
// wide to read, and would flood the draft.
const maxCandidates = 2000

type timelineAddFlags struct {
	since, until, grep, exclude string
	who                         []string
	dryRun                      bool
	format, tz, day             string
}

func newTimelineCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "timeline",
		Short: "Build a draft's timeline from chat exports and logs",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newTimelineAddCmd())
	return cmd
}

func newTimelineAddCmd() *cobra.Command {
	var fl timelineAddFlags
	cmd := &cobra.Command{
		Use:   "add DRAFT FILE...|-",
		Short: "Add events from chat exports and logs to a draft's timeline",
		Long: "Read the record of an incident — a Slack export (folder or day file), chat, IRC,\n" +
			"syslog and application logs, shell history, JSON lines, logfmt, CSV — and add its\n" +
			"lines as timeline events, sorted among the events already there (exact duplicates\n" +
			"are skipped). The format is found from the content; --format forces one.\n\n" +
			"Times are read in the zone the record states, else the draft's time zone (--tz\n" +
			"overrides it); a clock-only time takes the incident's day.\n\n" +
			"On a terminal a chooser lists the events: type to filter, space to keep or drop,\n" +
			"keys to mark the start, detection, mitigation and end; enter adds. Off a terminal\n" +
			"(or with FILE -) what the filters select is added. See docs/timeline.md.",
		Example: "  pmwiz timeline add checkout-outage ~/Downloads/slack-export --since 30m --until 1h\n" +
			"  pmwiz timeline add checkout-outage app.log --grep 'deploy|rollback' --dry-run\n" +
			"  journalctl -o short-iso -u checkout | pmwiz timeline add checkout-outage -",
		Args:              argsBetween(2, -1, "a DRAFT and at least one FILE (or - for standard input)"),
		ValidArgsFunction: completeDrafts(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return timelineAdd(cmd, args[0], args[1:], fl)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.since, "since", "", "only events from this time: 14:05, 2026-11-23 14:05, or a duration before the start (30m)")
	f.StringVar(&fl.until, "until", "", "only events up to this time, or a duration after the end (1h)")
	f.StringVar(&fl.grep, "grep", "", "only events whose text matches this regular expression")
	f.StringVar(&fl.exclude, "exclude", "", "leave out events whose text matches this regular expression")
	f.StringSliceVar(&fl.who, "who", nil, "only events said or logged by these names (comma-separated)")
	f.BoolVar(&fl.dryRun, "dry-run", false, "print the events that would be added, and change nothing")
	f.StringVar(&fl.format, "format", "", "read the files as this format: "+records.FormatList()+" (default: found from the content)")
	f.StringVar(&fl.tz, "tz", "", "the zone of times the records write without one (default: the draft's time zone)")
	f.StringVar(&fl.day, "day", "", "the incident's day (YYYY-MM-DD) for clock-only times, when the draft has no start time")
	return cmd
}

func timelineAdd(cmd *cobra.Command, ref string, files []string, fl timelineAddFlags) error {
	s, err := openStore(cmd)
	if err != nil {
		return err
	}
	if fl.format != "" && !slices.Contains(records.Formats, records.Format(fl.format)) {
		return exitCode(2, "--format %s: pmwiz reads %s", fl.format, records.FormatList())
	}
	if n := countStdin(files); n > 1 {
		return exitCode(2, "- (standard input) can be read once, but was given %d times", n)
	}
	// The lock first, then the load: what is merged into is what is on
	// disk while no other pmwiz can write it.
	var lock *store.Lock
	if !fl.dryRun {
		path, err := s.Resolve(ref)
		if err != nil {
			return exitCode(2, "%v", err)
		}
		lock, err = s.Lock(path)
		if err != nil {
			return exitCode(2, "%v", withLockAdvice(err, "close it there first, then add the events (or try --dry-run meanwhile)"))
		}
		defer lock.Unlock()
	}
	l, err := s.Load(ref)
	if err != nil {
		return exitCode(2, "%v", err)
	}
	d := l.Draft

	loc, err := d.Timeline.Location()
	if fl.tz != "" {
		loc, err = time.LoadLocation(fl.tz)
		if err != nil {
			return exitCode(2, "--tz %s is not a time zone: use an IANA name like Europe/Berlin or America/New_York, or UTC", fl.tz)
		}
	} else if err != nil {
		return exitCode(2, "the draft's time zone: %v; or pass --tz", err)
	}
	dayRef, err := incidentDay(d, fl.day, loc)
	if err != nil {
		return err
	}
	filter, err := buildFilter(d, fl, loc, dayRef)
	if err != nil {
		return err
	}

	events, total, err := readRecords(cmd.InOrStdin(), files, records.Options{Format: records.Format(fl.format), Zone: loc, Day: dayRef}, filter)
	if err != nil {
		return exitCode(2, "%v\nNothing was changed.", err)
	}
	if total == 0 {
		return exitCode(2, "no events in %s match the window and filters: widen --since/--until or loosen --grep/--exclude/--who. Nothing was changed.", strings.Join(files, ", "))
	}
	if total > maxCandidates {
		return exitCode(2, "%d events match, more than the %d pmwiz offers at once: narrow the window with --since/--until (e.g. --since 30m --until 1h) or --grep. Nothing was changed.", total, maxCandidates)
	}
	slices.SortStableFunc(events, func(a, b records.Event) int { return a.At.Compare(b.At) })

	out := cmd.OutOrStdout()
	if fl.dryRun {
		printCandidates(out, events, loc)
		fmt.Fprintf(out, "%d events would be added to %s (--dry-run: nothing was changed).\n", len(events), l.Name)
		printSuggestions(out, events, loc)
		return nil
	}

	chosen := events
	marks := map[records.Moment]int{}
	if interactive(cmd) && countStdin(files) == 0 {
		res, ok, err := tui.RunChooser(cmd.Context(), cmd.InOrStdin(), out, events, loc)
		if err != nil {
			return exitCode(2, "chooser: %v. Nothing was changed.", err)
		}
		if !ok {
			fmt.Fprintln(out, "Nothing added.")
			return nil
		}
		chosen = nil
		index := map[int]int{}
		for _, i := range res.Keep {
			index[i] = len(chosen)
			chosen = append(chosen, events[i])
		}
		for m, i := range res.Marks {
			marks[m] = index[i]
		}
	}

	added, dups := records.Merge(&d.Timeline, chosen)
	for m, i := range marks {
		records.SetMoment(&d.Timeline, m, chosen[i].At)
	}
	if added == 0 && len(marks) == 0 {
		if dups == 0 {
			fmt.Fprintln(out, "Nothing added.")
		} else {
			fmt.Fprintf(out, "All %s chosen are in %s already: nothing to add.\n", plural(dups, "event"), l.Name)
		}
		return nil
	}
	stamp := now().Truncate(time.Second)
	d.Updated = &stamp
	if err := s.Save(l.Path, d); err != nil {
		return exitCode(2, "%v", err)
	}
	fmt.Fprintf(out, "Added %s to %s", plural(added, "event"), l.Name)
	switch {
	case dups == 1:
		fmt.Fprint(out, " (1 was there already)")
	case dups > 1:
		fmt.Fprintf(out, " (%d were there already)", dups)
	}
	fmt.Fprintln(out, ".")
	for _, m := range records.Moments {
		if i, ok := marks[m]; ok {
			fmt.Fprintf(out, "Set the %s to %s.\n", m, chosen[i].At.In(loc).Format("2006-01-02 15:04:05"))
		}
	}
	if len(marks) == 0 {
		printSuggestions(out, chosen, loc)
	}
	fmt.Fprintf(out, "Resume it with: pmwiz resume %s\n", resumeRef(s, l))
	return nil
}

func countStdin(files []string) int {
	n := 0
	for _, f := range files {
		if f == "-" {
			n++
		}
	}
	return n
}

// incidentDay is the instant clock-only times are placed near: --day, else
// the draft's start, detection, mitigation or end, else its first event.
func incidentDay(d *model.Draft, day string, loc *time.Location) (*time.Time, error) {
	if day != "" {
		t, err := time.ParseInLocation("2006-01-02", day, loc)
		if err != nil {
			return nil, exitCode(2, "--day %s: write the incident's day as YYYY-MM-DD", day)
		}
		noon := t.Add(12 * time.Hour)
		return &noon, nil
	}
	return records.IncidentDay(d), nil
}

func buildFilter(d *model.Draft, fl timelineAddFlags, loc *time.Location, dayRef *time.Time) (*records.Filter, error) {
	f := &records.Filter{Who: fl.who}
	tl := d.Timeline
	start, end := tl.Start, tl.End
	if start == nil {
		start = dayRef
	}
	if end == nil {
		end = start
	}
	var err error
	for _, b := range []struct {
		flag, value string
		into        **time.Time
		around      *time.Time
	}{{"--since", fl.since, &f.Since, start}, {"--until", fl.until, &f.Until, end}} {
		if b.value == "" {
			continue
		}
		t, perr := records.ParseWhen(b.value, loc, dayRef, b.around, b.flag == "--until")
		if perr != nil {
			return nil, exitCode(2, "%s %v", b.flag, perr)
		}
		*b.into = &t
	}
	if f.Since != nil && f.Until != nil && f.Until.Before(*f.Since) {
		return nil, exitCode(2, "--until (%s) is before --since (%s): swap them", f.Until.In(loc).Format("2006-01-02 15:04"), f.Since.In(loc).Format("2006-01-02 15:04"))
	}
	if f.Grep, err = compileFlag("--grep", fl.grep); err != nil {
		return nil, err
	}
	if f.Exclude, err = compileFlag("--exclude", fl.exclude); err != nil {
		return nil, err
	}
	return f, nil
}

func compileFlag(flag, expr string) (*regexp.Regexp, error) {
	if expr == "" {
		return nil, nil
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, exitCode(2, "%s %q is not a regular expression: %v (Go syntax; (?i) ignores case)", flag, expr, err)
	}
	return re, nil
}

// readRecords reads every file, keeping at most maxCandidates+1 events in
// memory and counting the rest.
func readRecords(stdin io.Reader, files []string, o records.Options, f *records.Filter) ([]records.Event, int, error) {
	var events []records.Event
	total := 0
	emit := func(e records.Event) error {
		total++
		if len(events) <= maxCandidates {
			events = append(events, e)
		}
		return nil
	}
	for _, file := range files {
		var err error
		if file == "-" {
			_, err = records.Read(stdin, "standard input", o, f, emit)
		} else {
			_, err = records.ReadPath(file, o, f, emit)
		}
		if err != nil {
			return nil, 0, err
		}
	}
	return events, total, nil
}

func printCandidates(w io.Writer, events []records.Event, loc *time.Location) {
	for _, e := range events {
		fmt.Fprintf(w, "%s  %-18s  %s\n", e.At.In(loc).Format("2006-01-02 15:04:05"), e.Source, e.EventText())
	}
}

// printSuggestions names the likely key moments without setting them: the
// user decides (the chooser or the wizard's Timeline step).
func printSuggestions(w io.Writer, events []records.Event, loc *time.Location) {
	sug := records.Suggest(events)
	for _, m := range records.Moments {
		if i, ok := sug[m]; ok {
			fmt.Fprintf(w, "Suggested %s: %s %s (not set: mark it in the chooser or set it in the wizard)\n",
				m, events[i].At.In(loc).Format("2006-01-02 15:04:05"), events[i].EventText())
		}
	}
}

// plural is "1 event", "2 events".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
