package app

import (
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/alliance-timeline/alliance-timeline/data"
)

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
