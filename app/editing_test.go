package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// copyBuiltin copies the built-in corpus and its sources into a folder.
func copyBuiltin(t *testing.T) string {
	t.Helper()
	path, err := assets.WriteCorpus(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// openAFPS selects the 44th SCM and lays out its AFPS report's view.
func openAFPS(t *testing.T, w *testWindow) *SourceView {
	t.Helper()
	w.state.Select(timeline.Selection{Meeting: w.corpus.Meeting("scm-44")})
	v := w.detail.View(w.corpus.Source("afps-2012-10-24"))
	if v == nil {
		t.Fatal("the AFPS report is not shown")
	}
	v.Resize(fyne.NewSize(500, v.MinSize().Height))
	return v
}

// journalKept reports whether every journal request has been kept: the
// journal is written off the UI goroutine.
func (tw *testWindow) journalKept() bool {
	tw.journalMu.Lock()
	defer tw.journalMu.Unlock()
	return tw.journaled == tw.journalRequests
}

// pointAt is where byte b of a source view's text is drawn: the middle of
// its line, at the character's left edge.
func pointAt(t *testing.T, v *SourceView, b int) fyne.Position {
	t.Helper()
	for _, f := range v.frags {
		if f.start <= b && b <= f.start+len(f.text) {
			x := fyne.MeasureText(f.text[:b-f.start], v.textSize(), fyne.TextStyle{}).Width
			return fyne.NewPos(f.x+x, f.y+v.lineHeight()/2)
		}
	}
	t.Fatalf("byte %d is not laid out", b)
	return fyne.Position{}
}

// dragAcross drags in a source view from the start to the end of a phrase.
func dragAcross(t *testing.T, v *SourceView, phrase string) {
	t.Helper()
	at := strings.Index(v.source.Text, phrase)
	if at < 0 {
		t.Fatalf("%q is not in the source", phrase)
	}
	from, to := pointAt(t, v, at), pointAt(t, v, at+len(phrase))
	mid := fyne.NewPos((from.X+to.X)/2, (from.Y+to.Y)/2)
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-from.X, mid.Y-from.Y)})
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-mid.X, to.Y-mid.Y)})
	v.DragEnd()
}

// Dragging across a passage and pressing a topic's number codes it: the
// corpus has one more annotation, exact, and the counts follow; undo and
// redo walk the edit; Save writes only its line; the title marks unsaved
// edits.
func TestCodingASelectionUndoRedoSave(t *testing.T) {
	path := copyBuiltin(t)
	orig, _ := os.ReadFile(path)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	m := w.corpus.Meeting("scm-44")
	w.state.Select(timeline.Selection{Meeting: m})
	src := w.corpus.Source("afps-2012-10-24")
	v := w.detail.View(src)
	if v == nil {
		t.Fatal("the source is not shown")
	}
	v.Resize(fyne.NewSize(500, v.MinSize().Height))
	dragAcross(t, v, "Defense Secretary Leon E. Panetta said")
	if s, e := v.Selection(); src.Text[s:e] != "Defense Secretary Leon E. Panetta said" {
		t.Fatalf("the drag selected %q", src.Text[s:e])
	}
	before := len(w.corpus.Annotations)
	topic := w.corpus.Topics[1]
	v.TypedRune('2')
	w.ui.pumpUntil(t, "the edit", func() bool { return len(w.corpus.Annotations) == before+1 })
	added := w.corpus.Annotations[len(w.corpus.Annotations)-1]
	if added.Topic.ID != topic.ID || added.Text() != "Defense Secretary Leon E. Panetta said" || added.Anchor.Status.String() != "exact" || added.Details().Created == "" {
		t.Errorf("coded %s %q (%s)", added.Topic.ID, added.Text(), added.Anchor.Status)
	}
	if !strings.HasPrefix(w.Title(), "• ") || !strings.Contains(w.events.String(), "edited what=") {
		t.Errorf("title %q; events %s", w.Title(), w.events)
	}
	if now, _ := os.ReadFile(path); string(now) != string(orig) {
		t.Fatal("an edit wrote the file before Save")
	}
	w.Undo()
	w.ui.pumpUntil(t, "the undo", func() bool { return len(w.corpus.Annotations) == before })
	w.Redo()
	w.ui.pumpUntil(t, "the redo", func() bool { return len(w.corpus.Annotations) == before+1 })
	w.Save()
	w.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(w.events.String(), "saved path=") })
	saved, _ := os.ReadFile(path)
	if strings.Count(string(saved), "\n") != strings.Count(string(orig), "\n")+1 || !strings.HasPrefix(string(saved), string(orig[:len(orig)/2])) {
		t.Error("Save wrote more than the annotation's line")
	}
	c, ps, err := load.File(path)
	if err != nil || c == nil || len(c.Annotations) != before+1 || len(ps) != 0 {
		t.Fatalf("the saved file: %v, %d annotations, %s", err, len(c.Annotations), ps)
	}
	if strings.HasPrefix(w.Title(), "• ") {
		t.Errorf("saved, the title still says unsaved: %q", w.Title())
	}
	// Another program's change: Save refuses to write over it.
	w.Undo()
	w.ui.pumpUntil(t, "the undo", func() bool { return len(w.corpus.Annotations) == before })
	os.WriteFile(path, append(saved, "# edited elsewhere\n"...), 0o644)
	w.Save()
	w.ui.pumpUntil(t, "the refusal", func() bool { return w.Canvas().Overlays().Top() != nil })
	if now, _ := os.ReadFile(path); !strings.HasSuffix(string(now), "# edited elsewhere\n") || !w.dirty() {
		t.Error("Save wrote over a file changed on disk, or dropped the edits")
	}
}

