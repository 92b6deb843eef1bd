package tui

import (
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// execLoop is a bare program that runs probe through tea.Exec rounds
// times, one after the other, then quits.
type execLoop struct {
	rounds int
	probe  *probeExec
	errs   []error
}

type execDone struct{ err error }

func (m *execLoop) Init() tea.Cmd { return m.next() }

func (m *execLoop) next() tea.Cmd {
	m.probe.Cmd = exec.Command("true") // an editor that exits at once
	return tea.Exec(m.probe, func(err error) tea.Msg { return execDone{err} })
}

func (m *execLoop) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if d, ok := msg.(execDone); ok {
		if d.err != nil {
			m.errs = append(m.errs, d.err)
		}
		if m.probe.runs >= m.rounds {
			return m, tea.Quit
		}
		return m, m.next()
	}
	return m, nil
}

func (m *execLoop) View() tea.View { return tea.NewView("editing") }

// probeExec runs an editorExec and notes, as it hands the terminal back,
// whether bubbletea's stopped renderer loop was still alive.
type probeExec struct {
	editorExec
	runs, loopAlive int
}

func (p *probeExec) Run() error {
	err := p.editorExec.Run()
	p.runs++
	if rendererLoopRunning() {
		p.loopAlive++
	}
	return err
}

// runExecLoop runs an execLoop to the end on a discarded output.
func runExecLoop(t *testing.T, m *execLoop) {
	t.Helper()
	// A pipe for input, as a terminal would be: with no input at all,
	// bubbletea waits 500 ms for a read loop that never ran, every round.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	p := tea.NewProgram(m, tea.WithInput(r), tea.WithOutput(io.Discard),
		tea.WithoutSignalHandler(), tea.WithWindowSize(80, 24))
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(60 * time.Second):
		p.Kill()
		t.Fatalf("the program did not finish %d editor rounds (%d done)", m.rounds, m.probe.runs)
	}
}

// The editor round trip hands the terminal back only once the renderer
// loop bubbletea stopped has ended: a loop still alive at that point is
// the one whose late ticker.Stop left the screen blank after ctrl+e.
func TestEditorHandsBackTheTerminalOnlyAfterTheOldRendererEnded(t *testing.T) {
	if _, err := exec.LookPath("true"); err != nil {
		t.Skip("no `true` command to stand in for the editor")
	}
	m := &execLoop{rounds: 200, probe: &probeExec{}}
	runExecLoop(t, m)
	if len(m.errs) > 0 {
		t.Fatalf("the stand-in editor failed: %v", m.errs)
	}
	if m.probe.runs != m.rounds {
		t.Fatalf("%d editor rounds ran, want %d", m.probe.runs, m.rounds)
	}
	if m.probe.loopAlive > 0 {
		t.Errorf("in %d of %d rounds the old renderer loop was still alive when the terminal went back to the wizard", m.probe.loopAlive, m.rounds)
	}
}

// editorExec finds bubbletea's renderer loop by its function name. If an
// upgrade renames it, the wait silently becomes a no-op and the blank
// screen after ctrl+e can come back: this test says so first.
func TestRendererLoopNameMatchesBubbletea(t *testing.T) {
	seen := make(chan bool, 1)
	m := &watchLoop{seen: seen}
	p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(io.Discard),
		tea.WithoutSignalHandler(), tea.WithWindowSize(80, 24))
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	var running bool
	select {
	case running = <-seen:
	case <-time.After(30 * time.Second):
		t.Fatal("the program never painted")
	}
	p.Quit()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !running {
		t.Fatalf("no goroutine runs %q while a program paints: bubbletea renamed its renderer loop; update rendererLoop in editorexec.go (and check the ticker race it works around is still there)", strings.TrimSuffix(rendererLoop, "("))
	}
	if !awaitNoRendererLoop(10 * time.Second) {
		t.Errorf("the renderer loop outlived its program by 10 s")
	}
}

// watchLoop reports, from a command run once the program is up, whether
// the renderer loop is running.
type watchLoop struct{ seen chan bool }

type lookMsg struct{}

func (m *watchLoop) Init() tea.Cmd { return func() tea.Msg { return lookMsg{} } }

func (m *watchLoop) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(lookMsg); ok {
		return m, func() tea.Msg {
			select {
			case m.seen <- rendererLoopRunning():
			default:
			}
			return nil
		}
	}
	return m, nil
}

func (m *watchLoop) View() tea.View { return tea.NewView("watching") }
