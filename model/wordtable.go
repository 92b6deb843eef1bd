package model

// wordTable finds the catalogue entries that start with a lower-case
// word. Every word of every sentence is looked up in the cue, tone and
// technology catalogues; with a Go map, hashing and probing were the
// largest single cost of scoring a draft cold. Here the hash is made
// while the word is lower-cased (lowerKeyHash), and the table, filled
// once at start-up and at most half full, mostly answers in one probe.
type wordTable struct {
	slots []wordSlot // a power of two of them
	used  int
}

type wordSlot struct {
	key string // "" for an empty slot
	ids []int  // in the order they were added
}

// wordHashSeed and wordHashStep are FNV-1a's, a byte at a time.
const wordHashSeed uint32 = 2166136261

func wordHashStep(h uint32, c byte) uint32 { return (h ^ uint32(c)) * 16777619 }

func wordHash(key string) uint32 {
	h := wordHashSeed
	for i := 0; i < len(key); i++ {
		h = wordHashStep(h, key[i])
	}
	return h
}

// find returns the ids added under key, whose hash is h.
func (t *wordTable) find(key []byte, h uint32) []int {
	if len(t.slots) == 0 {
		return nil
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == string(key) { // no allocation: a comparison
			return s.ids
		}
		if s.key == "" {
			return nil
		}
	}
}

// add files id under key; an empty key is no word.
func (t *wordTable) add(key string, id int) {
	if key == "" {
		return
	}
	if 2*(t.used+1) > len(t.slots) {
		t.grow()
	}
	s := t.slot(key)
	if s.key == "" {
		s.key = key
		t.used++
	}
	s.ids = append(s.ids, id)
}

// slot is key's slot, or the empty one where it would go.
func (t *wordTable) slot(key string) *wordSlot {
	mask := uint32(len(t.slots) - 1)
	for i := wordHash(key) & mask; ; i = (i + 1) & mask {
		if s := &t.slots[i]; s.key == key || s.key == "" {
			return s
		}
	}
}

func (t *wordTable) grow() {
	old := t.slots
	t.slots = make([]wordSlot, max(2*len(old), 64))
	for _, s := range old {
		if s.key != "" {
			*t.slot(s.key) = s
		}
	}
}

// lowerKeyHash is lowerKey with the key's wordHash.
func lowerKeyHash(word string, buf *[32]byte) ([]byte, uint32, bool) {
	if len(word) > len(buf) {
		return nil, 0, false
	}
	h := wordHashSeed
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 0x80 {
			return nil, 0, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
		h = wordHashStep(h, c)
	}
	return buf[:len(word)], h, true
}

// wordHashBytes is wordHash of a key held in bytes.
func wordHashBytes(key []byte) uint32 {
	h := wordHashSeed
	for _, c := range key {
		h = wordHashStep(h, c)
	}
	return h
}
