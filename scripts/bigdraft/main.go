// Command bigdraft writes the large drafts the performance scripts
// measure with (docs/performance.md): "1mb", a post-mortem of about 1 MB
// (3,000 timeline events, long pasted analyses, 600 lessons and action
// items), "field5mb", a small draft whose summary is a 5 MB paste, and
// "drafts", a folder of -n drafts of about 10 KB each (draft-00000.json,
// …, dated a minute apart) for the listing and the picker. The drafts are
// model/drafttest's, shared with the benchmarks.
//
//	go run ./scripts/bigdraft -kind 1mb -o DIR/huge.json
//	go run ./scripts/bigdraft -kind drafts -n 10000 -o DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/model/drafttest"
)

func main() {
	kind := flag.String("kind", "1mb", "1mb, field5mb or drafts")
	out := flag.String("o", "", "file to write (a folder for -kind drafts)")
	n := flag.Int("n", 10_000, "how many drafts -kind drafts writes")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "bigdraft: -o FILE is required")
		os.Exit(2)
	}
	if *kind == "drafts" {
		if err := writeFolder(*out, *n); err != nil {
			fmt.Fprintln(os.Stderr, "bigdraft:", err)
			os.Exit(1)
		}
		return
	}
	var d *model.Draft
	switch *kind {
	case "1mb":
		d = drafttest.Megabyte()
	case "field5mb":
		d = drafttest.BigBase()
		d.Summary = drafttest.BigText(5_000_000)
	default:
		fmt.Fprintf(os.Stderr, "bigdraft: -kind %q: use 1mb, field5mb or drafts\n", *kind)
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

// writeFolder writes n listing drafts into dir, which it creates.
func writeFolder(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	at := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	for i := range n {
		b, err := model.Encode(drafttest.Listing(i, at))
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, fmt.Sprintf("draft-%05d.json", i)), b, 0o600)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
