package tui

import (
	"bytes"
	"io"
	"os/exec"
	"runtime"
	"time"
)

// Why ctrl+e does not use tea.ExecProcess.
//
// bubbletea v2.1.1 stops its frame ticker from the old renderer goroutine,
// after the event loop has already gone on: releaseTerminal hands that
// goroutine a value on rendererDone and returns, and only then does the
// goroutine call p.ticker.Stop(). When the editor exits at once (a script,
// a quick ":wq") on a busy machine, the event loop can run the editor,
// call RestoreTerminal and Reset the same ticker before the old goroutine
// gets its turn; its late Stop then stops the new ticker. The new renderer
// goroutine waits on ticker.C for ever, no frame is flushed again, and the
// screen stays blank although the wizard still reads keys (goroutine dumps
// of the hang: event loop idle in select, renderer idle in select at
// tea.go startRenderer, no goroutine on a mutex).
//
// editorExec runs the editor the same way ExecProcess would, but before it
// hands the terminal back it waits until that old renderer goroutine has
// ended, so its Stop can no longer land on the restarted ticker.

// rendererLoop is the function bubbletea runs its frame ticker in. A test
// (TestRendererLoopNameMatchesBubbletea) fails if an upgrade renames it.
const rendererLoop = "charm.land/bubbletea/v2.(*Program).startRenderer.func1("

// rendererWaitLimit bounds the wait: an editor is never held back longer,
// whatever another goroutine does.
const rendererWaitLimit = 2 * time.Second

// editorExec is a tea.ExecCommand over an exec.Cmd that, once the command
// is done, waits for bubbletea's stopped renderer goroutine to end.
type editorExec struct {
	*exec.Cmd
}

func (c *editorExec) SetStdin(r io.Reader) {
	if c.Stdin == nil {
		c.Stdin = r
	}
}

func (c *editorExec) SetStdout(w io.Writer) {
	if c.Stdout == nil {
		c.Stdout = w
	}
}

func (c *editorExec) SetStderr(w io.Writer) {
	if c.Stderr == nil {
		c.Stderr = w
	}
}

// Run runs the editor, then waits (bounded) until no renderer loop is
// left. bubbletea calls Run between releasing and restoring the terminal,
// so no new renderer loop can have started yet: any loop still there is
// the old one, on its way to Stop the ticker.
func (c *editorExec) Run() error {
	err := c.Cmd.Run()
	awaitNoRendererLoop(rendererWaitLimit)
	return err
}

// awaitNoRendererLoop returns once no goroutine runs rendererLoop, or
// after limit. It reports whether the loop was gone.
func awaitNoRendererLoop(limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for {
		if !rendererLoopRunning() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(time.Millisecond)
	}
}

// rendererLoopRunning reports whether any goroutine is in rendererLoop.
func rendererLoopRunning() bool {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) || len(buf) >= 16<<20 { // bounded: 16 MiB of stacks at most
			return bytes.Contains(buf[:n], []byte(rendererLoop))
		}
		buf = make([]byte, 2*len(buf))
	}
}
