package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/export"
)

func (w *MainWindow) menu() *fyne.MainMenu {
	var recent []*fyne.MenuItem
	for _, path := range w.app.Preferences().StringList(prefRecent) {
		p := path
		recent = append(recent, fyne.NewMenuItem(p, func() { w.openRecent(p) }))
	}
	recent = append(recent, fyne.NewMenuItem("The built-in corpus", func() { w.open("") }))
	openRecent := fyne.NewMenuItem("Open recent", nil)
	openRecent.ChildMenu = fyne.NewMenu("", recent...)
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("New corpus…", w.NewCorpus),
		fyne.NewMenuItem("Open…  (Ctrl+O)", w.ShowOpen),
		openRecent,
		fyne.NewMenuItem("Save  (Ctrl+S)", w.Save),
		fyne.NewMenuItem("Save as a new file…", w.saveAs),
		fyne.NewMenuItem("Reload  (Ctrl+R)", w.Reload),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Import documents…  (or drop them on the window)", w.ShowImport),
		fyne.NewMenuItem("Import a REFI-QDA project as a new corpus…", w.ShowImportProject),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Export the chart…  (Ctrl+E)", w.ShowExport),
		fyne.NewMenuItem("Export the timeline…  (Ctrl+Shift+E)", w.ShowExportTimeline),
		fyne.NewMenuItem("Export the span list…  (Ctrl+Shift+L)", w.ShowExportList),
		fyne.NewMenuItem("Export a REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder)…", func() { w.exportDialog(export.Project) }),
		fyne.NewMenuItem("Export W3C Web Annotations…", func() { w.exportDialog(export.W3C) }),
		fyne.NewMenuItem("Export the coded segments for a spreadsheet…", func() { w.exportDialog(export.Segments) }),
		fyne.NewMenuItemSeparator(),
		quitItem(w.Quit),
	)
	undo, redo := "Undo", "Redo"
	if w.session != nil && w.session.CanUndo() != "" {
		undo += " " + w.session.CanUndo()
	}
	if w.session != nil && w.session.CanRedo() != "" {
		redo += " " + w.session.CanRedo()
	}
	edit := fyne.NewMenu("Edit",
		fyne.NewMenuItem(undo+"  (Ctrl+Z)", w.Undo),
		fyne.NewMenuItem(redo+"  (Ctrl+Shift+Z)", w.Redo),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("New topic…", w.NewTopic),
		fyne.NewMenuItem("New meeting…", w.NewMeeting),
		fyne.NewMenuItem("Topics: rename, recolour, merge, delete…", w.EditTopics),
		fyne.NewMenuItem("Meetings: title, date, place, participants…", w.EditMeetings),
		fyne.NewMenuItem("Sources: title, publisher, meetings…", w.EditSources),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Review suggestions from the topics' terms  (Ctrl+G)", w.StartReview),
		fyne.NewMenuItem("Exclude the selection from counting…  (Ctrl+Shift+X)", w.excludeSelection),
		fyne.NewMenuItem("Your name as coder…", w.askCoder),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Copy the open span", func() { w.copyFocus(w.state.Focus(), false) }),
		fyne.NewMenuItem("Copy the open span with its citation  (Ctrl+Shift+C)", func() { w.copyFocus(w.state.Focus(), true) }),
	)
	themes := fyne.NewMenuItem("Theme", nil)
	var items []*fyne.MenuItem
	for _, name := range []string{"system", "light", "dark"} {
		n := name
		item := fyne.NewMenuItem(strings.ToUpper(n[:1])+n[1:], func() { w.setTheme(n) })
		item.Checked = string(w.state.Theme()) == n
		items = append(items, item)
	}
	themes.ChildMenu = fyne.NewMenu("", items...)
	view := fyne.NewMenu("View",
		fyne.NewMenuItem("Fit the timeline  (Home)", func() { w.timeline.Fit() }),
		fyne.NewMenuItem("Search  (Ctrl+F)", func() { w.Canvas().Focus(w.search) }),
		themes,
		fyne.NewMenuItemSeparator(),
		panelItem("Topics panel  (Ctrl+B)", w.sidebar, func() { w.TogglePanel(0) }),
		panelItem("Sources panel  (Ctrl+J)", w.rightPanel, func() { w.TogglePanel(1) }),
	)
	help := fyne.NewMenu("Help", fyne.NewMenuItem("Keyboard shortcuts and version  (F1)", w.ShowHelp))
	return fyne.NewMainMenu(file, edit, view, help)
}

