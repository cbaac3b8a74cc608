package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/importdoc"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Making a corpus in the window: a new, empty one in a folder, topics and
// meetings added, and documents imported as its sources. Each is an edit
// of the corpus file through applyEdit (undoable, saved with Ctrl+S); an
// import also writes each document's text once, as a new file under
// sources/, when it is made.

// NewCorpus asks for a folder and a title and writes an empty corpus
// there (edit.Create: never into a folder that holds one), then opens it.
func (w *MainWindow) NewCorpus() {
	w.guardUnsaved("make a new corpus", func() {
		title := widget.NewEntry()
		title.SetPlaceHolder("U.S.–ROK alliance statements, 2012–2023")
		folder := widget.NewLabel("(none chosen)")
		var dir string
		choose := widget.NewButton("Choose a folder…", nil)
		form := []*widget.FormItem{widget.NewFormItem("Title", title), widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, folder))}
		d := dialog.NewForm("A new corpus", "Make it", "Cancel", form, func(ok bool) {
			if !ok {
				return
			}
			if dir == "" {
				w.status.SetText("Not made: choose a folder for the corpus.")
				return
			}
			path, err := edit.Create(dir, title.Text)
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			w.event("created", "path=%q", path)
			w.load(path)
			w.status.SetText("Made " + path + ". Add topics (Edit > New topic…), a meeting (Edit > New meeting…), and import documents (File > Import…, or drop them on the window).")
		}, w)
		choose.OnTapped = func() {
			fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
				if err == nil && u != nil {
					dir = u.Path()
					folder.SetText(safetext.Clip(dir, 60))
				}
			}, w)
			fd.Resize(fyne.NewSize(800, 560))
			fd.Show()
		}
		title.Validator = func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("give the corpus a title")
			}
			return nil
		}
		title.OnSubmitted = func(string) { d.Submit() }
		d.Resize(fyne.NewSize(560, 0))
		d.Show()
		w.Canvas().Focus(title)
	})
}

// NewTopic asks for a topic's label and adds the topic (an id from the
// label, a free colour of the palette).
func (w *MainWindow) NewTopic() {
	if w.corpus == nil {
		return
	}
	label := widget.NewEntry()
	label.SetPlaceHolder("Extended deterrence")
	d := dialog.NewForm("A new topic", "Add", "Cancel", []*widget.FormItem{widget.NewFormItem("Label", label)}, func(ok bool) {
		text := strings.TrimSpace(label.Text)
		if !ok || text == "" {
			return
		}
		topic := edit.NewTopic(w.corpus, text)
		var line, lines int
		w.applyEdit("add the topic "+safetext.Quote(text, 40), func(b []byte) ([]byte, error) {
			out, at, n, err := edit.AddTopicAt(b, topic)
			line, lines = at, n
			return out, err
		}, func(c *data.Corpus) *data.Corpus {
			n, err := edit.TopicAdded(c, topic, line, lines)
			if err != nil {
				return nil
			}
			return n
		})
	}, w)
	label.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	w.Canvas().Focus(label)
}

// meetingForm is the fields of a new meeting, each checked as the loader
// checks it.
type meetingForm struct {
	title, kind, date *widget.Entry
}

// newMeetingForm makes the fields; with validate, each refuses bad input
// at once (a dialog's button waits for them); without, check does it.
func newMeetingForm(validate bool) *meetingForm {
	f := &meetingForm{title: widget.NewEntry(), kind: widget.NewEntry(), date: widget.NewEntry()}
	f.title.SetPlaceHolder("54th Security Consultative Meeting")
	f.kind.SetText("SCM")
	f.date.SetPlaceHolder("2022-11-03, 2022-11 or 2022")
	if validate {
		f.title.Validator, f.date.Validator = checkTitle, checkDate
	}
	return f
}

func checkTitle(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("it needs a title")
	}
	return nil
}

func checkDate(s string) error {
	_, err := data.ParseDate(strings.TrimSpace(s))
	return err // the loader's own message
}

