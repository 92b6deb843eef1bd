package store

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// staleTemp is how old a save's temporary file must be before List cleans
// it up: far longer than any save takes, so a save running in another
// pmwiz right now is never disturbed.
const staleTemp = 15 * time.Minute

// Entry is one draft in a listing. A draft that cannot be read is listed
// too, with Err set: a broken draft is never hidden.
type Entry struct {
	Name     string
	Path     string
	Title    string
	Status   model.Status
	Score    float64
	MaxScore int // 0: not scored (ListWith scores the newest drafts only)
	// Updated is the draft's own "updated" time, or the file's when the
	// draft has none or cannot be read.
	Updated  time.Time
	Size     int64
	Err      error        // a *LoadError when the draft cannot be read
	LockedBy *LockedError // set when another pmwiz has it open
	// ChangedBy is who changed the draft last: from git when the drafts
	// directory is in a work tree and git knows the file, else the
	// draft's last author.
	ChangedBy ChangedBy

	// modTime is the file's, to order drafts whose "updated" falls in the
	// same second (drafts store whole seconds).
	modTime time.Time
	author  string // the last of the draft's authors
}

// Reason is why the draft cannot be read, in one line for a listing, or
// "" when it can be.
func (e Entry) Reason() string {
	var le *LoadError
	switch {
	case e.Err == nil:
		return ""
	case errors.As(e.Err, &le):
		return le.Short()
	}
	return e.Err.Error()
}

// List returns every draft in the directory, newest first, each with its
// score. Files that are not drafts (backups, locks, temporary files, the
// trash) are skipped, and temporary files a killed save left behind are
// cleaned up.
func (s *Store) List() ([]Entry, error) {
	return s.ListWith(ListOptions{Scored: AllScored})
}

// AllScored asks ListWith for a score on every draft.
const AllScored = -1

// ListOptions trims a listing's cost to what will be shown of it.
type ListOptions struct {
	// Scored is how many of the newest drafts must have a score: a
	// terminal shows a screenful, "pmwiz status" none. The others have
	// one only when the index already holds it (else MaxScore 0). Scoring is
	// most of a listing with no index, so a listing of 10,000 drafts that
	// shows 30 scores 30. AllScored scores every draft.
	Scored int
}

