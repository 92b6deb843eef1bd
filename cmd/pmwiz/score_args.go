package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// maxScoreFiles bounds what one pmwiz score reads: a directory argument
// pointed at / by mistake stops with a clear error instead of running for
// an hour.
const maxScoreFiles = 10000

// expandScoreArgs turns score's arguments into the files to score, in the
// order given, each once: a directory becomes the Markdown files under it
// (hidden folders such as .git skipped, symlinks not followed), a quoted
// glob the files it matches ("**" crosses folders), and anything else (a
// draft name, a file, "-") stays as it is.
func expandScoreArgs(args []string) ([]string, error) {
	var files []string
	seen := map[string]bool{}
	add := func(f string) error {
		if seen[f] {
			return nil
		}
		if len(files) == maxScoreFiles {
			return exitCode(2, "more than %d files to score: point pmwiz score at the folder that holds the post-mortems", maxScoreFiles)
		}
		seen[f] = true
		files = append(files, f)
		return nil
	}
	for _, arg := range args {
		if arg == stdio {
			if seen[stdio] {
				return nil, exitCode(2, "- (standard input) is given twice: it can be read only once")
			}
			if err := add(arg); err != nil {
				return nil, err
			}
			continue
		}
		info, err := os.Lstat(arg)
		switch {
		case err == nil && info.IsDir():
			found, err := markdownUnder(arg, add)
			if err != nil {
				return nil, err
			}
			if found == 0 {
				return nil, exitCode(2, "%s holds no Markdown post-mortem (.md or .markdown)", arg)
			}
		case err != nil && errors.Is(err, fs.ErrNotExist) && strings.ContainsAny(arg, "*?[{"):
			matches, err := doublestar.FilepathGlob(arg, doublestar.WithFilesOnly(), doublestar.WithNoFollow())
			if err != nil {
				return nil, exitCode(2, "%s: not a valid glob (%v)", arg, err)
			}
			if len(matches) == 0 {
				return nil, exitCode(2, "%s matches no file", arg)
			}
			slices.Sort(matches)
			for _, m := range matches {
				if inHiddenFolder(m) && !inHiddenFolder(arg) {
					continue // like a directory argument: .git and friends are not post-mortems
				}
				if err := add(m); err != nil {
					return nil, err
				}
			}
		default:
			if err := add(arg); err != nil {
				return nil, err
			}
		}
	}
	return files, nil
}

// inHiddenFolder reports a path below a folder whose name starts with a
// dot (other than . and ..).
func inHiddenFolder(path string) bool {
	parts := strings.Split(filepath.ToSlash(filepath.Dir(path)), "/")
	for _, p := range parts {
		if strings.HasPrefix(p, ".") && p != "." && p != ".." {
			return true
		}
	}
	return false
}

// markdownUnder adds every Markdown file under dir, in lexical order,
// and returns how many it found.
func markdownUnder(dir string, add func(string) error) (int, error) {
	found := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return exitCode(2, "cannot read %s: %v", path, unwrapPath(err))
		}
		if d.IsDir() {
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && isMarkdownPath(path) {
			found++
			return add(path)
		}
		return nil
	})
	return found, err
}
