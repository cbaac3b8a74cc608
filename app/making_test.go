package app

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/go-pdf/fpdf"
	"golang.org/x/text/encoding/korean"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// overlaySelect finds the select of the top overlay whose options hold
// option.
func overlaySelect(t *testing.T, w *testWindow, option string) *widget.Select {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if s, ok := o.(*widget.Select); ok {
			for _, opt := range s.Options {
				if opt == option {
					return s
				}
			}
		}
	}
	t.Fatalf("no select with %q", option)
	return nil
}

// From an empty corpus: two topics and a meeting known to the month are
// added, an EUC-KR page and a text file are imported into the meeting,
// and the saved corpus validates with both sources on the timeline.
func TestMakeACorpusInTheWindow(t *testing.T) {
	dir := t.TempDir()
	path, err := edit.Create(filepath.Join(dir, "corpus"), "Made in the window")
	if err != nil {
		t.Fatal(err)
	}
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	for _, label := range []string{"Extended deterrence", "Space"} {
		w.NewTopic()
		w.Canvas().Focused().(*widget.Entry).SetText(label)
		test.Tap(overlayButton(t, w, "Add"))
		n := len(w.corpus.Topics)
		w.ui.pumpUntil(t, "the topic "+label, func() bool { return len(w.corpus.Topics) == n+1 })
	}
	w.NewMeeting()
	title := w.Canvas().Focused().(*widget.Entry)
	title.SetText("54th Security Consultative Meeting")
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "2022-11-03, 2022-11 or 2022" {
			if e.SetText("2022-13"); e.Validate() == nil {
				t.Error("month 13 passed the date field")
			}
			e.SetText("2022-11")
		}
	}
	test.Tap(overlayButton(t, w, "Add"))
	w.ui.pumpUntil(t, "the meeting", func() bool { return len(w.corpus.Meetings) == 1 })
	if m := w.corpus.Meetings[0]; m.Date.String() != "2022-11" || m.ID != "54th-security-consultative-meeting" {
		t.Errorf("meeting %s on %s", m.ID, m.Date)
	}
	page, _ := korean.EUCKR.NewEncoder().Bytes([]byte(`<html><head><meta charset="euc-kr"><title>제54차 SCM 공동성명</title></head><body><nav>홈 | 뉴스</nav><p>양국 국방장관은 확장억제 공약을 재확인하였다.</p></body></html>`))
	html, txt := filepath.Join(dir, "scm54.html"), filepath.Join(dir, "note.txt")
	os.WriteFile(html, page, 0o644)
	os.WriteFile(txt, []byte("The allies met in Washington in November 2022.\n"), 0o644)
	w.importFiles([]string{html, txt})
	meetings := overlaySelect(t, w, "(none yet)")
	for _, o := range meetings.Options {
		if strings.Contains(o, "54th Security") {
			meetings.SetSelected(o)
		}
	}
	test.Tap(overlayButton(t, w, "Import"))
	w.ui.pumpUntil(t, "the import", func() bool { return len(w.corpus.Sources) == 2 })
	if !w.corpus.Meetings[0].HasText() || len(w.corpus.Meetings[0].Sources) != 2 {
		t.Errorf("the meeting reports %d sources", len(w.corpus.Meetings[0].Sources))
	}
	if s := w.corpus.Sources[0]; !strings.Contains(s.Text, "확장억제") || len(s.Excluded) != 1 || s.Details().Origin.File != "scm54.html" {
		t.Errorf("the page's source: %q, excluded %v, origin %+v", s.Text, s.Excluded, s.Details().Origin)
	}
	w.Save()
	w.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(w.events.String(), "saved path=") })
	c, ps, err := load.File(path)
	if err != nil || c == nil || ps.Count(data.Error) != 0 || len(c.Sources) != 2 || len(c.Topics) != 2 {
		t.Fatalf("the saved corpus: %v %s", err, ps)
	}
}