// With unsaved edits, opening another corpus asks first; Cancel keeps
// them, Discard drops them.
func TestUnsavedEditsAreGuarded(t *testing.T) {
	path := copyBuiltin(t)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	v := openAFPS(t, w)
	dragAcross(t, v, "Panetta said today")
	before := len(w.corpus.Annotations)
	v.TypedRune('1')
	w.ui.pumpUntil(t, "the edit", func() bool { return len(w.corpus.Annotations) == before+1 })
	loads := w.loads
	w.open("")
	if w.Canvas().Overlays().Top() == nil || w.loads != loads {
		t.Fatal("opening another corpus with unsaved edits did not ask")
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top()) // Cancel
	if !w.dirty() {
		t.Error("cancelled, the edits are gone")
	}
}

// The File menu's Quit asks about unsaved edits as Ctrl+Q does (Fyne's
// own Quit, added to a menu without one, quits at once), and the window
// says it is quitting only once they are answered; so does a clean quit.
func TestQuitFromTheMenuIsGuarded(t *testing.T) {
	path := copyBuiltin(t)
	quits := 0
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path, Quitting: func() { quits++ }})
	file := w.MainMenu().Items[0]
	quit := file.Items[len(file.Items)-1]
	if !quit.IsQuit || quit.Action == nil {
		t.Fatalf("the File menu ends with %q (IsQuit %v), not a Quit of the window's", quit.Label, quit.IsQuit)
	}
	v := openAFPS(t, w)
	dragAcross(t, v, "Panetta said today")
	before := len(w.corpus.Annotations)
	v.TypedRune('1')
	w.ui.pumpUntil(t, "the edit", func() bool { return len(w.corpus.Annotations) == before+1 })
	quit.Action()
	if w.Canvas().Overlays().Top() == nil || quits != 0 {
		t.Fatalf("Quit with unsaved edits did not ask first (quitting %d)", quits)
	}
	test.Tap(overlayButton(t, w, "Discard"))
	if quits != 1 {
		t.Fatalf("discarded, quitting was said %d times, not once", quits)
	}
	w.Quit() // no edits now: at once
	if quits != 2 {
		t.Errorf("a clean Quit said quitting %d times in all, not 2", quits)
	}
}

