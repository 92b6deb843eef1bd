package tui

import (
	"bytes"
	"io"
	"strings"
	"sync"
)

// prompted is accessible mode's input and output for a test that answers
// by prompt, not by position: each answer is given to the prompt that
// asks for it, so a step or field added elsewhere changes nothing here.
// A prompt with no answer left gets Enter (keep; "no" for "Add …?").
type prompted struct {
	mu      sync.Mutex
	changed *sync.Cond
	out     bytes.Buffer
	seen    int      // how much of out the last answer saw
	prompts int      // prompts written (text that does not end a line)
	asked   int      // prompts answered
	script  []answer // in the order given; the first that matches is used
	line    []byte   // what is left of the answer being read
	closed  bool
}

// answer is the answers given, in turn, to a prompt whose text contains
// prompt.
type answer struct {
	prompt  string
	answers []string
}

func newPrompted(script ...answer) *prompted {
	p := &prompted{script: script}
	p.changed = sync.NewCond(&p.mu)
	return p
}

// Write is accessible mode's output. A write that does not end a line
// is a prompt waiting for its answer.
func (p *prompted) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.out.Write(b)
	if len(b) > 0 && b[len(b)-1] != '\n' {
		p.prompts++
		p.changed.Broadcast()
	}
	return len(b), nil
}

// Read waits for a prompt, then hands out the answer to it.
func (p *prompted) Read(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.line) == 0 {
		for p.prompts == p.asked && !p.closed {
			p.changed.Wait()
		}
		if p.closed {
			return 0, io.EOF
		}
		asked := p.out.String()[p.seen:]
		p.seen, p.asked = p.out.Len(), p.prompts
		p.line = []byte(p.answerTo(asked) + "\n")
	}
	n := copy(b, p.line)
	p.line = p.line[n:]
	return n, nil
}

// answerTo is the next answer for the prompt in text ("" when none):
// the prompt's own line first, then the lines above it (a choice's title
// stands above its numbered options).
func (p *prompted) answerTo(text string) string {
	last := text[strings.LastIndexByte(text, '\n')+1:]
	for _, in := range []string{last, text} {
		for i, a := range p.script {
			if len(a.answers) > 0 && strings.Contains(in, a.prompt) {
				p.script[i].answers = a.answers[1:]
				return a.answers[0]
			}
		}
	}
	return ""
}

// Close ends the input once the run is over.
func (p *prompted) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	p.changed.Broadcast()
}

// String is everything accessible mode wrote.
func (p *prompted) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// unanswered lists the prompts of the script whose answers were not all
// used: a prompt the run never asked.
func (p *prompted) unanswered() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, a := range p.script {
		if len(a.answers) > 0 {
			out = append(out, a.prompt)
		}
	}
	return out
}
