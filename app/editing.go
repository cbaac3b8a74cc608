package app

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// Coding in the window. The corpus file is edited as bytes through
// data/edit (only the lines of an annotation change), one whole version
// per edit in an edit.Session, which gives undo and redo; after each edit
// the new bytes are loaded as the corpus (from memory, the sources from
// disk), and the views follow. Nothing is written until Save, which
// refuses a file that changed on disk since it was read.

// textSelection is text selected in a source view, in bytes.
type textSelection struct {
	source     *data.Source
	start, end int
}

// textSelected follows a selection made in the source view.
func (w *MainWindow) textSelected(s *data.Source, start, end int) {
	w.selected = textSelection{s, start, end}
	w.status.SetText(fmt.Sprintf("Selected %s; press a topic's number (1–%d, as in the sidebar), or Enter to choose or make a topic, to code it.",
		safetext.Quote(s.Text[start:end], 60), min(9, len(w.corpus.Topics))))
}

// sourceKey codes the selection with the topic of a number key.
func (w *MainWindow) sourceKey(r rune) {
	if w.reviewKey(r) {
		return
	}
	if r >= '1' && r <= '9' {
		w.codeSelection(int(r - '1'))
	}
}

// codeSelection makes an annotation of topic i (in corpus order) on the
// selected text, widened to whole words.
func (w *MainWindow) codeSelection(i int) {
	if w.corpus == nil || i >= len(w.corpus.Topics) {
		w.status.SetText(fmt.Sprintf("There is no topic %d.", i+1))
		return
	}
	w.codeSelectionAs(w.corpus.Topics[i].ID, "", false)
}

// codeSelectionExact is codeSelection without widening the selection to
// whole words (Alt with the topic's number).
func (w *MainWindow) codeSelectionExact(i int) {
	if w.corpus != nil && i < len(w.corpus.Topics) {
		w.codeSelectionAs(w.corpus.Topics[i].ID, "", true)
	}
}

// codeSelectionAs codes the selected text with the topic id; with label
// set, the topic is new, and is made with the annotation, in one edit.
// Unless exact, the selection widens to whole words.
func (w *MainWindow) codeSelectionAs(id, label string, exact bool) {
	sel := w.selected
	if w.corpus == nil || sel.source == nil || sel.end <= sel.start || w.corpus.Source(sel.source.ID) != sel.source {
		w.status.SetText("Select text in a source first (drag across it, or double-click a word).")
		return
	}
	var topic edit.Topic
	if label != "" {
		topic = edit.NewTopic(w.corpus, label)
		id = topic.ID
	} else if t := w.corpus.Topic(id); t != nil {
		label = t.Label
	} else {
		w.status.SetText(fmt.Sprintf("There is no topic %q.", id))
		return
	}
	text := sel.source.Text
	start, end := sel.start, sel.end
	if !exact {
		start, end = SnapToWords(text, start, end)
	}
	a := edit.Annotation{Source: sel.source.ID, Topic: id, Quote: text[start:end], Start: utf8.RuneCountInString(text[:start]),
		Coder: w.app.Preferences().String(prefCoder), Created: time.Now().Format("2006-01-02")}
	placed, an, err := edit.PlaceQuote(w.corpus, a)
	if err != nil {
		w.status.SetText("Not coded: " + err.Error())
		return
	}
	w.usedTopic(id)
	what := fmt.Sprintf("code %s as %s", safetext.Quote(placed.Quote, 40), safetext.Clip(label, maxShown))
	placed.File = w.coderFile()
	if topic.ID == "" || placed.File != "" {
		if topic.ID != "" { // the topic in the corpus file, the code in the coder's: two edits
			var tLine, tLines int
			w.applyEdit("add the topic "+safetext.Quote(topic.Label, 40), func(b []byte) ([]byte, error) {
				out, at, n, err := edit.AddTopicAt(b, topic)
				tLine, tLines = at, n
				return out, err
			}, func(c *data.Corpus) *data.Corpus {
				n, err := edit.TopicAdded(c, topic, tLine, tLines)
				if err != nil {
					return nil
				}
				return n
			})
		}
		var line int
		w.applyEditIn(placed.File, what, addAnnotation(placed, w.lastAnnotationLine(placed.File), &line),
			func(c *data.Corpus) *data.Corpus { return edit.Added(c, placed, an, line) })
		return
	}
	var tLine, tLines, aLine int
	w.applyEdit(what+" (a new topic)", func(b []byte) ([]byte, error) {
		withTopic, at, n, err := edit.AddTopicAt(b, topic)
		if err != nil {
			return nil, err
		}
		out, line, err := edit.AddAt(withTopic, placed)
		tLine, tLines, aLine = at, n, line
		return out, err
	}, func(c *data.Corpus) *data.Corpus {
		n, err := edit.TopicAdded(c, topic, tLine, tLines)
		if err != nil {
			return nil
		}
		return edit.Added(n, placed, an, aLine)
	})
}

// resizeSpan gives a span whose end the user dragged the extent it now
// has (bytes [start, end) of its source), widened to whole words.
func (w *MainWindow) resizeSpan(a *data.Annotation, start, end int) {
	w.resizing, w.selected = a, textSelection{a.Source, start, end}
	w.respanSelected()
}

