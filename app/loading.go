package app

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/gcpause"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// Reload loads the corpus again in the background. A load with errors
// shows them and keeps the corpus that was open.
func (w *MainWindow) Reload() { w.open(w.path) }

// changedOnDisk follows a change of the corpus' files by another program:
// a reload, unless there are unsaved edits, which are kept (Save then
// refuses to write over the file).
// disk is the corpus' files as read after the change, off the UI goroutine.
func (w *MainWindow) changedOnDisk(disk diskFiles) {
	if w.session != nil && disk.err == nil && w.asSaved(disk) {
		return // our own save, or a change undone: what is shown is the files
	}
	if !w.dirty() {
		w.load(w.path)
		return
	}
	w.status.SetText("The corpus file changed on disk; your unsaved edits are kept here, and Save will not write over the file.")
}

// diskFiles are the corpus file and the coders' annotation files as read
// from disk.
type diskFiles struct {
	corpus []byte
	coders map[string][]byte // by the path the corpus lists
	err    error
}

// readCorpusFiles reads the corpus file at path and the coders' files of c.
func readCorpusFiles(path string, c *data.Corpus) diskFiles {
	d := diskFiles{}
	d.corpus, d.err = edit.ReadFile(path)
	var err error
	if d.coders, err = readCoderFiles(path, c); d.err == nil {
		d.err = err
	}
	return d
}

// readCoderFiles reads the coders' annotation files of c, by the path the
// corpus lists: none for a corpus without them (nearly all), so a load
// reads nothing more.
func readCoderFiles(path string, c *data.Corpus) (map[string][]byte, error) {
	files := map[string][]byte{}
	var first error
	for _, af := range c.AnnotationFiles {
		raw, err := edit.ReadBeside(path, af.Path)
		if err != nil && first == nil {
			first = err
		}
		files[af.Path] = raw
	}
	return files, first
}

// asSaved reports whether the files on disk are those the session read or
// saved, and, for coders' files it never opened, those the load read.
func (w *MainWindow) asSaved(disk diskFiles) bool {
	if !bytes.Equal(disk.corpus, w.session.Saved()) {
		return false
	}
	for name, raw := range disk.coders {
		if w.session.Has(name) {
			if !bytes.Equal(raw, w.session.SavedOf(name)) {
				return false
			}
		} else if sha256.Sum256(raw) != w.codersRead[name] {
			return false
		}
	}
	return true
}

// open loads a corpus in the background and shows it when it is good,
// after asking about unsaved edits.
func (w *MainWindow) open(path string) {
	w.guardUnsaved("open a corpus", func() { w.load(path) })
}

