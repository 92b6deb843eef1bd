package tui

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/pmwiz/pmwiz/model"
)

// syncBuffer is an io.Writer safe to read while the program writes.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func runOpts(in io.Reader, out io.Writer, s Saver) Options {
	dark := true
	return Options{
		Saver: s, Dark: &dark, Input: in, Output: out, Now: func() time.Time { return testNow },
		ProgramOptions: []tea.ProgramOption{tea.WithWindowSize(100, 30), tea.WithColorProfile(colorprofile.Ascii)},
	}
}

// Typing and quitting through a real bubbletea program: the typed text is
// in the draft and was flushed.
func TestRunTypesAndQuits(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	out := &syncBuffer{}
	s := newFakeSaver()
	type result struct {
		d   *model.Draft
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := Run(context.Background(), model.New("", testNow), runOpts(pr, out, s))
		done <- result{d, err}
	}()
	waitFor(t, "the first frame", func() bool { return strings.Contains(out.String(), "Basics") })
	io.WriteString(pw, "Checkout down")
	waitFor(t, "the typed title", func() bool { l := s.last(); return l != nil && l.Title == "Checkout down" })
	io.WriteString(pw, "\x03") // ctrl+c
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.d.Title != "Checkout down" || s.flushes == 0 {
		t.Fatalf("title %q, %d flushes", r.d.Title, s.flushes)
	}
}

// panicPane blows up when the wizard sizes it: a bug in a component.
type panicPane struct{}

func (panicPane) SetSize(w, h int) tea.Cmd        { panic("preview bug") }
func (panicPane) SetDraft(d *model.Draft) tea.Cmd { return nil }
func (panicPane) SetDark(bool) tea.Cmd            { return nil }
func (panicPane) Warm(*model.Draft) tea.Cmd       { return nil }
func (panicPane) Top()                            {}
func (panicPane) HalfPageDown()                   {}
func (panicPane) HalfPageUp()                     {}
func (panicPane) Update(msg tea.Msg) tea.Cmd      { return nil }
func (panicPane) View() string                    { return "" }

// A panic saves the draft before bubbletea restores the terminal, and
// Run reports it as an error rather than dying.
func TestRunSavesBeforeAPanicUnwinds(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	s := newFakeSaver()
	o := runOpts(pr, io.Discard, s)
	o.Preview = panicPane{}
	d := model.New("Half-written", testNow)
	go io.WriteString(pw, "\x10") // ctrl+p opens the (broken) preview
	_, err := Run(context.Background(), d, o)
	if err == nil || !errors.Is(err, tea.ErrProgramPanic) || !strings.Contains(err.Error(), "saved first") {
		t.Fatalf("err = %v", err)
	}
	if s.flushes == 0 || s.last() == nil || s.last().Title != "Half-written" {
		t.Fatalf("not flushed before the crash: %d flushes", s.flushes)
	}
}

// SIGHUP (a dropped SSH session), SIGTERM and SIGINT flush the draft and
// end the wizard with the signal's exit code.
func TestRunFlushesOnSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			pr, pw := io.Pipe()
			defer pw.Close()
			out := &syncBuffer{}
			s := newFakeSaver()
			done := make(chan error, 1)
			go func() {
				_, err := Run(context.Background(), model.New("", testNow), runOpts(pr, out, s))
				done <- err
			}()
			waitFor(t, "the first frame", func() bool { return strings.Contains(out.String(), "Basics") })
			io.WriteString(pw, "Typed before the hang-up")
			waitFor(t, "the typed title", func() bool { l := s.last(); return l != nil && l.Title == "Typed before the hang-up" })
			if err := syscall.Kill(syscall.Getpid(), sig); err != nil {
				t.Fatal(err)
			}
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("the wizard did not stop on " + sig.String())
			}
			var se *SignalError
			if !errors.As(err, &se) || se.Signal != sig || se.ExitCode() != 128+int(sig) {
				t.Fatalf("err = %v", err)
			}
			if s.flushes == 0 {
				t.Fatal("not flushed")
			}
		})
	}
}
