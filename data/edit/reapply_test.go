package edit

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
)

// Edits made while another program changed the file are made again on the
// file as it is now: every change that still finds its place is there, the
// other program's change is kept, and what cannot be made is reported.
func TestReapplyOnAFileChangedOnDisk(t *testing.T) {
	path, err := assets.WriteCorpus(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	read := reload(t, path, raw)
	// The edits: a new topic with an annotation, a retopic, a removal, a
	// note and an exclusion.
	s := read.Source("dod-2022-11-03-repost")
	topic := NewTopic(read, "Alliance stocktaking")
	edited, _, _, err := AddTopicAt(raw, topic)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := PlaceQuote(read, Annotation{Source: s.ID, Topic: topic.ID, Quote: "a source of security in the area", Start: -1})
	if err != nil {
		t.Fatal(err)
	}
	edited = must(t)(AddAt(edited, a))
	step := reload(t, path, edited)
	edited = must2(t)(Retopic(edited, step.Annotations[3].Line, "cyber"))
	step = reload(t, path, edited)
	edited = must2(t)(SetNote(edited, step.Annotations[7].Line, "checked against the seed"))
	step = reload(t, path, edited)
	out, _, err := RemoveAt(edited, step.Annotations[5].Line)
	if err != nil {
		t.Fatal(err)
	}
	edited = out
	step = reload(t, path, edited)
	start, end, ok := uncoded(step.Source("xinhua-2012-10-25"), 3)
	if !ok {
		t.Fatal("no uncoded text")
	}
	ex, _, err := Markers(step.Source("xinhua-2012-10-25"), start, end)
	if err != nil {
		t.Fatal(err)
	}
	ex.Reason = "a test's furniture"
	edited, _, _, err = AddExclusion(edited, ex)
	if err != nil {
		t.Fatal(err)
	}
	now := reload(t, path, edited)
	changes, err := Changes(read, now)
	if err != nil || len(changes) != 6 {
		t.Fatalf("%d changes: %v", len(changes), changes)
	}
	// Meanwhile another program put a comment at the top and a blank line
	// in the middle (every annotation's line moves), and coded a passage.
	disk := strings.Replace("# changed elsewhere\n"+string(raw), "\nannotations:\n", "\n\nannotations:\n", 1)
	other, _, err := PlaceQuote(read, Annotation{Source: "afps-2012-10-24", Topic: "space", Quote: "Defense Secretary Leon E. Panetta said", Start: -1})
	if err != nil {
		t.Fatal(err)
	}
	diskBytes := must(t)(AddAt([]byte(disk), other))
	got, done, failed, err := Reapply(path, diskBytes, changes)
	if err != nil || len(failed) != 0 || len(done) != 6 {
		t.Fatalf("reapplied %d, failed %v, %v", len(done), failed, err)
	}
	c := reload(t, path, got)
	if !strings.HasPrefix(string(got), "# changed elsewhere\n") || len(c.Annotations) != len(now.Annotations)+1 {
		t.Errorf("the other program's edits are lost: %d annotations, want %d", len(c.Annotations), len(now.Annotations)+1)
	}
	if again, err := Changes(reload(t, path, diskBytes), c); err != nil || len(again) != 6 {
		t.Errorf("the result differs from the file on disk by %d changes, not the 6 edits: %v", len(again), again)
	}
	// A change whose annotation is gone on disk is reported, not forced.
	gone, _, err := RemoveAt(raw, read.Annotations[3].Line)
	if err != nil {
		t.Fatal(err)
	}
	_, done, failed, err = Reapply(path, gone, changes)
	if err != nil || len(failed) != 1 || failed[0].Change.Kind != AnnotationRetopic || len(done) != 5 {
		t.Errorf("on a file without the retopicked annotation: done %d, failed %v, %v", len(done), failed, err)
	}
}

// Edits Reapply cannot make again (a new source, a meeting's date) are
// named, not dropped.
func TestChangesNameWhatCannotBeReapplied(t *testing.T) {
	path, err := assets.WriteCorpus(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	read := reload(t, path, raw)
	moved, err := SetFields(raw, "meetings", "meeting", "scm-44", [][2]string{{"place", Scalar("Seoul")}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Changes(read, reload(t, path, moved)); !errors.Is(err, ErrNotReapplied) || !strings.Contains(err.Error(), "the meeting scm-44 changed") {
		t.Errorf("a meeting's place: %v", err)
	}
	added, _, err := AddMeeting(raw, Meeting{ID: "m-new", Title: "New", Kind: "SCM", Date: "2024"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Changes(read, reload(t, path, added)); !errors.Is(err, ErrNotReapplied) || !strings.Contains(err.Error(), "meetings added") {
		t.Errorf("a new meeting: %v", err)
	}
}

func must(t *testing.T) func([]byte, int, error) []byte {
	return func(b []byte, _ int, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

func must2(t *testing.T) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

// Save As writes a new file beside the corpus and never replaces one.
func TestSaveAsNeverReplaces(t *testing.T) {
	path, err := assets.WriteCorpus(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	c := reload(t, path, raw)
	a, an, err := Place(c, Annotation{Source: "dod-2022-11-03-repost", Topic: "space", Quote: "a source of security in the area", Start: -1})
	if err != nil {
		t.Fatal(err)
	}
	edited, line, err := AddAt(raw, a)
	if err != nil {
		t.Fatal(err)
	}
	want := Added(c, a, an, line)
	copyPath := filepath.Join(filepath.Dir(path), "mine.yaml")
	if err := SaveAs(path, copyPath, edited, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(copyPath); string(got) != string(edited) {
		t.Error("the copy is not the edits")
	}
	if err := SaveAs(path, copyPath, raw, c); !errors.Is(err, ErrExists) {
		t.Errorf("a second save over the copy: %v", err)
	}
	if err := SaveAs(path, path, edited, want); !errors.Is(err, ErrExists) {
		t.Errorf("a save as the corpus itself: %v", err)
	}
	if err := SaveAs(path, filepath.Join(t.TempDir(), "elsewhere.yaml"), edited, want); err == nil {
		t.Error("a copy outside the corpus folder was written")
	}
	if err := SaveAs(path, filepath.Join(filepath.Dir(path), "wrong.yaml"), edited, c); err == nil {
		t.Error("a copy that does not load as the corpus shown was written")
	}
	if now, _ := os.ReadFile(path); string(now) != string(raw) {
		t.Error("the corpus file changed")
	}
}