// load loads a corpus in the background, dropping the edits of the one on
// show, and shows it when it is good.
func (w *MainWindow) load(path string) {
	path = absolutePath(path)
	w.session = nil
	w.editing, w.queued = false, nil // edits of the corpus that goes
	w.loads++
	w.loadEnded = false
	generation := w.loads
	w.event("loading", "path=%q", displayName(path))
	w.status.SetText("Loading " + displayName(path) + "…")
	w.showLoading(nil) // of a load this one replaces; its own shows late, if at all (followProgress)
	progress := &load.Progress{}
	// A load from the cache gives its corpus before its texts, which it
	// reads and checks meanwhile: the views are made then. They are of
	// that corpus, the same as the load returns unless its check failed.
	var early *data.Corpus
	var earlyViews corpusViews
	progress.BeforeTexts = func(c *data.Corpus) { early, earlyViews = c, viewsOf(c) }
	w.loadStarted = time.Now()
	loading := make(chan struct{})
	go w.followProgress(generation, progress, loading)
	go func() {
		c, problems, err := w.opts.Load(path, progress)
		close(loading)
		if err != nil {
			problems = append(problems, data.Problem{File: displayName(path), Severity: data.Error, Message: openFailure(err)})
		}
		// What the views need is made here too, not on the UI goroutine.
		var ready loaded
		if c != nil && !problems.HasErrors() {
			views := earlyViews
			if early != c {
				views = viewsOf(c)
			}
			ready = loaded{corpus: c, model: views.model, totals: views.totals,
				watch: watchCorpus(path, c, func() {
					disk := readCorpusFiles(path, c)
					w.opts.Do(func() { w.changedOnDisk(disk) })
				}), kept: w.keptEdits(path, c), codersRead: map[string][sha256.Size]byte{}}
			coders, _ := readCoderFiles(path, c)
			for name, raw := range coders {
				ready.codersRead[name] = sha256.Sum256(raw)
			}
		}
		shown := make(chan struct{})
		replaced := false // a corpus on show gave way to this one
		w.opts.Do(func() {
			defer close(shown)
			if generation == w.loads {
				w.loadEnded = true
				replaced = w.corpus != nil && ready.corpus != nil
				w.show(path, ready, problems)
			} else {
				ready.watch.stop()
			}
			// A load leaves the collector paused while the views of what it
			// made are made, unless the pause's budget is spent
			// (cli.WindowLoader); they are made now.
			gcpause.Resume()
		})
		// A load leaves garbage (decoded pieces, read buffers): give the
		// memory back to the system at once rather than whenever the runtime
		// gets round to it (BENCHMARKS.md: 275 MB resident with the
		// 100,000-annotation corpus shown). Once the showing is queued: run
		// before, it delayed the corpus by 60–80 ms at 100,000 meetings, and
		// run after, it let the views' garbage raise the peak by 12–19 MB.
		// A load that still holds the collector at the showing (from the
		// cache, always) leaves little garbage: its collection waits for
		// the showing, which it slowed (a reload of gen's corpus: 164 → 156
		// ms, medians of 30), and then frees the corpus shown before.
		if gcpause.Holding() {
			<-shown
		}
		debug.FreeOSMemory()
		<-shown // Do only queues the showing
		if replaced {
			// Some of the corpus shown before is still held then (the
			// frame not drawn yet, its charts' and counts' work ending):
			// a second collection once that is over gives it back. Reloads
			// of the peer's items in the window: resident after each
			// 380, 466, 456 MB without it, 387, 373, 373 MB with it.
			time.AfterFunc(freeAgainAfter, debug.FreeOSMemory)
		}
		if w.opts.Shown != nil {
			w.opts.Shown()
		}
	}()
}

// freeAgainAfter is how long after a corpus replaced another the memory
// is collected and given back again.
const freeAgainAfter = 2 * time.Second

// followProgress shows a load's progress, a few times a second, until
// loading is closed: a bar that moves only when the load does, instead of
// an animation that redraws the window sixty times a second (which, with
// software rendering, slowed the load of the 100k corpus by a fifth). A
// load that reports no progress (a cache entry decoding) gets the
// animation only once it has taken animateAfter: a reload of the 100k
// corpus from the cache took 375–395 ms with it from the start, its
// frames (17–35 ms each) taking one of two cores from the decoding.
func (w *MainWindow) followProgress(generation int, progress *load.Progress, loading <-chan struct{}) {
	const every = 200 * time.Millisecond
	tick := time.NewTicker(every)
	defer tick.Stop()
	animated := false
	for ticks := 1; ; ticks++ {
		select {
		case <-loading:
			return
		case <-tick.C:
			f := progress.Fraction()
			if f == 0 {
				if !animated && time.Duration(ticks)*every >= animateAfter {
					animated = true
					w.opts.Do(func() {
						if generation == w.loads && !w.loadEnded && w.loadBar.Hidden {
							w.showLoading(w.progress)
						}
					})
				}
				continue
			}
			w.opts.Do(func() {
				if generation != w.loads || w.loadEnded {
					return // another load, or this one is shown already
				}
				if w.loadBar.Hidden {
					w.showLoading(w.loadBar)
				}
				w.loadBar.SetValue(f)
			})
		}
	}
}

// showLoading shows one of a load's two bars, the animation (started) or
// the one that shows how far it has come, or neither (nil), and redraws
// their box. Fyne passes a widget's refresh to the canvas it was last
// drawn on: a bar hidden since the window was first drawn has none, and
// showing it alone drew nothing until something else changed.
func (w *MainWindow) showLoading(bar fyne.CanvasObject) {
	if bar != w.progress {
		w.progress.Stop()
	}
	for _, b := range w.loadingBox.Objects {
		if b == bar {
			b.Show()
		} else {
			b.Hide()
		}
	}
	if bar == w.progress {
		w.progress.Start()
	}
	w.loadingBox.Refresh()
}