// check says what is wrong with the fields, the title first.
func (f *meetingForm) check() error {
	if err := checkTitle(f.title.Text); err != nil {
		return err
	}
	if err := checkDate(f.date.Text); err != nil {
		return fmt.Errorf("the meeting's date: %w", err)
	}
	return nil
}

func (f *meetingForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Kind", f.kind),
		{Text: "Date", Widget: f.date, HintText: "a day, a month or a year, as precise as is known"},
	}
}

// meeting is the form's meeting with an id made from its title, unique in
// c.
func (f *meetingForm) meeting(c *data.Corpus, sources []string) edit.Meeting {
	id := edit.NewID(f.title.Text, "meeting", func(id string) bool { return c.Meeting(id) != nil })
	kind := strings.TrimSpace(f.kind.Text)
	if kind == "" {
		kind = "meeting"
	}
	return edit.Meeting{ID: id, Title: strings.TrimSpace(f.title.Text), Kind: kind, Date: strings.TrimSpace(f.date.Text), Sources: sources}
}

// NewMeeting asks for a meeting's title, kind and date and adds it.
func (w *MainWindow) NewMeeting() {
	if w.corpus == nil {
		return
	}
	f := newMeetingForm(true)
	d := dialog.NewForm("A new meeting", "Add", "Cancel", f.items(), func(ok bool) {
		if !ok {
			return
		}
		m := f.meeting(w.corpus, nil)
		w.applyEdit("add the meeting "+safetext.Quote(m.Title, 40), func(b []byte) ([]byte, error) {
			out, _, err := edit.AddMeeting(b, m)
			return out, err
		}, nil)
	}, w)
	for _, e := range []*widget.Entry{f.title, f.kind, f.date} {
		e.OnSubmitted = func(string) { d.Submit() }
	}
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	w.Canvas().Focus(f.title)
}

// ShowImport asks for a document to import (File > Import…).
func (w *MainWindow) ShowImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		w.fileDialog = nil
		if err != nil || r == nil {
			return
		}
		r.Close()
		w.importFiles([]string{r.URI().Path()})
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".html", ".htm", ".docx", ".pdf"}))
	w.fileDialog = d
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// importFiles asks which meeting the documents report (one of the
// corpus', a new one, or none yet) and, for one document, its title and
// encoding, then imports them in the background, with a progress bar that
// cancels.
func (w *MainWindow) importFiles(files []string) {
	if w.corpus == nil {
		return
	}
	if w.path == "" {
		w.offerCopy()
		return
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	none, newOne := "(none yet)", "A new meeting…"
	options := []string{none}
	byLabel := map[string]string{}
	for _, m := range w.corpus.MeetingsByDate() {
		label := fmt.Sprintf("%s · %s", m.Date.String(), safetext.Clip(m.Title, 60))
		options = append(options, label)
		byLabel[label] = m.ID
	}
	options = append(options, newOne)
	mf := newMeetingForm(false) // hidden until chosen: checked on Import
	newFields := widget.NewForm(mf.items()...)
	newFields.Hide()
	meeting := widget.NewSelect(options, func(s string) { newFields.Hidden = s != newOne; newFields.Refresh() })
	meeting.SetSelected(none)
	title := widget.NewEntry()
	title.SetPlaceHolder("the document's own title, or its file name")
	encoding := widget.NewSelect([]string{"detect", "utf-8", "utf-16le", "euc-kr", "windows-1252"}, nil)
	encoding.SetSelected("detect")
	items := []*widget.FormItem{
		widget.NewFormItem("Documents", widget.NewLabel(safetext.Clip(strings.Join(names, ", "), 80))),
		widget.NewFormItem("Meeting", meeting),
	}
	if len(files) == 1 {
		items = append(items, widget.NewFormItem("Title", title))
	}
	items = append(items, widget.NewFormItem("Encoding", encoding), widget.NewFormItem("", newFields))
	d := dialog.NewForm("Import "+safetext.Clip(strings.Join(names, ", "), 60), "Import", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		req := importdoc.Request{Files: files, Title: title.Text, Today: time.Now().Format("2006-01-02")}
		if e := encoding.Selected; e != "detect" {
			req.Encoding = e
		}
		var m *edit.Meeting
		switch s := meeting.Selected; s {
		case none:
		case newOne:
			if err := mf.check(); err != nil {
				dialog.ShowError(err, w)
				return
			}
			nm := mf.meeting(w.corpus, nil)
			m = &nm
		default:
			req.Meeting = byLabel[s]
		}
		w.runImport(req, m)
	}, w)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
}