// panelItem is a View menu item that folds a side panel, ticked while it
// shows.
func panelItem(label string, panel fyne.CanvasObject, toggle func()) *fyne.MenuItem {
	item := fyne.NewMenuItem(label, toggle)
	item.Checked = panel != nil && panel.Visible()
	return item
}

func applyTheme(a fyne.App, name string) {
	a.Settings().SetTheme(apptheme.New(apptheme.Choice(name)))
}

func (w *MainWindow) setTheme(name string) {
	w.state.SetTheme(apptheme.Choice(name))
}

// shortcutHelp lists the keys and what they do, for Help.
var shortcutHelp = [][2]string{
	{"← / →", "previous / next meeting on the timeline"},
	{"Enter", "open the selection's source text"},
	{"Esc", "clear the selection"},
	{"+ / - / Home", "zoom in / out / fit all"},
	{"Ctrl+T", "focus the timeline"},
	{"Ctrl+F", "search the texts, meetings and sources; Enter again opens the next match; Esc stops a long search"},
	{"Ctrl+N / Ctrl+P", "next / previous span in the source text"},
	{"Ctrl+1 … Ctrl+5", "a chart; the arrows walk its cells, Enter lists a cell's spans (the fifth: phrase trends, for phrases you type)"},
	{"Ctrl+6", "keyness: the words distinctive of one part of the corpus against another; a row lists its occurrences"},
	{"Ctrl+7", "agreement between coders: percent, kappa and alpha per topic and year; a disagreement opens at its text"},
	{"Ctrl+O / Ctrl+R", "open a corpus / reload it"},
	{"Ctrl+E / Ctrl+Shift+E", "export the chart / the timeline (.png, .svg or .csv)"},
	{"Ctrl+Shift+L", "export the span list (.csv, with citations)"},
	{"Ctrl+Shift+C", "copy the open span with its citation (a right-click on a listed span copies it too)"},
	{"1 … 9", "in a source: code the selected text (drag across it, or double-click a word) with that topic, widened to whole words"},
	{"Alt+1 … Alt+9", "code the selection exactly as selected"},
	{"Enter", "in a source: choose or make a topic for the selection"},
	{"Click a span, Shift+arrows, Ctrl+Enter", "widen or narrow a coded span to the selection"},
	{"Ctrl+Shift+X", "exclude the selection from counting (page furniture), with a reason"},
	{"Ctrl+G", "review suggestions: A accepts, R rejects, S or → skips, ← goes back, W widens to the sentence, N narrows to the clause, Esc ends"},
	{"Ctrl+Z / Ctrl+Shift+Z", "undo / redo an edit"},
	{"Ctrl+S", "save the edits to the corpus file (only their lines change)"},
	{"Ctrl+Q", "quit"},
	{"Ctrl+B / Ctrl+J", "fold or unfold the topics and filters / the spans and sources, so the timeline takes the width"},
	{"F1", "this help"},
}

// ShowHelp lists the keyboard shortcuts and the version.
func (w *MainWindow) ShowHelp() {
	grid := container.New(layout.NewFormLayout())
	for _, row := range shortcutHelp {
		grid.Add(widget.NewLabelWithStyle(row[0], fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}))
		what := widget.NewLabel(row[1])
		what.Wrapping = fyne.TextWrapWord
		grid.Add(what)
	}
	mouse := widget.NewLabel("The mouse: the wheel zooms the timeline around the pointer, a drag pans it, hovering shows details and a click selects; a click on a chart lists the spans behind it; a click on a highlighted span opens it and selects its topic and meeting; a right-click on a listed span copies it, with or without its citation.")
	mouse.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(w.opts.AppName+" "+w.opts.Version, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var d *dialog.CustomDialog
	closeButton := newCloseButton(func() { d.Hide() })
	// The keys scroll: their list is taller than a small window, and
	// unscrolled it pushed the dialog past the window's edges, the mouse's
	// paragraph over the last keys.
	d = dialog.NewCustomWithoutButtons("Help", container.NewBorder(title, container.NewVBox(mouse, container.NewCenter(closeButton)), nil, nil, container.NewVScroll(grid)), w)
	size := w.Canvas().Size()
	d.Resize(fyne.NewSize(min(820, size.Width-40), min(680, size.Height-40)))
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

// quitItem is the File menu's Quit, which asks about unsaved edits as
// Ctrl+Q does. Without one, Fyne adds its own, which quits at once.
func quitItem(quit func()) *fyne.MenuItem {
	item := fyne.NewMenuItem("Quit  (Ctrl+Q)", quit)
	item.IsQuit = true
	return item
}