// respanSelected gives the span last tapped the extent of the selection
// (changed from its own with Shift and the arrows, or made anew over it),
// widened to whole words.
func (w *MainWindow) respanSelected() {
	a, sel := w.resizing, w.selected
	if a == nil || w.corpus == nil || sel.source == nil || sel.source != a.Source || w.corpus.Source(sel.source.ID) != sel.source || w.corpus.Annotations[a.Index] != a {
		w.status.SetText("Click a highlighted span, change its extent with Shift and the arrows, then press Ctrl+Enter.")
		return
	}
	text := sel.source.Text
	start, end := SnapToWords(text, sel.start, sel.end)
	if end <= start || end <= a.Anchor.ByteStart || a.Anchor.ByteEnd <= start {
		w.status.SetText("The selection does not overlap the span; select its new extent over it.")
		return
	}
	if start == a.Anchor.ByteStart && end == a.Anchor.ByteEnd {
		w.status.SetText("The span has that extent already.")
		return
	}
	want := edit.Annotation{Source: a.Source.ID, Topic: a.Topic.ID, Quote: text[start:end], Start: utf8.RuneCountInString(text[:start])}
	placed, an, err := edit.Place(w.corpus, want)
	if err != nil {
		w.status.SetText("The span keeps its extent: " + err.Error())
		return
	}
	line, index, source, quote, lines := a.Line, a.Index, a.Source.ID, a.Quote, 0
	var written edit.Annotation
	w.resizing = nil
	w.applyEditIn(a.File, fmt.Sprintf("give %s the extent %s", safetext.Quote(a.Text(), 30), safetext.Quote(placed.Quote, 40)), func(b []byte) ([]byte, error) {
		if err := edit.Holds(b, line, source, quote); err != nil {
			return nil, err
		}
		out, n, wrote, err := edit.Respan(b, line, placed, text, an)
		lines, written = n, wrote
		return out, err
	}, func(c *data.Corpus) *data.Corpus { return edit.Respanned(c, index, written, an, lines) })
}

// excludeSelection asks why the selected text should not count (page
// furniture, a doubled heading) and adds it to its source's excluded
// ranges, marked by its text as the format asks; undoable like any edit.
func (w *MainWindow) excludeSelection() {
	sel := w.selected
	if w.corpus == nil || sel.source == nil || sel.end <= sel.start || w.corpus.Source(sel.source.ID) != sel.source {
		w.status.SetText("Select the text to exclude in a source first (drag across it).")
		return
	}
	text := sel.source.Text
	start, end := SnapToWords(text, sel.start, sel.end)
	from, to := utf8.RuneCountInString(text[:start]), utf8.RuneCountInString(text[:end])
	ex, r, err := edit.Markers(sel.source, from, to)
	if err != nil {
		w.status.SetText("Not excluded: " + err.Error())
		return
	}
	reason := widget.NewEntry()
	reason.SetPlaceHolder("page furniture, a doubled heading, an unrelated sidebar…")
	quote := safetext.Quote(text[start:end], 60)
	d := dialog.NewForm("Exclude "+quote+" from counting", "Exclude", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Reason", reason)}, func(ok bool) {
			if !ok {
				return
			}
			ex.Reason = strings.TrimSpace(reason.Text)
			r.Reason = ex.Reason
			id := sel.source.ID
			var line, lines int
			w.applyEdit("exclude "+safetext.Quote(text[start:end], 30), func(b []byte) ([]byte, error) {
				out, at, n, err := edit.AddExclusion(b, ex)
				line, lines = at, n
				return out, err
			}, func(c *data.Corpus) *data.Corpus { return edit.Excluded(c, id, r, line, lines) })
		}, w)
	reason.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	w.Canvas().Focus(reason)
}

// usedTopic puts a topic first among the recently used, for the picker.
func (w *MainWindow) usedTopic(id string) {
	w.recent = append([]string{id}, slices.DeleteFunc(w.recent, func(s string) bool { return s == id })...)
	if len(w.recent) > 9 {
		w.recent = w.recent[:9]
	}
}

// applyEdit makes an edit of the corpus file's bytes and shows the result:
// follow makes the corpus in memory that the edited file stands for (the
// edit package's Added, Removed, Retopicked), so nothing is loaded again;
// with no follow, the edited bytes are loaded. The change runs off the UI
// goroutine; edits made meanwhile wait their turn, so each is made on the
// bytes and the corpus the one before it left.
func (w *MainWindow) applyEdit(what string, change func([]byte) ([]byte, error), follow func(*data.Corpus) *data.Corpus) {
	w.applyEditIn("", what, change, follow)
}