// runImport imports in the background as one edit: the new meeting first
// (when there is one), then each document; the documents that cannot be
// imported are reported, and nothing is left of them.
func (w *MainWindow) runImport(req importdoc.Request, m *edit.Meeting) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	note := widget.NewLabel(fmt.Sprintf("%d document(s): extracting the text", len(req.Files)))
	progress := dialog.NewCustomWithoutButtons("Importing…", container.NewVBox(note, bar), w)
	req.Progress = func(done, total int) { // a PDF's pages, as they are read
		w.opts.Do(func() {
			bar.SetValue(float64(done) / float64(max(total, 1)))
			note.SetText(fmt.Sprintf("page %d of %d", done, total))
		})
	}
	stop := widget.NewButton("Cancel", cancel)
	progress.SetButtons([]fyne.CanvasObject{stop})
	progress.Show()
	path := w.path
	var res importdoc.Result
	w.applyEdit(fmt.Sprintf("import %d document(s)", len(req.Files)), func(b []byte) ([]byte, error) {
		defer w.opts.Do(func() { progress.Hide(); cancel() })
		if m != nil {
			out, _, err := edit.AddMeeting(b, *m)
			if err != nil {
				return nil, err
			}
			b, req.Meeting = out, m.ID
		}
		var err error
		res, err = importdoc.Import(ctx, path, b, req)
		if err != nil {
			return nil, err
		}
		w.opts.Do(func() { w.reportImport(res) })
		if len(res.Imported) == 0 {
			return nil, errors.New("no document was imported")
		}
		return res.Bytes, nil
	}, nil)
}

// reportImport says what an import did, and why a document was not
// imported.
func (w *MainWindow) reportImport(res importdoc.Result) {
	w.event("imported", "done=%d failed=%d", len(res.Imported), len(res.Failed))
	if len(res.Failed) == 0 {
		return
	}
	var lines []string
	for _, f := range res.Failed {
		lines = append(lines, "• "+safetext.Clip(filepath.Base(f.File), 60)+": "+safetext.Clip(f.Err.Error(), 200))
	}
	msg := widget.NewLabel(fmt.Sprintf("%d imported. Not imported (nothing was written for these):\n%s", len(res.Imported), strings.Join(lines, "\n")))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Import", "OK", container.NewVScroll(msg), w)
	d.Resize(fyne.NewSize(640, 320))
	d.Show()
}

