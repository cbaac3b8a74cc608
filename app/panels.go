package app

import "fyne.io/fyne/v2"

// The side panels (the topics and filters on the left, the spans and
// sources on the right) fold away, so the timeline and charts can take
// the window's width; the window remembers which are folded.

// panel is a side panel that folds: the object shown, and the preference
// that remembers it folded.
type panel struct {
	object fyne.CanvasObject
	pref   string
}

// panels are the window's two side panels, in the order of the View menu.
func (w *MainWindow) panels() []panel {
	return []panel{{w.sidebar, prefSidebarFolded}, {w.rightPanel, prefRightFolded}}
}

// restorePanels folds the panels the preferences say were folded.
func (w *MainWindow) restorePanels() {
	for _, p := range w.panels() {
		if w.app.Preferences().Bool(p.pref) {
			p.object.Hide()
		}
	}
}

// TogglePanel folds or unfolds side panel i (0 the sidebar, 1 the spans
// and sources), and remembers it.
func (w *MainWindow) TogglePanel(i int) {
	p := w.panels()[i]
	if p.object.Visible() {
		p.object.Hide()
	} else {
		p.object.Show()
	}
	w.app.Preferences().SetBool(p.pref, !p.object.Visible())
	w.lower.Refresh()
	w.SetMainMenu(w.menu())
	w.event("panel", "panel=%d shown=%v", i, p.object.Visible())
}
