//go:build unix

package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
)

// crashRoundsEnv asks TestKillNineLosesAtMostASecond for more rounds than
// the 100 a CI run affords, e.g. PMWIZ_CRASH_ROUNDS=1000.
const crashRoundsEnv = "PMWIZ_CRASH_ROUNDS"

// maxLostTyping is what README promises a kill -9 can lose: the
// autosaver's 500 ms bound, the save itself, and a loaded machine's slack.
const maxLostTyping = 1200 * time.Millisecond

// TestKillNineLosesAtMostASecond is the promise on lost typing, tested from
// outside: the built binary runs in tmux (a private server), a person types
// into the title steadily (a key every 50 ms), and the process is killed
// with SIGKILL at a random moment. The draft on disk must be whole and hold
// the title as typed up to some key; the typing lost is the time from the
// first key missing to the kill. The distribution is logged; its median
// and 90th percentile must stay well under maxLostTyping, and its maximum
// under maxLostTyping unless the machine was oversubscribed (see below).
func TestKillNineLosesAtMostASecond(t *testing.T) {
	bin := buildPmwiz(t)
	rounds := 100
	if v := os.Getenv(crashRoundsEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a number of rounds", crashRoundsEnv, v)
		}
		rounds = n
	}
	sockDir, err := os.MkdirTemp("", "pmwiz-crash")
	if err != nil {
		t.Fatal(err)
	}
	socket := filepath.Join(sockDir, "s")
	tmux := func(args ...string) *exec.Cmd {
		return exec.Command("tmux", append([]string{"-S", socket}, args...)...)
	}
	t.Cleanup(func() {
		tmux("kill-server").Run()
		os.RemoveAll(sockDir)
	})
	// A session that outlives the rounds: the server exits with its last
	// session, and a round starting as it dies would fail.
	if out, err := tmux("new-session", "-d", "-s", "keep", "sleep 3600").CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}

	var lost []time.Duration
	busiest := 0.0 // the highest load per core seen between rounds
	for round := range rounds {
		lost = append(lost, crashRound(t, bin, tmux, round))
		if t.Failed() {
			return
		}
		busiest = max(busiest, loadPerCore())
	}
	slices.Sort(lost)
	pct := func(p float64) time.Duration { return lost[min(len(lost)-1, int(p*float64(len(lost))))] }
	load, _ := os.ReadFile("/proc/loadavg")
	t.Logf("kill -9 while typing, %d rounds: lost typing p50 %v, p90 %v, p99 %v, max %v (load %s)",
		len(lost), pct(0.5).Round(time.Millisecond), pct(0.9).Round(time.Millisecond),
		pct(0.99).Round(time.Millisecond), lost[len(lost)-1].Round(time.Millisecond), strings.TrimSpace(string(load)))
	// The bound itself is proved without a clock by
	// TestAutosaveDefaultsBoundLostTyping; this test measures what a user
	// would lose on this machine. Timing is only held against pmwiz on
	// demand (PMWIZ_CRASH_STRICT=1, on a quiet machine): a shared CI core
	// must not turn a measurement into a flaky failure.
	if os.Getenv("PMWIZ_CRASH_STRICT") == "" {
		return
	}
	if p := pct(0.5); p > maxLostTyping/2 {
		t.Errorf("median typing lost to kill -9 is %v, want under %v", p, maxLostTyping/2)
	}
	if p := pct(0.9); p > maxLostTyping*3/4 {
		t.Errorf("90th percentile of typing lost to kill -9 is %v, want under %v", p, maxLostTyping*3/4)
	}
	// The maximum also holds the machine's worst moment: keys wait in tmux
	// and the terminal, and pmwiz waits for a core, when other work keeps
	// every core busy many times over. On an oversubscribed machine it is
	// reported, not checked.
	worst := lost[len(lost)-1]
	switch {
	case busiest <= maxLoadPerCore && worst > maxLostTyping:
		t.Errorf("a kill -9 lost %v of typing, over the %v README promises", worst, maxLostTyping)
	case worst > maxLostTyping:
		t.Logf("the maximum, %v, is over %v, but the machine was oversubscribed (load %.1f per core, over %v): not held against pmwiz",
			worst.Round(time.Millisecond), maxLostTyping, busiest, maxLoadPerCore)
	}
}