// EditTopics shows the topic editor: a topic's label, colour, description
// and terms changed, or the topic merged into another (its annotations
// following) or deleted with its annotations, each one undoable edit.
func (w *MainWindow) EditTopics() {
	if w.corpus == nil || len(w.corpus.Topics) == 0 {
		w.status.SetText("The corpus has no topics yet: Edit > New topic adds one.")
		return
	}
	c := w.corpus
	spans := map[string]int{}
	for _, a := range c.Annotations {
		if a.Topic != nil {
			spans[a.Topic.ID]++
		}
	}
	var labels []string
	byLabel := map[string]*data.Topic{}
	for _, t := range c.Topics {
		l := fmt.Sprintf("%s (%d)", safetext.Clip(t.Label, 60), spans[t.ID])
		labels = append(labels, l)
		byLabel[l] = t
	}
	label, colour, terms := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	description := widget.NewMultiLineEntry()
	description.Wrapping = fyne.TextWrapWord
	description.SetMinRowsVisible(3)
	colour.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := data.ParseColor(strings.TrimSpace(s))
		return err
	}
	terms.SetPlaceHolder("comma-separated: extended deterrence, nuclear umbrella")
	var current *data.Topic
	into := widget.NewSelect(nil, nil)
	pick := widget.NewSelect(labels, func(s string) {
		current = byLabel[s]
		label.SetText(current.Label)
		colour.SetText(fmt.Sprintf("#%02X%02X%02X", current.Color.R, current.Color.G, current.Color.B))
		description.SetText(current.Description)
		terms.SetText(strings.Join(current.Terms, ", "))
		var others []string
		for _, l := range labels {
			if byLabel[l] != current {
				others = append(others, l)
			}
		}
		into.Options = others
		into.ClearSelected()
	})
	var d *dialog.CustomDialog
	keep := widget.NewButton("Keep the changes", func() {
		if current == nil || colour.Validate() != nil {
			return
		}
		was := data.Topic(*current)
		fields := func(t *data.Topic, col string) edit.TopicFields {
			return edit.TopicFields{Label: t.Label, Color: col, Description: t.Description, Terms: t.Terms}
		}
		now := edit.TopicFields{Label: strings.TrimSpace(label.Text), Color: strings.ToUpper(strings.TrimSpace(colour.Text)),
			Description: strings.TrimSpace(description.Text), Terms: splitTerms(terms.Text)}
		old := fields(&was, fmt.Sprintf("#%02X%02X%02X", was.Color.R, was.Color.G, was.Color.B))
		d.Hide()
		id := current.ID
		w.applyEdit("change the topic "+safetext.Quote(was.Label, 40), func(b []byte) ([]byte, error) {
			return edit.SetTopic(b, id, old, now)
		}, nil)
	})
	keep.Importance = widget.HighImportance
	merge := widget.NewButton("Merge into the topic chosen", func() {
		target := byLabel[into.Selected]
		if current == nil || target == nil {
			w.status.SetText("Choose the topic to merge into first.")
			return
		}
		d.Hide()
		from, to := current.ID, target.ID
		w.applyEdit(fmt.Sprintf("merge %s into %s", safetext.Quote(current.Label, 30), safetext.Quote(target.Label, 30)), func(b []byte) ([]byte, error) {
			return edit.MergeTopic(b, c, from, to)
		}, nil)
	})
	remove := widget.NewButton("Delete the topic and its annotations", func() {
		if current == nil {
			return
		}
		id, name, n := current.ID, current.Label, spans[current.ID]
		dialog.ShowConfirm("Delete "+safetext.Quote(name, 40)+"?",
			fmt.Sprintf("The topic and its %d annotation(s) go; Ctrl+Z brings them back until you save.", n), func(ok bool) {
				if !ok {
					return
				}
				d.Hide()
				w.applyEdit(fmt.Sprintf("delete the topic %s and its %d annotations", safetext.Quote(name, 30), n), func(b []byte) ([]byte, error) {
					return edit.DeleteTopic(b, c, id)
				}, nil)
			}, w)
	})
	remove.Importance = widget.DangerImportance
	form := widget.NewForm(
		widget.NewFormItem("Topic", pick),
		widget.NewFormItem("Label", label),
		widget.NewFormItem("Colour", colour),
		widget.NewFormItem("Description", description),
		widget.NewFormItem("Terms", terms),
		widget.NewFormItem("Merge into", into),
	)
	d = dialog.NewCustomWithoutButtons("Topics", form, w)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { d.Hide() }), remove, merge, keep})
	d.Resize(fyne.NewSize(720, 0))
	d.Show()
	pick.SetSelectedIndex(0)
}

