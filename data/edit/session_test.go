package edit

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/alliance-timeline/alliance-timeline/data"
)

func TestSessionUndoRedoAndSave(t *testing.T) {
	raw := []byte("annotations:\n  - {source: s1, topic: space, quote: a}\n")
	s := NewSession(raw)
	add := func(b []byte) ([]byte, error) { return Add(b, newOne) }
	if s.Dirty() || s.Undo() != "" || s.Redo() != "" {
		t.Fatal("a new session is dirty or has history")
	}
	if err := s.Apply("code “it's in space”", add); err != nil {
		t.Fatal(err)
	}
	one := s.Bytes()
	if !s.Dirty() || s.CanUndo() != "code “it's in space”" {
		t.Fatalf("after an edit: dirty %v, undo %q", s.Dirty(), s.CanUndo())
	}
	if err := s.Apply("retopic", func(b []byte) ([]byte, error) { return Retopic(b, 3, "cyber") }); err != nil {
		t.Fatal(err)
	}
	two := s.Bytes()
	if err := s.Apply("a failing edit", func(b []byte) ([]byte, error) { return nil, errors.New("no") }); err == nil || string(s.Bytes()) != string(two) {
		t.Fatal("a failed edit changed the session")
	}
	for _, step := range []struct {
		do   func() string
		want string
	}{{s.Undo, string(one)}, {s.Undo, string(raw)}, {s.Undo, string(raw)}, {s.Redo, string(one)}, {s.Redo, string(two)}, {s.Redo, string(two)}} {
		step.do()
		if string(s.Bytes()) != step.want {
			t.Fatalf("history: got\n%s\nwant\n%s", s.Bytes(), step.want)
		}
	}
	s.Undo()
	if err := s.Apply("again", add); err != nil || s.CanRedo() != "" {
		t.Fatal("a new edit kept the redo history")
	}
	snap := s.Snapshot()
	if string(snap.Read) != string(raw) || string(snap.Now) != string(s.Bytes()) {
		t.Fatal("the snapshot is not the session")
	}
	s.MarkSaved(snap, snap.Changed()...)
	if s.Dirty() || string(s.Saved()) != string(snap.Now) {
		t.Fatal("saved, the session is still dirty")
	}
	if err := s.Apply("after the save", add); err != nil || !s.Dirty() {
		t.Fatal("an edit after a save is not unsaved")
	}
}

func TestJournalKeepsUnsavedEdits(t *testing.T) {
	j := Journal{Dir: filepath.Join(t.TempDir(), "journal")}
	base, edited := []byte("a: 1\n"), []byte("a: 1\nb: 2\r\n\x00binary\n")
	if _, ok := j.Read("/x/c.yaml"); ok {
		t.Fatal("an entry before any was written")
	}
	if err := j.Write("/x/c.yaml", base, edited); err != nil {
		t.Fatal(err)
	}
	e, ok := j.Read("/x/c.yaml")
	if !ok || string(e.Bytes) != string(edited) || e.Base != sha256.Sum256(base) || time.Since(e.Written) > time.Minute {
		t.Fatalf("read back %+v %v", e, ok)
	}
	if _, ok := j.Read("/x/other.yaml"); ok {
		t.Error("another corpus' entry")
	}
	os.WriteFile(j.path("/x/c.yaml"), []byte("damaged"), 0o600)
	if _, ok := j.Read("/x/c.yaml"); ok {
		t.Error("a damaged entry was read")
	}
	if err := j.Drop("/x/c.yaml"); err != nil || j.Drop("/x/c.yaml") != nil {
		t.Fatal("drop")
	}
	if _, ok := j.Read("/x/c.yaml"); ok {
		t.Error("dropped, still there")
	}
}

// The corpora kept for the latest versions come back with their bytes
// after an undo or redo; older ones are let go, and bytes never kept give
// none.
func TestSessionKeepsTheLatestCorpora(t *testing.T) {
	raw := []byte("annotations:\n  - {source: s1, topic: space, quote: a}\n")
	s := NewSession(raw)
	corpora := []*data.Corpus{{Title: "as read"}}
	s.Keep(s.Snapshot(), corpora[0])
	for i := 1; i <= keptCorpora+1; i++ {
		if err := s.Apply("add", func(b []byte) ([]byte, error) { return Add(b, newOne) }); err != nil {
			t.Fatal(err)
		}
		corpora = append(corpora, &data.Corpus{Title: fmt.Sprint("edit ", i)})
		s.Keep(s.Snapshot(), corpora[i])
	}
	if s.Corpus() != corpora[keptCorpora+1] {
		t.Fatal("the corpus of the latest version is not kept")
	}
	s.Undo()
	if s.Corpus() != corpora[keptCorpora] {
		t.Errorf("after an undo: %v", s.Corpus())
	}
	for range keptCorpora {
		s.Undo()
	}
	if s.Corpus() != nil {
		t.Errorf("the corpus as read is still kept after %d later ones: %v", keptCorpora, s.Corpus())
	}
	s.Redo()
	s.Redo()
	if s.Corpus() != corpora[2] {
		t.Errorf("after redo: %v", s.Corpus())
	}
}

// A coder's annotation file is edited beside the corpus file: each edit
// is one file's, an undo gives both files back as they were, and a save
// of some files leaves the others unsaved.
func TestSessionOfSeveralFiles(t *testing.T) {
	corpus := []byte("corpus: {title: T, format: 1}\n")
	alice := []byte("coder: alice\nannotations:\n  - {source: s1, topic: space, quote: a}\n")
	s := NewSession(corpus)
	if s.Has("coding/alice.yaml") || s.ApplyTo("coding/alice.yaml", "x", func(b []byte) ([]byte, error) { return b, nil }) == nil {
		t.Fatal("a file never opened is edited")
	}
	if err := s.Apply("topic", func(b []byte) ([]byte, error) { return append(b, "# topic\n"...), nil }); err != nil {
		t.Fatal(err)
	}
	s.Open("coding/alice.yaml", alice)
	if err := s.ApplyTo("coding/alice.yaml", "add", func(b []byte) ([]byte, error) { return Add(b, newOne) }); err != nil {
		t.Fatal(err)
	}
	if got := s.DirtyFiles(); !slices.Equal(got, []string{"", "coding/alice.yaml"}) {
		t.Errorf("dirty files %q", got)
	}
	if !strings.Contains(string(s.Edited()["coding/alice.yaml"]), "quote: 'it''s in space'") || !bytes.Equal(s.SavedOf("coding/alice.yaml"), alice) {
		t.Errorf("alice's file as edited:\n%s", s.BytesOf("coding/alice.yaml"))
	}
	s.Undo()
	if !bytes.Equal(s.BytesOf("coding/alice.yaml"), alice) || !strings.HasSuffix(string(s.Bytes()), "# topic\n") {
		t.Error("the undo of alice's edit is not alice's file as read, the corpus file as edited")
	}
	s.Undo()
	if s.Dirty() {
		t.Error("both undone, still dirty")
	}
	s.Redo()
	s.Redo()
	snap := s.Snapshot()
	if got := snap.Changed(); !slices.Equal(got, []string{"", "coding/alice.yaml"}) {
		t.Errorf("changed %q", got)
	}
	s.MarkSaved(snap, "coding/alice.yaml")
	if got := s.DirtyFiles(); !slices.Equal(got, []string{""}) {
		t.Errorf("after saving alice's file, dirty: %q", got)
	}
}