// applyEditIn is applyEdit on one of the corpus' files: "" for the corpus
// file, or a coder's annotation file (as Annotation.File names it), which
// the session opens at its first edit.
func (w *MainWindow) applyEditIn(file, what string, change func([]byte) ([]byte, error), follow func(*data.Corpus) *data.Corpus) {
	if w.path == "" {
		w.offerCopy()
		return
	}
	if w.editing {
		w.queued = append(w.queued, func() { w.applyEditIn(file, what, change, follow) })
		return
	}
	w.editing = true
	w.status.SetText("Editing: " + what + "…")
	path := w.path
	var corpus, before []byte // nil: the first edit of a file reads it
	if w.session != nil {
		corpus, before = w.session.Bytes(), w.session.BytesOf(file)
	}
	go func() {
		var err error
		readFile := func(name string) ([]byte, error) {
			read := edit.ReadFile
			if name != "" {
				read = func(path string) ([]byte, error) { return edit.ReadBeside(path, name) }
			}
			raw, err := read(path)
			if err == nil {
				err = edit.CheckLineBreaks(raw)
			}
			return raw, err
		}
		if corpus == nil {
			corpus, err = readFile("")
		}
		read := before
		if err == nil && read == nil {
			read = corpus
			if file != "" {
				read, err = readFile(file)
			}
		}
		var out []byte
		if err == nil {
			out, err = change(read)
		}
		w.opts.Do(func() {
			switch {
			case path != w.path: // another corpus was opened meanwhile
			case err != nil:
				w.status.SetText("Not changed: " + err.Error())
			default:
				if w.session == nil {
					w.session = edit.NewSession(corpus)
				}
				w.session.Open(file, read)
				w.session.ApplyTo(file, what, func([]byte) ([]byte, error) { return out, nil })
				done := "Done: " + what + ". Ctrl+Z undoes it; Ctrl+S saves."
				if file != "" {
					done = "Done, in " + file + ": " + what + ". Ctrl+Z undoes it; Ctrl+S saves."
				}
				w.showEdited(done, follow)
				return // showEdited ends the edit
			}
			w.editDone()
		})
	}()
}

// editDone ends an edit, and starts the next one waiting.
func (w *MainWindow) editDone() {
	w.editing = false
	if len(w.queued) > 0 {
		next := w.queued[0]
		w.queued = w.queued[1:]
		next()
	}
}

// lastAnnotationLine is where the corpus shown says the last annotation
// of a file ("" for the corpus file) starts, for edit.AddAfter; 0 when it
// has none.
func (w *MainWindow) lastAnnotationLine(file string) int {
	for i := len(w.corpus.Annotations) - 1; i >= 0; i-- {
		if a := w.corpus.Annotations[i]; a.File == file {
			return a.Line
		}
	}
	return 0
}

// coderFile is the file the user's new annotations and rejections go to:
// their own annotation file when the corpus lists one for their name as
// coder, else the corpus file ("").
func (w *MainWindow) coderFile() string {
	return w.corpus.AnnotationFileOf(w.app.Preferences().String(prefCoder))
}

// addAnnotation is the change that adds a, after the last annotation
// where the corpus shown says it is (read alone), or, when that fails,
// after the last one the whole file's list has; line is set to where a
// starts.
func addAnnotation(a edit.Annotation, last int, line *int) func([]byte) ([]byte, error) {
	return func(b []byte) ([]byte, error) {
		if last > 0 {
			if out, at, err := edit.AddAfter(b, a, last); err == nil {
				*line = at
				return out, nil
			}
		}
		out, at, err := edit.AddAt(b, a)
		*line = at
		return out, err
	}
}

// offerCopy explains that the built-in corpus is read-only and offers to
// write a copy of it (its YAML and its source files) into a new folder
// inside one the user chooses, and to open the copy there.
func (w *MainWindow) offerCopy() {
	dialog.ShowConfirm("The built-in corpus is read-only",
		"Save a copy of it (the corpus file and its sources) into a folder you choose, and code in the copy?",
		func(ok bool) {
			if !ok {
				return
			}
			d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
				if err != nil || u == nil {
					return
				}
				path, err := assets.WriteCorpus(u.Path())
				if err != nil {
					dialog.ShowError(err, w)
					return
				}
				w.status.SetText("Copied the built-in corpus to " + path + "; select text and press a topic's number to code it.")
				w.load(path)
			}, w)
			d.Resize(fyne.NewSize(800, 560))
			d.Show()
		}, w)
}

// keptEdits are unsaved edits the journal kept for the corpus' files,
// each made on the file as it is now.
type keptEdits struct {
	corpus  []byte // the corpus file on disk
	files   []keptFile
	written time.Time // when the newest was kept
}

// keptFile is one file's kept edits: "" is the corpus file, else a coder's
// annotation file.
type keptFile struct {
	name  string
	disk  []byte
	entry edit.Entry
}

// keptEdits looks in the journal for unsaved edits of a corpus' files
// (the corpus file, and the coders' files of c); it runs off the UI
// goroutine, with the load.
func (w *MainWindow) keptEdits(path string, c *data.Corpus) *keptEdits {
	if w.opts.Journal == nil || path == "" {
		return nil
	}
	k := &keptEdits{}
	names := []string{""}
	for _, af := range c.AnnotationFiles {
		names = append(names, af.Path)
	}
	var err error
	for _, name := range names {
		e, ok := w.opts.Journal.Read(besideCorpus(path, name))
		if !ok {
			continue // nearly always: no file is read then
		}
		if k.corpus == nil {
			if k.corpus, err = edit.ReadFile(path); err != nil {
				return nil
			}
		}
		disk := k.corpus
		if name != "" {
			if disk, err = edit.ReadBeside(path, name); err != nil {
				continue
			}
		}
		if sha256.Sum256(disk) != e.Base || bytes.Equal(disk, e.Bytes) {
			continue // made on another version of the file, or nothing to restore
		}
		k.files = append(k.files, keptFile{name, disk, e})
		if e.Written.After(k.written) {
			k.written = e.Written
		}
	}
	if len(k.files) == 0 {
		return nil
	}
	return k
}

