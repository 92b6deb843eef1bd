package main

// The draft commands: list, new, resume, rm, and what plain "pmwiz" does.
// They wire the store (where drafts live, locks, errors) to the wizard,
// which open.go starts.

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/dustin/go-humanize"
	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
	"github.com/pmwiz/pmwiz/tui"
)

// draftsDirFlag is the root's persistent --drafts-dir flag.
const draftsDirFlag = "drafts-dir"

// now is the CLI's clock; tests pin it.
var now = time.Now

// openStore opens the drafts directory: --drafts-dir, else
// $PMWIZ_DRAFTS_DIR, else drafts in .pmwiz.toml or the user's config,
// else $XDG_DATA_HOME/pmwiz/drafts.
func openStore(cmd *cobra.Command) (*store.Store, error) {
	c, err := loadConfig(cmd)
	if err != nil {
		return nil, err
	}
	dir, err := store.DefaultDir(c.Drafts.Value)
	if err != nil {
		return nil, exitCode(2, "%v", err)
	}
	s, err := store.Open(dir)
	if err != nil {
		return nil, exitCode(2, "%v", err)
	}
	return s, nil
}

// terminalListLimit is how many drafts "pmwiz list" shows on a terminal
// unless asked for more: a screenful or so, the newest. A folder of
// 10,000 drafts is not read on a terminal; a pipe gets every one.
const terminalListLimit = 30

