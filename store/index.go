package store

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"time"

	jsonv2 "github.com/go-json-experiment/json"

	"github.com/pmwiz/pmwiz/model"
)

// indexName is List's cache: what each draft file held (title, status,
// score) the last time it was read. With it a listing of ten thousand
// drafts stats files instead of decoding and scoring them. It is only
// ever a copy: delete it and the next List rebuilds it.
//
// A row is used as it is only when the file's identity (size, mtime, and
// on Linux ctime and inode, which no tool can set back) is unchanged, and
// only while the scores in it were made by the same scoring
// (model.ScoringVersion): a new pmwiz that scores the same way keeps the
// index, one that scores differently rebuilds it. A file whose identity
// changed but whose bytes did not (touched, checked out again by git,
// copied with its folder) is read and hashed, not decoded and scored.
const indexName = ".index.json"

// indexFormat changes whenever indexEntry or what List puts in it does.
// 4: rows may have no score (Max 0), from a listing that scored only the
// drafts it showed.
const indexFormat = 4

type indexFile struct {
	Format  int                   `json:"format"`
	Scoring string                `json:"scoring"` // model.ScoringVersion of every score in it
	Drafts  map[string]indexEntry `json:"drafts"`
	Git     *gitCache             `json:"git,omitempty"` // who committed each draft last, as of one HEAD
}

type indexEntry struct {
	File    fileID       `json:"file"`
	Sum     string       `json:"sum,omitempty"` // contentSum of the bytes the row was made from; none for a skimmed row
	Title   string       `json:"title"`
	Status  model.Status `json:"status"`
	Score   float64      `json:"score"`
	Max     int          `json:"max"`
	Updated *time.Time   `json:"updated,omitempty"` // the draft's own; nil: the file's mtime
	Author  string       `json:"author,omitempty"`  // the last of the draft's authors
}

// scored is whether the row holds the draft's score: a listing that shows
// a few drafts leaves the others' rows without one.
func (ie *indexEntry) scored() bool { return ie.Max > 0 }

// entry is the listing of the draft r from this row; fi is the file.
func (ie *indexEntry) entry(r draftRef, fi os.FileInfo) Entry {
	e := Entry{Name: r.name, Path: r.path, Title: ie.Title, Status: ie.Status,
		Score: ie.Score, MaxScore: ie.Max, Updated: fi.ModTime(), Size: fi.Size(), author: ie.Author}
	if ie.Updated != nil {
		e.Updated = *ie.Updated
	}
	return e
}

// contentSum identifies a draft's bytes: two files with the same sum hold
// the same draft, so they have the same title, status and score.
func contentSum(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16])
}

// readIndex returns the index, empty when there is none or it cannot be
// trusted (another format, other scoring, broken).
func (s *Store) readIndex() indexFile {
	empty := indexFile{Drafts: map[string]indexEntry{}}
	// Only a regular file, and a bounded one: anyone who can write to the
	// folder can put a link to /dev/zero or a FIFO here.
	data, tooBig, err := ReadRegular(filepath.Join(s.dir, indexName), maxIndexSize)
	if err != nil || tooBig {
		return empty
	}
	var idx indexFile
	if jsonv2.Unmarshal(data, &idx) != nil || idx.Format != indexFormat || idx.Scoring != model.ScoringVersion() || idx.Drafts == nil {
		return empty
	}
	return idx
}

// maxIndexSize bounds what readIndex reads: a row is about 300 bytes, so
// this is some 400,000 drafts; past it, listings work without an index.
const maxIndexSize = 128 << 20

// writeIndex replaces the index; failures are ignored (a read-only drafts
// directory just lists more slowly).
func (s *Store) writeIndex(drafts map[string]indexEntry, git *gitCache) {
	data, err := jsonv2.Marshal(indexFile{Format: indexFormat, Scoring: model.ScoringVersion(), Drafts: drafts, Git: git})
	if err != nil {
		return
	}
	f, err := os.CreateTemp(s.dir, indexName+tempInfix+"*")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(s.dir, indexName))
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
}