// offerRestore asks whether to restore edits kept from a session that did
// not end (a crash, a kill).
func (w *MainWindow) offerRestore(k keptEdits) {
	when := k.written.Local().Format("2 January 2006 15:04")
	msg := widget.NewLabel("Edits of this corpus made until " + when + " were never saved (the app did not close normally). Restore them? They stay unsaved until you save.")
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	restore := widget.NewButton("Restore", func() {
		d.Hide()
		w.session = edit.NewSession(k.corpus)
		for _, f := range k.files {
			w.session.Open(f.name, f.disk)
			w.session.ApplyTo(f.name, "restore the unsaved edits", func([]byte) ([]byte, error) { return f.entry.Bytes, nil })
		}
		w.editing = true
		w.showEdited("Restored the unsaved edits of "+when+". Ctrl+S saves them.", nil)
		w.event("restored", "path=%q", w.path)
	})
	restore.Importance = widget.HighImportance
	discard := widget.NewButton("Discard them", func() {
		d.Hide()
		names := make([]string, len(k.files))
		for i, f := range k.files {
			names[i] = f.name
		}
		w.dropEntries(names)
	})
	d = dialog.NewCustomWithoutButtons("Restore unsaved edits?", msg, w)
	d.SetButtons([]fyne.CanvasObject{discard, restore})
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	w.Canvas().Focus(restore) // Space restores
	w.event("restore-offered", "path=%q", w.path)
}

// journalState journals snap, the session's state, off the UI goroutine: an
// entry per file with unsaved edits, and none for the others. Requests are
// numbered on the UI goroutine and a request older than the newest one
// kept is skipped, so the journal ends with the newest state whatever the
// order the goroutines run in: an edit's request that ran after the save
// that followed it wrote the saved edits back as unsaved.
func (w *MainWindow) journalState(snap edit.Snapshot) {
	if w.opts.Journal == nil {
		return
	}
	w.journalRequests++
	go w.keep(w.journalRequests, w.path, snap) // a large corpus' journal takes a while to write
}

// keep writes snap to the journal unless a newer request was kept. What
// it says goes to the UI goroutine once the journal is free: Do may wait
// (a test's queue), and the UI goroutine may be waiting for the journal.
func (w *MainWindow) keep(request int, path string, snap edit.Snapshot) {
	kept, done, err := w.writeJournal(request, path, snap)
	switch {
	case err != nil:
		w.opts.Do(func() { w.status.SetText("The unsaved edits could not be journaled: " + err.Error()) })
	case done && w.opts.Events != nil:
		// The end-to-end test kills the app once its edit is journaled.
		w.opts.Do(func() { w.event("journaled", "path=%q files=%d", displayName(path), kept) })
	}
}

// writeJournal is keep's work under the journal's lock: done is false for
// a request older than one kept already.
func (w *MainWindow) writeJournal(request int, path string, snap edit.Snapshot) (kept int, done bool, err error) {
	w.journalMu.Lock()
	defer w.journalMu.Unlock()
	if request < w.journaled {
		return 0, false, nil // a newer state was kept already
	}
	w.journaled = request
	for _, name := range snap.Files() {
		saved, now := snap.File(name)
		if bytes.Equal(saved, now) {
			w.opts.Journal.Drop(besideCorpus(path, name))
			continue
		}
		if err := w.opts.Journal.Write(besideCorpus(path, name), saved, now); err != nil {
			return kept, true, err
		}
		kept++
	}
	return kept, true, nil
}

// besideCorpus is the path of a file of the corpus at path: the corpus
// file itself for "", else a coder's annotation file as the corpus lists
// it.
func besideCorpus(path, name string) string {
	if name == "" {
		return path
	}
	return filepath.Join(filepath.Dir(path), filepath.FromSlash(name))
}

// dropJournal drops the journal's entries of every file of the session
// (its edits were discarded, or saved under another name).
func (w *MainWindow) dropJournal() {
	names := []string{""}
	if w.session != nil {
		names = w.session.Files()
	}
	w.dropEntries(names)
}

// dropEntries drops the journal's entries of the corpus' files named, at
// once, on the UI goroutine: a quit may follow (Discard, then Quit), and
// an entry left on the file it was made on would be offered again. A
// journal request not kept yet is cancelled, so it cannot write them back;
// a write under way is waited for.
func (w *MainWindow) dropEntries(names []string) {
	if w.opts.Journal == nil {
		return
	}
	w.journalRequests++
	w.journalMu.Lock()
	defer w.journalMu.Unlock()
	w.journaled = w.journalRequests
	for _, name := range names {
		w.opts.Journal.Drop(besideCorpus(w.path, name))
	}
}

