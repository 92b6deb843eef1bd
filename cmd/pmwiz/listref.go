package main

import (
	"fmt"
	"strings"

	"github.com/pmwiz/pmwiz/store"
)

// listRef is what `pmwiz list` shows in the NAME column: what to type to
// open the draft. A file whose name pmwiz would not give a draft (one
// holding an escape byte, put there by another tool) cannot be shown as it
// is, and its cleaned name would open nothing; it is shown as its path in
// the shell's $'…' quoting, which prints safely and pastes as is.
func listRef(e store.Entry) string {
	if store.ValidateName(e.Name) == nil {
		return e.Name
	}
	return ansiCQuote(e.Path)
}

// ansiCQuote quotes s as $'…' for bash and zsh: printable ASCII as it is,
// every other byte as \xHH, so no control byte reaches the terminal.
func ansiCQuote(s string) string {
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\x%02x", c)
		}
	}
	b.WriteByte('\'')
	return b.String()
}
