package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmwiz/pmwiz/export"
	"github.com/pmwiz/pmwiz/model"
	"github.com/pmwiz/pmwiz/store"
	"github.com/pmwiz/pmwiz/tui"
)

// accessibleFlag runs the wizard as plain line prompts (also ACCESSIBLE=1).
const accessibleFlag = "accessible"

// addWizardFlags adds the flags every command that opens the wizard takes.
func addWizardFlags(root *cobra.Command) {
	root.PersistentFlags().Bool(accessibleFlag, false, "ask the steps as plain line prompts, for screen readers (also ACCESSIBLE=1)")
}

// openWizard opens the wizard on a draft; readOnly when the lock is held
// elsewhere (or --read-only). name is the draft's name or path, as
// store.Resolve takes it. The caller holds the draft's lock unless
// readOnly. Every way out saves first, then says where the draft is and
// how to come back to it.
func openWizard(cmd *cobra.Command, s *store.Store, name string, readOnly bool) error {
	return openWizardOn(cmd, s, name, readOnly, nil)
}

// openWizardOn is openWizard; created is the draft as Create made it when
// this session started it (nil for one resumed), so that on the way out
// it is named after its title, or not kept when nothing was written.
func openWizardOn(cmd *cobra.Command, s *store.Store, name string, readOnly bool, created *model.Draft) error {
	l, err := s.Load(name)
	if err != nil {
		return exitCode(2, "%v", err)
	}
	opts := tui.Options{
		Name:     l.Name,
		Path:     l.Path,
		ReadOnly: readOnly,
		NoColor:  os.Getenv("NO_COLOR") != "",
		// Without a terminal on both ends the full-screen wizard cannot
		// run: the same steps are asked as line prompts instead.
		Accessible: accessible(cmd) || !interactive(cmd),
		Input:      cmd.InOrStdin(),
		Output:     cmd.OutOrStdout(),
		Notice:     l.Warning(),
	}
	if readOnly {
		opts.ReadOnlyReason = lockReason(s, l.Path)
	}
	// ctrl+w in the wizard writes NAME.md in the working directory, with
	// the same care as `pmwiz export -o`: never over a file pmwiz did not
	// write, or one edited since.
	opts.Export = func(d *model.Draft) (string, error) {
		md, err := export.Markdown(d, export.Options{})
		if err != nil {
			return "", err
		}
		path, err := filepath.Abs(l.Name + ".md")
		if err != nil {
			return "", err
		}
		return path, writeExport(path, md, false, l.Path)
	}
	var saver *store.Autosaver
	if !readOnly {
		saver = store.NewAutosaver(s, l.Path, store.AutosaveOptions{Base: l})
		opts.Saver = saver
	}
	final, runErr := tui.Run(cmd.Context(), l.Draft, opts)
	var closeErr error
	if saver != nil {
		closeErr = saver.Close()
	}

	out := cmd.OutOrStdout()
	var conflict *store.ConflictError
	if saver != nil {
		conflict = saver.Diverged()
	}
	if created != nil && !readOnly && closeErr == nil && runErr == nil && conflict == nil {
		if kept := settleNewDraft(cmd, s, l, final, created); !kept {
			return nil
		}
	}
	switch {
	case readOnly:
		fmt.Fprintf(out, "Draft (read-only, not changed): %s\n", l.Path)
	case conflict != nil && closeErr == nil:
		// The draft changed on disk under us: both versions are kept.
		fmt.Fprintf(out, "Saved your version: %s\n%s changed on disk (%s) and holds the other version; nothing was saved over it.\n",
			conflict.Copy, l.Path, conflict.Reason)
		yours := conflict.CopyName()
		if filepath.Dir(conflict.Copy) != s.Dir() {
			yours = conflict.Copy
		}
		fmt.Fprintf(out, "Resume yours with: pmwiz resume %s\nThe other version: pmwiz resume %s\n", shellQuote(yours), resumeRef(s, l))
	case closeErr == nil:
		fmt.Fprintf(out, "Saved: %s\n", l.Path)
	}
	if conflict == nil {
		fmt.Fprintf(out, "Resume it with: pmwiz resume %s\n", resumeRef(s, l))
	}

	var sig *tui.SignalError
	switch {
	case errors.As(runErr, &sig):
		return exitCode(sig.ExitCode(), "%v", sig)
	case runErr != nil:
		return exitCode(2, "%v", runErr)
	case closeErr != nil:
		return exitCode(2, "the last save of %s failed: %v", l.Path, closeErr)
	}
	return nil
}

// accessible is --accessible, or ACCESSIBLE set to a true value.
func accessible(cmd *cobra.Command) bool {
	if f := cmd.Flags().Lookup(accessibleFlag); f != nil && f.Changed {
		v, _ := strconv.ParseBool(f.Value.String())
		return v
	}
	v, err := strconv.ParseBool(os.Getenv("ACCESSIBLE"))
	return err == nil && v
}

// lockReason says why a draft opened read-only, for the wizard's banner.
func lockReason(s *store.Store, path string) string {
	lock, err := s.Lock(path)
	var le *store.LockedError
	switch {
	case errors.As(err, &le):
		return le.Error()
	case err == nil:
		_ = lock.Unlock()
		return "opened with --read-only"
	}
	return "the draft could not be locked: " + err.Error()
}

// resumeRef is the shortest argument that reopens l.
// A name is enough only when a plain `pmwiz resume` would look in the same
// directory: after --drafts-dir, the name alone would open nothing, so the
// path is given instead (quoted for the shell when it needs it).
func resumeRef(s *store.Store, l *store.Loaded) string {
	if p, err := s.Resolve(l.Name); err == nil && p == l.Path {
		if def, err := unflaggedDraftsDir(); err == nil && def == s.Dir() {
			return l.Name
		}
	}
	return shellQuote(l.Path)
}

// shellQuote quotes s for a POSIX shell when it holds anything but plain
// path characters, so a printed command can be pasted as it is.
func shellQuote(s string) string {
	plain := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+:,@%=", r)) {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
