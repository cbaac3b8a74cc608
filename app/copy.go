package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/export"
)

// citedText is a span's or a match's text, alone or with its citation.
func citedText(f Focus, cite bool) string {
	var text string
	switch {
	case f.Annotation != nil:
		text = f.Annotation.Text()
	case !f.IsZero():
		text = f.Match.Text()[f.Match.ByteStart:f.Match.ByteEnd]
	default:
		return ""
	}
	if !cite {
		return text
	}
	m := f.meeting()
	if src := f.Source(); src != nil {
		return export.Citation(text, src, m)
	}
	// A match in a meeting's own fields.
	return fmt.Sprintf("“%s” — the %s of the %s, %s", strings.Join(strings.Fields(text), " "), f.Match.Field, m.Title, m.Date.Human())
}

// copyFocus puts a span or match on the clipboard, alone or cited.
func (w *MainWindow) copyFocus(f Focus, cite bool) {
	text := citedText(f, cite)
	if text == "" {
		w.status.SetText("Nothing is open to copy: open a span or a search match first.")
		return
	}
	w.app.Clipboard().SetContent(text)
	what := "Copied"
	if cite {
		what = "Copied with its citation"
	}
	w.status.SetText(what + ": " + safetext.Clip(strings.Join(strings.Fields(text), " "), 120))
	w.event("copied", "cite=%v bytes=%d", cite, len(text))
}

// rowMenu shows the menu of a row of the span list at a window position.
func (w *MainWindow) rowMenu(row int, at fyne.Position) {
	if menu := w.rowMenuItems(row); menu != nil {
		widget.ShowPopUpMenuAtPosition(menu, w.Canvas(), at)
	}
}

// rowMenuItems is the menu of a row of the span list; nil for no row.
func (w *MainWindow) rowMenuItems(row int) *fyne.Menu {
	l := w.state.Listing()
	var f Focus
	switch n := len(l.Annotations); {
	case row < n:
		f = Focus{Annotation: l.Annotations[row]}
	case row-n < len(l.Matches):
		f = Focus{Match: l.Matches[row-n]}
	default:
		return nil
	}
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Copy", func() { w.copyFocus(f, false) }),
		fyne.NewMenuItem("Copy with citation", func() { w.copyFocus(f, true) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Open", func() { w.state.OpenRow(row) }),
		fyne.NewMenuItem("Export the list as CSV…", w.ShowExportList),
	}
	if f.Annotation != nil {
		items = append(items, fyne.NewMenuItemSeparator())
		items = append(items, w.annotationItems(f.Annotation)...)
	}
	return fyne.NewMenu("", items...)
}
