package export

import "sync"

// memo remembers recent results of a costly pure function. The wizard
// exports the whole draft for the preview after every pause in typing,
// and all but one field are unchanged from the last time: parsing each
// again with goldmark costs ~0.2 ms for a typical draft and 300 ms for a
// timeline of 3,000 events; a map lookup costs nothing. Safe for
// concurrent use. It keeps two generations of at most max entries: when
// the current one fills, it becomes the old one, and a hit in the old one
// moves back, so what one export uses survives the next however many
// strings a draft holds (clearing everything when full made a draft of
// over 1,024 strings miss every time).
type memo[K comparable, V any] struct {
	max      int
	mu       sync.Mutex
	cur, old map[K]V
}

// get is f(), remembered under k.
func (c *memo[K, V]) get(k K, f func() V) V {
	c.mu.Lock()
	v, ok := c.cur[k]
	if !ok {
		if v, ok = c.old[k]; ok {
			c.put(k, v)
		}
	}
	c.mu.Unlock()
	if ok {
		return v
	}
	v = f()
	c.mu.Lock()
	c.put(k, v)
	c.mu.Unlock()
	return v
}

// put stores k under c.mu.
func (c *memo[K, V]) put(k K, v V) {
	if c.cur == nil || len(c.cur) >= c.max {
		c.old, c.cur = c.cur, make(map[K]V, 64)
	}
	c.cur[k] = v
}

// escapeKey is an escaped text: which escaping (0: inline, else the
// block's lowest heading level) of which text.
type escapeKey struct {
	kind int
	s    string
}

// escapes holds the escaping functions' results; a generation holds a
// 1 MB draft's ~8,000 strings twice over.
var escapes = memo[escapeKey, string]{max: 16 << 10}
