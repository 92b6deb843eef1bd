package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// BenchmarkListCommand1000 is the whole "pmwiz list" (and "--json") over
// 1,000 drafts, formatting included, as a user runs it: the index is warm
// after the first listing. Figures are in docs/performance.md.
func BenchmarkListCommand1000(b *testing.B) {
	dir := b.TempDir()
	s, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	para := strings.Repeat("We shipped a config change that halved the connection pool. ", 20)
	for i := range 1000 {
		d := model.New(fmt.Sprintf("Outage %d: checkout failed for Europe", i), testNow.Add(-time.Duration(i)*time.Hour))
		d.Summary, d.HumanElements, d.Lessons = para, para, []string{para}
		if err := s.Save(fmt.Sprintf("2026-11-24-outage-%04d", i), d); err != nil {
			b.Fatal(err)
		}
	}
	for _, args := range [][]string{{"list"}, {"list", "--json"}} {
		b.Run(strings.Join(args, " "), func(b *testing.B) {
			for b.Loop() {
				var out, errb bytes.Buffer
				if code := run(context.Background(), append([]string{"--drafts-dir", dir}, args...), strings.NewReader(""), &out, &errb); code != 0 {
					b.Fatal(errb.String())
				}
			}
		})
	}
}
