package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Preference keys.
const (
	prefWidth         = "window.width"
	prefHeight        = "window.height"
	prefLast          = "corpus.last"
	prefRecent        = "corpus.recent"
	prefHidden        = "topics.hidden"
	prefTheme         = "theme"
	prefCoder         = "coder.name" // written into the annotations one makes
	prefExportFolder  = "export.folder"
	prefSidebarFolded = "panel.sidebar.folded"
	prefRightFolded   = "panel.right.folded"
	maxRecent         = 8
)

// loadState is the window's state as the preferences left it: the topics
// hidden and the theme chosen.
func loadState(p fyne.Preferences) *State {
	s := NewState()
	s.SetHiddenTopics(p.StringList(prefHidden))
	s.SetTheme(apptheme.Choice(p.StringWithFallback(prefTheme, string(apptheme.System))))
	return s
}

// saveState keeps in the preferences what loadState restores.
func saveState(p fyne.Preferences, s *State) {
	p.SetStringList(prefHidden, s.HiddenTopics())
	p.SetString(prefTheme, string(s.Theme()))
}

// lastCorpus returns the corpus opened last, and a notice when it is no
// longer there: the window then opens the built-in corpus and says why.
func lastCorpus(p fyne.Preferences) (path, notice string) {
	last := p.String(prefLast)
	if last == "" {
		return "", ""
	}
	if _, err := os.Stat(last); err != nil {
		return "", fmt.Sprintf("The corpus opened last, %s, is no longer there (moved or deleted?); showing the built-in corpus.", safetext.Clip(last, maxShown))
	}
	return last, ""
}

// absolutePath is how the window names a corpus, so a path remembered
// stays right when the app starts from another folder.
func absolutePath(path string) string {
	if path == "" {
		return ""
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// forget takes a corpus off the recent list (and off "last").
func (w *MainWindow) forget(path string) {
	p := w.app.Preferences()
	if p.String(prefLast) == path {
		p.SetString(prefLast, "")
	}
	p.SetStringList(prefRecent, slices.DeleteFunc(p.StringList(prefRecent), func(s string) bool { return s == path }))
	w.SetMainMenu(w.menu())
}

// openRecent opens a corpus of the recent list, or says it is gone and
// takes it off the list.
func (w *MainWindow) openRecent(path string) {
	if _, err := os.Stat(path); err != nil {
		w.forget(path)
		w.status.SetText(fmt.Sprintf("%s is no longer there (moved or deleted?); it has left the recent list.", safetext.Clip(path, maxShown)))
		w.event("recent-gone", "path=%q", path)
		return
	}
	w.open(path)
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
