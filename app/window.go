// Package app owns the desktop window: it loads a corpus off the UI
// goroutine, shows its meetings and reports its problems. It never creates
// the Fyne app itself (main.go does), so it tests headless with
// fyne.io/fyne/v2/test.
package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
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
	opts     Options
	loads    int // loads started; only the newest one's result is shown
	corpus   *data.Corpus
	meetings []*data.Meeting

	heading  *widget.Label
	summary  *widget.Label
	status   *widget.Label
	list     *widget.List
	problems *ProblemsPanel
}

// NewMainWindow builds the window and starts loading the corpus.
func NewMainWindow(a fyne.App, opts Options) *MainWindow {
	w := &MainWindow{Window: a.NewWindow(opts.AppName), opts: opts}
	w.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.heading.Wrapping = fyne.TextWrapWord
	w.summary = widget.NewLabel("")
	w.summary.Wrapping = fyne.TextWrapWord
	w.status = widget.NewLabel("Loading…")
	w.list = widget.NewList(
		func() int { return len(w.meetings) },
		newMeetingRow,
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*meetingRow).show(w.meetings[id]) },
	)
	w.problems = NewProblemsPanel()
	w.problems.Hide()
	top := container.NewVBox(w.heading, w.summary)
	body := container.NewVSplit(w.list, w.problems)
	body.SetOffset(0.7)
	w.SetContent(container.NewBorder(top, w.status, nil, nil, body))
	w.Resize(fyne.NewSize(1100, 720))
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
		w.meetings = c.MeetingsByDate()
		w.heading.SetText(c.Title)
		w.summary.SetText(corpusSummary(c))
		w.SetTitle(fmt.Sprintf("%s — %s", c.Title, w.opts.AppName))
		w.list.Refresh()
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

// meetingRow is one line of the meeting list.
type meetingRow struct {
	widget.BaseWidget
	date, title, detail *widget.Label
}

func newMeetingRow() fyne.CanvasObject {
	r := &meetingRow{
		date:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}),
		title:  widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		detail: widget.NewLabel(""),
	}
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *meetingRow) show(m *data.Meeting) {
	r.date.SetText(m.Date.String())
	r.title.SetText(m.Short)
	var parts []string
	if m.Place != "" {
		parts = append(parts, m.Place)
	}
	switch n := len(m.Sources); n {
	case 0:
		parts = append(parts, "no source text in the corpus")
	case 1:
		parts = append(parts, "1 source")
	default:
		parts = append(parts, fmt.Sprintf("%d sources", n))
	}
	r.detail.SetText(strings.Join(parts, " · "))
	// Meetings without text stay readable but look different: italic.
	r.detail.TextStyle.Italic = !m.HasText()
	r.detail.Refresh()
}

func (r *meetingRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(columns{110, 150}, r.date, r.title, r.detail))
}

// columns lays objects out in a row: the first ones at fixed widths, the
// last one taking the rest, so the rows of a list line up.
type columns []float32

func (c columns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objects {
		w := size.Width - x
		if i < len(c) {
			w = min(c[i], w)
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(max(w, 0), size.Height))
		x += w
	}
}

func (c columns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objects {
		m := o.MinSize()
		if i < len(c) {
			w += c[i]
		} else {
			w += m.Width
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}
