package store

import (
	"fmt"
	"path/filepath"
	"strings"
)

// ScoreEntry scores one draft of a listing that ListWith left unscored
// (MaxScore 0): the picker scores the rows it shows as they come into
// view, rather than every draft before its first frame. The draft is read
// the way a listing reads it (the same checks against links, pipes and
// oversized files, a whole decode) and scored with model.Score. The
// listing's title, status and date are replaced by this reading's, so
// they agree with the score; a draft found broken comes back with Err set
// (a *LoadError), as a listing shows it. Who changed it last and whether
// another pmwiz holds it are kept from e: they do not depend on the
// draft's contents.
//
// ScoreEntry does not write the index: it is called from a screen while
// another listing may be writing it, and the next listing scores what it
// shows anyway.
func (s *Store) ScoreEntry(e Entry) Entry {
	// Only a draft of this directory, named as a listing names it: the
	// entry is a caller's value, not a path to follow anywhere.
	path := filepath.Join(s.dir, e.Name+".json")
	if e.Name == "" || strings.ContainsAny(e.Name, `/\`) || filepath.Clean(e.Path) != path {
		e.Err = fmt.Errorf("%s: not a draft listed in %s", e.Path, s.dir)
		return e
	}
	scored, _ := s.entry(draftRef{name: e.Name, path: path, inDir: true}, nil, true)
	scored.modTime, scored.LockedBy, scored.ChangedBy = e.modTime, e.LockedBy, e.ChangedBy
	return scored
}
