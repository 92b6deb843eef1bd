//go:build !unix

package store

// lockOpenFlags: without O_NOFOLLOW, the lstat before each open and the
// identity check after it are what keep a link from being followed.
const lockOpenFlags = 0
