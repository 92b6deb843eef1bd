package export

import "sync"

// memo remembers recent results of the escaping functions. The wizard
// exports the whole draft for the preview after every pause in typing,
// and all but one field are unchanged from the last time: parsing each
// again with goldmark costs ~0.2 ms for a typical draft and 300 ms for a
// timeline of 3,000 events; a map lookup costs nothing. Safe for
// concurrent use. It keeps two generations: when the current one fills,
// it becomes the old one, and a hit in the old one moves back, so what
// one export uses survives the next however many strings a draft holds
// (clearing everything when full made a draft of over 1,024 strings miss
// every time).
type memo struct {
	mu       sync.Mutex
	cur, old map[memoKey]string
}

type memoKey struct {
	kind int
	s    string
}

// memoMax bounds each generation: a draft of a megabyte has ~8,000
// strings.
const memoMax = 16 << 10

var escapes memo

func (c *memo) get(kind int, s string, f func(string) string) string {
	k := memoKey{kind, s}
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
	v = f(s)
	c.mu.Lock()
	c.put(k, v)
	c.mu.Unlock()
	return v
}

// put stores k under c.mu.
func (c *memo) put(k memoKey, v string) {
	if c.cur == nil || len(c.cur) >= memoMax {
		c.old, c.cur = c.cur, make(map[memoKey]string, 64)
	}
	c.cur[k] = v
}
