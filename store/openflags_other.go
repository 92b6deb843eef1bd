//go:build !unix

package store

// readOpenFlags: elsewhere there are no named pipes to wait on.
const readOpenFlags = 0