// splitTerms reads a comma-separated list of terms.
func splitTerms(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// recordField is one field of a record an editor changes: its label, its
// key in the corpus file, its value now, and the check its input passes.
type recordField struct {
	label, key string
	value      string
	check      func(string) error
	multiline  bool
	lines      bool   // multiline, a record a line: no wrapping
	hint       string // said under the field
	// write makes the change of a field that is not a key of the record
	// (a source's meetings); nil: the key is set.
	write func(b []byte, old, now string) ([]byte, error)
}

// editRecord shows an editor of records of one list (meetings, sources):
// one chosen by its label, its fields, and Keep, which writes the fields
// that changed (edit.SetFields) as one undoable edit; extra adds widgets
// below the fields for the chosen record.
func (w *MainWindow) editRecord(title, list, what string, labels []string, ids []string, fields func(i int) []recordField) {
	entries := map[string]*widget.Entry{}
	var order []recordField
	box := widget.NewForm()
	current := -1
	show := func(i int) {
		current = i
		order = fields(i)
		box.Items = nil
		for _, f := range order {
			e := widget.NewEntry()
			switch {
			case f.lines:
				e = widget.NewMultiLineEntry()
				e.SetMinRowsVisible(3)
			case f.multiline:
				e = widget.NewMultiLineEntry()
				e.Wrapping = fyne.TextWrapWord
				e.SetMinRowsVisible(2)
			}
			e.SetText(f.value)
			if f.check != nil {
				e.Validator = f.check
			}
			entries[f.key] = e
			box.AppendItem(&widget.FormItem{Text: f.label, Widget: e, HintText: f.hint})
		}
		box.Refresh()
	}
	pick := widget.NewSelect(labels, func(s string) {
		for i, l := range labels {
			if l == s {
				show(i)
			}
		}
	})
	var d *dialog.CustomDialog
	keep := widget.NewButton("Keep the changes", func() {
		if current < 0 {
			return
		}
		var kv [][2]string
		var writes []func([]byte) ([]byte, error)
		for _, f := range order {
			e := entries[f.key]
			text := strings.TrimSpace(e.Text)
			if f.check != nil {
				if err := f.check(text); err != nil {
					w.status.SetText(f.label + ": " + err.Error())
					return
				}
			}
			switch {
			case text == f.value:
			case f.write != nil:
				write, old := f.write, f.value
				writes = append(writes, func(b []byte) ([]byte, error) { return write(b, old, text) })
			default:
				kv = append(kv, [2]string{f.key, edit.Scalar(text)})
			}
		}
		d.Hide()
		if len(kv) == 0 && len(writes) == 0 {
			w.status.SetText("Nothing changed.")
			return
		}
		id := ids[current]
		w.applyEdit(fmt.Sprintf("change the %s %s", what, safetext.Quote(labels[current], 40)), func(b []byte) ([]byte, error) {
			out, err := edit.SetFields(b, list, what, id, kv)
			for _, write := range writes {
				if err == nil {
					out, err = write(out)
				}
			}
			return out, err
		}, nil)
	})
	keep.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewForm(widget.NewFormItem(strings.ToUpper(what[:1])+what[1:], pick)), box), w)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", func() { d.Hide() }), keep})
	d.Resize(fyne.NewSize(720, 0))
	d.Show()
	if len(labels) > 0 {
		pick.SetSelectedIndex(0)
	}
}

// EditMeetings shows the meeting editor: title, short label, kind, date
// (a day, a month or a year) and end, place, summary and notes.
func (w *MainWindow) EditMeetings() {
	if w.corpus == nil || len(w.corpus.Meetings) == 0 {
		w.status.SetText("The corpus has no meetings yet: Edit > New meeting adds one.")
		return
	}
	ms := w.corpus.MeetingsByDate()
	var labels, ids []string
	for _, m := range ms {
		labels = append(labels, fmt.Sprintf("%s · %s", m.Date.String(), safetext.Clip(m.Title, 60)))
		ids = append(ids, m.ID)
	}
	optionalDate := func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return checkDate(s)
	}
	w.editRecord("Meetings", "meetings", "meeting", labels, ids, func(i int) []recordField {
		m := ms[i]
		end := ""
		if !m.End.IsZero() {
			end = m.End.String()
		}
		short := m.Short
		if short == m.Title {
			short = "" // the loader's default
		}
		var people []string
		for _, p := range m.Participants {
			people = append(people, strings.TrimRight(strings.Join([]string{p.Name, p.Hangul, p.Role, p.Country}, " | "), " |"))
		}
		id := m.ID
		return []recordField{
			{label: "Title", key: "title", value: m.Title, check: checkTitle},
			{label: "Short label", key: "short", value: short},
			{label: "Participants", key: "participants", value: strings.Join(people, "\n"), lines: true, hint: "a line each: name | 한글 | role | country",
				check: func(s string) error { _, err := parseParticipants(s); return err },
				write: func(b []byte, _, now string) ([]byte, error) {
					ps, err := parseParticipants(now)
					if err != nil {
						return nil, err
					}
					return edit.SetParticipants(b, id, ps)
				}},
			{label: "Kind", key: "kind", value: m.Kind},
			{label: "Date", key: "date", value: m.Date.String(), check: checkDate},
			{label: "End", key: "end", value: end, check: optionalDate},
			{label: "Place", key: "place", value: m.Place},
			{label: "Summary", key: "summary", value: m.Summary, multiline: true},
			{label: "Notes", key: "notes", value: m.Notes, multiline: true},
		}
	})
}

