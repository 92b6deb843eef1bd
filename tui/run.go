package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmwiz/pmwiz/model"
)

// PreviewPane is the glamour preview the wizard shows beside the form
// (and in the Review step). It renders off the Update loop and caches.
// The wizard drives it through these methods only: no key presses made
// up to scroll it.
type PreviewPane interface {
	SetSize(w, h int) tea.Cmd
	SetDraft(d *model.Draft) tea.Cmd
	SetDark(dark bool) tea.Cmd
	// Warm prepares the first render of d in the background.
	Warm(d *model.Draft) tea.Cmd
	Top()
	HalfPageDown()
	HalfPageUp()
	Update(msg tea.Msg) tea.Cmd
	View() string
}

// Options configure a wizard run. Only Saver is needed to keep work;
// everything else has a sensible default.
type Options struct {
	Name string // the draft's name, for messages ("pmwiz resume NAME")
	Path string // the draft's file, for messages

	Saver Saver // nil: nothing is saved (tests, previews)

	// ReadOnly opens the draft for reading only, with ReadOnlyReason on a
	// banner ("locked by pid 4242 on build-7 since 10:02").
	ReadOnly       bool
	ReadOnlyReason string

	Dark    *bool // nil: ask the terminal (dark until it answers)
	NoColor bool  // NO_COLOR: no colour at all, focus shown by glyphs and bold

	Now func() time.Time // the clock; tests fix it

	// Notice is shown when the wizard opens (how the draft was read).
	Notice string

	Export  func(d *model.Draft) (path string, err error) // ctrl+w in the wizard; nil: not offered
	Preview PreviewPane                                   // nil: the glamour preview of the export

	// Accessible runs the steps as plain line prompts (huh's accessible
	// mode) instead of the full-screen wizard.
	Accessible bool

	Input  io.Reader // default os.Stdin
	Output io.Writer // default os.Stdout

	// ProgramOptions are passed to tea.NewProgram after the wizard's own.
	ProgramOptions []tea.ProgramOption

	// score replaces model.Score in tests that need a known rubric.
	score func(*model.Draft) model.Report
}

// SignalError says the wizard was ended by a signal; the draft was
// flushed first (FlushErr says whether that worked).
type SignalError struct {
	Signal   os.Signal
	FlushErr error
}

func (e *SignalError) Error() string {
	if e.FlushErr != nil {
		return fmt.Sprintf("stopped by %v; the last save failed: %v", e.Signal, e.FlushErr)
	}
	return fmt.Sprintf("stopped by %v; the draft was saved", e.Signal)
}

// ExitCode is the conventional 128+n for a signal.
func (e *SignalError) ExitCode() int {
	if s, ok := e.Signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}

// Run shows the wizard on d until the user quits, and returns the draft as
// edited. Every path out saves first: quitting, SIGINT, SIGTERM, SIGHUP
// (a dropped SSH session, which bubbletea does not handle) and a panic.
func Run(ctx context.Context, d *model.Draft, o Options) (*model.Draft, error) {
	if o.Accessible {
		return RunAccessible(ctx, d, o)
	}
	if len(d.Conflicts) > 0 && !o.ReadOnly { // a git merge's conflicts come first (conflicts.go)
		settled, quit, err := runConflicts(ctx, d, o)
		if err != nil || quit {
			return settled, err
		}
		d = settled
	}
	m := New(d, o)

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)

	// 120 frames a second (bubbletea's most; 60 by default): a frame waits
	// for the renderer's next tick, so this halves what a key waits to
	// show (8 ms at most instead of 17); a tick with nothing new is cheap.
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithoutSignalHandler(), tea.WithFPS(120)}
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	if o.Output != nil {
		opts = append(opts, tea.WithOutput(o.Output))
	}
	opts = append(opts, o.ProgramOptions...)
	p := tea.NewProgram(m, opts...)

	var sigErr *SignalError
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		select {
		case s := <-sigs:
			// The saver already holds the latest draft: the wizard
			// hands it over on every change.
			e := &SignalError{Signal: s}
			if o.Saver != nil && !o.ReadOnly {
				e.FlushErr = o.Saver.Flush()
			}
			sigErr = e
			p.Kill()
		case <-done:
		}
	}()

	final, err := p.Run()
	close(done)
	<-stopped
	return finish(d, final, o, sigErr, err)
}

// finish saves the draft as the wizard left it and says how the run
// ended: a signal, a crash (the draft saved first), a failed save (with
// the rescue copy), or nothing to say.
func finish(d *model.Draft, final tea.Model, o Options, sigErr *SignalError, err error) (*model.Draft, error) {
	out, rescue := d, ""
	if fm, ok := final.(Model); ok {
		out, rescue = fm.draft, fm.rescue
		printDropped(o, fm.dropped)
	}
	var flushErr error
	if o.Saver != nil && !o.ReadOnly {
		o.Saver.Changed(out)
		flushErr = o.Saver.Flush()
	}
	switch {
	case sigErr != nil:
		return out, sigErr
	case errors.Is(err, tea.ErrProgramPanic):
		if flushErr != nil {
			return out, fmt.Errorf("pmwiz crashed, and saving the draft failed: %v (%w)", flushErr, err)
		}
		return out, fmt.Errorf("pmwiz crashed; the draft was saved first (%w)", err)
	case err != nil && !errors.Is(err, tea.ErrProgramKilled):
		return out, err
	case flushErr != nil && rescue != "":
		return out, fmt.Errorf("saving the draft failed (%w); a copy of it is in %s: pmwiz resume %s", flushErr, rescue, rescue)
	case flushErr != nil:
		return out, fmt.Errorf("saving the draft failed: %w", flushErr)
	}
	return out, nil
}

// printDropped prints the text the user chose to quit without where it
// stays on their screen, so it can still be copied back.
func printDropped(o Options, dropped []string) {
	if len(dropped) == 0 {
		return
	}
	w := o.Output
	if w == nil {
		w = os.Stdout
	}
	fmt.Fprintln(w, "Not saved (pmwiz could not store it):")
	for _, s := range dropped {
		fmt.Fprintln(w, "  "+s)
	}
}
