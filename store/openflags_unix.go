//go:build unix

package store

import "syscall"

// readOpenFlags are added to every open of a draft for reading. A named
// pipe opened without O_NONBLOCK waits for a writer: loadFile looks
// before it opens, but a pipe swapped in between must not hang pmwiz
// either. On a regular file the flag changes nothing, and it spares Go
// the four fcntl calls it makes to try a file in its poller.
const readOpenFlags = syscall.O_NONBLOCK | syscall.O_CLOEXEC