// showEdited loads the session's bytes in the background and shows them
// in place of the corpus, keeping the view: the filters, the meeting
// selected, the source open.
func (w *MainWindow) showEdited(done string, follow func(*data.Corpus) *data.Corpus) {
	snap, path, shown := w.session.Snapshot(), w.path, w.corpus
	w.loads++
	generation := w.loads
	w.journalState(snap) // beside the follow
	go func() {
		ready, err := followEdit(shown, follow, path, snap.Now, snap.Edited())
		w.opts.Do(func() {
			if generation != w.loads {
				return // a load or a later showing took over, and ends the edit
			}
			if err != nil {
				w.status.SetText("The edited corpus cannot be shown (" + err.Error() + "); Ctrl+Z undoes the edit.")
			} else {
				ready.followModel(w.corpus, w.timeline.Model())
				w.replaceCorpus(ready)
				if w.session != nil {
					w.session.Keep(snap, ready.corpus)
				}
				w.status.SetText(done)
			}
			w.showDirty()
			w.event("edited", "what=%q annotations=%d dirty=%v", done, len(w.corpus.Annotations), w.session.Dirty())
			if w.opts.OnLoaded != nil {
				w.opts.OnLoaded(nil)
			}
			w.editDone()
		})
	}()
}

// followEdit makes what the views show after an edit, off the UI
// goroutine: follow makes the edited corpus from the one shown (the edit
// package's Added, Removed, …); without one, or when it cannot, the edited
// bytes raw of the corpus file at path are loaded (with the coders' files
// as edited). When the edit changed
// annotations alone, the timeline's model is left for followModel, on the
// UI goroutine, which owns the model it follows.
func followEdit(shown *data.Corpus, follow func(*data.Corpus) *data.Corpus, path string, raw []byte, edited map[string][]byte) (loaded, error) {
	var c *data.Corpus
	if follow != nil {
		c = follow(shown)
	}
	if c == nil {
		var err error
		if c, err = edit.LoadEdited(path, raw, edited); err != nil {
			return loaded{}, err
		}
	}
	ready := loaded{corpus: c, totals: c.Totals()}
	if _, ok := c.AnnotationsChangedSince(shown); !ok {
		ready.model = timeline.NewModel(c)
	}
	return ready, nil
}

// followModel completes what followEdit made, on the UI goroutine: the
// timeline's model of the edited corpus, from the model shown when the
// edit changed its annotations alone (a fraction of a new model's cost).
func (ready *loaded) followModel(shown *data.Corpus, model *timeline.Model) {
	if ready.model != nil {
		return
	}
	if sources, ok := ready.corpus.AnnotationsChangedSince(shown); ok && model != nil {
		ready.model = model.Follow(ready.corpus, sources)
		return
	}
	ready.model = timeline.NewModel(ready.corpus)
}

// replaceCorpus shows a corpus that is the one on show with an edit: the
// views take it, the state keeps its filters, and the selected meeting
// and open source stay selected and open.
func (w *MainWindow) replaceCorpus(ready loaded) {
	defer w.reviewFollows()
	c := ready.corpus
	m, topic := w.state.Selected()
	open := w.state.Focus().Source()
	w.corpus, w.searcher = c, textmatch.NewSearcher(c)
	w.timeline.SetModel(ready.model)
	w.sidebar.SetCorpus(c, ready.totals)
	w.showOwnWork(c)
	w.filtersChanged()
	w.agreementFollows()
	w.selected = textSelection{}
	if m == nil {
		w.state.Clear("Select a chart cell or search to list spans here")
		return
	}
	var newTopic *data.Topic
	if topic != nil {
		newTopic = c.Topic(topic.ID)
	}
	w.state.Clear("")
	if nm := c.Meeting(m.ID); nm != nil {
		w.timeline.ShowSelection(nm, newTopic)
		if sel, ok := w.timeline.Selected(); ok {
			w.state.Select(sel)
		}
	}
	if open != nil {
		if s := c.Source(open.ID); s != nil {
			w.detail.ShowSource(s)
		}
	}
}

// annotationItems are the edits of an annotation a menu offers: another
// topic, or removal.
func (w *MainWindow) annotationItems(a *data.Annotation) []*fyne.MenuItem {
	var topics []*fyne.MenuItem
	for _, t := range w.corpus.Topics {
		if t == a.Topic {
			continue
		}
		id, label := t.ID, safetext.Clip(t.Label, maxShown)
		topics = append(topics, fyne.NewMenuItem(label, func() { w.retopic(a, id, label) }))
	}
	change := fyne.NewMenuItem("Change the topic to", nil)
	change.ChildMenu = fyne.NewMenu("", topics...)
	quote := safetext.Quote(a.Text(), 30)
	extent := fyne.NewMenuItem("Give it the selected extent  (Ctrl+Enter)", func() {
		w.resizing = a
		w.respanSelected()
	})
	extent.Disabled = w.selected.source != a.Source || w.selected.end <= w.selected.start
	return []*fyne.MenuItem{
		change,
		extent,
		fyne.NewMenuItem("Edit the note…", func() { w.editNote(a) }),
		fyne.NewMenuItem("Remove this annotation ("+safetext.Clip(a.Topic.Label, 24)+")", func() {
			line, index, lines, source, q := a.Line, a.Index, 0, a.Source.ID, a.Quote
			w.applyEditIn(a.File, "remove "+quote+" ("+safetext.Clip(a.Topic.Label, maxShown)+")", func(b []byte) ([]byte, error) {
				if err := edit.Holds(b, line, source, q); err != nil {
					return nil, err
				}
				out, n, err := edit.RemoveAt(b, line)
				lines = n
				return out, err
			}, func(c *data.Corpus) *data.Corpus { return edit.Removed(c, index, lines) })
		}),
	}
}