// Unsaved edits are journaled as they are made; a window that opens the
// corpus after a crash offers them, and restores them unsaved.
func TestJournaledEditsAreRestored(t *testing.T) {
	path := copyBuiltin(t)
	journal := &edit.Journal{Dir: filepath.Join(t.TempDir(), "journal")}
	a := test.NewTempApp(t)
	w := openWindowIn(t, a, Options{Load: diskLoader, CorpusPath: path, Journal: journal})
	v := openAFPS(t, w)
	dragAcross(t, v, "Panetta said today")
	before := len(w.corpus.Annotations)
	v.TypedRune('3')
	w.ui.pumpUntil(t, "the edit", func() bool { return len(w.corpus.Annotations) == before+1 })
	abs, _ := filepath.Abs(path)
	w.ui.pumpUntil(t, "the journal", w.journalKept)
	if _, ok := journal.Read(abs); !ok {
		t.Fatal("the edit is not journaled")
	}
	// The window is never closed: a crash. The next one offers the edits.
	again := openWindowIn(t, a, Options{Load: diskLoader, CorpusPath: path, Journal: journal})
	test.Tap(overlayButton(t, again, "Restore"))
	again.ui.pumpUntil(t, "the restore", func() bool { return len(again.corpus.Annotations) == before+1 })
	if !again.dirty() {
		t.Error("restored edits are not marked unsaved")
	}
	again.Save()
	again.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(again.events.String(), "saved path=") })
	again.ui.pumpUntil(t, "the journal", again.journalKept)
	if _, ok := journal.Read(abs); ok {
		t.Error("saved, the journal entry stays")
	}
}

// An edit's journal write runs off the UI goroutine and may come after a
// save or a discard that followed the edit: it must not write the edits
// back (after a discard, the next start would offer them again). The
// late write is run by hand here, after the save and after the discard.
func TestALateJournalWriteLeavesSavedAndDiscardedEditsAlone(t *testing.T) {
	path := copyBuiltin(t)
	abs, _ := filepath.Abs(path)
	journal := &edit.Journal{Dir: filepath.Join(t.TempDir(), "journal")}
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path, Journal: journal})
	codeAndJournal := func(phrase string) (request int, snap edit.Snapshot) {
		t.Helper()
		v := openAFPS(t, w) // the corpus shown after a save is another
		dragAcross(t, v, phrase)
		before := len(w.corpus.Annotations)
		v.TypedRune('2')
		w.ui.pumpUntil(t, "the edit", func() bool { return len(w.corpus.Annotations) == before+1 })
		w.ui.pumpUntil(t, "the journal", w.journalKept)
		if _, ok := journal.Read(abs); !ok {
			t.Fatal("the edit is not journaled")
		}
		return w.journalRequests, w.session.Snapshot()
	}
	request, snap := codeAndJournal("Panetta said today")
	w.Save()
	w.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(w.events.String(), "saved path=") })
	w.ui.pumpUntil(t, "the journal", w.journalKept)
	if _, ok := journal.Read(abs); ok {
		t.Fatal("saved, the journal entry stays")
	}
	w.keep(request, abs, snap) // the edit's write, late
	if _, ok := journal.Read(abs); ok {
		t.Error("a journal write that came after the save wrote the saved edits back")
	}

	request, snap = codeAndJournal("Kim Kwan-jin affirmed")
	w.open("") // another corpus: asks about the edits
	test.Tap(overlayButton(t, w, "Discard"))
	w.keep(request, abs, snap)
	if _, ok := journal.Read(abs); ok {
		t.Error("a journal write that came after Discard kept the discarded edits")
	}
}