// maxLoadPerCore is the load above which the maximum is reported, not
// checked: runnable tasks per core, waiting their turn.
const maxLoadPerCore = 3.0

// loadPerCore is the 1-minute load average per core (0 where unknown).
func loadPerCore() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data))
	if len(fields) == 0 {
		return 0
	}
	load, err := strconv.ParseFloat(fields[0], 64)
	if err != nil {
		return 0
	}
	return load / float64(runtime.NumCPU())
}

// typedKeys is what the typist types, one character a key: a known
// sequence, so the title on disk says how many keys reached it.
const typedKeys = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// crashRound opens a new draft, types steadily, kills pmwiz at a random
// moment and returns how much typing the draft on disk lacks.
func crashRound(t *testing.T, bin string, tmux func(...string) *exec.Cmd, round int) time.Duration {
	t.Helper()
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "pid")
	drafts := filepath.Join(dir, "drafts")
	session := fmt.Sprintf("r%d", round)
	// exec keeps the pid the shell wrote: the one to kill.
	script := fmt.Sprintf("echo $$ >%s; exec env %s=%s TERM=xterm-256color %s new --title x",
		shellQuote(pidFile), store.EnvDraftsDir, shellQuote(drafts), shellQuote(bin))
	if out, err := tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", "sh -c "+shellQuote(script)+"; sleep 60").CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	defer tmux("kill-session", "-t", session).Run()
	screen := func() string {
		out, _ := tmux("capture-pane", "-p", "-t", session).Output()
		return string(out)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(screen(), "1. Basics") {
		if time.Now().After(deadline) {
			t.Fatalf("round %d: the wizard never opened:\n%s", round, screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
	pidText, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(pidText)))
	if err != nil {
		t.Fatal(err)
	}

	// Type a key every 50 ms; kill at a random moment between 0.1 s and
	// 2.1 s into the typing: before the first save, and across two or more
	// save cycles, so every phase of the cycle is hit.
	killAfter := 100*time.Millisecond + rand.N(2000*time.Millisecond)
	start := time.Now()
	var sentAt []time.Time
	var killedAt time.Time
	for i := 0; ; i++ {
		next := start.Add(time.Duration(i) * 50 * time.Millisecond)
		if kill := start.Add(killAfter); !next.Before(kill) {
			time.Sleep(time.Until(kill))
			killedAt = time.Now()
			if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
				t.Fatalf("round %d: kill -9 %d: %v", round, pid, err)
			}
			break
		}
		time.Sleep(time.Until(next))
		key := string(typedKeys[i%len(typedKeys)])
		if err := tmux("send-keys", "-t", session, "-l", key).Run(); err != nil {
			t.Fatal(err)
		}
		sentAt = append(sentAt, time.Now())
	}
	// Wait until the process is gone (the shell reaps it).
	for syscall.Kill(pid, 0) == nil {
		if time.Since(killedAt) > 10*time.Second {
			t.Fatalf("round %d: pid %d survived SIGKILL", round, pid)
		}
		time.Sleep(5 * time.Millisecond)
	}

	files, _ := filepath.Glob(filepath.Join(drafts, "*.json"))
	if len(files) != 1 {
		t.Fatalf("round %d: drafts on disk %v, want one", round, files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Decode(data)
	if err != nil {
		t.Fatalf("round %d: the draft after kill -9 is not whole: %v\n%s", round, err, data)
	}
	var want strings.Builder
	want.WriteString("x")
	for i := range sentAt {
		want.WriteByte(typedKeys[i%len(typedKeys)])
	}
	if !strings.HasPrefix(want.String(), d.Title) || d.Title == "" {
		t.Fatalf("round %d: title on disk %q is not what was typed (%q)", round, d.Title, want.String())
	}
	saved := len(d.Title) - 1
	if saved >= len(sentAt) {
		return 0
	}
	lost := killedAt.Sub(sentAt[saved])
	if lost > time.Second {
		// Worth a look: which key, how far into the typing, what load.
		load, _ := os.ReadFile("/proc/loadavg")
		t.Logf("round %d: lost %v (key %d of %d missing, killed %v into the typing, load %s)",
			round, lost.Round(time.Millisecond), saved+1, len(sentAt), killAfter.Round(time.Millisecond), strings.TrimSpace(string(load)))
	}
	return lost
}
