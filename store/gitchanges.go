package store

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// A listing asks git who changed each draft last with a fixed number of
// commands for the whole folder, never one per file, and within bounds:
// what git has not said within gitBudget, or within gitOutputMax bytes,
// is taken from the drafts' authors instead.
const (
	gitBudget    = 2 * time.Second
	gitOutputMax = 32 << 20
)

// gitChanges is what git says about the drafts of one folder, by file
// name (NAME.json).
type gitChanges struct {
	commits map[string]ChangedBy // the last commit that touched each file
	dirty   map[string]bool      // changed since that commit, or never committed
	user    string               // who made those changes: user.name, or "you"
}

// inWorkTree reports whether dir may be in a git work tree: a .git entry
// in it or above it. It starts no process, so a drafts directory outside
// any repository costs a few lstats.
func inWorkTree(dir string) bool {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return false
		}
		d = parent
	}
}

// readGitChanges asks git about the files in dir, or returns nil when dir
// is not in a work tree, git is not installed or it fails: the listing
// then shows the drafts' authors, with no error.
func readGitChanges(dir string, files map[string]bool) *gitChanges {
	if len(files) == 0 || !inWorkTree(dir) {
		return nil
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), gitBudget)
	defer cancel()
	// status names files from the top of the work tree; log --relative
	// from dir.
	out, err := gitOutput(ctx, dir, "rev-parse", "--show-prefix")
	if err != nil {
		return nil
	}
	prefix := strings.TrimSuffix(string(out), "\n")
	out, err = gitOutput(ctx, dir, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules", "--", ".")
	if err != nil {
		return nil
	}
	g := &gitChanges{commits: map[string]ChangedBy{}, dirty: map[string]bool{}, user: youName}
	for rec := range bytes.SplitSeq(out, []byte{0}) {
		// "XY path": any record for a file that is there (it is listed)
		// means it is not as committed: modified, added, untracked.
		if len(rec) < 4 {
			continue
		}
		if name, ok := strings.CutPrefix(string(rec[3:]), prefix); ok && files[name] {
			g.dirty[name] = true
		}
	}
	if len(g.dirty) > 0 {
		if out, err := gitOutput(ctx, dir, "config", "--get", "user.name"); err == nil {
			if name := strings.TrimSpace(string(out)); name != "" {
				g.user = name
			}
		}
	}
	g.readLog(ctx, dir, files, len(files)-len(g.dirty))
	return g
}

// readLog reads git log, newest first, until each of the want committed
// files has been seen: the first commit naming a file is the last one to
// touch it. It stops early at the budget or the size bound, keeping what
// it found.
func (g *gitChanges) readLog(ctx context.Context, dir string, files map[string]bool, want int) {
	if want <= 0 {
		return
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := gitCommand(ctx, dir, "log", "--no-renames", "--relative", "-z", "--name-only", "--format=%x1e%aN%x1f%ct", "--", ".")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return
	}
	if cmd.Start() != nil {
		return
	}
	defer func() {
		cancel() // stops git when it has more to say than we read
		_ = cmd.Wait()
	}()
	g.parseLog(io.LimitReader(stdout, gitOutputMax), files, want)
}

// parseLog reads the output of git log -z --name-only
// --format=%x1e%aN%x1f%ct until want of files (those not dirty) have a
// commit. Each record ends in NUL: a commit ("\x1eName\x1fUnixTime"),
// then the files it touched, the first after a newline.
func (g *gitChanges) parseLog(out io.Reader, files map[string]bool, want int) {
	r := bufio.NewReaderSize(out, 64<<10)
	var commit ChangedBy
	first := false
	found := 0
	for found < want {
		rec, err := r.ReadSlice(0)
		if err != nil { // the end, the bound, or one record over 64 KB
			return
		}
		rec = rec[:len(rec)-1]
		if head, ok := bytes.CutPrefix(rec, []byte{0x1e}); ok {
			name, at, _ := bytes.Cut(head, []byte{0x1f})
			commit = ChangedBy{Name: string(name), Source: FromCommit}
			if sec, err := strconv.ParseInt(string(at), 10, 64); err == nil {
				commit.When = time.Unix(sec, 0)
			}
			first = true
			continue
		}
		if first {
			rec, _ = bytes.CutPrefix(rec, []byte{'\n'})
			first = false
		}
		file := string(rec)
		if !files[file] || g.dirty[file] || commit.Source == "" {
			continue
		}
		if _, seen := g.commits[file]; !seen {
			g.commits[file] = commit
			found++
		}
	}
}

// gitCommand is git run in dir for reading only: it takes no optional
// lock a user's own git could trip on, never asks for a password, and
// starts no file-system monitor a repository's config names.
func gitCommand(ctx context.Context, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "git", append([]string{
		"-C", dir, "--no-pager", "--no-optional-locks",
		"-c", "core.fsmonitor=false", "-c", "core.quotePath=false", "-c", "log.showSignature=false",
	}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0")
	cmd.WaitDelay = 100 * time.Millisecond
	return cmd
}

var errGitOutputTooLong = errors.New("git said more than a listing reads")

// gitOutput runs git and returns what it printed, bounded.
func gitOutput(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := gitCommand(ctx, dir, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	out, rerr := io.ReadAll(io.LimitReader(stdout, gitOutputMax+1))
	if len(out) > gitOutputMax {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, errGitOutputTooLong
	}
	if err := cmd.Wait(); err != nil {
		return nil, err
	}
	return out, rerr
}
