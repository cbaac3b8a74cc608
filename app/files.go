package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// ShowOpen asks for a corpus file and opens it.
func (w *MainWindow) ShowOpen() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		w.fileDialog = nil
		if err != nil || r == nil {
			return
		}
		r.Close()
		w.open(r.URI().Path())
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".yaml", ".yml"}))
	w.fileDialog = d // Escape closes it (otherKey)
	d.Show()
}

// dropped opens the first corpus file dropped on the window, or imports
// the documents dropped into the corpus open.
func (w *MainWindow) dropped(_ fyne.Position, uris []fyne.URI) {
	var docs []string
	for _, u := range uris {
		switch ext := strings.ToLower(u.Extension()); ext {
		case ".yaml", ".yml":
			w.open(u.Path())
			return
		case ".txt", ".html", ".htm", ".docx", ".pdf":
			docs = append(docs, u.Path())
		}
	}
	if len(docs) > 0 {
		w.importFiles(docs)
		return
	}
	w.status.SetText("Drop a corpus file (.yaml) to open it, or documents (.txt, .html, .docx, .pdf) to import them.")
}

// hideProblems closes the problems panel until the next load has some.
func (w *MainWindow) hideProblems() {
	w.problems.Hide()
	w.lower.SetOffset(1)
}
