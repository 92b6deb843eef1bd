package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"charm.land/huh/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/pmwiz/pmwiz/model"
)

// clearWord, typed as an answer in accessible mode, empties a field: an
// empty answer keeps the current value, as huh's prompts do.
const clearWord = "-"

// RunAccessible asks the same steps as plain line prompts, for
// screen readers and dumb terminals (`--accessible`, ACCESSIBLE=1). It
// writes the same draft as the full-screen wizard, saving after each step.
func RunAccessible(ctx context.Context, d *model.Draft, o Options) (*model.Draft, error) {
	if d == nil {
		now := o.Now
		if now == nil {
			now = time.Now
		}
		d = model.New("", now())
	}
	in := o.Input
	if in == nil {
		in = os.Stdin
	}
	// huh reads each answer with a fresh bufio.Scanner; handing it one
	// line per Read keeps piped input from being swallowed by the first.
	lr := newLineReader(in)
	in = lr
	out := o.Output
	if out == nil {
		out = os.Stdout
	}
	// No colours or cursor tricks for a screen reader.
	w := colorprofile.NewWriter(out, os.Environ())
	w.Profile = colorprofile.NoTTY

	a := &accessibleRun{d: d, o: o, in: in, out: w, lines: lr}
	if o.Saver != nil && !o.ReadOnly {
		defer a.saveOnSignal()()
	}
	fmt.Fprintln(w, "pmwiz: writing a post-mortem in accessible mode.")
	if o.Notice != "" {
		fmt.Fprintln(w, "Note: "+model.SafeLine(o.Notice))
	}
	if o.ReadOnly {
		// Nothing can be changed: read the draft out instead of asking.
		fmt.Fprintln(w, "This draft is read-only: "+model.SafeLine(o.ReadOnlyReason)+". Reading it out.")
		a.readOut()
		return d, nil
	}
	fmt.Fprintln(w, "Press Enter to keep an answer as it is; type "+clearWord+" to clear it.")
	for i, st := range steps {
		if err := ctx.Err(); err != nil {
			return d, err
		}
		if err := a.runStep(i, st); err != nil {
			return d, err
		}
	}
	return d, a.save()
}

// saveOnSignal: a prompt blocks on stdin, so a signal cannot end the run
// politely. It saves what the saver holds (every answer is handed to it),
// then ctrl+c ends the prompt and returns, so the caller says where the
// draft is and how to resume it, as the full-screen wizard does; another
// signal kills the process as it would have. It returns the stop.
func (a *accessibleRun) saveOnSignal() (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			err := a.o.Saver.Flush()
			if s == syscall.SIGINT {
				a.lines.interrupt(&SignalError{Signal: s, FlushErr: err})
				return
			}
			signal.Reset(s)
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				_ = p.Signal(s)
			}
		case <-done:
		}
	}()
	return func() { signal.Stop(sigs); close(done) }
}

// runStep asks step i, saves, and says the score and what to add next.
func (a *accessibleRun) runStep(i int, st step) error {
	w := a.out
	fmt.Fprintf(w, "\nStep %d of %d: %s\n%s\n", i+1, len(steps), st.title, st.guide)
	if !st.review {
		fmt.Fprintln(w, "(ctrl+d ends this step)")
	}
	err := a.step(st)
	if sig := a.lines.interrupted(); sig != nil {
		return sig
	}
	if err != nil {
		return err
	}
	if err := a.save(); err != nil {
		fmt.Fprintln(w, "Saving failed: "+model.SafeLine(err.Error())+". Your answers are kept; pmwiz tries again after the next step.")
	}
	r := model.Score(a.d)
	if st.recap != nil {
		if line := st.recap(r); line != "" {
			fmt.Fprintln(w, line)
		}
	}
	line := "Score " + ScoreWords(r) + "."
	if next, ok := r.Next(); ok {
		line += " Next to add: " + model.SafeLine(nextText(next))
	}
	fmt.Fprintln(w, line)
	return nil
}

type accessibleRun struct {
	lines *lineReader
	d     *model.Draft
	o     Options
	in    io.Reader
	out   io.Writer
}

func (a *accessibleRun) save() error {
	if a.o.Saver == nil || a.o.ReadOnly {
		return nil
	}
	a.o.Saver.Changed(a.d)
	return a.o.Saver.Flush()
}

