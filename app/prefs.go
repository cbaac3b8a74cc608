package app

import (
	"os"
	"slices"

	"fyne.io/fyne/v2"
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
