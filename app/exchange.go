package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/refiqda"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// ShowImportProject asks for a REFI-QDA project (.qdpx, or a project.qde
// beside its sources) and a folder to make the new corpus in, imports it
// in the background and opens it, with what the import could not keep.
func (w *MainWindow) ShowImportProject() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		w.fileDialog = nil
		if err != nil || r == nil {
			return
		}
		r.Close()
		project := r.URI().Path()
		folders := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil || u == nil {
				return
			}
			w.importProject(project, u.Path())
		}, w)
		folders.Resize(fyne.NewSize(800, 560))
		folders.Show()
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".qdpx", ".qde"}))
	w.fileDialog = d
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// importProject imports project into a new folder inside parent, named
// for the project, and opens the corpus made.
func (w *MainWindow) importProject(project, parent string) {
	dir := newFolderName(parent, strings.TrimSuffix(filepath.Base(project), filepath.Ext(project)))
	w.status.SetText("Importing " + project + "…")
	go func() {
		path, rep, err := refiqda.Import(project, dir)
		w.opts.Do(func() {
			if err != nil {
				dialog.ShowError(fmt.Errorf("import %s: %w", filepath.Base(project), err), w)
				w.event("import-project-failed", "error=%q", err.Error())
				return
			}
			w.event("imported-project", "path=%q topics=%d sources=%d annotations=%d meetings=%d reanchored=%d", path, rep.Topics, rep.Sources, rep.Annotations, rep.Meetings, len(rep.Reanchored))
			w.guardUnsaved("open the imported corpus", func() {
				w.load(path)
				if notes := importNotes(rep); notes != "" {
					dialog.ShowInformation("Imported with notes", notes, w)
				}
			})
		})
	}()
}

// newFolderName is a folder inside parent for a corpus named for name,
// one that is not there yet ("-2" and on when it is).
func newFolderName(parent, name string) string {
	base := edit.NewID(name, "project", func(string) bool { return false }) + "-corpus"
	dir := filepath.Join(parent, base)
	for n := 2; n < 1000; n++ {
		if _, err := os.Lstat(dir); os.IsNotExist(err) {
			break
		}
		dir = filepath.Join(parent, fmt.Sprintf("%s-%d", base, n))
	}
	return dir
}

// importNotes says in a few lines what an import re-anchored, left out or
// could not place.
func importNotes(rep refiqda.ImportReport) string {
	var lines []string
	if n := len(rep.Reanchored); n > 0 {
		lines = append(lines, fmt.Sprintf("%s re-anchored (the tool counted line ends or the byte-order mark otherwise), e.g. %s",
			safetext.Plural(n, "selection"), safetext.Clip(rep.Reanchored[0], 120)))
	}
	for _, warning := range rep.Warnings {
		lines = append(lines, safetext.Clip(warning, 300))
	}
	for what, n := range rep.Skipped {
		lines = append(lines, fmt.Sprintf("Not imported (the corpus holds text only): %d %s", n, what))
	}
	if len(lines) > 12 {
		lines = append(lines[:12], fmt.Sprintf("and %d more", len(lines)-12))
	}
	return strings.Join(lines, "\n")
}
