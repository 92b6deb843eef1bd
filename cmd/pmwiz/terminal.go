package main

import (
	"cmp"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// isTerminal reports whether r or w is an interactive terminal.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}

// interactive is true when both ends are a terminal: only then may a
// picker or a question appear. Scripts and pipes get plain text instead.
func interactive(cmd *cobra.Command) bool {
	return isTerminal(cmd.InOrStdin()) && isTerminal(cmd.OutOrStdout())
}

// terminalWidth is w's width when it is a terminal, else 0 (no wrapping).
func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if cols, _, err := term.GetSize(f.Fd()); err == nil {
			return cols
		}
	}
	return 0
}

// listWidth is the terminal's width, else $COLUMNS, else 0: piped with
// no width asked for, nothing is cut (a script or a file wants every
// word).
func listWidth(w io.Writer) int {
	return cmp.Or(terminalWidth(w), columnsEnv())
}

// columnsEnv is $COLUMNS when it is a sensible width, else 0.
func columnsEnv() int {
	n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS")))
	if err != nil || n < 20 || n > 1000 {
		return 0
	}
	return n
}
