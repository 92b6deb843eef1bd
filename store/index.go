package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// indexName is List's cache: what each draft file held (title, status,
// score) the last time it was read, keyed by the file's identity. With it
// a listing of a thousand drafts stats files instead of decoding and
// scoring them. It is only ever a copy: delete it and the next List
// rebuilds it.
const indexName = ".index.json"

// indexFormat changes whenever indexEntry does.
const indexFormat = 1

type indexFile struct {
	Format int                   `json:"format"`
	Tool   string                `json:"tool"` // the binary that scored them
	Drafts map[string]indexEntry `json:"drafts"`
}

type indexEntry struct {
	File    fileID       `json:"file"`
	Title   string       `json:"title"`
	Status  model.Status `json:"status"`
	Score   float64      `json:"score"`
	Max     int          `json:"max"`
	Updated time.Time    `json:"updated"`
}

// toolID identifies this pmwiz build (path, size and time of the binary):
// a new build may score differently, so it starts a fresh index. Empty
// when it cannot be known, which turns the cache off.
var toolID = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s|%d|%d|schema %d", exe, fi.Size(), fi.ModTime().UnixNano(), model.SchemaVersion)
})

func (s *Store) readIndex() map[string]indexEntry {
	tool := toolID()
	if tool == "" {
		return nil
	}
	data, err := os.ReadFile(filepath.Join(s.dir, indexName))
	if err != nil {
		return map[string]indexEntry{}
	}
	var idx indexFile
	if json.Unmarshal(data, &idx) != nil || idx.Format != indexFormat || idx.Tool != tool || idx.Drafts == nil {
		return map[string]indexEntry{}
	}
	return idx.Drafts
}

// writeIndex replaces the index; failures are ignored (a read-only drafts
// directory just lists more slowly).
func (s *Store) writeIndex(drafts map[string]indexEntry) {
	tool := toolID()
	if tool == "" {
		return
	}
	data, err := json.Marshal(indexFile{Format: indexFormat, Tool: tool, Drafts: drafts})
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
