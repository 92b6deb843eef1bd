package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// NotRegularError is a path that names something other than a regular
// file (a device, a FIFO, a socket, a directory, a link where none may
// be): pmwiz reads, compares and replaces only regular files, since
// opening a FIFO waits for ever and reading /dev/zero never ends.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file", e.Path, describeMode(e.Mode))
}

// ReadRegular reads path, which must be a regular file (not a link: the
// caller resolves links it means to follow), up to limit bytes. tooBig is
// set, and data cut at limit, when the file holds more. A path that names
// anything else gives a *NotRegularError without being opened, or, if it
// was swapped in between, without being read.
func ReadRegular(path string, limit int64) (data []byte, tooBig bool, err error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, false, err
	}
	if !fi.Mode().IsRegular() {
		return nil, false, &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|lockOpenFlags, 0)
	if err != nil {
		if isLinkErr(err) {
			return nil, false, &NotRegularError{Path: path, Mode: fs.ModeSymlink}
		}
		return nil, false, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, false, err
	}
	if !fi.Mode().IsRegular() {
		return nil, false, &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	data, err = io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, false, err
	}
	if int64(len(data)) > limit {
		return data[:limit], true, nil
	}
	return data, false, nil
}

// IsNotRegular reports whether err is a *NotRegularError.
func IsNotRegular(err error) bool {
	var nr *NotRegularError
	return errors.As(err, &nr)
}