// A span's menu changes its topic and removes it; a selection's menu codes
// it; each is an edit that undo takes back.
func TestSpanMenusEdit(t *testing.T) {
	path := copyBuiltin(t)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	w.state.Select(timeline.Selection{Meeting: w.corpus.Meeting("scm-44")})
	src := w.corpus.Source("afps-2012-10-24")
	a := src.Annotations[0]
	before, quote := len(w.corpus.Annotations), a.Quote
	items := w.annotationItems(a)
	target := items[0].ChildMenu.Items[0] // the first other topic
	target.Action()
	w.ui.pumpUntil(t, "the retopic", func() bool { return w.corpus.Annotations[a.Index].Topic.Label == target.Label })
	if w.corpus.Annotations[a.Index].Quote != quote || len(w.corpus.Annotations) != before {
		t.Fatal("the retopic changed more than the topic")
	}
	w.annotationItems(w.corpus.Annotations[a.Index])[3].Action()
	w.ui.pumpUntil(t, "the removal", func() bool { return len(w.corpus.Annotations) == before-1 })
	w.Undo()
	w.ui.pumpUntil(t, "the undo", func() bool { return len(w.corpus.Annotations) == before })
	// The selection's menu.
	v := w.detail.View(w.corpus.Source("afps-2012-10-24"))
	v.Resize(fyne.NewSize(500, v.MinSize().Height))
	dragAcross(t, v, "Panetta said today")
	w.spanMenu(v.source, nil, fyne.NewPos(10, 10))
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no menu for the selection")
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	w.codeSelection(4)
	w.ui.pumpUntil(t, "the code", func() bool { return len(w.corpus.Annotations) == before+1 })
	if got := w.corpus.Annotations[before]; got.Topic != w.corpus.Topics[4] {
		t.Errorf("coded as %s", got.Topic.ID)
	}
}

// The built-in corpus is copied, never changed: the copy goes into a new
// folder, loads as the built-in corpus does, and a second copy takes
// another folder.
func TestBuiltinCorpusIsCopiedToCode(t *testing.T) {
	parent := t.TempDir()
	first, err := assets.WriteCorpus(parent)
	if err != nil {
		t.Fatal(err)
	}
	second, err := assets.WriteCorpus(parent)
	if err != nil || filepath.Dir(first) == filepath.Dir(second) {
		t.Fatalf("the second copy: %v, %s", err, second)
	}
	c, ps, err := load.File(first)
	if err != nil || c == nil || len(ps) != 0 || len(c.Annotations) != 102 {
		t.Fatalf("the copy loads with %v %s", err, ps)
	}
	w := openWindow(t, builtin)
	w.applyEdit("x", func(b []byte) ([]byte, error) { return b, nil }, nil)
	if w.Canvas().Overlays().Top() == nil || w.session != nil {
		t.Error("an edit of the built-in corpus did not offer a copy")
	}
}

// A selection made with the mouse lands on exact code point offsets in
// Hangul, after combining marks and emoji, and past CR LF line ends.
func TestSelectionOffsetsAreExact(t *testing.T) {
	dir := t.TempDir()
	text := "First line.\r\n한미 국방장관이 서울에서 만났다.\r\nThe cafe\u0301 talks, naïve hopes 🙂 and more words.\r\nLast line here."
	corpus := "corpus: {title: T, format: 1}\ntopics:\n  - {id: one, label: One}\n  - {id: two, label: Two}\n" +
		"meetings:\n  - {id: m1, title: M, short: M, kind: SCM, date: 2012-10-24, sources: [s1]}\n" +
		"sources:\n  - {id: s1, title: S, kind: news, language: ko, file: s1.txt}\n" +
		"annotations:\n  - {source: s1, topic: one, quote: First line}\n"
	os.WriteFile(filepath.Join(dir, "c.yaml"), []byte(corpus), 0o644)
	os.WriteFile(filepath.Join(dir, "s1.txt"), []byte(text), 0o644)
	path := filepath.Join(dir, "c.yaml")
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	for i, phrase := range []string{"국방장관이 서울에서", "cafe\u0301 talks", "hopes 🙂 and", "Last line"} {
		w.state.Select(timeline.Selection{Meeting: w.corpus.Meeting("m1")})
		v := w.detail.View(w.corpus.Source("s1"))
		v.Resize(fyne.NewSize(600, v.MinSize().Height))
		dragAcross(t, v, phrase)
		before := len(w.corpus.Annotations)
		v.TypedRune('2')
		w.ui.pumpUntil(t, "the edit of "+phrase, func() bool { return len(w.corpus.Annotations) == before+1 })
		a := w.corpus.Annotations[before]
		at := strings.Index(text, phrase)
		if a.Text() != phrase || a.Anchor.Start != utf8.RuneCountInString(text[:at]) || a.Anchor.Status.String() != "exact" {
			t.Errorf("%d: coded %q at %d (%s), want %q at %d", i, a.Text(), a.Anchor.Start, a.Anchor.Status, phrase, utf8.RuneCountInString(text[:at]))
		}
	}
}