// step asks every field of a step; for lists, each entry and then whether
// to add another. An entry left entirely empty is removed.
func (a *accessibleRun) step(st step) error {
	if st.review {
		r := model.Score(a.d)
		for _, it := range r.Items {
			fmt.Fprintf(a.out, "%s: %s. %s\n", model.SafeLine(it.Title), it.Status, model.SafeLine(nextText(it)))
			if q := EvidenceLine(it); q != "" {
				fmt.Fprintf(a.out, "  Because of %s\n", q)
			}
		}
		for _, f := range r.Findings {
			fmt.Fprintf(a.out, "Tone, %s: %q. %s\n", model.SafeLine(fieldLabel(a.d, f.Field)), model.SafeLine(f.Phrase), model.SafeLine(f.Suggestion))
		}
	}
	pos := 0
	for {
		bs := st.fields(a.d)
		if pos >= len(bs) {
			return nil
		}
		b := bs[pos]
		pos++
		if b.kind == kindAdd {
			more, err := a.confirm("Add " + article(b.list.noun) + "?")
			if err != nil {
				return err
			}
			if a.lines.takeEOF() {
				return nil // ctrl+d: the step ends here
			}
			if more && !a.o.ReadOnly {
				b.list.insert(a.d, b.index, nil)
				pos-- // the new entry stands where the add row was
			}
			continue
		}
		if err := a.ask(b); err != nil {
			return err
		}
		if a.lines.takeEOF() {
			return nil // ctrl+d: the step ends here
		}
		pos -= a.dropEmptyEntry(bs, b)
	}
}

// dropEmptyEntry removes the entry of b once its last field is asked and
// all of them are empty (that is how an entry is deleted here), and
// returns how many fields went with it.
func (a *accessibleRun) dropEmptyEntry(bs []binding, b binding) int {
	if b.list == nil || a.o.ReadOnly {
		return 0
	}
	var fields []binding
	for _, x := range bs {
		if x.list == b.list && x.index == b.index && x.kind != kindAdd {
			fields = append(fields, x)
		}
	}
	if len(fields) == 0 || fields[len(fields)-1].path != b.path {
		return 0
	}
	for _, x := range fields {
		if x.kind != kindChoice && x.kind != kindToggle && strings.TrimSpace(x.get(a.d)) != "" {
			return 0
		}
	}
	b.list.remove(a.d, b.index)
	return len(fields)
}

func (a *accessibleRun) form(f huh.Field) error {
	return huh.NewForm(huh.NewGroup(f)).
		WithAccessible(true).
		WithInput(a.in).
		WithOutput(a.out).
		Run()
}

func (a *accessibleRun) confirm(q string) (bool, error) {
	var yes bool
	err := a.form(huh.NewConfirm().Title(q).Value(&yes))
	return yes, err
}

// ask asks one field: a choice from its options, anything else as text.
func (a *accessibleRun) ask(b binding) error {
	if b.kind == kindChoice || b.kind == kindToggle {
		return a.askChoice(b)
	}
	return a.askText(b)
}

// askChoice asks for one of a choice's options by number.
func (a *accessibleRun) askChoice(b binding) error {
	opts := b.options
	if b.kind == kindToggle {
		opts = []string{"no", "yes"}
	}
	v := b.get(a.d)
	var hopts []huh.Option[string]
	for _, o := range opts {
		name := o
		if name == "" {
			name = "not set"
		}
		hopts = append(hopts, huh.NewOption(name, o))
	}
	if err := a.form(huh.NewSelect[string]().Title(b.label).Options(hopts...).Value(&v)); err != nil {
		return err
	}
	if a.o.ReadOnly {
		return nil
	}
	err := b.set(a.d, v)
	a.changed()
	return err
}

