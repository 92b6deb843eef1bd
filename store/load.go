package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pmwiz/pmwiz/model"
)

// Loaded is a draft read from disk.
type Loaded struct {
	Name    string // the draft's name: its file name without .json
	Path    string // absolute path of the file
	Draft   *model.Draft
	ModTime time.Time // when the file was last written
	Size    int64

	// InvalidUTF8 names the fields whose text held bytes that are not
	// UTF-8, left out on reading (see model.InvalidUTF8Fields).
	InvalidUTF8 []string

	id fileID // the file's identity when read, to tell if it changes
}

// Warning is what a person should know about how the draft was read
// (bytes that are not UTF-8 left out), or "".
func (l *Loaded) Warning() string {
	if len(l.InvalidUTF8) == 0 {
		return ""
	}
	fields := l.InvalidUTF8
	more := ""
	if len(fields) > 5 {
		fields, more = fields[:5], fmt.Sprintf(" and %d more", len(l.InvalidUTF8)-5)
	}
	which := "those fields"
	if len(l.InvalidUTF8) == 1 {
		which = "that field"
	}
	return fmt.Sprintf("%s held bytes that are not UTF-8 (text saved in another encoding?); pmwiz left them out: check %s",
		strings.Join(fields, ", ")+more, which)
}

// LoadError is a draft that could not be read. The file is left exactly
// as it was; Hint says what the user can do, and Backup is set when
// NAME.json.bak holds a good draft to fall back on.
type LoadError struct {
	Name string
	Path string
	Err  error  // *model.SyntaxError, *model.SchemaError, *model.DecodeError, a size or an I/O error
	Hint string // what to do, for a person
	// Partial is what could be read when only some fields have the wrong
	// type (Err is a *model.DecodeError). The bad values are kept raw in
	// it, so saving it would not lose them.
	Partial *model.Draft
	Backup  *Loaded // a good NAME.json.bak, or nil

	ref string // what to type to name this draft again
}

func (e *LoadError) Error() string {
	msg := e.Path + ": " + e.Err.Error()
	if e.Hint != "" {
		msg += "\n" + e.Hint
	}
	if e.Backup != nil {
		msg += fmt.Sprintf("\nThe previous version, %s (saved %s), is good: pmwiz resume --from-backup %s",
			e.Backup.Path, e.Backup.ModTime.Format("2006-01-02 15:04"), e.refArg())
	}
	return msg
}

// Short is the error in one line, for a list.
func (e *LoadError) Short() string {
	var se *model.SyntaxError
	switch {
	case errors.As(e.Err, &se):
		return "not valid JSON: " + se.Error()
	}
	return e.Err.Error()
}

func (e *LoadError) Unwrap() error { return e.Err }

func (e *LoadError) refArg() string {
	if e.ref != "" {
		return e.ref
	}
	return strings.TrimSuffix(e.Path, ".bak")
}

// Load reads the draft ref. It never modifies the file it reads, whatever
// is wrong with it. On failure the error is a *LoadError (or a plain error
// when ref itself is wrong or the draft does not exist).
func (s *Store) Load(ref string) (*Loaded, error) {
	r, err := s.locate(ref)
	if err != nil {
		return nil, err
	}
	if _, err := os.Lstat(r.path); errors.Is(err, fs.ErrNotExist) {
		return nil, s.notFound(ref, r, err)
	}
	l, lerr := s.loadFile(r, r.path, model.Decode)
	if lerr == nil {
		return l, nil
	}
	if b, err := s.loadFile(r, r.bakPath(), model.Decode); err == nil {
		lerr.Backup = b
	}
	return nil, lerr
}

// loadFile reads one file (the draft or its .bak) as a draft.
func (s *Store) loadFile(r draftRef, path string, decode func([]byte) (*model.Draft, error)) (*Loaded, *LoadError) {
	fail := func(err error, hint string) (*Loaded, *LoadError) {
		ref := r.path
		if r.inDir {
			ref = r.name
		}
		return nil, &LoadError{Name: r.name, Path: path, Err: err, Hint: hint, ref: ref}
	}
	f, fi := s.openAsListed(r, path)
	if f == nil {
		var lerr *LoadError
		if f, fi, lerr = s.openDraftFile(r, path, fail); lerr != nil {
			return nil, lerr
		}
	}
	defer f.Close()
	if fi.Size() > MaxDraftSize {
		return fail(fmt.Errorf("the file is %.1f MB, over the %d MB a draft may hold", float64(fi.Size())/(1<<20), MaxDraftSize>>20),
			"pmwiz never writes drafts this big: this is not a pmwiz draft, or something appended to it. The file is left as it is.")
	}
	// Sized from the file, so the bytes are read into one buffer instead
	// of one that doubles a dozen times (a tenth of a cold listing's
	// reading); still bounded, should the file grow meanwhile.
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(f, MaxDraftSize+1))
	data := buf.Bytes()
	if err != nil {
		return fail(fmt.Errorf("cannot read: %w", err), "")
	}
	if len(data) > MaxDraftSize { // grew while we read it
		return fail(fmt.Errorf("the file is over the %d MB a draft may hold", MaxDraftSize>>20), "The file is left as it is.")
	}
	d, err := decode(data)
	if err != nil {
		_, le := fail(err, decodeHint(err))
		var de *model.DecodeError
		if errors.As(err, &de) {
			le.Partial = d
		}
		return nil, le
	}
	return &Loaded{Name: r.name, Path: path, Draft: d, ModTime: fi.ModTime(), Size: fi.Size(), id: fileIDOf(fi),
		InvalidUTF8: model.InvalidUTF8Fields(data)}, nil
}