// A span of a paged text (a PDF's) says its page in the span list, before
// the source's title, which a narrow row cuts.
func TestKWICRowSaysThePage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	os.WriteFile(path, []byte("corpus: {title: T, format: 1}\ntopics: [{id: space, label: Space}]\nmeetings: [{id: m1, title: One, kind: SCM, date: 2022-11, sources: [s1]}]\n"+
		"sources:\n  - {id: s1, title: A white paper with a long title, text: \"page one\\fpage two: space\"}\n"+
		"annotations:\n  - {source: s1, topic: space, quote: space}\n"), 0o644)
	c, ps, err := load.File(path)
	if err != nil || c == nil {
		t.Fatal(err, ps)
	}
	where := kwicWhere(KWICRow{Annotation: c.Annotations[0]})
	if !strings.HasPrefix(where, "Space · p. 2 · ") || !strings.Contains(where, "A white paper") {
		t.Errorf("the row says %q", where)
	}
}

// Bad documents imported in the window are listed with why, nothing is
// written for them, and the corpus shown and its file stay as they were.
func TestImportRefusesBadDocumentsInTheWindow(t *testing.T) {
	dir := t.TempDir()
	path, err := edit.Create(filepath.Join(dir, "corpus"), "Bad documents")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	scan := fpdf.New("P", "mm", "A4", "")
	scan.AddPage() // a page without text, as a scan's is
	var scanned bytes.Buffer
	scan.Output(&scanned)
	var bomb bytes.Buffer
	z := zip.NewWriter(&bomb)
	part, _ := z.Create("word/document.xml")
	for range 80 {
		part.Write(make([]byte, 1<<20))
	}
	z.Close()
	docs := map[string][]byte{
		"fake.pdf":    []byte("<html>not a PDF</html>"),
		"deep.html":   []byte(strings.Repeat("<div>", 100000)),
		"scan.pdf":    scanned.Bytes(),
		"damaged.pdf": append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{0x13}, 300)...),
		"bomb.docx":   bomb.Bytes(),
		"tool.txt":    []byte("\x7fELF\x00\x00"),
	}
	reasons := map[string]string{"fake.pdf": "not what its name says", "deep.html": "nests its elements", "scan.pdf": "no text layer",
		"damaged.pdf": "cannot be read", "bomb.docx": "zip bomb", "tool.txt": "binary data"}
	var files []string
	for name, raw := range docs {
		p := filepath.Join(dir, name)
		os.WriteFile(p, raw, 0o644)
		files = append(files, p)
	}
	w.importFiles(files)
	test.Tap(overlayButton(t, w, "Import"))
	// The PDF engine starts here: seconds, and many more under -race.
	w.ui.pumpWithin(t, 2*time.Minute, "the report", func() bool {
		return strings.Contains(w.events.String(), fmt.Sprintf("imported done=0 failed=%d", len(docs)))
	})
	var report string
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			report += l.Text
		}
	}
	for name, reason := range reasons {
		if !strings.Contains(report, name+": ") || !strings.Contains(report, reason) {
			t.Errorf("the report lacks %s (%s):\n%s", name, reason, report)
		}
	}
	w.ui.pumpUntil(t, "the refusal", func() bool { return strings.Contains(w.status.Text, "no document was imported") })
	if now, _ := os.ReadFile(path); string(now) != string(before) || w.dirty() || len(w.corpus.Sources) != 0 {
		t.Error("a refused import changed the corpus")
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "corpus", "sources")); len(entries) != 0 {
		t.Errorf("%d files left in sources/", len(entries))
	}
}

