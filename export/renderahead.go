package export

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// RenderAhead is Render(final()) that starts drawing before it knows what
// to draw: while final runs (reading a Markdown file back into a draft
// and exporting it again), the blocks of guess, Markdown that final is
// likely to return, are rendered on every core. The blocks final's
// Markdown shares with guess are used as they are (glamour draws a block
// the same wherever it sits, see blocks.go); the others are rendered
// once final returns, and blocks of the guess not yet started are
// dropped. The result is Render(final()) whatever the guess: a wrong
// guess costs time, never correctness. An error from final is returned
// as it is.
func RenderAhead(guess string, final func() (string, error), width int, style string) (string, error) {
	if !slices.Contains(Styles, style) {
		return "", fmt.Errorf("render: unknown style %q: use dark, light or notty", style)
	}
	if guess == "" {
		md, err := final()
		if err != nil {
			return "", err
		}
		if len(md) < 16<<10 {
			// A goroutine and a renderer cost more than they save.
			return renderInOrder(splitBlocks(md), width, style)
		}
		final = func() (string, error) { return md, nil }
	}
	p := &blockPool{jobs: map[string]*blockJob{}}
	p.wake = sync.NewCond(&p.mu)
	p.add(splitBlocks(guess))
	workers := min(runtime.GOMAXPROCS(0), 8)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { p.work(width, style) })
	}
	md, err := final()
	var blocks []string
	if err == nil {
		blocks = splitBlocks(md)
	}
	p.settle(blocks)
	wg.Wait()
	if err != nil {
		return "", err
	}
	out := make([]string, len(blocks))
	for i, blk := range blocks {
		j := p.jobs[blk]
		if j.err != nil {
			return "", j.err
		}
		out[i] = joinable(j.out, i)
	}
	return "\n" + strings.Join(out, ""), nil
}

// renderInOrder renders blocks one after the other on this goroutine.
func renderInOrder(blocks []string, width int, style string) (string, error) {
	br, err := NewBlockRenderer(style, width)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	out.WriteString("\n")
	for i, blk := range blocks {
		r, err := br.renderRaw(blk)
		if err != nil {
			return "", err
		}
		out.WriteString(joinable(r, i))
	}
	return out.String(), nil
}

// blockPool hands blocks to the render workers, the longest first: the
// last block to finish decides when the document is done, so the long
// ones (a timeline table of thousands of rows) start at once rather than
// after the short ones ahead of them in the document.
type blockPool struct {
	mu      sync.Mutex
	wake    *sync.Cond
	queue   []*blockJob          // not started yet, longest first
	jobs    map[string]*blockJob // by text: a block repeated is rendered once
	settled bool                 // the final blocks are known; nothing more comes
}

type blockJob struct {
	text   string
	wanted bool // in the final document (once settled)
	out    string
	err    error
}

// add queues the blocks not queued or rendered yet.
func (p *blockPool) add(blocks []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.enqueue(blocks)
}

func (p *blockPool) enqueue(blocks []string) {
	for _, blk := range blocks {
		if _, ok := p.jobs[blk]; !ok {
			j := &blockJob{text: blk}
			p.jobs[blk] = j
			p.queue = append(p.queue, j)
		}
	}
	slices.SortStableFunc(p.queue, func(a, b *blockJob) int { return cmp.Compare(len(b.text), len(a.text)) })
}

// settle says which blocks the document holds: they are queued if they
// are not already, and the guessed ones it does not hold are dropped
// unless a worker has started them. The workers end when the queue is
// empty.
func (p *blockPool) settle(blocks []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.enqueue(blocks)
	for _, blk := range blocks {
		p.jobs[blk].wanted = true
	}
	p.queue = slices.DeleteFunc(p.queue, func(j *blockJob) bool { return !j.wanted })
	p.settled = true
	p.wake.Broadcast()
}

// work renders queued blocks until the pool is settled and empty, with a
// glamour renderer of its own (one is not safe to share).
func (p *blockPool) work(width int, style string) {
	var br *BlockRenderer
	var brErr error
	for {
		p.mu.Lock()
		for len(p.queue) == 0 && !p.settled {
			p.wake.Wait()
		}
		if len(p.queue) == 0 {
			p.mu.Unlock()
			return
		}
		j := p.queue[0]
		p.queue = p.queue[1:]
		p.mu.Unlock()
		if br == nil && brErr == nil {
			br, brErr = NewBlockRenderer(style, width)
		}
		// Only this worker touches j until wg.Wait: the result is read
		// after every worker has returned.
		if brErr != nil {
			j.err = brErr
			continue
		}
		j.out, j.err = br.renderRaw(j.text)
	}
}
