// Command bigdraft writes the large drafts the performance scripts
// measure with (docs/performance.md): "1mb", a post-mortem of about 1 MB
// (3,000 timeline events, long pasted analyses, 600 lessons and action
// items), and "field5mb", a small draft whose summary is a 5 MB paste.
// The drafts are model/drafttest's, shared with the benchmarks.
//
//	go run ./scripts/bigdraft -kind 1mb -o DIR/huge.json
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/model/drafttest"
)

func main() {
	kind := flag.String("kind", "1mb", "1mb or field5mb")
	out := flag.String("o", "", "file to write")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "bigdraft: -o FILE is required")
		os.Exit(2)
	}
	var d *model.Draft
	switch *kind {
	case "1mb":
		d = drafttest.Megabyte()
	case "field5mb":
		d = drafttest.BigBase()
		d.Summary = drafttest.BigText(5_000_000)
	default:
		fmt.Fprintf(os.Stderr, "bigdraft: -kind %q: use 1mb or field5mb\n", *kind)
		os.Exit(2)
	}
	b, err := model.Encode(d)
	if err == nil {
		err = os.WriteFile(*out, b, 0o600)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bigdraft:", err)
		os.Exit(1)
	}
}
