//go:build !linux

package store

import "os"

// fileID tells whether a file changed since it was indexed; off Linux it
// relies on size and mtime only.
type fileID struct {
	Size  int64 `json:"size"`
	Mtime int64 `json:"mtime"`
}

func fileIDOf(fi os.FileInfo) fileID {
	return fileID{Size: fi.Size(), Mtime: fi.ModTime().UnixNano()}
}