// EditSources shows the source editor: title, publisher, author, the date
// as printed and its note, URL, kind and language.
func (w *MainWindow) EditSources() {
	if w.corpus == nil || len(w.corpus.Sources) == 0 {
		w.status.SetText("The corpus has no sources yet: File > Import adds documents.")
		return
	}
	ss := w.corpus.Sources
	var labels, ids []string
	for _, s := range ss {
		labels = append(labels, safetext.Clip(s.Title, 70))
		ids = append(ids, s.ID)
	}
	url := func(s string) error {
		if s != "" && !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
			return errors.New("a URL starts with http:// or https://")
		}
		return nil
	}
	c := w.corpus
	meetingIDs := func(s string) error {
		for _, id := range splitTerms(s) {
			if c.Meeting(id) == nil {
				return fmt.Errorf("there is no meeting %q", id)
			}
		}
		return nil
	}
	w.editRecord("Sources", "sources", "source", labels, ids, func(i int) []recordField {
		s := ss[i]
		var reports []string
		for _, m := range s.Meetings {
			reports = append(reports, m.ID)
		}
		id := s.ID
		return []recordField{
			{label: "Reports", key: "meetings", hint: "the ids of the meetings it reports, comma-separated", value: strings.Join(reports, ", "), check: meetingIDs,
				write: func(b []byte, old, now string) ([]byte, error) {
					return reattach(b, id, splitTerms(old), splitTerms(now))
				}},
			{label: "Title", key: "title", value: s.Title, check: checkTitle},
			{label: "Publisher", key: "publisher", value: s.Publisher},
			{label: "Author", key: "author", value: s.Author},
			{label: "Published (as printed)", key: "published", value: s.Published},
			{label: "Why that date", key: "published_note", value: s.PublishedNote, multiline: true},
			{label: "URL", key: "url", value: s.URL, check: url},
			{label: "Kind", key: "kind", value: s.Kind},
			{label: "Language", key: "language", value: s.Language},
		}
	})
}

// reattach makes source id reported by the meetings now instead of was:
// attached to the new ones, detached from the ones left out.
func reattach(b []byte, id string, was, now []string) ([]byte, error) {
	var err error
	for _, m := range now {
		if !slices.Contains(was, m) {
			if b, err = edit.AttachSource(b, m, id); err != nil {
				return nil, err
			}
		}
	}
	for _, m := range was {
		if !slices.Contains(now, m) {
			if b, err = edit.DetachSource(b, m, id); err != nil {
				return nil, err
			}
		}
	}
	return b, nil
}

// parseParticipants reads the participants field: a line each, "name |
// Hangul name | role | country", every part but the name optional.
func parseParticipants(s string) ([]edit.Participant, error) {
	var out []edit.Participant
	for i, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.Split(line, "|")
		for len(parts) < 4 {
			parts = append(parts, "")
		}
		if len(parts) > 4 {
			return nil, fmt.Errorf("line %d: a participant is at most name | 한글 | role | country", i+1)
		}
		p := edit.Participant{Name: strings.TrimSpace(parts[0]), Hangul: strings.TrimSpace(parts[1]), Role: strings.TrimSpace(parts[2]), Country: strings.TrimSpace(parts[3])}
		if p.Name == "" {
			return nil, fmt.Errorf("line %d: a participant needs a name", i+1)
		}
		out = append(out, p)
	}
	return out, nil
}
