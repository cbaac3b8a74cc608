// Package app owns the desktop window: it loads a corpus off the UI
// goroutine, shows it on the timeline with what is selected, and reports
// its problems. It never creates
// the Fyne app itself (main.go does), so it tests headless with
// fyne.io/fyne/v2/test.
package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// Loader loads a corpus ("" for the built-in one). It runs off the UI
// goroutine.
type Loader func(path string) (*data.Corpus, data.Problems, error)

// Options configure the main window.
type Options struct {
	AppName    string
	Version    string
	CorpusPath string // "" for the built-in corpus
	Load       Loader
	// OnLoaded, when set, is called on the UI goroutine after every load has
	// been shown, with that load's problems.
	OnLoaded func(data.Problems)
}

// MainWindow is the app's window and the corpus it shows.
type MainWindow struct {
	fyne.Window
	opts   Options
	loads  int // loads started; only the newest one's result is shown
	corpus *data.Corpus

	heading   *widget.Label
	summary   *widget.Label
	status    *widget.Label
	timeline  *timeline.Timeline
	selection *SelectionPanel
	problems  *ProblemsPanel
}

// NewMainWindow builds the window and starts loading the corpus.
func NewMainWindow(a fyne.App, opts Options) *MainWindow {
	w := &MainWindow{Window: a.NewWindow(opts.AppName), opts: opts}
	w.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.heading.Wrapping = fyne.TextWrapWord
	w.summary = widget.NewLabel("")
	w.summary.Wrapping = fyne.TextWrapWord
	w.status = widget.NewLabel("Loading…")
	w.timeline = timeline.New(&timeline.Model{Lanes: []*timeline.Lane{{Label: "Meetings"}}})
	w.selection = NewSelectionPanel()
	w.timeline.OnSelect = w.selection.SetSelection
	w.timeline.OnOpen = w.selection.SetSelection
	w.problems = NewProblemsPanel()
	w.problems.Hide()
	fit := widget.NewButton("Fit all (Home)", func() { w.timeline.Fit() })
	top := container.NewBorder(nil, nil, nil, container.NewCenter(fit), container.NewVBox(w.heading, w.summary))
	lower := container.NewHSplit(w.selection, w.problems)
	lower.SetOffset(0.6)
	body := container.NewVSplit(w.timeline, lower)
	body.SetOffset(0.72)
	w.SetContent(container.NewBorder(top, w.status, nil, nil, body))
	w.Resize(fyne.NewSize(1280, 800))
	w.addShortcuts(a)
	w.Reload()
	return w
}

func (w *MainWindow) addShortcuts(a fyne.App) {
	c := w.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { a.Quit() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { w.Reload() })
}

// Reload loads the corpus again in the background. A load with errors
// shows them and keeps the corpus that was open.
func (w *MainWindow) Reload() {
	path := w.opts.CorpusPath
	w.loads++
	generation := w.loads
	w.status.SetText("Loading " + displayName(path) + "…")
	go func() {
		c, problems, err := w.opts.Load(path)
		if err != nil {
			problems = append(problems, data.Problem{File: displayName(path), Severity: data.Error, Message: err.Error()})
		}
		fyne.Do(func() {
			if generation == w.loads {
				w.show(c, problems)
			}
		})
	}()
}

// Corpus returns the corpus on display (nil before the first good load).
func (w *MainWindow) Corpus() *data.Corpus { return w.corpus }

func (w *MainWindow) show(c *data.Corpus, problems data.Problems) {
	w.problems.SetProblems(problems)
	if len(problems) > 0 {
		w.problems.Show()
	} else {
		w.problems.Hide()
	}
	if c != nil && !problems.HasErrors() {
		w.corpus = c
		w.timeline.SetModel(timeline.NewModel(c))
		w.selection.Clear()
		w.heading.SetText(c.Title)
		w.summary.SetText(corpusSummary(c))
		w.SetTitle(fmt.Sprintf("%s — %s", c.Title, w.opts.AppName))
		w.Canvas().Focus(w.timeline)
	}
	switch {
	case problems.HasErrors() && w.corpus != nil:
		w.status.SetText(fmt.Sprintf("%s has %s; still showing the corpus that was open.", displayName(w.opts.CorpusPath), problems.Summary()))
	case problems.HasErrors():
		w.status.SetText(fmt.Sprintf("%s has %s; nothing to show.", displayName(w.opts.CorpusPath), problems.Summary()))
	default:
		w.status.SetText(fmt.Sprintf("Loaded %s: %s.", displayName(w.opts.CorpusPath), problems.Summary()))
	}
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

func corpusSummary(c *data.Corpus) string {
	s := c.Stats()
	return fmt.Sprintf("%d meetings from %s to %s (%d with source text) · %d sources · %d topics · %d annotations",
		s.Meetings, s.FirstDate, s.LastDate, s.MeetingsWithText, s.Sources, s.Topics, s.Annotations)
}