// The picker filters the topics as the user types, puts the recently used
// first, chooses with a digit or Enter, and makes a new topic from text
// that names none, coding the selection with it in one edit.
func TestPickerFiltersChoosesAndMakesTopics(t *testing.T) {
	path := copyBuiltin(t)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	select_ := func(phrase string) {
		w.state.Select(timeline.Selection{Meeting: w.corpus.Meeting("scm-44")})
		v := w.detail.View(w.corpus.Source("afps-2012-10-24"))
		v.Resize(fyne.NewSize(500, v.MinSize().Height))
		dragAcross(t, v, phrase)
	}
	select_("Panetta said today")
	w.showPicker(fyne.NewPos(100, 100))
	p := w.picker
	if p == nil || len(p.rows) != len(w.corpus.Topics) {
		t.Fatal("the picker does not list every topic")
	}
	test.Type(p.filter, "cyb")
	if len(p.rows) == 0 || p.rows[0].topic == nil || p.rows[0].topic.ID != "cyber" {
		t.Fatalf("filtering for cyb gives %+v", p.rows)
	}
	before := len(w.corpus.Annotations)
	p.filter.OnSubmitted(p.filter.Text)
	w.ui.pumpUntil(t, "the code", func() bool { return len(w.corpus.Annotations) == before+1 })
	if got := w.corpus.Annotations[before].Topic.ID; got != "cyber" || w.picker != nil {
		t.Fatalf("coded %s; picker open %v", got, w.picker != nil)
	}
	// Used last, cyber comes first; a digit chooses.
	select_("said today")
	w.showPicker(fyne.NewPos(100, 100))
	if w.picker.rows[0].topic.ID != "cyber" {
		t.Errorf("the recently used topic is not first: %s", w.picker.rows[0].topic.ID)
	}
	w.picker.filter.Entry.TypedRune('2')
	w.ui.pumpUntil(t, "the second code", func() bool { return len(w.corpus.Annotations) == before+2 })
	// A new topic.
	select_("Defense Secretary")
	w.showPicker(fyne.NewPos(100, 100))
	test.Type(w.picker.filter, "Alliance leadership")
	last := w.picker.rows[len(w.picker.rows)-1]
	if last.topic != nil || last.label != "Alliance leadership" {
		t.Fatalf("no new-topic row: %+v", last)
	}
	topics := len(w.corpus.Topics)
	w.picker.choose(len(w.picker.rows) - 1)
	w.ui.pumpUntil(t, "the new topic", func() bool { return len(w.corpus.Topics) == topics+1 })
	nt := w.corpus.Topic("alliance-leadership")
	if nt == nil || w.corpus.Annotations[len(w.corpus.Annotations)-1].Topic != nt {
		t.Fatal("the new topic did not code the selection")
	}
	w.Undo() // one edit: the topic and the annotation go together
	w.ui.pumpUntil(t, "the undo", func() bool { return len(w.corpus.Topics) == topics })
	w.Redo()
	w.ui.pumpUntil(t, "the redo", func() bool { return len(w.corpus.Topics) == topics+1 })
	w.Save()
	w.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(w.events.String(), "saved path=") })
	c, ps, err := load.File(path)
	if err != nil || c == nil || c.Topic("alliance-leadership") == nil || len(ps) != 0 {
		t.Fatalf("the saved corpus: %v %s", err, ps)
	}
}