// askText asks for a field's text: Enter keeps it, clearWord clears it,
// and what the field cannot store is asked again.
func (a *accessibleRun) askText(b binding) error {
	cur := b.get(a.d)
	if b.context != "" {
		fmt.Fprintln(a.out, model.SafeLine(b.context))
	}
	title := b.label
	if cur != "" {
		title += " (now: " + shorten(model.SafeLine(cur), 60) + ")"
	} else if b.placeholder != "" {
		title += " (e.g. " + shorten(b.placeholder, 60) + ")"
	}
	if p := strings.TrimSpace(a.d.Pending[b.path]); p != "" {
		// Typed in the full-screen wizard, kept because it could not be
		// stored: say so, so it can be typed again in a form pmwiz reads.
		title += " (typed before, not stored yet: " + shorten(model.SafeLine(p), 60) + ")"
	}
	v := ""
	check := func(s string) error {
		s = strings.TrimSpace(s)
		if s == "" || s == clearWord {
			return nil
		}
		return b.set(a.d.Clone(), s)
	}
	if err := a.form(huh.NewInput().Title(title + ":").Value(&v).Validate(check)); err != nil {
		return err
	}
	if a.o.ReadOnly {
		return nil
	}
	var err error
	switch strings.TrimSpace(v) {
	case "":
		return nil // keep
	case clearWord:
		err = b.set(a.d, "")
	default:
		err = b.set(a.d, strings.TrimSpace(v))
	}
	if err == nil {
		// The tone check as the answer is given, not only in `score`.
		for _, f := range model.CheckToneText(b.path, b.get(a.d)) {
			fmt.Fprintf(a.out, "Tone: %q: %s\n", model.SafeLine(f.Phrase), model.SafeLine(f.Suggestion))
		}
		delete(a.d.Pending, b.path) // the field now holds what the user meant
		if len(a.d.Pending) == 0 {
			a.d.Pending = nil
		}
	}
	a.changed()
	return err
}

// changed hands the draft to the saver after each answer, so a signal
// between steps loses nothing.
func (a *accessibleRun) changed() {
	if a.o.Saver != nil && !a.o.ReadOnly {
		a.o.Saver.Changed(a.d)
	}
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// lineReader hands out at most one line per Read. It also notices an
// end of input (ctrl+d on a terminal: the step ends) and can be
// interrupted (ctrl+c), which a Read blocked on a terminal cannot: bytes
// come from a goroutine, one at a time.
type lineReader struct {
	bytes  chan byteOrErr
	cancel chan struct{}
	mu     sync.Mutex
	eof    bool
	sig    *SignalError
}

type byteOrErr struct {
	b   byte
	err error
}

func newLineReader(r io.Reader) *lineReader {
	l := &lineReader{bytes: make(chan byteOrErr), cancel: make(chan struct{})}
	go func() {
		var buf [1]byte
		for {
			n, err := r.Read(buf[:])
			if n == 1 {
				select {
				case l.bytes <- byteOrErr{b: buf[0]}:
				case <-l.cancel:
					return
				}
			}
			if err != nil {
				select {
				case l.bytes <- byteOrErr{err: err}:
				case <-l.cancel:
					return
				}
				if err != io.EOF {
					return
				}
				// A terminal reads on after ctrl+d; a pipe keeps saying EOF.
			}
		}
	}()
	return l
}

func (l *lineReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		select {
		case <-l.cancel:
			return n, errInterrupted
		case x := <-l.bytes:
			if x.err != nil {
				if x.err == io.EOF && n == 0 {
					l.mu.Lock()
					l.eof = true
					l.mu.Unlock()
				}
				return n, x.err
			}
			p[n] = x.b
			n++
			if x.b == '\n' {
				return n, nil
			}
		}
	}
	return n, nil
}

// errInterrupted ends a prompt on ctrl+c.
var errInterrupted = errors.New("interrupted")

// takeEOF reports, once, whether input ended (ctrl+d) since it last asked.
func (l *lineReader) takeEOF() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	eof := l.eof
	l.eof = false
	return eof
}

func (l *lineReader) interrupt(sig *SignalError) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.sig == nil {
		l.sig = sig
		close(l.cancel)
	}
}

func (l *lineReader) interrupted() *SignalError {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.sig
}

// readOut prints every step's answers and the score, for a read-only draft.
func (a *accessibleRun) readOut() {
	for i, st := range steps {
		fmt.Fprintf(a.out, "\nStep %d of %d: %s\n", i+1, len(steps), st.title)
		if st.review {
			break
		}
		for _, b := range st.fields(a.d) {
			if b.kind == kindAdd {
				continue
			}
			v := strings.TrimSpace(b.get(a.d))
			if v == "" {
				v = "(empty)"
			}
			fmt.Fprintf(a.out, "%s: %s\n", b.label, model.SafeText(v))
		}
	}
	r := model.Score(a.d)
	fmt.Fprintln(a.out, "Score "+ScoreWords(r)+".")
	for _, it := range r.Items {
		fmt.Fprintf(a.out, "%s: %s. %s\n", model.SafeLine(it.Title), it.Status, model.SafeLine(nextText(it)))
	}
}
