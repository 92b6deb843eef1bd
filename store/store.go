package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/adrg/xdg"
)

// EnvDraftsDir names the environment variable that moves the drafts
// directory when no --drafts-dir flag is given.
const EnvDraftsDir = "PMWIZ_DRAFTS_DIR"

// Store is one drafts directory.
type Store struct {
	dir string // absolute and clean
	fs  FS
	now func() time.Time

	locks sync.Map // lock file path → *Lock this process holds
}

// Option changes how Open builds a Store.
type Option func(*Store)

// WithFS makes the store write through fsys; tests use it to inject faults.
func WithFS(fsys FS) Option { return func(s *Store) { s.fs = fsys } }

// WithClock gives the store its notion of now (temp-file ages, trash names).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// DefaultDir decides where drafts live: the --drafts-dir flag when given,
// else $PMWIZ_DRAFTS_DIR, else $XDG_DATA_HOME/pmwiz/drafts (on Linux
// usually ~/.local/share/pmwiz/drafts).
func DefaultDir(flagValue string) (string, error) {
	dir := flagValue
	if dir == "" {
		dir = os.Getenv(EnvDraftsDir)
	}
	if dir == "" {
		// The XDG spec says a relative XDG_DATA_HOME is invalid and must be
		// ignored; xdg.DataHome already holds the platform default.
		base := os.Getenv("XDG_DATA_HOME")
		if base == "" || !filepath.IsAbs(base) {
			base = xdg.DataHome
		}
		if base == "" {
			return "", errors.New("cannot tell where to keep drafts: set $HOME, $XDG_DATA_HOME or " + EnvDraftsDir + ", or pass --drafts-dir")
		}
		dir = filepath.Join(base, "pmwiz", "drafts")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("drafts directory %q: %w", dir, err)
	}
	return abs, nil
}

// Open opens the drafts directory dir, creating it (and its parents) with
// mode 0700 if it is missing: post-mortems hold sensitive detail.
func Open(dir string, opts ...Option) (*Store, error) {
	if dir == "" {
		return nil, errors.New("drafts directory: empty path")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("drafts directory %q: %w", dir, err)
	}
	s := &Store{dir: abs, fs: OSFS{}, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	if err := s.ensureDir(); err != nil {
		return nil, err
	}
	return s, nil
}

// Dir is the drafts directory, absolute.
func (s *Store) Dir() string { return s.dir }

// ensureDir creates the drafts directory when it is missing, which can
// also happen while the wizard runs (someone removed it): a save then
// recreates it rather than losing the draft.
func (s *Store) ensureDir() error {
	fi, err := os.Stat(s.dir)
	switch {
	case err == nil && fi.IsDir():
		return nil
	case err == nil:
		return fmt.Errorf("drafts directory %s is a file, not a directory: move it away or pass --drafts-dir", s.dir)
	case !errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("drafts directory %s: %w (check who owns it and its mode, or pass --drafts-dir to use another place)", s.dir, err)
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return fmt.Errorf("cannot create the drafts directory %s: %w (pass --drafts-dir or set %s to use another place)", s.dir, err, EnvDraftsDir)
	}
	// MkdirAll's mode passes through the umask; make sure it is exactly
	// 0700 whatever the umask is.
	if err := os.Chmod(s.dir, 0o700); err != nil {
		return fmt.Errorf("cannot make the drafts directory %s private (mode 700): %w (check who owns it, or pass --drafts-dir to use another place)", s.dir, err)
	}
	return nil
}
