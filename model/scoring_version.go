package model

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"runtime"
	"sync"
)

// This package's own source and catalogues, embedded only to be hashed.
// Test files match the pattern too (go:embed cannot leave them out): a
// change to one costs a single fresh listing, nothing worse.
//
//go:embed *.go *.txt
var ownFiles embed.FS

// ScoringVersion identifies how this build scores a draft, for caches of
// scores (the store's listing index). Score is a pure function of the
// draft and of this package, which imports nothing of ours, so a hash of
// this package's files (and of the Go release, for the standard library's
// text handling) changes whenever a score could, and only then: a rebuild
// of the CLI or the TUI keeps a cache, any change to the rubric, its
// judges or catalogues drops it, with nobody having to remember to bump a
// number.
var ScoringVersion = sync.OnceValue(func() string {
	h := sha256.New()
	h.Write([]byte(runtime.Version()))
	// WalkDir visits in lexical order, so the hash is stable.
	_ = fs.WalkDir(ownFiles, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := ownFiles.ReadFile(path)
		if err != nil {
			return err
		}
		h.Write([]byte{0})
		h.Write([]byte(path))
		h.Write([]byte{0})
		h.Write(data)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)[:16])
})
