package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// The merge driver's name in .gitattributes and git config.
const gitDriverName = "pmwiz"

// draftsGitignore keeps what is private to one machine out of git: locks
// say who edits a draft here, backups and the trash are this machine's
// history, the index is a cache, temporary files are saves in progress.
var draftsGitignore = []string{"*.lock", "*.bak", ".index.json", ".trash/", ".*.tmp-*"}

func newGitCmd() *cobra.Command {
	git := &cobra.Command{
		Use:     "git",
		Short:   "Keep drafts in a git repository that a team shares",
		Example: "  pmwiz git setup",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
	}
	git.AddCommand(&cobra.Command{
		Use:     "setup",
		Short:   "Let git merge drafts field by field (run once per clone)",
		Example: "  PMWIZ_DRAFTS_DIR=postmortems/drafts pmwiz git setup",
		Long: "Run in a clone of your team's repository, with the drafts directory inside it\n" +
			"(--drafts-dir or $PMWIZ_DRAFTS_DIR). It writes, in the drafts directory:\n" +
			"  .gitattributes  \"*.json merge=pmwiz\": git merges drafts with pmwiz (commit it)\n" +
			"  .gitignore      locks, backups, the index, the trash and temporary files stay\n" +
			"                  out of git (commit it)\n" +
			"and sets, in this clone's .git/config only, merge.pmwiz.driver to run\n" +
			"\"pmwiz merge-driver %O %A %B %P\". Running it again changes nothing that is\n" +
			"already right. It never commits, pushes or pulls: git stays yours.",
		Args: cobra.NoArgs,
		RunE: runGitSetup,
	})
	return git
}

func runGitSetup(cmd *cobra.Command, _ []string) error {
	s, err := openStore(cmd)
	if err != nil {
		return err
	}
	dir := s.Dir()
	root, err := gitOutput(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return exitCode(2, "the drafts directory %s is not in a git repository (%v).\n"+
			"Point pmwiz at a folder of your team's repository: --drafts-dir postmortems/drafts or\n"+
			"PMWIZ_DRAFTS_DIR=postmortems/drafts, run from the repository.", dir, err)
	}
	rel, err := relInside(root, dir)
	if err != nil {
		return exitCode(2, "%v", err)
	}
	out := cmd.OutOrStdout()
	fmt.Fprintf(out, "Setting up git in %s to merge pmwiz drafts in %s field by field:\n", root, rel)

	attrs := filepath.Join(dir, ".gitattributes")
	changed, err := ensureLines(attrs, []string{"*.json merge=" + gitDriverName})
	if err != nil {
		return exitCode(2, "cannot write %s: %v", attrs, unwrapPath(err))
	}
	report(out, changed, filepath.Join(rel, ".gitattributes"), "\"*.json merge=pmwiz\": git merges the drafts here with pmwiz")

	ignore := filepath.Join(dir, ".gitignore")
	changed, err = ensureLines(ignore, draftsGitignore)
	if err != nil {
		return exitCode(2, "cannot write %s: %v", ignore, unwrapPath(err))
	}
	report(out, changed, filepath.Join(rel, ".gitignore"), "locks, backups (.bak), the index, the trash and temporary files stay out of git")

	driver := driverCommand() + " merge-driver %O %A %B %P"
	settings := [][2]string{
		{"merge." + gitDriverName + ".name", "pmwiz: merge post-mortem drafts field by field"},
		{"merge." + gitDriverName + ".driver", driver},
	}
	for _, kv := range settings {
		cur, _ := gitOutput(dir, "config", "--local", "--get", kv[0])
		if cur == kv[1] {
			fmt.Fprintf(out, "  already set   git config %s %q\n", kv[0], kv[1])
			continue
		}
		if _, err := gitOutput(dir, "config", "--local", kv[0], kv[1]); err != nil {
			return exitCode(2, "cannot set git config %s: %v", kv[0], err)
		}
		fmt.Fprintf(out, "  set           git config %s %q (this clone only)\n", kv[0], kv[1])
	}
	fmt.Fprintf(out, "\nCommit the two files so your team's git knows them too:\n"+
		"  git add %s %s && git commit -m \"pmwiz: merge drafts field by field\"\n"+
		"Each teammate runs \"pmwiz git setup\" once in their own clone: git config is never shared.\n",
		shellQuote(filepath.Join(rel, ".gitattributes")), shellQuote(filepath.Join(rel, ".gitignore")))
	return nil
}

func report(w io.Writer, changed bool, file, what string) {
	verb := "already there"
	if changed {
		verb = "wrote        "
	}
	fmt.Fprintf(w, "  %s %s: %s\n", verb, file, what)
}

// relInside is dir relative to the repository root, or an error saying
// it is outside.
func relInside(root, dir string) (string, error) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(realRoot, realDir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("the drafts directory %s is outside the repository %s: pass --drafts-dir with a folder inside it", dir, root)
	}
	return rel, nil
}

// ensureLines appends to the file the lines it does not hold yet, and
// reports whether it wrote anything. Lines already there, and any others
// the team wrote, are left alone.
func ensureLines(path string, lines []string) (bool, error) {
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		return false, fmt.Errorf("not a regular file (%s): remove it or make it a plain file", fi.Mode().Type())
	}
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return false, err
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	var add bytes.Buffer
	for _, l := range lines {
		if !have[l] {
			add.WriteString(l + "\n")
		}
	}
	if add.Len() == 0 {
		return false, nil
	}
	if len(data) > 0 && !bytes.HasSuffix(data, []byte("\n")) {
		data = append(data, '\n')
	}
	data = append(data, add.Bytes()...)
	return true, os.WriteFile(path, data, 0o644)
}

// driverCommand is how git should run this pmwiz: by name when that name
// finds this very binary on $PATH (it survives upgrades), else by its
// absolute path.
func driverCommand() string {
	self, err := os.Executable()
	if err != nil {
		return "pmwiz"
	}
	if onPath, err := exec.LookPath("pmwiz"); err == nil && sameFile(onPath, self) {
		return "pmwiz"
	}
	return shellQuote(self)
}

// gitOutput runs git in dir and returns its trimmed output, or an error
// holding what git said.
func gitOutput(dir string, args ...string) (string, error) {
	c := exec.Command("git", args...)
	c.Dir = dir
	var stdout, stderr bytes.Buffer
	c.Stdout, c.Stderr = &stdout, &stderr
	if err := c.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", errors.New(msg)
		}
		return "", err
	}
	return strings.TrimSpace(stdout.String()), nil
}
