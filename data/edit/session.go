package edit

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Session is the editing of a corpus: its corpus file and the coders'
// annotation files an edit has touched, each with the bytes it was read
// with and the bytes it holds now, and every state before and after for
// undo and redo. Each edit is a whole new version of one file's bytes,
// made by Add, Remove or Retopic, so an undo gives back exactly what was
// there. Files are named as Annotation.File names them: "" is the corpus
// file.
type Session struct {
	read    files   // each file as read (or as last saved)
	now     files   // each file as edited
	undo    []files // earlier versions, the last most recent
	redo    []files
	changes []string // what each version in undo led to, for the menu
	redoing []string
	// The corpora the latest versions stand for (Keep), so an undo or redo
	// shows one without loading the file's bytes again; a few, since each
	// is a whole corpus in memory.
	kept []keptCorpus
}

// files are the bytes of each file of a session, by name. A version
// shares the bytes of the files an edit left alone.
type files map[string][]byte

func (f files) with(name string, raw []byte) files {
	n := make(files, len(f)+1)
	for k, v := range f {
		n[k] = v
	}
	n[name] = raw
	return n
}

// names lists the files, the corpus file ("") first, the others by name.
func (f files) names() []string {
	out := make([]string, 0, len(f))
	for name := range f {
		if name != "" {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	if _, ok := f[""]; ok {
		out = append([]string{""}, out...)
	}
	return out
}

// coders is the annotation files of a version, by name: what a load of
// the edits reads instead of those files on disk.
func (f files) coders() map[string][]byte {
	out := map[string][]byte{}
	for name, raw := range f {
		if name != "" {
			out[name] = raw
		}
	}
	return out
}

// changed lists the files of now that differ from read, as names orders
// them.
func changed(read, now files) []string {
	var out []string
	for _, name := range now.names() {
		if !bytes.Equal(now[name], read[name]) {
			out = append(out, name)
		}
	}
	return out
}

// same reports whether two versions hold the same bytes in every file.
func (f files) same(g files) bool {
	if len(f) != len(g) {
		return false
	}
	for k, v := range f {
		if w, ok := g[k]; !ok || !sameBytes(v, w) {
			return false
		}
	}
	return true
}

type keptCorpus struct {
	version files
	corpus  *data.Corpus
}

// keptCorpora bounds how many corpora a session keeps for undo and redo.
const keptCorpora = 4

// Keep records that the files as a snapshot holds them edited stand for
// the corpus c (the one shown after an edit), for Corpus to give back
// after an undo or redo.
func (s *Session) Keep(snap Snapshot, c *data.Corpus) {
	for _, k := range s.kept {
		if k.version.same(snap.now) {
			return
		}
	}
	s.kept = append(s.kept, keptCorpus{snap.now, c})
	if len(s.kept) > keptCorpora {
		s.kept = s.kept[1:]
	}
}

// Corpus is the corpus kept for the files as edited now, or nil when none
// is: the caller loads the bytes.
func (s *Session) Corpus() *data.Corpus {
	for _, k := range s.kept {
		if k.version.same(s.now) {
			return k.corpus
		}
	}
	return nil
}

// sameBytes reports whether a and b are one version: the same slice, or
// equal bytes.
func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	return len(a) == 0 || &a[0] == &b[0] || bytes.Equal(a, b)
}

// NewSession starts editing a corpus whose corpus file was read as raw.
func NewSession(raw []byte) *Session {
	return &Session{read: files{"": raw}, now: files{"": raw}}
}

// Open adds a file read as raw to the session, before its first edit; a
// file the session holds already is left as it is.
func (s *Session) Open(name string, raw []byte) {
	if _, ok := s.now[name]; ok {
		return
	}
	s.read = s.read.with(name, raw)
	s.now = s.now.with(name, raw)
	for i := range s.undo {
		s.undo[i] = s.undo[i].with(name, raw)
	}
	for i := range s.redo {
		s.redo[i] = s.redo[i].with(name, raw)
	}
}

// Has reports whether the session holds a file.
func (s *Session) Has(name string) bool { _, ok := s.now[name]; return ok }

// Saved is the corpus file as read, or as last saved.
func (s *Session) Saved() []byte { return s.read[""] }

// Bytes is the corpus file as edited.
func (s *Session) Bytes() []byte { return s.now[""] }

// BytesOf is a file as edited (nil for a file the session does not hold).
func (s *Session) BytesOf(name string) []byte { return s.now[name] }

// SavedOf is a file as read or last saved.
func (s *Session) SavedOf(name string) []byte { return s.read[name] }

// Files lists the files the session holds: the corpus file ("") first,
// then the others by name.
func (s *Session) Files() []string { return s.now.names() }

// Edited is the annotation files as edited, by name: what a load of the
// edits reads instead of those files on disk.
func (s *Session) Edited() map[string][]byte { return s.now.coders() }

// Dirty reports whether the edits differ from the files as read or saved.
func (s *Session) Dirty() bool { return len(s.DirtyFiles()) > 0 }

// DirtyFiles lists the files whose edits are not saved, as Files orders
// them.
func (s *Session) DirtyFiles() []string { return changed(s.read, s.now) }

// Apply makes an edit of the corpus file, described for the Undo menu,
// with one of Add, Remove and Retopic (or any function of the file's
// bytes); redo is forgotten.
func (s *Session) Apply(what string, edit func([]byte) ([]byte, error)) error {
	return s.ApplyTo("", what, edit)
}

// ApplyTo is Apply on a file the session holds (Open).
func (s *Session) ApplyTo(name, what string, edit func([]byte) ([]byte, error)) error {
	raw, ok := s.now[name]
	if !ok {
		return fmt.Errorf("the session does not hold %s", name)
	}
	out, err := edit(raw)
	if err != nil {
		return err
	}
	s.undo, s.changes = append(s.undo, s.now), append(s.changes, what)
	s.redo, s.redoing = nil, nil
	s.now = s.now.with(name, out)
	return nil
}

// Undo goes back one edit, and reports what it undid ("" for nothing).
func (s *Session) Undo() string {
	n := len(s.undo)
	if n == 0 {
		return ""
	}
	what := s.changes[n-1]
	s.redo, s.redoing = append(s.redo, s.now), append(s.redoing, what)
	s.now, s.undo, s.changes = s.undo[n-1], s.undo[:n-1], s.changes[:n-1]
	return what
}

// Redo makes the last undone edit again, and reports it ("" for nothing).
func (s *Session) Redo() string {
	n := len(s.redo)
	if n == 0 {
		return ""
	}
	what := s.redoing[n-1]
	s.undo, s.changes = append(s.undo, s.now), append(s.changes, what)
	s.now, s.redo, s.redoing = s.redo[n-1], s.redo[:n-1], s.redoing[:n-1]
	return what
}

// CanUndo and CanRedo say what the next Undo and Redo would do ("" for
// nothing).
func (s *Session) CanUndo() string { return last(s.changes) }

// CanRedo says what the next Redo would do ("" for nothing).
func (s *Session) CanRedo() string { return last(s.redoing) }

func last(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[len(list)-1]
}

// Snapshot is what a save in the background writes: the files as read and
// as edited, at one moment. Read and Now are the corpus file's.
type Snapshot struct {
	Read, Now []byte
	read, now files
}

// Snapshot takes the session's bytes for a save.
func (s *Session) Snapshot() Snapshot {
	return Snapshot{Read: s.read[""], Now: s.now[""], read: s.read, now: s.now}
}

// Changed lists the snapshot's files whose edits are unsaved, the corpus
// file ("") first.
func (snap Snapshot) Changed() []string { return changed(snap.read, snap.now) }

// Files lists the snapshot's files, the corpus file ("") first.
func (snap Snapshot) Files() []string { return snap.now.names() }

// File is one file of the snapshot, as read and as edited.
func (snap Snapshot) File(name string) (read, now []byte) { return snap.read[name], snap.now[name] }

// Edited is the snapshot's annotation files as edited, as Session.Edited.
func (snap Snapshot) Edited() map[string][]byte { return snap.now.coders() }

// MarkSaved records that the snapshot's edits of the files named were
// written: they are what was read now (edits made since stay unsaved).
func (s *Session) MarkSaved(snap Snapshot, names ...string) {
	for _, name := range names {
		if raw, ok := snap.now[name]; ok {
			s.read = s.read.with(name, raw)
		}
	}
}

// ErrChangedOnDisk is a save's error when the file is no longer what was
// read: another program (an editor, a git pull) changed it.
var ErrChangedOnDisk = errors.New("the corpus file changed on disk since it was read; nothing was written")

// FileChangedError is a save's error when a coder's annotation file is no
// longer what was read; it is an ErrChangedOnDisk.
type FileChangedError struct{ File string }

func (e *FileChangedError) Error() string {
	return e.File + " changed on disk since it was read; nothing was written"
}

// Unwrap makes the error an ErrChangedOnDisk.
func (e *FileChangedError) Unwrap() error { return ErrChangedOnDisk }
