//go:build unix

package store

import "syscall"

// lockOpenFlags are added to every open of a lock file: never through a
// symlink (a NAME.lock pointing at ~/.bashrc must not be written), and
// never waiting on a FIFO someone left under that name.
const lockOpenFlags = syscall.O_NOFOLLOW | syscall.O_NONBLOCK | syscall.O_CLOEXEC
