package store

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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

// gitCache keeps, in the listing index, the last commit of each draft as
// of one HEAD: the history up to a commit never changes, so while HEAD
// and the set of committed drafts stay the same a listing asks git only
// for HEAD and the status, not for the log.
type gitCache struct {
	Head    string               `json:"head"`
	Prefix  string               `json:"prefix"` // the folder, from the top of the work tree
	Files   string               `json:"files"`  // filesKey of the drafts the log was read for
	Commits map[string]ChangedBy `json:"commits"`
}

// filesKey identifies a set of file names.
func filesKey(files map[string]bool) string {
	names := slices.Sorted(maps.Keys(files))
	h := sha256.New()
	for _, n := range names {
		h.Write([]byte(n))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
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
// then shows the drafts' authors, with no error. cache is what an earlier
// listing learnt (or nil); the cache returned is what to keep, or nil.
func readGitChanges(dir string, files map[string]bool, cache *gitCache) (*gitChanges, *gitCache) {
	if len(files) == 0 || !inWorkTree(dir) {
		return nil, nil
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), gitBudget)
	defer cancel()
	// status names files from the top of the work tree; log --relative
	// from dir. A repository with no commit yet has no HEAD.
	out, err := gitOutput(ctx, dir, "rev-parse", "--show-prefix", "HEAD")
	if err != nil {
		if out, err = gitOutput(ctx, dir, "rev-parse", "--show-prefix"); err != nil {
			return nil, nil
		}
	}
	prefix, head, _ := strings.Cut(string(out), "\n")
	head = strings.TrimSpace(head)
	out, err = gitOutput(ctx, dir, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules", "--", ".")
	if err != nil {
		return nil, nil
	}
	g := &gitChanges{commits: map[string]ChangedBy{}, dirty: map[string]bool{}, user: youName}
	committed := maps.Clone(files)
	for rec := range bytes.SplitSeq(out, []byte{0}) {
		// "XY path": any record for a file that is there (it is listed)
		// means it is not as committed: modified, added, untracked.
		// Untracked and newly added files are in no commit of HEAD.
		if len(rec) < 4 {
			continue
		}
		if name, ok := strings.CutPrefix(string(rec[3:]), prefix); ok && files[name] {
			g.dirty[name] = true
			if rec[0] == '?' || rec[0] == 'A' {
				delete(committed, name)
			}
		}
	}
	if len(g.dirty) > 0 {
		if out, err := gitOutput(ctx, dir, "config", "--get", "user.name"); err == nil {
			if name := strings.TrimSpace(string(out)); name != "" {
				g.user = name
			}
		}
	}
	if head == "" || len(committed) == 0 {
		return g, nil
	}
	key := filesKey(committed)
	if cache != nil && cache.Head == head && cache.Prefix == prefix && cache.Files == key && cache.Commits != nil {
		g.commits = cache.Commits
		return g, cache
	}
	if !g.readLog(ctx, dir, committed) {
		return g, nil
	}
	return g, &gitCache{Head: head, Prefix: prefix, Files: key, Commits: g.commits}
}

// readLog reads git log, newest first, until each of the files has been
// seen: the first commit naming a file is the last one to touch it. It
// stops early at the budget or the size bound, keeping what it found, and
// reports whether it read all it needed.
func (g *gitChanges) readLog(ctx context.Context, dir string, files map[string]bool) (complete bool) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := gitCommand(ctx, dir, "log", "--no-renames", "--relative", "-z", "--name-only", "--format=%x1e%aN%x1f%ct", "--", ".")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return false
	}
	if cmd.Start() != nil {
		return false
	}
	out := &io.LimitedReader{R: stdout, N: gitOutputMax}
	all := g.parseLog(out, files)
	cancel() // stops git when it has more to say than we read
	waitErr := cmd.Wait()
	// Without every file, the log is whole only if git ended by itself
	// within the budget and the bound.
	return all || waitErr == nil && out.N > 0
}

// parseLog reads the output of git log -z --name-only
// --format=%x1e%aN%x1f%ct until every one of files has a commit, and
// reports whether they all do. Each record ends in NUL: a commit
// ("\x1eName\x1fUnixTime"), then the files it touched, the first after a
// newline.
func (g *gitChanges) parseLog(out io.Reader, files map[string]bool) bool {
	r := bufio.NewReaderSize(out, 64<<10)
	var commit ChangedBy
	first := false
	found := 0
	for found < len(files) {
		rec, err := r.ReadSlice(0)
		if err != nil { // the end, the bound, or one record over 64 KB
			return false
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
		if !files[file] || commit.Source == "" {
			continue
		}
		if _, seen := g.commits[file]; !seen {
			g.commits[file] = commit
			found++
		}
	}
	return true
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