// editNote asks for an annotation's note and writes it.
func (w *MainWindow) editNote(a *data.Annotation) {
	was := a.Details().Note
	note := widget.NewMultiLineEntry()
	note.SetText(was)
	note.Wrapping = fyne.TextWrapWord
	note.SetMinRowsVisible(4)
	line, index, source, quote := a.Line, a.Index, a.Source.ID, a.Quote
	d := dialog.NewForm("The note of "+safetext.Quote(a.Text(), 40), "Keep", "Cancel", []*widget.FormItem{widget.NewFormItem("Note", note)}, func(ok bool) {
		if !ok || note.Text == was {
			return
		}
		text, lines := note.Text, 0
		w.applyEditIn(a.File, "edit the note of "+safetext.Quote(a.Text(), 30), func(b []byte) ([]byte, error) {
			if err := edit.Holds(b, line, source, quote); err != nil {
				return nil, err
			}
			out, err := edit.SetNote(b, line, text)
			lines = bytes.Count(out, []byte("\n")) - bytes.Count(b, []byte("\n"))
			return out, err
		}, func(c *data.Corpus) *data.Corpus { return edit.Noted(c, index, text, lines) })
	}, w)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	w.Canvas().Focus(note)
}

// retopic gives an annotation another topic.
func (w *MainWindow) retopic(a *data.Annotation, id, label string) {
	line, index, source, quote := a.Line, a.Index, a.Source.ID, a.Quote
	w.applyEditIn(a.File, fmt.Sprintf("give %s the topic %s", safetext.Quote(a.Text(), 30), label),
		func(b []byte) ([]byte, error) {
			if err := edit.Holds(b, line, source, quote); err != nil {
				return nil, err
			}
			return edit.Retopic(b, line, id)
		},
		func(c *data.Corpus) *data.Corpus { return edit.Retopicked(c, index, id) })
}

// spanMenu is the menu of the spans under the pointer in a source view
// (several where spans overlap), or of the selected text: code it as a
// topic.
func (w *MainWindow) spanMenu(s *data.Source, spans []*data.Annotation, at fyne.Position) {
	var items []*fyne.MenuItem
	if start, end := w.selected.start, w.selected.end; w.selected.source == s && end > start {
		var topics []*fyne.MenuItem
		for i, t := range w.corpus.Topics {
			n := i
			label := safetext.Clip(t.Label, maxShown)
			if i < 9 {
				label = fmt.Sprintf("%d  %s", i+1, label)
			}
			topics = append(topics, fyne.NewMenuItem(label, func() { w.codeSelection(n) }))
		}
		code := fyne.NewMenuItem("Code the selection as", nil)
		code.ChildMenu = fyne.NewMenu("", topics...)
		items = append(items, fyne.NewMenuItem("Choose a topic…  (Enter)", func() { w.showPicker(at) }), code,
			fyne.NewMenuItem("Exclude from counting…  (Ctrl+Shift+X)", w.excludeSelection))
	}
	for _, a := range spans {
		if len(items) > 0 {
			items = append(items, fyne.NewMenuItemSeparator())
		}
		head := fyne.NewMenuItem(safetext.Clip(a.Topic.Label, maxShown)+": "+safetext.Quote(a.Text(), 40), nil)
		head.Disabled = true
		items = append(items, head)
		items = append(items, w.annotationItems(a)...)
	}
	if len(items) > 0 {
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), w.Canvas(), at)
	}
}

// showOwnWork adds the user, as coder, to the coders shown once the corpus
// holds their work: what one has just coded never vanishes from view
// because someone else's coding was chosen.
func (w *MainWindow) showOwnWork(c *data.Corpus) {
	shown, me := w.state.Coders(), w.app.Preferences().String(prefCoder)
	if shown != nil && !shown.Includes(me) && slices.Contains(c.Coders(), me) {
		w.state.SetCoders(append(slices.Clone(shown), me))
	}
}

// askCoder asks for the name written as the coder of the annotations
// made here (kept in the preferences; empty for none).
func (w *MainWindow) askCoder() {
	name := widget.NewEntry()
	name.SetText(w.app.Preferences().String(prefCoder))
	dialog.ShowForm("Your name as coder", "Keep", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", name)}, func(ok bool) {
		if ok {
			w.app.Preferences().SetString(prefCoder, strings.TrimSpace(name.Text))
			w.status.SetText("Annotations you make now carry the coder " + safetext.Quote(strings.TrimSpace(name.Text), 40) + ".")
		}
	}, w)
}