// Shift with the arrows widens and narrows a selection from the keyboard,
// by characters (Hangul among them) and by words.
func TestShiftArrowsExtendTheSelection(t *testing.T) {
	test.NewTempApp(t)
	s := &data.Source{ID: "s", Text: "한미 국방장관이 만났다 today."}
	v := NewSourceView()
	w := test.NewWindow(v)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 200))
	v.SetSource(s, nil, nil)
	v.SetSelection(0, 0)
	v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if a, b := v.Selection(); s.Text[a:b] != "한미" {
		t.Errorf("two Shift+Right select %q", s.Text[a:b])
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if a, b := v.Selection(); s.Text[a:b] != "한미 국방장관이" {
		t.Errorf("Shift+Down selects %q", s.Text[a:b])
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if a, b := v.Selection(); s.Text[a:b] != "한미 국방장관" {
		t.Errorf("Shift+Left narrows to %q", s.Text[a:b])
	}
	v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if a, b := v.Selection(); a != b {
		t.Error("Escape kept the selection")
	}
}

// A save that fails (a full disk, a refused rename) leaves the file as it
// was, the edits in the window and in the journal, and says why.
func TestFailedSavesKeepEverything(t *testing.T) {
	for _, fault := range []error{syscall.ENOSPC, os.ErrPermission} {
		path := copyBuiltin(t)
		orig, _ := os.ReadFile(path)
		journal := &edit.Journal{Dir: filepath.Join(t.TempDir(), "journal")}
		w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path, Journal: journal,
			WriteFile: func(string, []byte) error { return fmt.Errorf("write: %w", fault) }})
		w.state.Select(timeline.Selection{Meeting: w.corpus.Meeting("scm-44")})
		v := w.detail.View(w.corpus.Source("afps-2012-10-24"))
		v.Resize(fyne.NewSize(500, v.MinSize().Height))
		dragAcross(t, v, "Panetta said today")
		before := len(w.corpus.Annotations)
		v.TypedRune('1')
		w.ui.pumpUntil(t, "the edit", func() bool { return len(w.corpus.Annotations) == before+1 })
		w.Save()
		w.ui.pumpUntil(t, "the failure", func() bool { return w.Canvas().Overlays().Top() != nil })
		abs, _ := filepath.Abs(path)
		w.ui.pumpUntil(t, "the journal", w.journalKept)
		if now, _ := os.ReadFile(path); string(now) != string(orig) {
			t.Errorf("%v: the file changed", fault)
		}
		if !w.dirty() || len(w.corpus.Annotations) != before+1 {
			t.Errorf("%v: the edits are gone from the window", fault)
		}
		if _, ok := journal.Read(abs); !ok {
			t.Errorf("%v: the edits are gone from the journal", fault)
		}
	}
}

// Alt held, a selection is coded as it is; without, it widens to words.
func TestAltKeepsTheSelectionAsItIs(t *testing.T) {
	path := copyBuiltin(t)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	v := openAFPS(t, w)
	dragAcross(t, v, "cretary Leon")
	before := len(w.corpus.Annotations)
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key1, Modifier: fyne.KeyModifierAlt})
	w.ui.pumpUntil(t, "the edit", func() bool { return len(w.corpus.Annotations) == before+1 })
	if got := w.corpus.Annotations[before].Text(); got != "cretary Leon" {
		t.Errorf("with Alt, coded %q", got)
	}
}

// overlayButton finds a button of the top overlay (a dialog) by its text.
func overlayButton(t *testing.T, w *testWindow, text string) *widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog with %q", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q in the dialog", text)
	return nil
}