func newListCmd() *cobra.Command {
	var asJSON, all bool
	var limit int
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List your drafts, newest first",
		Long: "List the drafts in the drafts directory, newest first, with their title, status,\n" +
			"score, when they were last changed and by whom (git's last commit, or the\n" +
			"draft's last author outside git). Drafts that cannot be read are listed\n" +
			"with the reason. On a terminal the newest " + strconv.Itoa(terminalListLimit) + " are shown (--all for\n" +
			"every one); piped or with --json, every draft unless --limit says otherwise.\n" +
			"Piped, nothing is cut unless $COLUMNS asks for a width.",
		Example: "  pmwiz list\n  pmwiz list --all\n  pmwiz list --json | jq -r '.[] | select(.score < 80) | .name'",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if all && cmd.Flags().Changed("limit") {
				return exitCode(2, "--limit and --all ask for different things: give one of them")
			}
			if cmd.Flags().Changed("limit") && limit < 1 {
				return exitCode(2, "--limit %d: give 1 or more drafts to show, or --all for every one", limit)
			}
			s, err := openStore(cmd)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			switch {
			case all, cmd.Flags().Changed("limit"):
			case !asJSON && isTerminal(out):
				limit = terminalListLimit
			}
			var entries []store.Entry
			if all || limit == 0 {
				entries, err = s.List()
			} else {
				// Only the rows shown are scored: scoring is most of
				// what a listing with no index costs.
				entries, err = s.ListWith(store.ListOptions{Scored: limit})
			}
			if err != nil {
				return exitCode(2, "cannot list %s: %v", s.Dir(), err)
			}
			total := len(entries)
			if limit > 0 && !all && total > limit {
				entries = entries[:limit]
			}
			if asJSON {
				return writeListJSON(out, entries)
			}
			writeList(out, s.Dir(), entries, now(), listWidth(out))
			// A person is told what was left out; a script that asked for
			// --limit gets the rows alone.
			if len(entries) < total && isTerminal(out) {
				fmt.Fprintf(out, "The newest %d of %s drafts. Every one: pmwiz list --all\n", len(entries), humanize.Comma(int64(total)))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {schema_version, name, path, title, status, score, updated, error, changed_by} (docs/list.schema.json)")
	cmd.Flags().IntVarP(&limit, "limit", "L", 0, "show the newest N drafts (on a terminal: "+strconv.Itoa(terminalListLimit)+")")
	cmd.Flags().BoolVarP(&all, "all", "a", false, "show every draft, also on a terminal")
	return cmd
}

// listSchemaVersion versions the objects of pmwiz list --json
// (docs/list.schema.json): adding a field keeps it, removing or changing
// one bumps it.
const listSchemaVersion = 1

// listItem is one draft in "pmwiz list --json". Score is null and error
// set for a draft that cannot be read.
type listItem struct {
	SchemaVersion int      `json:"schema_version"`
	Name          string   `json:"name"`
	Path          string   `json:"path"`
	Title         string   `json:"title"`
	Status        string   `json:"status"`
	Score         *float64 `json:"score"`
	Updated       string   `json:"updated"`
	Error         *string  `json:"error"`
	// ChangedBy is who changed the draft last (listby.go), null when
	// nobody is known.
	ChangedBy *listChangedBy `json:"changed_by"`
}

func writeListJSON(w io.Writer, entries []store.Entry) error {
	items := make([]listItem, 0, len(entries))
	for _, e := range entries {
		it := listItem{SchemaVersion: listSchemaVersion, Name: e.Name, Path: e.Path, Title: e.Title, Status: string(e.Status), Updated: e.Updated.Format(time.RFC3339),
			ChangedBy: newListChangedBy(e.ChangedBy)}
		if e.Err != nil {
			msg := e.Reason()
			it.Error = &msg
		} else {
			score := e.Score
			it.Score = &score
		}
		items = append(items, it)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(items)
}

// writeList prints the drafts as aligned columns that fit in width cells
// (a wrapped line is hard to read). Titles come from files, so they are
// made safe for the terminal first.
func writeList(w io.Writer, dir string, entries []store.Entry, at time.Time, width int) {
	if len(entries) == 0 {
		fmt.Fprintf(w, "No drafts yet in %s.\nStart one with: pmwiz new\n", dir)
		return
	}
	// The BY column only when someone is known for some draft.
	showBy := slices.ContainsFunc(entries, func(e store.Entry) bool { return e.ChangedBy.Name != "" })
	rows := [][]string{{"NAME", "TITLE", "STATUS", "SCORE", "UPDATED"}}
	if showBy {
		rows[0] = append(rows[0], "BY")
	}
	for _, e := range entries {
		name := listRef(e)
		when := tui.Ago(at, e.Updated)
		var row []string
		if e.Err != nil {
			// Three cells: the error spans title, status and score.
			row = []string{name, "cannot be read: " + model.SafeLine(e.Reason()), when}
		} else {
			title := model.SafeLine(e.Title)
			if title == "" {
				title = "(untitled)"
			}
			status := string(e.Status)
			if e.LockedBy != nil {
				status += " (open)"
			}
			score := "–"
			if e.MaxScore > 0 {
				score = tui.ScoreOf(e.Score, e.MaxScore)
			}
			row = []string{name, title, status, score, when}
		}
		if showBy {
			row = append(row, tui.ChangedByText(e.ChangedBy, 0))
		}
		rows = append(rows, row)
	}
	// Columns: name, title, status, score, updated[, by]; an error row
	// has name, reason, updated[, by].
	widths := make([]int, 6)
	for _, r := range rows {
		cols := []int{0, 1, 2, 3, 4, 5}
		if len(r) < 5 {
			cols = []int{0, -1, 4, 5}
		}
		for i, c := range r {
			if cols[i] >= 0 {
				widths[cols[i]] = max(widths[cols[i]], ansi.StringWidth(c))
			}
		}
	}
	// The title gets what is left of the width, 50 cells at most and 12
	// at least; who changed it last gets 18 cells (a name and its
	// "(uncommitted)" mark) when those fit beside a 12-cell title, else 8
	// (the name alone), and what the title leaves. Names are never cut:
	// they are what "pmwiz resume" takes. Width 0 (piped, no $COLUMNS):
	// nothing is cut.
	gaps := 2 * (len(rows[0]) - 1)
	if width > 0 {
		fixed := gaps + widths[0] + widths[2] + widths[3] + widths[4]
		by := 0
		if showBy {
			by = min(widths[5], 18)
			if width-fixed-12 < by {
				by = min(widths[5], 8)
			}
		}
		widths[1] = min(widths[1], 50, max(12, width-fixed-by))
		if showBy {
			widths[5] = min(widths[5], max(by, width-fixed-widths[1]))
		}
	}
	byGap := 0
	if showBy {
		byGap = 2
	}
	for ri, r := range rows {
		var b strings.Builder
		cells := widths
		if len(r) < 5 {
			// At least the title, status and score columns; at most what
			// the width leaves beside the name, the date and who.
			cells = []int{widths[0], max(widths[1]+widths[2]+widths[3]+4, width-widths[0]-widths[4]-4-widths[5]-byGap), widths[4], widths[5]}
			if width <= 0 {
				cells[1] = max(cells[1], ansi.StringWidth(r[1]))
			}
		}
		for i, c := range r {
			if i == len(r)-1 {
				if showBy && ri > 0 {
					c = tui.ChangedByText(entries[ri-1].ChangedBy, cells[i])
				}
				b.WriteString(c)
				break
			}
			c = ansi.Truncate(c, cells[i], "…")
			b.WriteString(c + strings.Repeat(" ", cells[i]-ansi.StringWidth(c)+2))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func newNewCmd() *cobra.Command {
	var title string
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Start a new post-mortem",
		Long: "Create a new draft in the drafts directory and open the wizard on it. The draft's\n" +
			"name is made from the date and the title, e.g. 2026-11-24-checkout-outage.\n" +
			"Authors and time zone come from the config (see pmwiz config).",
		Example: "  pmwiz new\n  pmwiz new --title \"Checkout outage\"",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := openStore(cmd)
			if err != nil {
				return err
			}
			return startNew(cmd, s, title)
		},
	}
	cmd.Flags().StringVarP(&title, "title", "t", "", "the post-mortem's title (you can set it in the wizard too)")
	return cmd
}

// startNew creates a draft with the configured authors and time zone.
func startNew(cmd *cobra.Command, s *store.Store, title string) error {
	c, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	at := now().Truncate(time.Second)
	d := model.New(title, at)
	d.Authors = append([]string(nil), c.Authors.Value...)
	d.Timeline.TimeZone = c.TimeZone.Value
	name, err := s.CreateFrom(d, at)
	if err != nil {
		return exitCode(2, "%v", err)
	}
	return editOn(cmd, s, name, false, d)
}

func newResumeCmd() *cobra.Command {
	var fromBackup, readOnly bool
	cmd := &cobra.Command{
		Use:   "resume [DRAFT]",
		Short: "Open a draft where you left off",
		Long: "Open a draft in the wizard. DRAFT is a name from \"pmwiz list\" or a path to a .json\n" +
			"file. Without DRAFT, pick one from your recent drafts.",
		Example:           "  pmwiz resume\n  pmwiz resume 2026-11-24-checkout-outage\n  pmwiz resume --read-only ./checkout.json",
		Args:              argsBetween(0, 1, "at most one DRAFT"),
		ValidArgsFunction: completeDrafts(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := openStore(cmd)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				return pick(cmd, s, false)
			}
			ref := args[0]
			if isMarkdownPath(ref) {
				return exitCode(2, "%s is a Markdown file, not a draft: import it first (pmwiz import %s), then resume the name it prints", ref, ref)
			}
			if fromBackup {
				return restoreAndEdit(cmd, s, ref)
			}
			return edit(cmd, s, ref, readOnly)
		},
	}
	cmd.Flags().BoolVar(&fromBackup, "from-backup", false, "the draft cannot be read: restore its previous version (NAME.json.bak) and open that")
	cmd.Flags().BoolVar(&readOnly, "read-only", false, "open without editing, e.g. while another pmwiz has the draft open")
	return cmd
}

func newRmCmd() *cobra.Command {
	return &cobra.Command{
		Use:               "rm DRAFT...",
		Short:             "Move drafts to the trash",
		Long:              "Move drafts (and their backups) to .trash/ in the drafts directory. Nothing is deleted.",
		Example:           "  pmwiz rm 2026-11-24-checkout-outage\n  pmwiz rm old-draft another-draft",
		Args:              argsBetween(1, -1, rmArg),
		ValidArgsFunction: completeDrafts(-1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := openStore(cmd)
			if err != nil {
				return err
			}
			var failed bool
			for _, ref := range args {
				dest, err := s.MoveToTrash(ref)
				if err != nil {
					fmt.Fprintln(cmd.ErrOrStderr(), "pmwiz rm:", withLockAdvice(err, "close it there first"))
					failed = true
					continue
				}
				fmt.Fprintf(cmd.OutOrStdout(), "Moved %s to %s\n", model.SafeLine(ref), dest)
			}
			if failed {
				return exitCode(2, "some drafts were not moved")
			}
			return nil
		},
	}
}

// runDefault is plain "pmwiz": the picker with "start a new post-mortem"
// first when there are drafts, else straight into a new one.
func runDefault(cmd *cobra.Command, args []string) error {
	s, err := openStore(cmd)
	if err != nil {
		return err
	}
	return pick(cmd, s, true)
}

// pickerScored is how many of the newest drafts the picker's listing
// scores before its first frame: a screenful on a tall terminal (a
// 60-line window shows 56 rows), so the first screen rarely waits for
// anything. Scoring is most of a cold listing (10,000 drafts: ~1.2 s
// scored, ~0.3 s not); rows further down are scored as they come into
// view (tui.Picker.WithScorer).
const pickerScored = 60

// pick shows the draft picker. Off a terminal it lists the drafts and says
// how to choose one instead.
func pick(cmd *cobra.Command, s *store.Store, offerNew bool) error {
	// Off a terminal every draft is printed, so every one is scored.
	scored := store.AllScored
	if interactive(cmd) {
		scored = pickerScored
	}
	entries, err := s.ListWith(store.ListOptions{Scored: scored})
	if err != nil {
		return exitCode(2, "cannot list %s: %v", s.Dir(), err)
	}
	if len(entries) == 0 {
		if offerNew {
			return startNew(cmd, s, "")
		}
		return exitCode(2, "no drafts yet in %s: start one with \"pmwiz new\"", s.Dir())
	}
	if !interactive(cmd) {
		writeList(cmd.ErrOrStderr(), s.Dir(), entries, now(), listWidth(cmd.ErrOrStderr()))
		return exitCode(2, "not a terminal, so no picker: pass a draft name (pmwiz resume NAME), or start one with \"pmwiz new\"")
	}
	choice, ok, err := tui.RunPicker(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout(), entries, offerNew, s.ScoreEntry)
	if err != nil {
		return exitCode(2, "picker: %v", err)
	}
	switch {
	case !ok:
		return nil
	case choice.New:
		return startNew(cmd, s, "")
	}
	return edit(cmd, s, choice.Name, false)
}

// edit opens the draft ref in the wizard, holding its lock. When another
// pmwiz holds the lock, it says who and offers a read-only view.
//
// The draft is read once, by openWizard, after the lock is taken (a 1 MB
// draft costs ~25 ms to decode, and what is read before locking may
// change before the lock is held).
func edit(cmd *cobra.Command, s *store.Store, ref string, readOnly bool) error {
	return editOn(cmd, s, ref, readOnly, nil)
}

// editOn is edit; created is the draft as this session created it (see
// openWizardOn), nil for an existing one.
func editOn(cmd *cobra.Command, s *store.Store, ref string, readOnly bool, created *model.Draft) error {
	path, err := s.Resolve(ref)
	if err != nil {
		// The store's error names the file and says what to do.
		return exitCode(2, "%v", err)
	}
	if readOnly {
		return openWizard(cmd, s, path, true)
	}
	lock, err := s.Lock(path)
	if err != nil {
		l, lerr := s.Load(path)
		if lerr != nil {
			return exitCode(2, "%v", lerr)
		}
		// Held by another pmwiz, or not lockable at all (a read-only
		// disk): either way editing here could lose someone's work, and
		// reading is safe.
		var le *store.LockedError
		msg := "Close it there to edit it here; meanwhile you can read it."
		if !errors.As(err, &le) {
			msg = "Without a lock pmwiz cannot keep two editors apart, so it will not edit it; you can read it."
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "%s.\n%s\n", sentence(err.Error()), msg)
		if !interactive(cmd) {
			return exitCode(2, "cannot edit %s here: to read it, pmwiz resume --read-only %s", l.Name, resumeRef(s, l))
		}
		if !confirm(cmd, "Open it read-only? [y/N] ") {
			return nil
		}
		return openWizard(cmd, s, l.Path, true)
	}
	defer lock.Unlock()
	return openWizardOn(cmd, s, path, false, created)
}

// restoreAndEdit is "resume --from-backup": the draft cannot be read, so
// its .bak becomes the draft (the broken file goes to the trash).
func restoreAndEdit(cmd *cobra.Command, s *store.Store, ref string) error {
	path, err := s.Resolve(ref)
	if err != nil {
		return exitCode(2, "%v", err)
	}
	if _, err := s.Load(path); err == nil {
		return exitCode(2, "%s can be read, so there is nothing to restore: pmwiz resume %s", path, ref)
	}
	lock, err := s.Lock(path)
	if err != nil {
		return exitCode(2, "%v", err)
	}
	defer lock.Unlock()
	kept, err := s.RestoreBackup(path)
	if err != nil {
		return exitCode(2, "%v", err)
	}
	if kept != "" {
		fmt.Fprintf(cmd.ErrOrStderr(), "Restored the previous version of %s. The unreadable file is kept as %s.\n", path, kept)
	}
	return openWizard(cmd, s, path, false)
}

// sentence capitalises the first letter of an error for a line of its own.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func confirm(cmd *cobra.Command, question string) bool {
	fmt.Fprint(cmd.OutOrStdout(), question)
	line, _ := bufio.NewReader(cmd.InOrStdin()).ReadString('\n')
	answer := strings.ToLower(strings.TrimSpace(line))
	return answer == "y" || answer == "yes"
}