// openDraftFile opens path for loadFile, refusing a link that leads out
// of the drafts directory and anything that is not a regular file.
func (s *Store) openDraftFile(r draftRef, path string, fail func(error, string) (*Loaded, *LoadError)) (fs.File, os.FileInfo, *LoadError) {
	failed := func(err error, hint string) (fs.File, os.FileInfo, *LoadError) {
		_, le := fail(err, hint)
		return nil, nil, le
	}
	if err := s.checkInside(r.inDir, path); err != nil {
		return failed(err, "")
	}
	// Before opening: opening a device can do things, and a named pipe
	// would wait for a writer ("pmwiz list" hung on a FIFO left in the
	// drafts directory; the open does not wait either, see readOpenFlags).
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return failed(notRegular(fi.Mode()), notRegularHint)
	}
	f, err := s.fs.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrPermission):
			return failed(errors.New("permission denied"), "Check the file's owner and mode: drafts are yours, mode 600 (chmod 600 "+path+").")
		case errors.Is(err, fs.ErrNotExist):
			return failed(errors.New("no such file"), "")
		}
		return failed(err, "")
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return failed(err, "")
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return failed(notRegular(fi.Mode()), notRegularHint)
	}
	return f, fi, nil
}

// openAsListed opens a draft that List saw as a regular file (not a
// link) without looking at it again first: the lstat and stat that
// openDraftFile makes before opening ask what List's lstat already
// answered, two system calls per draft. The file is used only if it is
// still the very file List saw; otherwise (it was replaced meanwhile, by
// a link, a pipe or a new save) it is closed unread and nil returned,
// for openDraftFile to check it from the start.
func (s *Store) openAsListed(r draftRef, path string) (fs.File, os.FileInfo) {
	if r.listed == nil || path != r.path || !r.listed.Mode().IsRegular() {
		return nil, nil
	}
	f, err := s.fs.Open(path)
	if err != nil {
		return nil, nil
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || !os.SameFile(fi, r.listed) {
		f.Close()
		return nil, nil
	}
	return f, fi
}

func decodeHint(err error) string {
	var (
		syn *model.SyntaxError
		sch *model.SchemaError
		dec *model.DecodeError
	)
	switch {
	case errors.As(err, &syn):
		return "The file is not valid JSON and is left as it is: fix it at that line in an editor."
	case errors.As(err, &sch) && sch.Found > model.SchemaVersion:
		return "The file is left as it is: open it with the newer pmwiz that wrote it, or upgrade this one."
	case errors.As(err, &sch):
		return "The file is left as it is: add the schema number it was written in, or fix it in an editor."
	case errors.As(err, &dec):
		return "The file is left as it is: fix those fields in an editor (see docs/draft-format.md)."
	}
	return ""
}

const notRegularHint = "A draft is a regular .json file: pass one, or move this out of the drafts directory."

// notRegular says what a file that is not a draft file is, in words.
func notRegular(m fs.FileMode) error {
	switch {
	case m.IsDir():
		return errors.New("a directory, not a draft file")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("a named pipe (FIFO), not a draft file")
	case m&fs.ModeSocket != 0:
		return errors.New("a socket, not a draft file")
	case m&fs.ModeDevice != 0:
		return errors.New("a device, not a draft file")
	}
	return fmt.Errorf("not a regular file (%s)", m.Type())
}

// LoadBackup reads a backup file, NAME.json.bak, by its path, for
// commands that only read (score, export, preview): "pmwiz score
// x.json.bak" reads that file rather than looking for a draft named
// "x.json.bak". To make a backup the draft again, see RestoreBackup.
func (s *Store) LoadBackup(path string) (*Loaded, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !strings.HasSuffix(abs, ".json.bak") {
		return nil, fmt.Errorf("%s: a backup's name ends in .json.bak", path)
	}
	if _, err := os.Lstat(abs); err != nil {
		return nil, fmt.Errorf("%s: no such file: check the path, or run \"pmwiz list\" to see the drafts in %s", abs, s.dir)
	}
	draft := strings.TrimSuffix(abs, ".bak")
	r := draftRef{name: strings.TrimSuffix(filepath.Base(draft), ".json"), path: draft, inDir: filepath.Dir(abs) == s.dir}
	l, lerr := s.loadFile(r, abs, model.Decode)
	if lerr != nil {
		return nil, lerr
	}
	return l, nil
}