// ListWith is List, scoring only what o asks for; the order, titles,
// statuses and who changed what are the same as List's for the drafts it
// scores. The others are only skimmed for their title, status and date:
// one broken past those (a "timeline" that is a number) is listed with its
// error when it is among those scored, not before.
func (s *Store) ListWith(o ListOptions) ([]Entry, error) {
	des, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	var refs []draftRef
	var drafts []os.DirEntry
	locks := map[string]bool{}
	for _, de := range des {
		n := de.Name()
		switch {
		case isTemp(n):
			s.cleanTemp(de)
		case strings.HasPrefix(n, "."):
		case strings.HasSuffix(n, ".lock"):
			locks[strings.TrimSuffix(n, ".lock")] = true
		case strings.HasSuffix(n, ".json") && !de.IsDir():
			name := strings.TrimSuffix(n, ".json")
			refs = append(refs, draftRef{name: name, path: filepath.Join(s.dir, n), inDir: true})
			drafts = append(drafts, de)
		}
	}
	// One lstat per draft, the most of a warm listing's system calls, on
	// every core, in runs of a few hundred so that handing them out costs
	// less than they do.
	infos := make([]os.FileInfo, len(refs))
	const run = 256
	s.forEach((len(refs)+run-1)/run, func(r int) {
		for i := r * run; i < min(len(refs), (r+1)*run); i++ {
			fi, _ := drafts[i].Info() // nil when it vanished: entry reports it
			infos[i], refs[i].listed = fi, fi
		}
	})
	idx := s.readIndex()
	index := idx.Drafts
	// Git is asked while the drafts are read.
	type gitResult struct {
		changes *gitChanges
		cache   *gitCache
	}
	gitDone := make(chan gitResult, 1)
	go func() {
		files := make(map[string]bool, len(refs))
		for _, r := range refs {
			files[r.name+".json"] = true
		}
		g, c := readGitChanges(s.dir, files, idx.Git)
		gitDone <- gitResult{g, c}
	}()
	// Scoring every draft as it is read saves reading the newest ones a
	// second time; a listing that shows a few reads those twice instead.
	scoreAll := o.Scored < 0
	entries := make([]Entry, len(refs))
	fresh := make(map[string]indexEntry, len(refs))
	var todo []int
	for i, r := range refs {
		// Links are always read: their target can change behind them.
		if fi := infos[i]; fi != nil && fi.Mode().IsRegular() {
			if ie, ok := index[r.name]; ok && ie.File == fileIDOf(fi) && (ie.scored() || !scoreAll) {
				entries[i] = ie.entry(r, fi)
				fresh[r.name] = ie
				continue
			}
		}
		todo = append(todo, i)
	}
	rows := s.readEntries(refs, todo, entries, index, scoreAll)
	changed := len(fresh) != len(index)
	if indexRows(todo, entries, infos, rows, fresh) {
		changed = true
	}
	git := <-gitDone
	for i := range entries {
		if infos[i] != nil {
			entries[i].modTime = infos[i].ModTime()
		}
		entries[i].ChangedBy = git.changes.changedBy(refs[i].name+".json", entries[i].author)
		if locks[entries[i].Name] {
			entries[i].LockedBy = lockedBy(refs[i])
		}
	}
	order := newestFirst(entries)
	// Scoring decodes a draft whole: one found broken then, or saved
	// meanwhile, moves, and another may take its place among the newest.
	// Each round scores at least one more draft, so the rounds end.
	for !scoreAll && s.scoreNewest(refs, infos, entries, order[:min(o.Scored, len(order))], fresh, git.changes) {
		changed = true
		order = newestFirst(entries)
	}
	if changed || git.cache != idx.Git {
		s.writeIndex(fresh, git.cache)
	}
	sorted := make([]Entry, len(order))
	for k, i := range order {
		sorted[k] = entries[i]
	}
	return sorted, nil
}

// newestFirst is the order a listing shows entries in, as indexes into
// entries: by the draft's own "updated", then by the file's modification
// time (drafts store whole seconds), then by name.
func newestFirst(entries []Entry) []int {
	order := make([]int, len(entries))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ea, eb := &entries[order[a]], &entries[order[b]]
		if !ea.Updated.Equal(eb.Updated) {
			return ea.Updated.After(eb.Updated)
		}
		if !ea.modTime.Equal(eb.modTime) {
			return ea.modTime.After(eb.modTime)
		}
		return ea.Name < eb.Name
	})
	return order
}

// scoreNewest scores the drafts at the given indexes that have no score
// yet (skimmed a moment ago, or taken from an index row made without
// one), and puts their rows in fresh. It reports whether it scored any.
func (s *Store) scoreNewest(refs []draftRef, infos []os.FileInfo, entries []Entry, which []int, fresh map[string]indexEntry, git *gitChanges) bool {
	var todo []int
	for _, i := range which {
		if entries[i].Err == nil && entries[i].MaxScore == 0 {
			todo = append(todo, i)
		}
	}
	listed := make(map[int]Entry, len(todo))
	for _, i := range todo {
		listed[i] = entries[i]
		delete(fresh, entries[i].Name) // back below if it is still whole
	}
	rows := s.readEntries(refs, todo, entries, nil, true)
	for _, i := range todo {
		// What the file's contents do not say is kept from the listing.
		e := &entries[i]
		e.modTime, e.LockedBy = listed[i].modTime, listed[i].LockedBy
		e.ChangedBy = git.changedBy(refs[i].name+".json", e.author)
	}
	indexRows(todo, entries, infos, rows, fresh)
	return len(todo) > 0
}

