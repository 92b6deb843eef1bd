#!/usr/bin/env python3
"""Whole-program timings of pmwiz as a user sees them, in tmux.

Drives the built binary on a private tmux server (-S socket in a temp
directory) and times, from the moment tmux is told to send a key (or start
a program) to the moment the screen shows its effect:

  type5mb      keystroke to screen, typing into a 5 MB summary
  type1mb      keystroke to screen, typing into the summary of a 1 MB
               draft with the preview open; then the CPU pmwiz spends after
               the last key, and how long until it is idle
  pgdn1mb      PgDn/PgUp between Summary and Timeline (3,000 events)
  preview1mb   ctrl+p on a freshly resumed 1 MB draft, to the preview's
               first screen (one sample per program start)
  start1mb     `pmwiz resume` of the 1 MB draft to its first frame, and
               bubbletea's hello world (scripts/hellotea) in the same run,
               interleaved
  previewcmd1mb  `pmwiz preview` of the 1 MB draft, and of its export (a
               Markdown file), in its own pager: start to first screen,
               interleaved with the hello world (not run by default)
  list10k      `pmwiz list` over 10,000 drafts with no index (.index.json
               removed before each run), start to exit, and an echo of its
               last line ("The newest 30 of 10,000 drafts") the same way,
               interleaved (not run by default)
  picker10k    plain `pmwiz` over the same cold folder: start to the
               picker's first screen with every row scored, then three
               PgDn to the rows paged in shown scored (not run by default)

Every wait is a condition on the screen (polled with capture-pane), never a
fixed sleep. Polling costs ~1-3 ms a look, so figures carry that much
noise; `floor` in the output is the same measurement on `cat`, whose echo
costs nothing.

  go build -o /tmp/pmwiz ./cmd/pmwiz && go build -o /tmp/hellotea ./scripts/hellotea
  python3 scripts/perf-tmux.py --bin /tmp/pmwiz --hello /tmp/hellotea [--samples 200] [SCENARIO...]

Drafts are written by scripts/bigdraft (go run) into the temp directory.
"""

import argparse
import os
import random
import re
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARA_START = "The pa"  # scripts/bigdraft's long fields start every line so


