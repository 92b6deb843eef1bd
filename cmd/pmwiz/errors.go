package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/fang"
	"github.com/charmbracelet/x/term"
	"github.com/pmwiz/pmwiz/store"
)

// printError shows an error as it was written. fang's default handler
// title-cases every word (paths became "/Tmp/Pmwiz/…") and folds lines
// together, but pmwiz's errors name files and fields exactly and put
// "what to do" on its own line, so they must reach the user untouched.
func printError(w io.Writer, styles fang.Styles, err error) {
	msg := strings.TrimRight(err.Error(), "\n")
	// fang hands over a colour-profile writer wrapping stderr: the
	// terminal test needs the file underneath, or the styled branch (and
	// its "Try --help") never runs.
	target := w
	if cw, ok := w.(*colorprofile.Writer); ok {
		target = cw.Forward
	}
	if f, ok := target.(term.File); !ok || !term.IsTerminal(f.Fd()) {
		fmt.Fprintln(w, "pmwiz: "+msg)
		return
	}
	fmt.Fprintln(w, styles.ErrorHeader.String())
	for _, line := range strings.Split(msg, "\n") {
		fmt.Fprintln(w, "  "+line)
	}
	if usageError(msg) {
		fmt.Fprintln(w, "\n  Try --help for usage.")
	}
	fmt.Fprintln(w)
}

// usageError spots cobra's own usage errors by their wording (cobra has no
// typed error for them).
func usageError(msg string) bool {
	for _, prefix := range []string{"flag needs an argument:", "unknown flag:", "unknown shorthand flag:", "unknown command", "invalid argument", "accepts ", "requires "} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// unwrapPath drops the operation and path from an *fs.PathError ("open
// x.tmpl: no such file or directory"), for messages that name the file
// themselves.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// withLockAdvice adds advice to an error saying another pmwiz has the
// draft open (what to do there first), and leaves any other error as it is.
func withLockAdvice(err error, advice string) error {
	if errors.As(err, new(*store.LockedError)) {
		return fmt.Errorf("%w: %s", err, advice)
	}
	return err
}