// A selection is excluded from counting with a reason: the source's words
// drop, its text can no longer be coded (with the reason said), coded
// text cannot be excluded, undo takes the range back, and Save writes it
// as the format's from/to/reason.
func TestExcludingASelection(t *testing.T) {
	path := copyBuiltin(t)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	v := openAFPS(t, w)
	words := w.corpus.Source("afps-2012-10-24").Words
	phrase := "Defense Secretary Leon E. Panetta said"
	dragAcross(t, v, phrase)
	w.excludeSelection()
	reason := w.Canvas().Focused().(*widget.Entry)
	reason.SetText("a test's page furniture")
	test.Tap(overlayButton(t, w, "Exclude"))
	w.ui.pumpUntil(t, "the exclusion", func() bool { return w.corpus.Source("afps-2012-10-24").Words < words })
	src := w.corpus.Source("afps-2012-10-24")
	if got := words - src.Words; got != 6 {
		t.Errorf("%d words excluded, want 6", got)
	}
	at := utf8.RuneCountInString(src.Text[:strings.Index(src.Text, phrase)])
	found := false
	for _, r := range src.Excluded {
		found = found || r.Start == at && r.End == at+utf8.RuneCountInString(phrase) && r.Reason == "a test's page furniture"
	}
	if !found {
		t.Fatalf("excluded %v", src.Excluded)
	}
	// Excluded text is not coded, and says why.
	v = openAFPS(t, w)
	dragAcross(t, v, "Leon E. Panetta")
	before := len(w.corpus.Annotations)
	w.codeSelection(0)
	w.ui.pumpFor(50 * time.Millisecond)
	if len(w.corpus.Annotations) != before || !strings.Contains(w.status.Text, "a test's page furniture") {
		t.Errorf("coded excluded text: %d annotations; status %q", len(w.corpus.Annotations), w.status.Text)
	}
	// Coded text is not excluded.
	coded := src.Annotations[0]
	dragAcross(t, v, coded.Text())
	w.excludeSelection()
	if w.Canvas().Overlays().Top() != nil || !strings.Contains(w.status.Text, "remove them first") {
		t.Errorf("coded text offered for exclusion; status %q", w.status.Text)
	}
	w.Save()
	w.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(w.events.String(), "saved path=") })
	saved, _ := os.ReadFile(path)
	if !strings.Contains(string(saved), "reason: 'a test''s page furniture'") {
		t.Errorf("the saved file lacks the range:\n%s", saved)
	}
	if c, ps, err := load.File(path); err != nil || c == nil || len(ps) != 0 || c.Source("afps-2012-10-24").Words != src.Words {
		t.Fatalf("the saved file: %v %s", err, ps)
	}
	w.Undo()
	w.ui.pumpUntil(t, "the undo", func() bool { return w.corpus.Source("afps-2012-10-24").Words == words })
}

// When the file changed on disk, Save writes nothing and offers to make
// the edits again on the file as it is now: the result holds both the
// other program's change and the edit, and saves.
func TestChangedOnDiskReappliesTheEdits(t *testing.T) {
	path := copyBuiltin(t)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	v := openAFPS(t, w)
	dragAcross(t, v, "Defense Secretary Leon E. Panetta said")
	before := len(w.corpus.Annotations)
	v.TypedRune('2')
	w.ui.pumpUntil(t, "the edit", func() bool { return len(w.corpus.Annotations) == before+1 })
	orig, _ := os.ReadFile(path)
	elsewhere := "# edited elsewhere\n" + string(orig)
	os.WriteFile(path, []byte(elsewhere), 0o644)
	w.Save()
	w.ui.pumpUntil(t, "the offer", func() bool { return strings.Contains(w.events.String(), "changed-on-disk") })
	if now, _ := os.ReadFile(path); string(now) != elsewhere {
		t.Fatal("Save wrote over the file changed on disk")
	}
	test.Tap(overlayButton(t, w, "Reload and re-apply my edits"))
	w.ui.pumpUntil(t, "the re-applied edits", func() bool {
		return strings.Contains(w.events.String(), "reapplied done=1 failed=0") && strings.Contains(w.events.String(), "edited what=\"Re-applied")
	})
	if len(w.corpus.Annotations) != before+1 || !w.dirty() {
		t.Fatalf("after re-applying: %d annotations, dirty %v", len(w.corpus.Annotations), w.dirty())
	}
	w.Save()
	w.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(w.events.String(), "saved path=") })
	saved, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(saved), "# edited elsewhere\n") || !strings.Contains(string(saved), "Defense Secretary Leon E. Panetta said") {
		t.Error("the saved file lacks the other change or the edit")
	}
	if c, ps, err := load.File(path); err != nil || c == nil || len(ps) != 0 || len(c.Annotations) != before+1 {
		t.Fatalf("the saved file: %v %s", err, ps)
	}
}