class Tmux:
    def __init__(self, work):
        self.sock = os.path.join(work, "tmux.sock")
        self.work = work
        self.n = 0
        self.s = ""
        # A session that outlives the measured ones keeps the server up.
        self.run("new-session", "-d", "-s", "keep", "sleep 100000")

    def run(self, *args, check=True):
        return subprocess.run(["tmux", "-S", self.sock, *args], check=check,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def stop(self):
        """Ends the last session and waits for its program to be gone:
        before a clock starts, where a start's cost alone is measured."""
        if self.s:
            pid = self.pid()
            self.run("kill-session", "-t", self.s, check=False)
            wait(lambda: not os.path.exists(f"/proc/{pid}"), timeout=10)
            self.s = ""

    def start(self, cmd, w=100, h=30, drafts=None):
        # A new session each time; the old one goes first, so its pmwiz
        # lets go of the draft's lock.
        self.stop()
        self.n += 1
        self.s = f"p{self.n}"
        env = (f"env PMWIZ_DRAFTS_DIR={drafts or self.work + '/drafts'} TZ=UTC TERM=xterm-256color "
               f"NO_COLOR= COLORTERM= ")
        self.run("new-session", "-d", "-s", self.s, "-x", str(w), "-y", str(h),
                 env + cmd + "; sleep 600")

    def screen(self):
        return self.run("capture-pane", "-p", "-t", self.s).stdout

    def keys(self, *k):
        self.run("send-keys", "-t", self.s, *k)

    def text(self, s):
        self.run("send-keys", "-t", self.s, "-l", s)

    def pid(self):
        # The pane's shell runs `env … pmwiz …; sleep`: pmwiz is its child.
        pane = self.run("display-message", "-p", "-t", self.s, "#{pane_pid}").stdout.strip()
        out = subprocess.run(["pgrep", "-P", pane], stdout=subprocess.PIPE, text=True).stdout.split()
        return int(out[0]) if out else int(pane)

    def kill(self):
        self.run("kill-server", check=False)


def wait(cond, timeout=30.0, pause=0.0):
    """Poll cond() until true; returns the time it became true. A pause
    between looks leaves the cores to a program that uses both (each look
    runs tmux): polling flat out slowed a cold listing by a quarter."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if cond():
            return time.perf_counter()
        time.sleep(pause)
    raise TimeoutError("screen never showed what was waited for")


def left(screen, cols):
    return "\n".join(line[:cols] for line in screen.split("\n"))


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summary(name, xs):
    xs = sorted(xs)
    p = lambda q: xs[min(len(xs) - 1, int(q * len(xs)))]
    print(f"{name:<34} n={len(xs):<4} p50={statistics.median(xs):7.1f} ms  "
          f"p95={p(0.95):7.1f} ms  max={xs[-1]:7.1f} ms", flush=True)


def typing(t, samples, cols, leave_open=False):
    """Types letters at the start of a line of a long field: each sample
    waits for the last six letters typed, followed by the line's text, in
    the leftmost cols columns. Enter every 20 letters keeps the line short
    enough not to wrap (Enter is not timed)."""
    typed, out = "", []
    letters = string.ascii_lowercase
    for i in range(samples):
        if len(typed) == 20:
            last = typed[-6:]
            t.keys("Enter")
            wait(lambda: (lambda sc: last in sc and last + PARA_START not in sc)(left(t.screen(), cols)))
            typed = ""
        ch = random.choice(letters)
        typed += ch
        want = typed[-6:] + PARA_START
        t0 = time.perf_counter()
        t.text(ch)
        t1 = wait(lambda: want in left(t.screen(), cols))
        out.append((t1 - t0) * 1000)
    return out


def floor(t, samples):
    t.start("cat")
    wait(lambda: True)
    out = []
    typed = ""
    for i in range(samples):
        ch = random.choice(string.ascii_lowercase)
        typed += ch
        want = typed[-8:]
        t0 = time.perf_counter()
        t.text(ch)
        t1 = wait(lambda: want in t.screen())
        out.append((t1 - t0) * 1000)
        if len(typed) >= 60:
            t.keys("Enter")
            typed = ""
    summary("floor (cat echo)", out)


# The wizard's steps as its header names them ("2. Summary").
STEPS = ["Basics", "Summary", "Timeline", "Impact", "Root cause", "Five Whys", "Lessons & actions",
         "Technologies", "Human elements", "Others can learn", "Communication", "Review"]
STEP_RE = re.compile(r"\b(\d{1,2})\. (" + "|".join(re.escape(s) for s in STEPS) + r")\b")


def step_on(screen):
    """The number of the step the wizard shows, or None before its first frame."""
    for m in STEP_RE.finditer(screen):
        if STEPS[int(m.group(1)) - 1:int(m.group(1))] == [m.group(2)]:
            return int(m.group(1))
    return None


def first_frame(t):
    return wait(lambda: step_on(t.screen()) is not None)


def open_summary(t, draft):
    """Resumes draft and goes to its summary field from wherever it opens:
    a resumed draft opens where it was left (resume_at), not on Basics."""
    t.start(f"{BIN} resume {draft}")
    first_frame(t)
    for _ in range(len(STEPS)):
        step = step_on(t.screen())
        if step == 2:
            break
        t.keys("PgDn" if step < 2 else "PgUp")
        wait(lambda: step_on(t.screen()) not in (None, step))
    for _ in range(12):  # the step's fields; the summary is the first
        if "› What failed" in t.screen():
            break
        before = t.screen()
        t.keys("BTab")
        wait(lambda: t.screen() != before)
    wait(lambda: step_on(t.screen()) == 2 and "› What failed" in t.screen())


def type5mb(t, n):
    open_summary(t, "field5mb")
    summary("type5mb: keystroke to screen", typing(t, n, 100))


def idle(pid):
    """Waits until pid uses no CPU over 0.5 s; returns when and how much
    CPU it had used when it was last busy."""
    last, lastc = time.perf_counter(), cpu_seconds(pid)
    while True:
        time.sleep(0.5)
        c = cpu_seconds(pid)
        if c - lastc < 0.01:
            return last, lastc
        last, lastc = time.perf_counter(), c


def type1mb(t, n):
    open_summary(t, "huge")
    t.keys("C-p")
    wait(lambda: "## Summary" in t.screen())
    pid = t.pid()
    # The first whole render of the 1 MB preview (~1 s of a core) goes on
    # behind its first screen: typing starts once it is done, as it does
    # for a writer who opened the preview a while ago.
    idle(pid)
    c0, t0 = cpu_seconds(pid), time.perf_counter()
    summary("type1mb+preview: keystroke to screen", typing(t, n, 50))
    c, now = cpu_seconds(pid), time.perf_counter()
    print(f"{'type1mb+preview: while typing':<34} CPU {1000 * (c - c0) / n:.1f} ms a key, "
          f"{100 * (c - c0) / (now - t0):.0f}% of a core", flush=True)
    c0, t0 = c, now
    last, lastc = idle(pid)
    print(f"{'type1mb+preview: after the last key':<34} CPU {1000 * (lastc - c0):.0f} ms, "
          f"busy for {1000 * (last - t0):.0f} ms (0.5 s resolution)", flush=True)


def pgdn1mb(t, n):
    open_summary(t, "huge")
    out = []
    for i in range(n):
        key, want = ("PgDn", "3. Timeline") if i % 2 == 0 else ("PgUp", "2. Summary")
        t0 = time.perf_counter()
        t.keys(key)
        t1 = wait(lambda: want in t.screen())
        out.append((t1 - t0) * 1000)
    summary("pgdn1mb: PgDn/PgUp to screen", out)


def preview1mb(t, n):
    out = []
    for i in range(n):
        open_summary(t, "huge")
        time.sleep(1.0)  # a user reads the step before opening the preview
        t0 = time.perf_counter()
        t.keys("C-p")
        t1 = wait(lambda: "## Summary" in t.screen())
        out.append((t1 - t0) * 1000)
    summary("preview1mb: ctrl+p to first screen", out)


def start1mb(t, n):
    pm, hello = [], []
    for i in range(n):
        for name in ("pmwiz", "hello"):
            t0 = time.perf_counter()
            if name == "pmwiz":
                t.start(f"{BIN} resume huge")
                t1 = first_frame(t)
                pm.append((t1 - t0) * 1000)
            else:
                t.start(HELLO)
                t1 = wait(lambda: "Hello, world" in t.screen())
                hello.append((t1 - t0) * 1000)
    summary("start1mb: resume to first frame", pm)
    summary("start1mb: bubbletea hello", hello)
    print(f"{'start1mb: ratio of medians':<34} {statistics.median(pm) / statistics.median(hello):.2f}×")


def previewcmd1mb(t, n):
    md = os.path.join(t.work, "huge.md")
    subprocess.run([BIN, "export", "-o", md, "huge"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=dict(os.environ, PMWIZ_DRAFTS_DIR=os.path.join(t.work, "drafts")))
    runs = [("draft", f"{BIN} preview huge", "## Summary"), ("markdown", f"{BIN} preview {md}", "## Summary")]
    if HELLO:
        runs.append(("hello", HELLO, "Hello, world"))
    out = {name: [] for name, _, _ in runs}
    for i in range(n):
        for name, cmd, want in runs:
            if t.s:  # the last session goes before the clock starts
                pid = t.pid()
                t.run("kill-session", "-t", t.s, check=False)
                wait(lambda: not os.path.exists(f"/proc/{pid}"), timeout=10)
                t.s = ""
            t0 = time.perf_counter()
            t.start("env PAGER= PMWIZ_PAGER= " + cmd)  # its own pager, not less
            t1 = wait(lambda: want in t.screen())
            out[name].append((t1 - t0) * 1000)
    for name, xs in out.items():
        summary(f"previewcmd1mb: {name} to first screen", xs)


def drafts10k(t):
    """The folder of 10,000 drafts (scripts/bigdraft -kind drafts), written
    once per run, with no index."""
    d = os.path.join(t.work, "drafts10k")
    if not os.path.isdir(d):
        subprocess.run(["go", "run", "./scripts/bigdraft", "-kind", "drafts", "-n", "10000", "-o", d],
                       check=True, cwd=REPO)
    try:
        os.remove(os.path.join(d, ".index.json"))
    except FileNotFoundError:
        pass
    return d


def list10k(t, n):
    # The clock stops when the program has exited, told by `tmux wait-for`
    # rather than seen by polling the screen: each look runs tmux, and on
    # two cores looking flat out slowed the listing (which uses both) by a
    # quarter. A program that prints the same last line at once,
    # interleaved, is what starting a session costs by itself.
    out, floor_ = [], []
    last = "The newest 30 of 10,000 drafts"
    for i in range(n):
        for cmd, xs in ((f"{BIN} list", out), (f"echo '{last}'", floor_)):
            d = drafts10k(t)
            t.stop()
            chan = f"done{t.n + 1}"
            t0 = time.perf_counter()
            t.start(f"{cmd}; tmux -S {t.sock} wait-for -S {chan}", drafts=d)
            t.run("wait-for", chan)
            t1 = time.perf_counter()
            wait(lambda: last in t.screen(), timeout=5)
            xs.append((t1 - t0) * 1000)
    summary("list10k: cold list, start to exit", out)
    summary("list10k: echo of its last line", floor_)
    print(f"{'list10k: difference of medians':<34} {statistics.median(out) - statistics.median(floor_):.1f} ms")


def picker10k(t, n):
    first, paged = [], []
    for i in range(n):
        d = drafts10k(t)
        t.stop()
        t0 = time.perf_counter()
        t.start(BIN, drafts=d)
        # The first screen (26 rows of a 30-line window) with every row
        # scored; then the rows three pages down, past the 60 the listing
        # scored, scored too.
        t1 = wait(lambda: (lambda s: "Pick a post-mortem" in s and "#24:" in s and "…" not in s)(t.screen()), pause=0.01)
        t2 = time.perf_counter()
        t.keys("PgDn", "PgDn", "PgDn")
        t3 = wait(lambda: (lambda s: "› Checkout outage #77:" in s and "…" not in s)(t.screen()), pause=0.01)
        first.append((t1 - t0) * 1000)
        paged.append((t3 - t2) * 1000)
    summary("picker10k: start to first screen", first)
    summary("picker10k: 3×PgDn to rows scored", paged)


def main():
    global BIN, HELLO
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--hello", default="")
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("scenarios", nargs="*", default=["type5mb", "type1mb", "pgdn1mb", "preview1mb", "start1mb"])
    a = ap.parse_args()
    if not shutil.which("tmux"):
        print("perf-tmux: tmux is not installed", file=sys.stderr)
        sys.exit(77)
    BIN, HELLO = os.path.abspath(a.bin), os.path.abspath(a.hello) if a.hello else ""
    work = tempfile.mkdtemp(prefix="pmwiz-perf-")
    os.makedirs(os.path.join(work, "drafts"))
    for kind, name in (("1mb", "huge"), ("field5mb", "field5mb")):
        subprocess.run(["go", "run", "./scripts/bigdraft", "-kind", kind, "-o",
                        os.path.join(work, "drafts", name + ".json")], check=True, cwd=REPO)
    t = Tmux(work)
    with open("/proc/loadavg") as f:
        print("load:", " ".join(f.read().split()[:3]), flush=True)
    try:
        floor(t, min(a.samples, 100))
        for s in a.scenarios:
            n = a.samples
            if s in ("preview1mb", "start1mb", "previewcmd1mb", "list10k", "picker10k"):
                n = max(5, a.samples // 10)
            if s == "start1mb" and not HELLO:
                print("start1mb: needs --hello", file=sys.stderr)
                continue
            globals()[s](t, n)
    finally:
        t.kill()
        shutil.rmtree(work, ignore_errors=True)
    with open("/proc/loadavg") as f:
        print("load:", " ".join(f.read().split()[:3]), flush=True)


if __name__ == "__main__":
    main()
