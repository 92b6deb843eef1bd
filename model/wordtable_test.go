package model

import (
	"slices"
	"strings"
	"testing"
)

// wordTables are the tables and the maps they stand in for.
var wordTables = map[string]struct {
	table *wordTable
	byMap map[string][]int
}{
	"cue":  {&cueIndex.firstWords, cueIndex.byFirstWord},
	"tone": {&toneIndex.firstWords, toneIndex.byFirstWord},
	"tech": {&techFirst, techByFirst},
}

// TestWordTableHoldsTheCatalogues: every first word of every catalogue
// is found, with its ids in the same order as the map's.
func TestWordTableHoldsTheCatalogues(t *testing.T) {
	for name, c := range wordTables {
		for key, ids := range c.byMap {
			var buf [32]byte
			k, h, ok := lowerKeyHash(key, &buf)
			if !ok {
				continue // not plain ASCII: looked up in the map
			}
			if got := c.table.find(k, h); !slices.Equal(got, ids) {
				t.Errorf("%s: %q: table %v, map %v", name, key, got, ids)
			}
		}
	}
}

// FuzzWordTable: the table answers as the map does for any word.
func FuzzWordTable(f *testing.F) {
	for _, s := range []string{"we", "We", "WE'RE", "Postgres", "fail", "", "x", "the", "\u212a", "inconvenience"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		var buf [32]byte
		k, h, ok := lowerKeyHash(word, &buf)
		if !ok {
			return
		}
		if string(k) != strings.ToLower(word) {
			t.Fatalf("lowerKeyHash(%q) = %q", word, k)
		}
		for name, c := range wordTables {
			if got, want := c.table.find(k, h), c.byMap[string(k)]; !slices.Equal(got, want) {
				t.Fatalf("%s: %q: table %v, map %v", name, word, got, want)
			}
		}
	})
}

// FuzzMayStart: mayStart by the table says what it said by the maps.
func FuzzMayStart(f *testing.F) {
	for _, s := range []string{"we", "Apologize", "possibly", "inconvenience", "x", "fail", "\u212a", "WE’RE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		for _, x := range []*phraseIndex{cueIndex, toneIndex} {
			if got, want := x.mayStart(w), x.mayStartRef(w); got != want {
				t.Fatalf("mayStart(%q) = %v, want %v", w, got, want)
			}
		}
	})
}

// mayStartRef is mayStart as it was, by the maps: the reference.
func (x *phraseIndex) mayStartRef(w string) bool {
	if len(x.prefixFirsts) > 0 {
		return true
	}
	var buf [32]byte
	var key string
	if k, ok := lowerKey(w, &buf); ok {
		key = string(k)
	} else {
		key = strings.ToLower(w)
	}
	if len(x.byFirstWord[key]) > 0 {
		return true
	}
	return len(key) >= headLen && len(x.prefixByHead[key[:headLen]]) > 0
}