// The topic editor renames and recolours a topic, merges one into
// another, and deletes one with its annotations; undo brings it back.
func TestTopicEditor(t *testing.T) {
	path := copyBuiltin(t)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	total := len(w.corpus.Annotations)
	editSpace := func() {
		w.EditTopics()
		pick := overlaySelect(t, w, "Space (8)")
		pick.SetSelected("Space (8)")
	}
	editSpace()
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok && e.Text == "Space" {
			e.SetText("Outer space")
		}
		if e, ok := o.(*widget.Entry); ok && strings.HasPrefix(e.Text, "#") {
			e.SetText("#117733")
		}
	}
	test.Tap(overlayButton(t, w, "Keep the changes"))
	w.ui.pumpUntil(t, "the rename", func() bool { return w.corpus.Topic("space").Label == "Outer space" })
	if c := w.corpus.Topic("space").Color; c.R != 0x11 || c.G != 0x77 {
		t.Errorf("colour %v", c)
	}
	w.EditTopics()
	overlaySelect(t, w, "Outer space (8)").SetSelected("Outer space (8)")
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if s, ok := o.(*widget.Select); ok && len(s.Options) == len(w.corpus.Topics)-1 {
			for _, opt := range s.Options {
				if strings.HasPrefix(opt, "Cyber (") {
					s.SetSelected(opt)
				}
			}
		}
	}
	test.Tap(overlayButton(t, w, "Merge into the topic chosen"))
	w.ui.pumpUntil(t, "the merge", func() bool { return w.corpus.Topic("space") == nil })
	if len(w.corpus.Annotations) != total {
		t.Errorf("the merge lost annotations: %d of %d", len(w.corpus.Annotations), total)
	}
	w.Undo()
	w.ui.pumpUntil(t, "the undo", func() bool { return w.corpus.Topic("space") != nil })
	w.EditTopics()
	overlaySelect(t, w, "Outer space (8)").SetSelected("Outer space (8)")
	test.Tap(overlayButton(t, w, "Delete the topic and its annotations"))
	test.Tap(overlayButton(t, w, "Yes"))
	w.ui.pumpUntil(t, "the deletion", func() bool { return w.corpus.Topic("space") == nil })
	if len(w.corpus.Annotations) != total-8 {
		t.Errorf("%d annotations after deleting 8 of %d", len(w.corpus.Annotations), total)
	}
	w.Save()
	w.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(w.events.String(), "saved path=") })
	if c, ps, err := load.File(path); err != nil || c == nil || ps.Count(data.Error) != 0 || c.Topic("space") != nil {
		t.Fatalf("the saved corpus: %v %s", err, ps)
	}
}

// The meeting and source editors write the fields that changed, checked
// as the loader checks them, and nothing else.
func TestMeetingAndSourceEditors(t *testing.T) {
	path := copyBuiltin(t)
	before, _ := os.ReadFile(path)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	setEntry := func(from, to string) {
		t.Helper()
		for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
			if e, ok := o.(*widget.Entry); ok && e.Text == from {
				e.SetText(to)
				return
			}
		}
		t.Fatalf("no field holds %q", from)
	}
	w.EditMeetings()
	m := w.corpus.MeetingsByDate()[0]
	setEntry(m.Place, "The Pentagon, Arlington, Virginia")
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok && strings.Contains(e.Text, "Panetta") {
			e.SetText(e.Text + "\nJung Seung-jo | 정승조 | Chairman of the Joint Chiefs of Staff | Republic of Korea")
		}
	}
	test.Tap(overlayButton(t, w, "Keep the changes"))
	w.ui.pumpUntil(t, "the meeting's place", func() bool { return w.corpus.Meeting(m.ID).Place == "The Pentagon, Arlington, Virginia" })
	if ps := w.corpus.Meeting(m.ID).Participants; len(ps) != len(m.Participants)+1 || ps[len(ps)-1].Hangul != "정승조" {
		t.Errorf("participants %+v", ps)
	}
	w.EditMeetings()
	setEntry(m.Date.String(), "2012-10-32")
	test.Tap(overlayButton(t, w, "Keep the changes"))
	if !strings.Contains(w.status.Text, "Date:") || w.corpus.Meeting(m.ID).Date.String() != m.Date.String() {
		t.Errorf("a bad date was taken; status %q", w.status.Text)
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	w.EditSources()
	s := w.corpus.Sources[0]
	setEntry(s.Details().Publisher, "American Forces Press Service (DoD)")
	setEntry("scm-44", "scm-44, scm-45")
	test.Tap(overlayButton(t, w, "Keep the changes"))
	w.ui.pumpUntil(t, "the source's publisher", func() bool { return w.corpus.Source(s.ID).Details().Publisher == "American Forces Press Service (DoD)" })
	if !w.corpus.Meeting("scm-45").HasText() {
		t.Error("the source was not attached to the 45th SCM")
	}
	w.Save()
	w.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(w.events.String(), "saved path=") })
	after, _ := os.ReadFile(path)
	if got := strings.Count(string(after), "\n") - strings.Count(string(before), "\n"); got > 2 {
		t.Errorf("the edits added %d lines (a participant and the 45th SCM's sources key, at most)", got)
	}
	if c, ps, err := load.File(path); err != nil || c == nil || ps.Count(data.Error) != 0 || c.Meeting(m.ID).Place != "The Pentagon, Arlington, Virginia" {
		t.Fatalf("the saved corpus: %v %s", err, ps)
	}
}
