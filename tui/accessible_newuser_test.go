package tui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// eofOnce reads its parts in turn; an empty part is one end of input, as
// ctrl+d at a terminal's prompt gives, after which reading goes on.
type eofOnce struct{ parts []string }

func (r *eofOnce) Read(p []byte) (int, error) {
	if len(r.parts) == 0 {
		return 0, io.EOF
	}
	if r.parts[0] == "" {
		r.parts = r.parts[1:]
		return 0, io.EOF
	}
	n := copy(p, r.parts[0])
	r.parts[0] = r.parts[0][n:]
	if r.parts[0] == "" {
		r.parts = r.parts[1:]
	}
	return n, nil
}

// In accessible mode ctrl+d ends the step (it used to answer the prompt
// empty and go on); the score is given as `list` gives it (7.5, not 8);
// a tone finding is said as the answer is given.
func TestAccessibleCtrlDEndsTheStepAndToneIsSaidAtOnce(t *testing.T) {
	t.Setenv("TZ", "UTC")
	in := &eofOnce{parts: []string{"Checkout failed\n", "", "We apologize for any inconvenience.\n"}}
	var out bytes.Buffer
	d := model.New("", testNow)
	d, err := RunAccessible(context.Background(), d, Options{Input: in, Output: &out, Saver: newFakeSaver(), Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	o := out.String()
	if d.Title != "Checkout failed" || d.Severity != "" || d.Summary != "We apologize for any inconvenience." {
		t.Fatalf("title %q severity %q summary %q\n%s", d.Title, d.Severity, d.Summary, o)
	}
	basics := o[strings.Index(o, "Step 1 of "):strings.Index(o, "Step 2 of ")]
	if strings.Contains(basics, "Audience") {
		t.Errorf("ctrl+d did not end Basics:\n%s", basics)
	}
	if !strings.Contains(o, `Tone: "We apologize for any"`) {
		t.Errorf("no tone finding as the summary was given:\n%s", o)
	}
	want := "Score " + FormatPoints(model.Score(d).Score) + " of 100."
	if !strings.Contains(want, ".5 of") || !strings.Contains(o, want) {
		t.Errorf("want %q in:\n%s", want, o)
	}
}

// ctrl+c (SIGINT) in accessible mode saves and returns a SignalError, so
// the caller prints where the draft is and how to resume it.
func TestAccessibleCtrlCReturnsToSayWhereTheDraftIs(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	s := newFakeSaver()
	done := make(chan error, 1)
	var out bytes.Buffer
	go func() {
		_, err := RunAccessible(context.Background(), model.New("", testNow), Options{Input: pr, Output: &out, Saver: s, Now: func() time.Time { return testNow }})
		done <- err
	}()
	// Wait until the first prompt is on its way, then press ctrl+c.
	for deadline := time.Now().Add(5 * time.Second); ; {
		if _, err := pw.Write([]byte("Checkout failed\n")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no prompt read the title")
		}
	}
	time.Sleep(50 * time.Millisecond) // let the next prompt block on input
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		var sig *SignalError
		if !errors.As(err, &sig) || sig.Signal != syscall.SIGINT {
			t.Fatalf("err = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ctrl+c did not end accessible mode")
	}
	if s.flushes == 0 || s.last() == nil || s.last().Title != "Checkout failed" {
		t.Fatal("the answer was not saved before returning")
	}
}