// readEntries reads the drafts at todo, on every core, into entries, each
// against its row in prev (what the index held, or nil), and returns the
// rows to index, by the same positions.
func (s *Store) readEntries(refs []draftRef, todo []int, entries []Entry, prev map[string]indexEntry, score bool) []indexEntry {
	rows := make([]indexEntry, len(refs))
	s.forEach(len(todo), func(j int) {
		i := todo[j]
		var row *indexEntry
		if ie, ok := prev[refs[i].name]; ok {
			row = &ie
		}
		entries[i], rows[i] = s.entry(refs[i], row, score)
	})
	return rows
}

// indexRows puts in fresh the rows of the drafts at todo that were read
// whole, and reports whether there were any. Broken drafts stay out of the
// index: they are read every time, so their error is always the current
// one. A row is keyed by the identity the file had when it was listed: if
// it changed while being read, the next listing reads it again.
func indexRows(todo []int, entries []Entry, infos []os.FileInfo, rows []indexEntry, fresh map[string]indexEntry) bool {
	kept := false
	for _, i := range todo {
		if fi := infos[i]; entries[i].Err == nil && fi != nil && fi.Mode().IsRegular() {
			row := rows[i]
			row.File = fileIDOf(fi)
			fresh[entries[i].Name] = row
			kept = true
		}
	}
	return kept
}

// forEach runs f(0..n-1) on every core: reading a thousand drafts is
// mostly decoding, which parallelises well.
func (s *Store) forEach(n int, f func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// errSameBytes stops reading a draft whose bytes are those its index row
// was made from: the row holds all a listing shows.
var errSameBytes = errors.New("same bytes as the index row")

// entry reads, decodes and scores one draft, unless its bytes are those
// prev (its row in the index, or nil) was made from. It returns the row
// to index, without the file's identity, which List sets. Unless score is
// set, a draft is read and skimmed (skimDecode), not scored: the row has
// no score, and the draft is only known to be whole once it is scored.
func (s *Store) entry(r draftRef, prev *indexEntry, score bool) (Entry, indexEntry) {
	var sum string
	decode := func(data []byte) (*model.Draft, error) {
		// The sum lets a row outlive a touch that changed no byte. That is
		// worth a hash for a scored row (it saves a decode and a score),
		// not for a skimmed one, whose skim costs about what a hash does:
		// a skimmed row has no sum, and is skimmed again once touched.
		if score || prev != nil && prev.Sum != "" {
			sum = contentSum(data)
		}
		if prev != nil && sum != "" && prev.Sum == sum && (prev.scored() || !score) {
			return nil, errSameBytes
		}
		if !score {
			return skimDecode(data)
		}
		return fastDecode(data)
	}
	l, lerr := s.loadFile(r, r.path, decode)
	if lerr != nil && errors.Is(lerr.Err, errSameBytes) {
		if fi, err := os.Stat(r.path); err == nil {
			return prev.entry(r, fi), *prev
		}
		// Gone since: read it again for the error a user should see.
		l, lerr = s.loadFile(r, r.path, fastDecode)
	}
	e := Entry{Name: r.name, Path: r.path}
	if lerr != nil {
		e.Err = lerr
		if fi, err := os.Stat(r.path); err == nil {
			e.Updated, e.Size = fi.ModTime(), fi.Size()
		}
		return e, indexEntry{}
	}
	d := l.Draft
	row := indexEntry{Sum: sum, Title: d.Title, Status: d.Status, Updated: d.Updated, Author: lastAuthor(d.Authors)}
	if score {
		rep := model.Score(d)
		row.Score, row.Max = rep.Score, rep.Max
	}
	e.Title, e.Status, e.Score, e.MaxScore, e.Size = d.Title, d.Status, row.Score, row.Max, l.Size
	e.author = row.Author
	e.Updated = l.ModTime
	if d.Updated != nil {
		e.Updated = *d.Updated
	}
	return e, row
}

// cleanTemp removes a save's temporary file once it is surely abandoned.
func (s *Store) cleanTemp(de os.DirEntry) {
	fi, err := de.Info()
	if err != nil || !fi.Mode().IsRegular() || s.now().Sub(fi.ModTime()) < staleTemp {
		return
	}
	// Best effort: another pmwiz may be cleaning the same file.
	_ = os.Remove(filepath.Join(s.dir, de.Name()))
}