// Undo undoes the last edit; Redo makes it again.
func (w *MainWindow) Undo() {
	if w.editing {
		w.queued = append(w.queued, w.Undo)
		return
	}
	if w.session == nil || w.session.CanUndo() == "" {
		w.status.SetText("Nothing to undo.")
		return
	}
	w.editing = true
	w.showEdited("Undone: "+w.session.Undo()+".", w.keptCorpus())
}

// keptCorpus is a follow that gives the corpus the session kept for its
// bytes now, after an undo or redo; nil (load the bytes) when none is kept.
func (w *MainWindow) keptCorpus() func(*data.Corpus) *data.Corpus {
	c := w.session.Corpus()
	if c == nil {
		return nil
	}
	return func(*data.Corpus) *data.Corpus { return c }
}

// Redo makes the last undone edit again.
func (w *MainWindow) Redo() {
	if w.editing {
		w.queued = append(w.queued, w.Redo)
		return
	}
	if w.session == nil || w.session.CanRedo() == "" {
		w.status.SetText("Nothing to redo.")
		return
	}
	w.editing = true
	w.showEdited("Redone: "+w.session.Redo()+".", w.keptCorpus())
}

// dirty reports whether there are unsaved edits.
func (w *MainWindow) dirty() bool { return w.session != nil && w.session.Dirty() }

// showDirty marks unsaved edits in the title, and names the next undo
// and redo in the menu.
func (w *MainWindow) showDirty() {
	w.SetMainMenu(w.menu())
	if w.corpus == nil {
		return
	}
	mark := ""
	if w.dirty() {
		mark = "• "
	}
	w.SetTitle(fmt.Sprintf("%s%s — %s", mark, safetext.Clip(w.corpus.Title, maxShown), w.opts.AppName))
}

// Save writes the edits to the corpus file, in the background: the bytes
// are loaded again and must give exactly the corpus shown, the file on
// disk must still be what was read, and the write is atomic. Source text
// files are never written.
func (w *MainWindow) Save() { w.save(nil) }

// save is Save, calling then once the edits are saved.
func (w *MainWindow) save(then func()) {
	if !w.dirty() {
		w.status.SetText("Nothing to save.")
		if then != nil {
			then()
		}
		return
	}
	snap, path, shown := w.session.Snapshot(), w.path, w.corpus
	write := w.opts.WriteFile // nil: atomicfile.Write
	w.status.SetText("Saving " + path + "…")
	go func() {
		written, err := edit.WriteSnapshot(path, snap, shown, write)
		w.opts.Do(func() {
			if w.session != nil && path == w.path {
				w.session.MarkSaved(snap, written...) // a file written is saved, whatever came after
				// The files saved lose their entries, those edited since
				// keep theirs. Should the app end before this runs, an entry
				// left was made on the file before the save, which a start
				// does not offer.
				w.journalState(w.session.Snapshot())
			}
			var coderFile *edit.FileChangedError
			switch {
			case errors.As(err, &coderFile):
				// A coder's own file, changed by another program: only its
				// coder edits it, so this is rare (a pull of their own work
				// from elsewhere); nothing is re-applied into it by guess.
				dialog.ShowError(fmt.Errorf("%w. Your edits are kept here: look at the file, then undo yours there or reload", err), w)
				w.event("changed-on-disk", "path=%q file=%q", path, coderFile.File)
			case errors.Is(err, edit.ErrChangedOnDisk):
				w.offerChangedOnDisk(then)
			case err != nil:
				dialog.ShowError(fmt.Errorf("save %s: %w", filepath.Base(path), err), w)
			default:
				var files []string // what was written, and that alone
				for _, name := range written {
					files = append(files, besideCorpus(path, name))
				}
				w.status.SetText("Saved " + strings.Join(files, ", ") + ".")
				w.event("saved", "path=%q files=%q", path, strings.Join(written, ","))
				if then != nil {
					then()
				}
			}
			w.showDirty()
		})
	}()
}

