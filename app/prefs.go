package app

import (
	"os"
	"slices"

	"fyne.io/fyne/v2"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
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