// A tapped span's text is selected; Shift with the arrows changes its
// extent and Ctrl+Enter gives the span the new one, widened to whole
// words: one more word, then one less, then undone.
func TestWidenAndNarrowASpanFromTheKeyboard(t *testing.T) {
	path := copyBuiltin(t)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	v := openAFPS(t, w)
	a := v.source.Annotations[0]
	index, text, note := a.Index, a.Text(), a.Details().Note
	w.spanTapped(a)
	if s, e := v.Selection(); v.source.Text[s:e] != text {
		t.Fatalf("tapping the span selected %q", v.source.Text[s:e])
	}
	press := func(key fyne.KeyName, n int) {
		v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		for range n {
			v.TypedKey(&fyne.KeyEvent{Name: key})
		}
		v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	}
	press(fyne.KeyRight, 2) // into the next word: widened to all of it
	w.respanSelected()
	w.ui.pumpUntil(t, "the widened span", func() bool { return len(w.corpus.Annotations[index].Text()) > len(text) })
	wide := w.corpus.Annotations[index]
	if !strings.HasPrefix(wide.Text(), text) || wide.Anchor.Status != data.Exact || wide.Details().Note != note || len(strings.Fields(wide.Text())) != len(strings.Fields(text))+1 {
		t.Errorf("widened to %q (%s)", wide.Text(), wide.Anchor.Status)
	}
	v = w.detail.View(wide.Source) // the edited corpus' view of the source
	w.spanTapped(wide)
	last := strings.Fields(wide.Text())
	press(fyne.KeyLeft, utf8.RuneCountInString(last[len(last)-1])+1)
	w.respanSelected()
	w.ui.pumpUntil(t, "the narrowed span", func() bool { return w.corpus.Annotations[index].Text() == text })
	w.Undo()
	w.ui.pumpUntil(t, "the undo", func() bool { return w.corpus.Annotations[index].Text() == wide.Text() })
	w.Save()
	w.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(w.events.String(), "saved path=") })
	if c, ps, err := load.File(path); err != nil || c == nil || len(ps) != 0 || c.Annotations[index].Text() != wide.Text() {
		t.Fatalf("the saved file: %v %s", err, ps)
	}
}

// Dragging an end of the outlined span moves that end: the span takes the
// new extent at the drag's end, its other end where it was.
func TestDraggingASpansEndResizesIt(t *testing.T) {
	path := copyBuiltin(t)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	v := openAFPS(t, w)
	a := v.source.Annotations[0]
	index, text := a.Index, a.Text()
	w.spanTapped(a) // outlined and selected
	v.SetFocus(a)
	// Drag the end back over the last word.
	lastWord := strings.LastIndex(text, " ")
	from, to := pointAt(t, v, a.Anchor.ByteEnd), pointAt(t, v, a.Anchor.ByteStart+lastWord)
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}})
	if v.Cursor() != desktop.HResizeCursor {
		t.Error("no resize cursor over the span's end")
	}
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: to}})
	if v.Cursor() != desktop.TextCursor {
		t.Error("a resize cursor inside the span")
	}
	v.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	v.DragEnd()
	w.ui.pumpUntil(t, "the narrowed span", func() bool { return w.corpus.Annotations[index].Text() == text[:lastWord] })
	if got := w.corpus.Annotations[index]; got.Anchor.ByteStart != a.Anchor.ByteStart || got.Anchor.Status != data.Exact {
		t.Errorf("the start moved, or the span is not exact: %+v", got.Anchor)
	}
	// A drag that starts inside the span, away from its ends, selects.
	v = w.detail.View(w.corpus.Annotations[index].Source)
	v.SetFocus(w.corpus.Annotations[index])
	before := len(w.corpus.Annotations)
	dragAcross(t, v, "Panetta said today")
	w.ui.pumpFor(100 * time.Millisecond)
	if s, e := v.Selection(); v.source.Text[s:e] != "Panetta said today" || len(w.corpus.Annotations) != before {
		t.Errorf("a drag inside selected %q", v.source.Text[s:e])
	}
}
