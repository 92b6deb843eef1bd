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
	return renderAhead(guess, final, func() (renderFunc, error) {
		br, err := NewBlockRenderer(style, width)
		if err != nil {
			return nil, err
		}
		return br.renderRaw, nil
	})
}

// renderFunc renders one block; each worker has its own.
type renderFunc func(block string) (string, error)

// renderAhead is RenderAhead with the renderer given: the pool, apart
// from glamour.
//
// It waits for the blocks of the final document only. A guessed block a
// worker has started and the document turns out not to hold is left to
// finish on its own (its goroutine outlives the call), and a worker is
// added in its place: a block glamour takes long over (a line nested a
// thousand quotes deep takes it 40 s) never holds back a result that
// does not show it.
func renderAhead(guess string, final func() (string, error), newRender func() (renderFunc, error)) (string, error) {
	p := &blockPool{jobs: map[string]*blockJob{}, newRender: newRender}
	p.wake = sync.NewCond(&p.mu)
	if guess != "" {
		p.add(splitBlocks(guess))
	}
	for range min(runtime.GOMAXPROCS(0), 8) {
		go p.work()
	}
	md, err := final()
	var blocks []string
	if err == nil {
		blocks = splitBlocks(md)
	}
	for range p.settle(blocks) {
		go p.work()
	}
	if err != nil {
		return "", err
	}
	out := make([]string, len(blocks))
	for i, blk := range blocks {
		j := p.jobs[blk]
		<-j.done
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
	mu        sync.Mutex
	wake      *sync.Cond
	queue     []*blockJob          // not started yet, longest first
	jobs      map[string]*blockJob // by text: a block repeated is rendered once
	settled   bool                 // the final blocks are known; nothing more comes
	newRender func() (renderFunc, error)
}

type blockJob struct {
	text    string
	wanted  bool // in the final document (once settled)
	started bool
	done    chan struct{} // closed once out and err are set
	out     string
	err     error
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
			j := &blockJob{text: blk, done: make(chan struct{})}
			p.jobs[blk] = j
			p.queue = append(p.queue, j)
		}
	}
	slices.SortStableFunc(p.queue, func(a, b *blockJob) int { return cmp.Compare(len(b.text), len(a.text)) })
}

// settle says which blocks the document holds: they are queued if they
// are not already, and the guessed ones it does not hold are dropped
// unless a worker has started them. It returns how many workers are busy
// with blocks the document does not hold: as many more are needed. The
// workers end when the queue is empty.
func (p *blockPool) settle(blocks []string) (busyElsewhere int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.enqueue(blocks)
	for _, blk := range blocks {
		p.jobs[blk].wanted = true
	}
	p.queue = slices.DeleteFunc(p.queue, func(j *blockJob) bool { return !j.wanted })
	for _, j := range p.jobs {
		if j.started && !j.wanted {
			select {
			case <-j.done:
			default:
				busyElsewhere++
			}
		}
	}
	p.settled = true
	p.wake.Broadcast()
	return busyElsewhere
}

// work renders queued blocks until the pool is settled and empty, with a
// renderer of its own (glamour's is not safe to share).
func (p *blockPool) work() {
	var render renderFunc
	var renderErr error
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
		j.started = true
		p.mu.Unlock()
		if render == nil && renderErr == nil {
			render, renderErr = p.newRender()
		}
		// Only this worker writes j; readers wait for done.
		if renderErr != nil {
			j.err = renderErr
		} else {
			j.out, j.err = render(j.text)
		}
		close(j.done)
	}
}
