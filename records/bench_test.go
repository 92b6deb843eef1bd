package records

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"
)

// benchLog is n lines of one format, a minute apart from 2026-11-23 00:00 UTC.
func benchLog(format Format, n int) []byte {
	var b bytes.Buffer
	base := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	if format == FormatCSV {
		b.WriteString("time,service,message\n")
	}
	for i := range n {
		t := base.Add(time.Duration(i) * time.Second)
		switch format {
		case FormatLines:
			fmt.Fprintf(&b, "%s INFO checkout: request %d served in 23ms from pod checkout-7d9f\n", t.Format("2006-01-02 15:04:05.000"), i)
		case FormatJSONL:
			fmt.Fprintf(&b, `{"ts":"%s","level":"info","msg":"request %d served in 23ms","service":"checkout","pod":"checkout-7d9f","trace":{"id":"abc%d"}}`+"\n", t.Format(time.RFC3339Nano), i, i)
		case FormatLogfmt:
			fmt.Fprintf(&b, "ts=%s level=info msg=\"request %d served in 23ms\" app=checkout pod=checkout-7d9f\n", t.Format(time.RFC3339), i)
		case FormatCSV:
			fmt.Fprintf(&b, "%s,checkout,\"request %d served, 23ms\"\n", t.Format(time.RFC3339), i)
		}
	}
	return b.Bytes()
}

// BenchmarkRead reads 10,000 lines of each format with a one-hour window,
// as "timeline add --since/--until" does.
func BenchmarkRead(b *testing.B) {
	since := time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC)
	until := since.Add(time.Hour)
	for _, format := range []Format{FormatLines, FormatJSONL, FormatLogfmt, FormatCSV} {
		data := benchLog(format, 10_000)
		b.Run(string(format), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				_, err := Read(bytes.NewReader(data), "bench", Options{Zone: time.UTC}, &Filter{Since: &since, Until: &until}, func(Event) error { return nil })
				if err != nil && err != io.EOF {
					b.Fatal(err)
				}
			}
		})
	}
}
