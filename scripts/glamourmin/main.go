// Command glamourmin renders a Markdown file with glamour v2 alone, in one
// piece: the floor `pmwiz preview` is measured against in
// docs/performance.md (pmwiz adds reading the draft, the export, and
// block-by-block rendering on every core).
//
//	go run ./scripts/glamourmin -style notty -width 80 FILE.md > /dev/null
package main

import (
	"flag"
	"fmt"
	"os"

	"charm.land/glamour/v2"
)

func main() {
	style := flag.String("style", "notty", "glamour style")
	width := flag.Int("width", 80, "word-wrap width")
	flag.Parse()
	md, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		var r *glamour.TermRenderer
		if r, err = glamour.NewTermRenderer(glamour.WithStandardStyle(*style), glamour.WithWordWrap(*width)); err == nil {
			var out string
			if out, err = r.Render(string(md)); err == nil {
				_, err = os.Stdout.WriteString(out)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "glamourmin:", err)
		os.Exit(1)
	}
}
