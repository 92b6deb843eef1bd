package store

import (
	"os"
	"syscall"
)

// fileID tells whether a file changed since it was indexed. A save always
// makes a new file (new inode), and any write in place changes ctime,
// which, unlike mtime, cannot be set back by a tool that preserves times.
type fileID struct {
	Size  int64  `json:"size"`
	Mtime int64  `json:"mtime"`
	Ctime int64  `json:"ctime"`
	Ino   uint64 `json:"ino"`
}

func fileIDOf(fi os.FileInfo) fileID {
	id := fileID{Size: fi.Size(), Mtime: fi.ModTime().UnixNano()}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		id.Ctime = st.Ctim.Nano()
		id.Ino = st.Ino
	}
	return id
}
