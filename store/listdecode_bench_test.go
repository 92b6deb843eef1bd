package store

import (
	"testing"

	"github.com/pmwiz/pmwiz/model"
)

// encodedDrafts is what a cold listing of 10,000 drafts decodes: the
// files' bytes, held in memory so that reading does not count.
func encodedDrafts(b *testing.B, n int) [][]byte {
	b.Helper()
	out := make([][]byte, n)
	for i := range out {
		data, err := model.Encode(fullDraft(i))
		if err != nil {
			b.Fatal(err)
		}
		out[i] = data
	}
	return out
}

// BenchmarkListDecode is the decoding of a cold listing on one core: the
// 10,000 drafts of BenchmarkList10000Cold, already read, decoded the way
// List decodes them (fastDecode). One op is one draft.
func BenchmarkListDecode(b *testing.B) { benchDecode(b, fastDecode) }

// BenchmarkListSkim is the decoding of the drafts a listing does not
// score (skimDecode): one op is one draft.
func BenchmarkListSkim(b *testing.B) { benchDecode(b, skimDecode) }

func benchDecode(b *testing.B, decode func([]byte) (*model.Draft, error)) {
	drafts := encodedDrafts(b, 10_000)
	size := 0
	for _, d := range drafts {
		size += len(d)
	}
	b.SetBytes(int64(size / len(drafts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := decode(drafts[i%len(drafts)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
