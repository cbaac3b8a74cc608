package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/charts"
)

func (w *MainWindow) addShortcuts() {
	c := w.Canvas()
	w.shortcuts = map[string]func(){}
	add := func(key fyne.KeyName, mod fyne.KeyModifier, f func()) {
		s := &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		w.shortcuts[s.ShortcutName()] = f
		c.AddShortcut(s, func(fyne.Shortcut) { f() })
	}
	ctrl := fyne.KeyModifierShortcutDefault
	add(fyne.KeyQ, ctrl, w.Quit)
	add(fyne.KeyS, ctrl, w.Save)
	add(fyne.KeyZ, ctrl|fyne.KeyModifierShift, w.Redo)
	// Ctrl+Z and Ctrl+Y reach the window as Fyne's own undo and redo.
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { w.Undo() })
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { w.Redo() })
	add(fyne.KeyR, ctrl, w.Reload)
	add(fyne.KeyO, ctrl, w.ShowOpen)
	add(fyne.KeyE, ctrl, w.ShowExport)
	add(fyne.KeyE, ctrl|fyne.KeyModifierShift, w.ShowExportTimeline)
	add(fyne.KeyL, ctrl|fyne.KeyModifierShift, w.ShowExportList)
	add(fyne.KeyC, ctrl|fyne.KeyModifierShift, func() { w.copyFocus(w.state.Focus(), true) })
	add(fyne.KeyX, ctrl|fyne.KeyModifierShift, w.excludeSelection)
	add(fyne.KeyG, ctrl, w.StartReview)
	add(fyne.KeyB, ctrl, func() { w.TogglePanel(0) })
	add(fyne.KeyJ, ctrl, func() { w.TogglePanel(1) })
	add(fyne.KeyReturn, ctrl, w.respanSelected)
	add(fyne.KeyF, ctrl, func() { c.Focus(w.search) })
	add(fyne.KeyT, ctrl, func() { c.Focus(w.timeline) })
	add(fyne.KeyN, ctrl, w.detail.Next)
	add(fyne.KeyP, ctrl, w.detail.Previous)
	for i := range 9 { // Alt with a topic's number codes the selection as it is, not widened to words
		n := i
		add(fyne.KeyName(fmt.Sprint(i+1)), fyne.KeyModifierAlt, func() { w.codeSelectionExact(n) })
	}
	for i := range w.charts {
		index := i
		add(fyne.KeyName(fmt.Sprint(i+1)), ctrl, func() {
			w.chartTabs.SelectIndex(index)
			if w.charts[index].Kind() == charts.PhraseTrends && !w.charts[index].Visible() {
				c.Focus(w.phraseEntry) // nothing to walk yet: type the phrases
				return
			}
			c.Focus(w.charts[index])
		})
	}
	add(fyne.KeyName(fmt.Sprint(len(w.charts)+1)), ctrl, func() { w.chartTabs.SelectIndex(len(w.charts)) })     // keyness
	add(fyne.KeyName(fmt.Sprint(len(w.charts)+2)), ctrl, func() { w.chartTabs.SelectIndex(len(w.charts) + 1) }) // agreement
	// Keys without a modifier are not shortcuts in Fyne: they reach the
	// focused widget, which hands over the ones it does not use.
	c.SetOnTypedKey(w.otherKey)
	w.timeline.OnOtherKey = w.otherKey
	for _, v := range w.charts {
		v.OnOtherKey = w.otherKey
	}
}

// otherKey handles the window's keys without a modifier that reach no
// widget: F1, and Escape, which closes the file dialog that is open.
func (w *MainWindow) otherKey(e *fyne.KeyEvent) {
	if w.windowKey(e) {
		return
	}
	if e.Name == fyne.KeyEscape && w.fileDialog != nil {
		w.fileDialog.Hide()
		w.fileDialog = nil
	}
}

// windowKey takes the keys the window answers wherever the focus is: F1
// opens Help.
func (w *MainWindow) windowKey(e *fyne.KeyEvent) bool {
	if e.Name == fyne.KeyF1 {
		w.ShowHelp()
		return true
	}
	return false
}

// searchKey takes the window's keys in the search box, and Escape, which
// stops a search that runs.
func (w *MainWindow) searchKey(e *fyne.KeyEvent) bool {
	if e.Name == fyne.KeyEscape && w.state.Search().Pending {
		w.stopSearch()
		w.state.StopSearch()
		w.status.SetText("Search stopped.")
		return true
	}
	return w.windowKey(e)
}

// runShortcut runs one of the window's shortcuts; false when s is not one.
func (w *MainWindow) runShortcut(s fyne.Shortcut) bool {
	if f := w.shortcuts[s.ShortcutName()]; f != nil {
		f()
		return true
	}
	return false
}

// searchEntry is the search box. A focused entry takes every shortcut, so
// it hands the window's own (Ctrl+E, Ctrl+Q, …) back to the window.
type searchEntry struct {
	widget.Entry
	window func(fyne.Shortcut) bool
	keys   windowKeys
}

func newSearchEntry(window func(fyne.Shortcut) bool, keys windowKeys) *searchEntry {
	e := &searchEntry{window: window, keys: keys}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable: the window's keys first.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	if !e.keys.offer(k) {
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut implements fyne.Shortcutable.
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if _, custom := s.(*desktop.CustomShortcut); custom && e.window(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}
