package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/importdoc"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// The import dialog: documents made sources of the corpus shown, in the
// background, as one undoable edit (data/importdoc does the work).

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
