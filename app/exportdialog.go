package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/export"
)

// ShowExport exports the chart on show; ShowExportTimeline the timeline.
// The file's extension chooses the format (.png, .svg, .csv).
func (w *MainWindow) ShowExport() {
	if w.agreementShown() {
		w.exportDialog(export.Agreement)
		return
	}
	if w.keynessShown() {
		w.exportDialog(export.Keyness)
		return
	}
	w.exportDialog(string(w.charts[w.chartTabs.SelectedIndex()].Kind()))
}

// ShowExportTimeline exports the timeline as PNG, SVG or a CSV of its
// marks.
func (w *MainWindow) ShowExportTimeline() { w.exportDialog(export.Timeline) }

// ShowExportList exports the span list (spans or search matches) as CSV.
func (w *MainWindow) ShowExportList() { w.exportDialog(export.List) }

// exportDialog asks for the file to export to: a name, in a folder that
// can be changed, or a whole path. Fyne's own save dialog is not used: it
// creates, and so empties, the chosen file before the app sees its name,
// which would destroy a corpus file chosen by mistake and leave an empty
// file behind a failed export. Here nothing is touched until the export
// has been drawn; the corpus' own files are refused, and an existing file
// is replaced only after the user confirms.
func (w *MainWindow) exportDialog(what string) {
	if w.corpus == nil {
		return
	}
	folder := w.exportFolder()
	name := widget.NewEntry()
	name.SetText(what + defaultExt(what))
	where := widget.NewLabel("")
	where.Truncation = fyne.TextTruncateEllipsis
	showFolder := func() { where.SetText("in " + folder) }
	showFolder()
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord
	problem.Hide()
	formats := ".png, .svg or .csv (the numbers), by the extension"
	switch what {
	case export.Timeline:
		formats = ".png, .svg or .csv (the marks), by the extension"
	case export.List:
		formats = ".csv: one line per span or match, with its citation"
	case export.Keyness, export.Agreement:
		formats = ".csv: the table shown"
	case export.Project:
		formats = ".qdpx: a REFI-QDA project for MAXQDA, ATLAS.ti, NVivo or QualCoder"
	case export.W3C:
		formats = ".jsonld: W3C Web Annotations"
	case export.Segments:
		formats = ".csv or .xlsx: one row per annotation, for spreadsheets"
	}
	var d *dialog.CustomDialog
	submit := func() {
		path := exportPath(folder, name.Text, defaultExt(what))
		if err := w.checkExportPath(what, path); err != nil {
			problem.SetText(err.Error())
			problem.Show()
			return
		}
		if _, err := os.Lstat(path); err == nil {
			dialog.ShowConfirm("Replace "+filepath.Base(path)+"?", path+" exists. Replace it with the export?", func(ok bool) {
				if ok {
					d.Hide()
					w.exportTo(what, path, true)
				}
			}, w)
			return
		}
		d.Hide()
		w.exportTo(what, path, false)
	}
	name.OnSubmitted = func(string) { submit() }
	choose := widget.NewButton("Choose folder…", func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				folder = u.Path()
				showFolder()
			}
		}, w)
		if u, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
			fd.SetLocation(u)
		}
		fd.Resize(fyne.NewSize(800, 560))
		fd.Show()
	})
	content := container.NewVBox(
		widget.NewLabel("File name ("+formats+"), or a whole path:"),
		name,
		container.NewBorder(nil, nil, nil, choose, where),
		problem,
	)
	d = dialog.NewCustomWithoutButtons("Export "+what, content, w)
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	ok := widget.NewButton("Export", submit)
	ok.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	w.Canvas().Focus(name)
}

// exportFolder is where an export goes unless the user says otherwise: the
// folder of the last export, else the open corpus' folder, else home.
func (w *MainWindow) exportFolder() string {
	if f := w.app.Preferences().String(prefExportFolder); f != "" {
		if info, err := os.Stat(f); err == nil && info.IsDir() {
			return f
		}
	}
	if w.path != "" {
		if abs, err := filepath.Abs(w.path); err == nil {
			return filepath.Dir(abs)
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}

// defaultExt is the extension an export of what gets when none is typed.
func defaultExt(what string) string {
	switch what {
	case export.List, export.Keyness, export.Agreement, export.Segments:
		return ".csv"
	case export.Project:
		return ".qdpx"
	case export.W3C:
		return ".jsonld"
	}
	return ".png"
}

// exportPath is the path a typed name stands for: a whole path as it is, a
// name inside folder; ext when it has no extension.
func exportPath(folder, typed, ext string) string {
	typed = strings.TrimSpace(typed)
	path := typed
	if !filepath.IsAbs(typed) {
		path = filepath.Join(folder, typed)
	}
	if filepath.Ext(path) == "" {
		path += ext
	}
	return filepath.Clean(path)
}

// checkExportPath refuses what the export would refuse, before anything is
// drawn: a wrong extension, a missing folder, a file of the corpus.
func (w *MainWindow) checkExportPath(what, path string) error {
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case strings.TrimSpace(filepath.Base(path)) == "" || strings.HasSuffix(path, string(filepath.Separator)):
		return fmt.Errorf("give a file name")
	case what == export.List && ext != ".csv":
		return fmt.Errorf("the span list is exported as .csv, not %q", ext)
	case defaultExt(what) != ".png" && ext != defaultExt(what) && !(what == export.W3C && ext == ".json") && !(what == export.Segments && ext == ".xlsx"):
		return fmt.Errorf("this export is written as %s, not %q", defaultExt(what), ext)
	case defaultExt(what) == ".png" && ext != ".png" && ext != ".svg" && ext != ".csv":
		return fmt.Errorf("the extension must be .png, .svg or .csv, not %q", ext)
	}
	if info, err := os.Stat(filepath.Dir(path)); err != nil || !info.IsDir() {
		return fmt.Errorf("there is no folder %s", filepath.Dir(path))
	}
	return export.CheckTarget(w.corpus, path)
}

// exportTo writes an export in the background; replace says the user
// agreed to replace an existing file.
func (w *MainWindow) exportTo(what, path string, replace bool) {
	l := w.state.Listing()
	req := export.Request{Chart: what, Query: w.query(), Dark: apptheme.IsDark(w.app),
		Listing: export.Listing{Title: l.Title, Annotations: l.Annotations, Matches: l.Matches},
		Phrases: w.phrases, ByMeeting: w.phrasesByMeeting, Keyness: w.keynessRequest(), Agreement: w.agreementRequest()}
	c := w.corpus
	w.status.SetText("Exporting " + path + "…")
	w.app.Preferences().SetString(prefExportFolder, filepath.Dir(path))
	go func() {
		res, err := export.File(c, req, path, replace)
		w.opts.Do(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf("export %s: %w", filepath.Base(path), err), w)
				w.event("export-failed", "path=%q error=%q", path, err.Error())
				return
			}
			msg := fmt.Sprintf("Exported %s (%d bytes).", path, len(res.Bytes))
			if res.Warning != "" {
				msg += " Note: " + res.Warning
			}
			w.status.SetText(msg)
			w.event("exported", "chart=%s path=%q bytes=%d", what, path, len(res.Bytes))
		})
	}()
}
