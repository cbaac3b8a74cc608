package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/fsnotify/fsnotify"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/export"
)

// Preference keys.
const (
	prefWidth        = "window.width"
	prefHeight       = "window.height"
	prefLast         = "corpus.last"
	prefRecent       = "corpus.recent"
	prefHidden       = "topics.hidden"
	prefTheme        = "theme"
	prefExportFolder = "export.folder"
	maxRecent        = 8
)

func hiddenTopics(p fyne.Preferences) map[string]bool {
	out := map[string]bool{}
	for _, id := range p.StringList(prefHidden) {
		out[id] = true
	}
	return out
}

// LastCorpus returns the corpus opened last, if it still exists.
func LastCorpus(a fyne.App) string {
	path := a.Preferences().String(prefLast)
	if path == "" {
		return ""
	}
	if _, err := os.Stat(path); err != nil {
		return ""
	}
	return path
}

// remember records a corpus that loaded well as the last and most recent.
func (w *MainWindow) remember(path string) {
	p := w.app.Preferences()
	p.SetString(prefLast, path)
	if path == "" {
		return
	}
	recent := slices.DeleteFunc(p.StringList(prefRecent), func(s string) bool { return s == path })
	recent = append([]string{path}, recent...)
	if len(recent) > maxRecent {
		recent = recent[:maxRecent]
	}
	p.SetStringList(prefRecent, recent)
	w.SetMainMenu(w.menu())
}

// ShowOpen asks for a corpus file and opens it.
func (w *MainWindow) ShowOpen() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		w.open(r.URI().Path())
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".yaml", ".yml"}))
	d.Show()
}

// dropped opens the first corpus file dropped on the window.
func (w *MainWindow) dropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if ext := strings.ToLower(u.Extension()); ext == ".yaml" || ext == ".yml" {
			w.open(u.Path())
			return
		}
	}
	w.status.SetText("Drop a corpus file (.yaml) to open it.")
}

func (w *MainWindow) menu() *fyne.MainMenu {
	var recent []*fyne.MenuItem
	for _, path := range w.app.Preferences().StringList(prefRecent) {
		p := path
		recent = append(recent, fyne.NewMenuItem(p, func() { w.open(p) }))
	}
	recent = append(recent, fyne.NewMenuItem("The built-in corpus", func() { w.open("") }))
	openRecent := fyne.NewMenuItem("Open recent", nil)
	openRecent.ChildMenu = fyne.NewMenu("", recent...)
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("Open…  (Ctrl+O)", w.ShowOpen),
		openRecent,
		fyne.NewMenuItem("Reload  (Ctrl+R)", w.Reload),
		fyne.NewMenuItem("Export the chart…  (Ctrl+E)", w.ShowExport),
		fyne.NewMenuItem("Export the timeline…  (Ctrl+Shift+E)", w.ShowExportTimeline),
	)
	themes := fyne.NewMenuItem("Theme", nil)
	var items []*fyne.MenuItem
	for _, name := range []string{"system", "light", "dark"} {
		n := name
		item := fyne.NewMenuItem(strings.ToUpper(n[:1])+n[1:], func() { w.setTheme(n) })
		item.Checked = w.app.Preferences().StringWithFallback(prefTheme, "system") == n
		items = append(items, item)
	}
	themes.ChildMenu = fyne.NewMenu("", items...)
	view := fyne.NewMenu("View",
		fyne.NewMenuItem("Fit the timeline  (Home)", func() { w.timeline.Fit() }),
		fyne.NewMenuItem("Search  (Ctrl+F)", func() { w.Canvas().Focus(w.search) }),
		themes,
	)
	help := fyne.NewMenu("Help", fyne.NewMenuItem("Keyboard shortcuts and version  (F1)", w.ShowHelp))
	return fyne.NewMainMenu(file, view, help)
}

func applyTheme(a fyne.App, name string) {
	a.Settings().SetTheme(apptheme.New(apptheme.Choice(name)))
}

func (w *MainWindow) setTheme(name string) {
	w.app.Preferences().SetString(prefTheme, name)
	applyTheme(w.app, name) // the settings listener redraws the rasters
	w.SetMainMenu(w.menu())
}

// shortcutHelp lists the keys and what they do, for Help.
var shortcutHelp = [][2]string{
	{"← / →", "previous / next meeting on the timeline"},
	{"Enter", "open the selection's source text"},
	{"Esc", "clear the selection"},
	{"+ / - / Home", "zoom in / out / fit all"},
	{"Ctrl+T", "focus the timeline"},
	{"Ctrl+F", "search the sources; Enter again opens the next match"},
	{"Ctrl+N / Ctrl+P", "next / previous span in the source text"},
	{"Ctrl+1 … Ctrl+4", "a chart; the arrows walk its cells, Enter lists a cell's spans"},
	{"Ctrl+O / Ctrl+R", "open a corpus / reload it"},
	{"Ctrl+E / Ctrl+Shift+E", "export the chart / the timeline (.png, .svg or .csv)"},
	{"Ctrl+Q", "quit"},
	{"F1", "this help"},
}

