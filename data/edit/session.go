package edit

import (
	"bytes"
	"errors"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Session is the editing of one corpus file: the bytes it was read with,
// the bytes it holds now, and every state before and after for undo and
// redo. Each edit is a whole new version of the file's bytes, made by Add,
// Remove or Retopic, so an undo gives back exactly what was there.
type Session struct {
	read    []byte   // the file as read (or as last saved)
	now     []byte   // the file as edited
	undo    [][]byte // earlier versions, the last most recent
	redo    [][]byte
	changes []string // what each version in undo led to, for the menu
	redoing []string
	// The corpora the latest versions stand for (Keep), so an undo or redo
	// shows one without loading the file's bytes again; a few, since each
	// is a whole corpus in memory.
	kept []keptCorpus
}

type keptCorpus struct {
	raw    []byte
	corpus *data.Corpus
}

// keptCorpora bounds how many corpora a session keeps for undo and redo.
const keptCorpora = 4

// Keep records that the file's bytes raw stand for the corpus c (the one
// shown after an edit), for Corpus to give back after an undo or redo.
func (s *Session) Keep(raw []byte, c *data.Corpus) {
	for _, k := range s.kept {
		if sameBytes(k.raw, raw) {
			return
		}
	}
	s.kept = append(s.kept, keptCorpus{raw, c})
	if len(s.kept) > keptCorpora {
		s.kept = s.kept[1:]
	}
}

// Corpus is the corpus kept for the file as edited now, or nil when none
// is: the caller loads the bytes.
func (s *Session) Corpus() *data.Corpus {
	for _, k := range s.kept {
		if sameBytes(k.raw, s.now) {
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

// NewSession starts editing a file read as raw.
func NewSession(raw []byte) *Session { return &Session{read: raw, now: raw} }

// Saved is the file as read, or as last saved.
func (s *Session) Saved() []byte { return s.read }

// Bytes is the file as edited.
func (s *Session) Bytes() []byte { return s.now }

// Dirty reports whether the edits differ from the file as read or saved.
func (s *Session) Dirty() bool { return !bytes.Equal(s.now, s.read) }

// Apply makes an edit, described for the Undo menu, with one of Add,
// Remove and Retopic (or any function of the file's bytes); redo is
// forgotten.
func (s *Session) Apply(what string, edit func([]byte) ([]byte, error)) error {
	out, err := edit(s.now)
	if err != nil {
		return err
	}
	s.undo, s.changes = append(s.undo, s.now), append(s.changes, what)
	s.redo, s.redoing = nil, nil
	s.now = out
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

// Snapshot is what a save in the background writes: the file as read and
// as edited, at one moment.
type Snapshot struct{ Read, Now []byte }

// Snapshot takes the session's bytes for a save.
func (s *Session) Snapshot() Snapshot { return Snapshot{Read: s.read, Now: s.now} }

// MarkSaved records that the snapshot's edits were written: they are what was
// read now (edits made since stay unsaved).
func (s *Session) MarkSaved(snap Snapshot) { s.read = snap.Now }

// ErrChangedOnDisk is a save's error when the file is no longer what was
// read: another program (an editor, a git pull) changed it.
var ErrChangedOnDisk = errors.New("the corpus file changed on disk since it was read; nothing was written")
