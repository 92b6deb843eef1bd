package export

import "sync"

// memo remembers recent results of the escaping functions. The wizard
// exports the whole draft on every keystroke for the preview, and all but
// one field are unchanged from the last time: parsing each again with
// goldmark would cost ~0.2 ms a keystroke; a map lookup costs nothing.
// Safe for concurrent use; cleared when it grows past its bound, since a
// draft has a few dozen fields.
type memo struct {
	mu sync.Mutex
	m  map[memoKey]string
}

type memoKey struct {
	kind int
	s    string
}

const memoMax = 1024

var escapes memo

func (c *memo) get(kind int, s string, f func(string) string) string {
	k := memoKey{kind, s}
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = f(s)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= memoMax {
		c.m = make(map[memoKey]string, 64)
	}
	c.m[k] = v
	c.mu.Unlock()
	return v
}