// offerChangedOnDisk says that the corpus file changed on disk since it
// was read, so Save wrote nothing, and offers: make the edits again on the
// file as it is now (reporting those that no longer find their place),
// save them as a new file beside it, or keep editing.
func (w *MainWindow) offerChangedOnDisk(then func()) {
	msg := widget.NewLabel("The corpus file changed on disk since it was read (another editor, a git pull), so nothing was written. Your edits are kept here.")
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	reapply := widget.NewButton("Reload and re-apply my edits", func() {
		d.Hide()
		w.reapplyEdits(then)
	})
	reapply.Importance = widget.HighImportance
	saveAs := widget.NewButton("Save as a new file…", func() {
		d.Hide()
		w.saveAs()
	})
	keep := widget.NewButton("Keep editing", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("The file changed on disk", msg, w)
	d.SetButtons([]fyne.CanvasObject{keep, saveAs, reapply})
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	w.event("changed-on-disk", "path=%q", w.path)
}

// reapplyEdits makes the edits again on the corpus file as it is on disk
// now, in the background: what they changed is read off the corpus as
// read and as shown, each change is made where it still finds its place,
// and the result is shown, unsaved, with a report of what could not be
// made. Then runs once the result is saved.
func (w *MainWindow) reapplyEdits(then func()) {
	if w.session == nil || w.editing {
		return
	}
	w.editing = true
	path, read, shown, was := w.path, w.session.Saved(), w.corpus, w.session
	edited := was.Edited()
	w.status.SetText("Re-applying the edits to " + path + " as it is on disk now…")
	go func() {
		var out, disk []byte
		var done []edit.Change
		var failed []edit.Failure
		// The coders' files keep their edits as they are (Changes leaves
		// their annotations out): only the corpus file's are made again.
		before, err := edit.LoadEdited(path, read, edited)
		if err == nil {
			disk, err = edit.ReadFile(path)
		}
		var changes []edit.Change
		if err == nil {
			changes, err = edit.Changes(before, shown)
		}
		if err == nil {
			out, done, failed, err = edit.ReapplyEdited(path, disk, edited, changes)
		}
		w.opts.Do(func() {
			if path != w.path {
				return
			}
			if err != nil {
				w.editDone()
				dialog.ShowError(fmt.Errorf("the edits could not be re-applied (%w); they are kept here: save them as a new file (File > Save as a new file)", err), w)
				return
			}
			w.session = edit.NewSession(disk)
			w.session.Apply(fmt.Sprintf("re-apply %d edits on the file as changed on disk", len(done)), func([]byte) ([]byte, error) { return out, nil })
			for _, name := range was.Files()[1:] { // the coders' files, with their edits
				w.session.Open(name, was.SavedOf(name))
				if now := was.BytesOf(name); !bytes.Equal(now, was.SavedOf(name)) {
					w.session.ApplyTo(name, "keep the edits of "+name, func([]byte) ([]byte, error) { return now, nil })
				}
			}
			report := fmt.Sprintf("Re-applied %d changes to the file as it is on disk now; they are unsaved: Ctrl+S saves them.", len(done))
			if len(failed) > 0 {
				var lines []string
				for _, f := range failed {
					lines = append(lines, "• "+safetext.Clip(f.Change.String(), 100)+": "+safetext.Clip(f.Reason, 120))
				}
				msg := widget.NewLabel(report + "\n\nThese no longer find their place and were not made:\n" + strings.Join(lines, "\n"))
				msg.Wrapping = fyne.TextWrapWord
				dialog.ShowCustom("Edits re-applied", "OK", container.NewVScroll(msg), w)
			}
			w.event("reapplied", "done=%d failed=%d", len(done), len(failed))
			w.showEdited(report, nil)
			_ = then // the user saves when ready: what was re-applied needs a look first
		})
	}()
}

// saveAs writes the edits to a new corpus file beside the one read (so
// its sources are found), named by the user, never over an existing file,
// and continues there.
func (w *MainWindow) saveAs() {
	if !w.dirty() {
		return
	}
	if dirty := w.session.DirtyFiles(); len(dirty) > 1 || dirty[0] != "" {
		dialog.ShowError(fmt.Errorf("a new corpus file cannot take the unsaved edits of the coders' files (%s): save those, or undo them, first",
			strings.Join(slices.DeleteFunc(dirty, func(s string) bool { return s == "" }), ", ")), w)
		return
	}
	path, raw, shown := w.path, w.session.Bytes(), w.corpus
	name := widget.NewEntry()
	name.SetText(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + "-mine.yaml")
	dialog.ShowForm("Save the edits as a new file beside "+filepath.Base(path), "Save", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("File name", name)}, func(ok bool) {
			file := strings.TrimSpace(name.Text)
			if !ok || file == "" {
				return
			}
			if filepath.Base(file) != file {
				dialog.ShowError(errors.New("give a file name alone: the new file goes beside the corpus file, so its sources are found"), w)
				return
			}
			target := filepath.Join(filepath.Dir(path), file)
			go func() {
				err := edit.SaveAs(path, target, raw, shown)
				w.opts.Do(func() {
					if err != nil {
						dialog.ShowError(err, w)
						return
					}
					w.event("saved-as", "path=%q", target)
					w.dropJournal()
					w.session = nil
					w.load(target)
				})
			}()
		}, w)
}

// Quit ends the app, after asking about unsaved edits.
func (w *MainWindow) Quit() { w.guardUnsaved("quit", func() { w.quitting(); w.app.Quit() }) }

// quitting tells Options.Quitting that the app is about to end.
func (w *MainWindow) quitting() {
	if w.opts.Quitting != nil {
		w.opts.Quitting()
	}
}

// guardUnsaved runs then, after asking when there are unsaved edits:
// save them first, discard them, or cancel.
func (w *MainWindow) guardUnsaved(action string, then func()) {
	if !w.dirty() {
		then()
		return
	}
	msg := widget.NewLabel("The corpus has edits that are not saved. Save them before you " + action + "?")
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	save := widget.NewButton("Save", func() {
		d.Hide()
		w.save(then) // then runs once the save has succeeded
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton("Discard", func() {
		d.Hide()
		w.dropJournal()
		w.session = nil
		then()
	})
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Unsaved edits", msg, w)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}
