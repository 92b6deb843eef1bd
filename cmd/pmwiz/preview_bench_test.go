package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model/drafttest"
	"github.com/pmwiz/pmwiz/store"
)

// BenchmarkPreviewPiped1MB is `pmwiz preview` with its output piped, as a
// user runs it on the 1 MB draft and on that draft's export (a Markdown
// file, imported on the fly), plain (notty, the default when piped) and
// with --style dark. Figures and the comparison with glow are in
// docs/performance.md.
func BenchmarkPreviewPiped1MB(b *testing.B) {
	dir := b.TempDir()
	s, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	d := drafttest.Megabyte()
	if err := s.Save("huge", d); err != nil {
		b.Fatal(err)
	}
	md, err := export.Markdown(d, export.Options{})
	if err != nil {
		b.Fatal(err)
	}
	mdPath := filepath.Join(dir, "huge.md")
	if err := os.WriteFile(mdPath, md, 0o600); err != nil {
		b.Fatal(err)
	}
	for _, src := range []struct{ name, ref string }{{"draft", "huge"}, {"markdown", mdPath}} {
		for _, style := range []string{"notty", "dark"} {
			b.Run(src.name+"/"+style, func(b *testing.B) {
				args := []string{"--drafts-dir", dir, "preview", "--width", "80", "--style", style, src.ref}
				for b.Loop() {
					var out, errb bytes.Buffer
					if code := run(context.Background(), args, strings.NewReader(""), &out, &errb); code != 0 || out.Len() < len(md)/2 {
						b.Fatalf("exit %d, %d bytes out: %s", code, out.Len(), errb.String())
					}
				}
			})
		}
	}
}