// animateAfter is how long a load that reports no progress runs before
// the window shows that it is working: long enough that a cache reopen
// (200–400 ms at 100,000 meetings) never draws it.
const animateAfter = 600 * time.Millisecond

// corpusViews is what the views need of a corpus that needs none of its
// texts.
type corpusViews struct {
	model  *timeline.Model
	totals data.Totals
}

// viewsOf makes c's timeline model and totals side by side, on two cores:
// each reads the corpus alone.
func viewsOf(c *data.Corpus) corpusViews {
	model := make(chan *timeline.Model, 1)
	go func() { model <- timeline.NewModel(c) }()
	totals := c.Totals()
	return corpusViews{model: <-model, totals: totals}
}

// loaded is a corpus with what the views need of it, made off the UI
// goroutine.
type loaded struct {
	corpus *data.Corpus
	model  *timeline.Model
	totals data.Totals
	watch  *watcher // of the corpus' files, which adds a watch per folder
	kept   *keptEdits
	// codersRead are the digests of the coders' annotation files as the
	// load read them (near enough: read again beside it), to tell a change
	// by another program from a save of the session's.
	codersRead map[string][sha256.Size]byte
}

// Corpus returns the corpus on display (nil before the first good load).
func (w *MainWindow) Corpus() *data.Corpus { return w.corpus }

func (w *MainWindow) show(path string, ready loaded, problems data.Problems) {
	c := ready.corpus
	w.showLoading(nil)
	w.problems.SetProblems(problems)
	if len(problems) > 0 {
		w.problems.Show()
		w.lower.SetOffset(0.78)
	} else {
		w.problems.Hide()
		w.lower.SetOffset(1)
	}
	good := c != nil && !problems.HasErrors()
	if good {
		w.path = path
		w.corpus, w.searcher = c, textmatch.NewSearcher(c)
		w.timeline.SetModel(ready.model)
		w.stopSearch()
		w.search.SetText("")
		w.state.Clear("Select a chart cell or search to list spans here") // all of it was of the corpus shown before
		w.state.FitCoders(ready.totals.Coders)
		w.sidebar.SetCorpus(c, ready.totals)
		if w.review.active {
			w.stopReview() // its queue was of the corpus shown before
		}
		w.countPending()
		w.keynessChoices(ready.totals)
		w.agreementChoices(ready.totals.Coders) // found off the UI goroutine
		w.SetTitle(fmt.Sprintf("%s — %s", safetext.Clip(c.Title, maxShown), w.opts.AppName))
		w.filtersChanged()
		w.remember(path)
		w.watch.stop()
		w.watch = ready.watch
		w.codersRead = ready.codersRead
		w.Canvas().Focus(w.timeline)
		if ready.kept != nil {
			w.offerRestore(*ready.kept)
		}
		if files := w.opts.Import; len(files) > 0 && path != "" {
			w.opts.Import = nil // once, into the corpus asked for
			w.importFiles(files)
		}
	}
	switch {
	case problems.HasErrors() && w.corpus != nil:
		w.status.SetText(fmt.Sprintf("%s has %s; still showing %s.", displayName(path), problems.Summary(), displayName(w.path)))
	case problems.HasErrors():
		w.status.SetText(fmt.Sprintf("%s has %s; nothing to show.", displayName(path), problems.Summary()))
	default:
		w.status.SetText(fmt.Sprintf("Loaded %s: %s.", displayName(path), problems.Summary()))
	}
	if w.notice != "" {
		w.status.SetText(w.notice)
		w.notice = ""
	}
	w.event("loaded", "path=%q ok=%v errors=%d warnings=%d meetings=%d ms=%d", displayName(path), good,
		problems.Count(data.Error), problems.Count(data.Warning), len(w.timeline.Model().Meetings), time.Since(w.loadStarted).Milliseconds())
	if w.opts.OnLoaded != nil {
		w.opts.OnLoaded(problems)
	}
}

func displayName(path string) string {
	if path == "" {
		return "the built-in corpus"
	}
	return path
}

// openFailure says in plain words why a corpus file could not be opened.
func openFailure(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "the file is not there (moved or deleted?)"
	case errors.Is(err, fs.ErrPermission):
		return "the file cannot be read (permission denied)"
	}
	return err.Error()
}