// ShowHelp lists the keyboard shortcuts and the version.
func (w *MainWindow) ShowHelp() {
	grid := container.New(layout.NewFormLayout())
	for _, row := range shortcutHelp {
		grid.Add(widget.NewLabelWithStyle(row[0], fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}))
		grid.Add(widget.NewLabel(row[1]))
	}
	mouse := widget.NewLabel("The mouse: the wheel zooms the timeline around the pointer, a drag pans it, hovering shows details and a click selects; a click on a chart lists the spans behind it; a click on a highlighted span selects its topic and meeting.")
	mouse.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(w.opts.AppName+" "+w.opts.Version, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var d *dialog.CustomDialog
	closeButton := newCloseButton(func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Help", container.NewBorder(title, container.NewVBox(mouse, container.NewCenter(closeButton)), nil, nil, grid), w)
	d.Resize(fyne.NewSize(640, 660))
	d.Show()
	// Fyne's dialogs leave the keys with the widget beneath: give them to
	// the dialog's button, which also closes on Escape.
	w.Canvas().Focus(closeButton)
	w.event("help", "shown=true")
}

// closeButton closes a dialog on a click, Enter, Space or Escape.
type closeButton struct {
	widget.Button
}

func newCloseButton(close func()) *closeButton {
	b := &closeButton{}
	b.Text, b.OnTapped = "Close", close
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey implements fyne.Focusable.
func (b *closeButton) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape || e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		b.OnTapped()
		return
	}
	b.Button.TypedKey(e)
}

// ShowExport exports the chart on show; ShowExportTimeline the timeline.
// The file's extension chooses the format (.png, .svg, .csv).
func (w *MainWindow) ShowExport() {
	w.exportDialog(string(w.charts[w.chartTabs.SelectedIndex()].Kind()))
}

// ShowExportTimeline exports the timeline as PNG.
func (w *MainWindow) ShowExportTimeline() { w.exportDialog(export.Timeline) }

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
	name.SetText(what + ".png")
	where := widget.NewLabel("")
	where.Truncation = fyne.TextTruncateEllipsis
	showFolder := func() { where.SetText("in " + folder) }
	showFolder()
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord
	problem.Hide()
	formats := ".png, .svg or .csv, by the extension"
	if what == export.Timeline {
		formats = ".png"
	}
	var d *dialog.CustomDialog
	submit := func() {
		path := exportPath(folder, name.Text)
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

// exportPath is the path a typed name stands for: a whole path as it is, a
// name inside folder; .png when it has no extension.
func exportPath(folder, typed string) string {
	typed = strings.TrimSpace(typed)
	path := typed
	if !filepath.IsAbs(typed) {
		path = filepath.Join(folder, typed)
	}
	if filepath.Ext(path) == "" {
		path += ".png"
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
	case what == export.Timeline && ext != ".png":
		return fmt.Errorf("the timeline is exported as .png, not %q", ext)
	case ext != ".png" && ext != ".svg" && ext != ".csv":
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
	req := export.Request{Chart: what, Query: w.query(), Dark: apptheme.IsDark(w.app)}
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

// watcher reloads the corpus when its file or one of its source files
// changes on disk, once the changes have settled.
type watcher struct {
	fs   *fsnotify.Watcher
	done chan struct{}
}

const reloadDelay = 400 * time.Millisecond

// watchCorpus starts watching; it adds a watch per folder, which is I/O, so
// it runs off the UI goroutine.
func watchCorpus(path string, c *data.Corpus, reload func()) *watcher {
	if path == "" {
		return nil
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil
	}
	files := map[string]bool{}
	for _, f := range c.Files() {
		files[f] = true
	}
	dirs := map[string]bool{}
	for f := range files {
		dirs[filepath.Dir(f)] = true
	}
	for d := range dirs {
		fw.Add(d) // folders, so editors that replace files are seen too
	}
	w := &watcher{fs: fw, done: make(chan struct{})}
	go func() {
		var timer *time.Timer
		for {
			select {
			case <-w.done:
				return
			case ev, ok := <-fw.Events:
				if !ok {
					return
				}
				if files[ev.Name] && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename|fsnotify.Remove) != 0 {
					if timer != nil {
						timer.Stop()
					}
					timer = time.AfterFunc(reloadDelay, reload)
				}
			case <-fw.Errors:
			}
		}
	}()
	return w
}

func (w *watcher) stop() {
	if w == nil {
		return
	}
	close(w.done)
	w.fs.Close()
}
