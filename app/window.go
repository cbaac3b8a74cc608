// Package app owns the desktop window: the corpus loaded off the UI
// goroutine, the timeline, the charts, the lists of spans in context, the
// source text with its annotated spans highlighted, search, files, export
// and preferences, all linked. It never creates the Fyne app itself
// (main.go does), so it tests headless with fyne.io/fyne/v2/test.
package app

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// Bounds, in code points, on corpus text put into the window's labels and
// paragraphs: no label has room for more, and Fyne measures and wraps
// text whole, so a hostile label of a megabyte would hold up the UI.
const (
	maxShown     = timeline.MaxLabel
	maxShownLong = 2000 // summaries and notes, which wrap
)

// Loader loads a corpus ("" for the built-in one), reporting its progress
// to progress when it can. It runs off the UI goroutine.
type Loader func(path string, progress *data.LoadProgress) (*data.Corpus, data.Problems, error)

// Options configure the main window.
type Options struct {
	AppName    string
	Version    string
	CorpusPath string // "" for the built-in corpus
	Load       Loader
	// OnLoaded, when set, is called on the UI goroutine after every load has
	// been shown, with that load's problems.
	OnLoaded func(data.Problems)
	// Events, when set, receives one line per user-visible event, for the
	// end-to-end tests.
	Events io.Writer
	// Do runs a function on the UI goroutine: fyne.Do when nil. Tests pass
	// their own, because Fyne's test driver runs fyne.Do on the calling
	// goroutine, which would race with the test.
	Do func(func())
}

// MainWindow is the app's window and the corpus it shows.
type MainWindow struct {
	fyne.Window
	app    fyne.App
	opts   Options
	path   string // of the corpus shown
	loads  int    // loads started; only the newest one's result is shown
	corpus *data.Corpus

	status    *widget.Label
	progress  *widget.ProgressBarInfinite // while a load's progress is unknown
	loadBar   *widget.ProgressBar         // once the load reports it
	search    *searchEntry
	shortcuts map[string]func() // the window's shortcuts by name
	unit      *widget.Select
	per1k     *widget.Check
	sidebar   *Sidebar
	timeline  *timeline.Timeline
	chartTabs *container.AppTabs
	charts    []*ChartView
	kwic      *KWICList
	detail    *DetailPane
	problems  *ProblemsPanel
	lower     *container.Split
	watch     *watcher

	lastSearch string
	searchHit  int
	searches   int // searches started; only the newest one's result is shown
}

// NewMainWindow builds the window and starts loading the corpus.
func NewMainWindow(a fyne.App, opts Options) *MainWindow {
	if opts.Do == nil {
		opts.Do = fyne.Do
	}
	w := &MainWindow{Window: a.NewWindow(opts.AppName), app: a, opts: opts, path: opts.CorpusPath}
	applyTheme(a, a.Preferences().StringWithFallback(prefTheme, "system"))
	w.build()
	w.SetMainMenu(w.menu())
	w.addShortcuts()
	w.SetOnDropped(w.dropped)
	width := a.Preferences().FloatWithFallback(prefWidth, 1280)
	height := a.Preferences().FloatWithFallback(prefHeight, 800)
	w.Resize(fyne.NewSize(float32(width), float32(height)))
	w.SetOnClosed(func() {
		size := w.Canvas().Size()
		a.Preferences().SetFloat(prefWidth, float64(size.Width))
		a.Preferences().SetFloat(prefHeight, float64(size.Height))
		w.watch.stop()
	})
	// The desktop may switch between light and dark at any time, and
	// SetTheme reports here too: the rasters draw their own colours.
	a.Settings().AddListener(func(fyne.Settings) { w.opts.Do(w.themeChanged) })
	w.Reload()
	return w
}

// themeChanged redraws what draws its own colours: the charts and the
// timeline.
func (w *MainWindow) themeChanged() {
	if w.corpus != nil {
		w.filtersChanged()
	}
	w.timeline.Refresh()
}

func (w *MainWindow) build() {
	w.status = widget.NewLabel("")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.progress = widget.NewProgressBarInfinite()
	w.progress.Hide()
	w.loadBar = widget.NewProgressBar()
	w.loadBar.Hide()
	w.search = newSearchEntry(w.runShortcut)
	w.search.SetPlaceHolder("Search the sources (Ctrl+F)")
	w.search.OnSubmitted = w.runSearch
	w.unit = widget.NewSelect([]string{"spans", "sources", "meetings"}, func(string) { w.filtersChanged() })
	w.unit.SetSelected("spans")
	w.per1k = widget.NewCheck("per 1,000 words", func(bool) { w.filtersChanged() })

	w.sidebar = NewSidebar()
	w.sidebar.OnChange = w.filtersChanged
	w.sidebar.OnHoverTopic = w.hoverTopic

	w.timeline = timeline.New(&timeline.Model{Lanes: []*timeline.Lane{{Label: "Meetings"}}})
	w.timeline.OnSelect = w.timelineSelected
	w.timeline.OnOpen = w.timelineSelected
	w.timeline.OnHoverTopic = w.hoverTopic
	w.timeline.OnViewChanged = w.timelineViewChanged
	w.timeline.OnShowOnly = w.sidebar.ShowOnly // through the filters, so the charts and preferences follow

	var tabs []*container.TabItem
	for _, k := range charts.Kinds {
		v := NewChartView(k, w.opts.Do)
		kind := k
		v.OnCell = func(title string, anns []*data.Annotation) { w.chartCell(kind, title, anns) }
		v.rendered = func() { w.chartDrawn(v) }
		w.charts = append(w.charts, v)
		tabs = append(tabs, container.NewTabItem(k.Info().Tab, v))
	}
	w.chartTabs = container.NewAppTabs(tabs...)

	w.kwic = NewKWICList()
	w.kwic.OnOpen = w.openRow
	w.detail = NewDetailPane()
	w.detail.OnTapSpan = w.spanTapped
	w.problems = NewProblemsPanel()

	toolbar := widget.NewToolbar(
		widget.NewToolbarAction(theme.FolderOpenIcon(), w.ShowOpen),
		widget.NewToolbarAction(theme.ViewRefreshIcon(), w.Reload),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), w.ShowExport),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ZoomFitIcon(), func() { w.timeline.Fit() }),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.HelpIcon(), w.ShowHelp),
	)
	counting := container.NewHBox(widget.NewLabel("Count"), w.unit, w.per1k)
	top := container.NewBorder(nil, nil, toolbar, counting, w.search)

	charts := container.NewBorder(nil, nil, nil, nil, w.chartTabs)
	center := container.NewVSplit(w.timeline, charts)
	center.SetOffset(0.6)
	right := container.NewVSplit(w.kwic, w.detail)
	right.SetOffset(0.28)
	main := container.NewHSplit(center, right)
	main.SetOffset(0.62)
	withSidebar := container.NewHSplit(w.sidebar, main)
	withSidebar.SetOffset(0.16)
	w.lower = container.NewVSplit(withSidebar, w.problems)
	w.lower.SetOffset(1)
	w.problems.Hide()
	bottom := container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(160, 20), container.NewStack(w.progress, w.loadBar)), w.status)
	w.SetContent(container.NewBorder(top, bottom, nil, nil, w.lower))
}

func (w *MainWindow) addShortcuts() {
	c := w.Canvas()
	w.shortcuts = map[string]func(){}
	add := func(key fyne.KeyName, mod fyne.KeyModifier, f func()) {
		s := &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		w.shortcuts[s.ShortcutName()] = f
		c.AddShortcut(s, func(fyne.Shortcut) { f() })
	}
	ctrl := fyne.KeyModifierShortcutDefault
	add(fyne.KeyQ, ctrl, w.app.Quit)
	add(fyne.KeyR, ctrl, w.Reload)
	add(fyne.KeyO, ctrl, w.ShowOpen)
	add(fyne.KeyE, ctrl, w.ShowExport)
	add(fyne.KeyE, ctrl|fyne.KeyModifierShift, w.ShowExportTimeline)
	add(fyne.KeyF, ctrl, func() { c.Focus(w.search) })
	add(fyne.KeyT, ctrl, func() { c.Focus(w.timeline) })
	add(fyne.KeyN, ctrl, w.detail.Next)
	add(fyne.KeyP, ctrl, w.detail.Previous)
	for i := range w.charts {
		index := i
		add(fyne.KeyName(fmt.Sprint(i+1)), ctrl, func() {
			w.chartTabs.SelectIndex(index)
			c.Focus(w.charts[index])
		})
	}
	// Keys without a modifier are not shortcuts in Fyne: they reach the
	// focused widget, which hands over the ones it does not use.
	c.SetOnTypedKey(w.otherKey)
	w.timeline.OnOtherKey = w.otherKey
	for _, v := range w.charts {
		v.OnOtherKey = w.otherKey
	}
}

// otherKey handles the window's keys without a modifier.
func (w *MainWindow) otherKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyF1 {
		w.ShowHelp()
	}
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
}

func newSearchEntry(window func(fyne.Shortcut) bool) *searchEntry {
	e := &searchEntry{window: window}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut implements fyne.Shortcutable.
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if _, custom := s.(*desktop.CustomShortcut); custom && e.window(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// event writes a line to the event log, when there is one.
func (w *MainWindow) event(name string, format string, args ...any) {
	if w.opts.Events != nil {
		fmt.Fprintf(w.opts.Events, "%s %s\n", name, fmt.Sprintf(format, args...))
	}
}

// Reload loads the corpus again in the background. A load with errors
// shows them and keeps the corpus that was open.
func (w *MainWindow) Reload() { w.open(w.path) }

// open loads a corpus in the background and shows it when it is good.
func (w *MainWindow) open(path string) {
	w.loads++
	generation := w.loads
	w.event("loading", "path=%q", displayName(path))
	w.status.SetText("Loading " + displayName(path) + "…")
	w.progress.Show()
	w.progress.Start()
	w.loadBar.Hide()
	progress := &data.LoadProgress{}
	loading := make(chan struct{})
	go w.followProgress(generation, progress, loading)
	go func() {
		c, problems, err := w.opts.Load(path, progress)
		close(loading)
		// A load leaves garbage (decoded pieces, read buffers): give the
		// memory back to the system at once rather than whenever the runtime
		// gets round to it (BENCHMARKS.md: 275 MB resident with the
		// 100,000-annotation corpus shown).
		debug.FreeOSMemory()
		if err != nil {
			problems = append(problems, data.Problem{File: displayName(path), Severity: data.Error, Message: err.Error()})
		}
		// What the views need is made here too, not on the UI goroutine.
		var ready loaded
		if c != nil && !problems.HasErrors() {
			ready = loaded{corpus: c, model: timeline.NewModel(c), stats: c.Stats(),
				watch: watchCorpus(path, c, func() { w.opts.Do(w.Reload) })}
		}
		w.opts.Do(func() {
			if generation == w.loads {
				w.show(path, ready, problems)
			} else {
				ready.watch.stop()
			}
		})
	}()
}

// followProgress shows a load's progress, a few times a second, until
// loading is closed: a bar that moves only when the load does, instead of
// an animation that redraws the window sixty times a second (which, with
// software rendering, slowed the load of the 100k corpus by a fifth).
func (w *MainWindow) followProgress(generation int, progress *data.LoadProgress, loading <-chan struct{}) {
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-loading:
			return
		case <-tick.C:
			f := progress.Fraction()
			if f == 0 {
				continue
			}
			w.opts.Do(func() {
				if generation != w.loads || w.progress.Hidden && w.loadBar.Hidden {
					return // another load, or this one is shown already
				}
				if w.loadBar.Hidden {
					w.progress.Stop()
					w.progress.Hide()
					w.loadBar.Show()
				}
				w.loadBar.SetValue(f)
			})
		}
	}
}

// loaded is a corpus with what the views need of it, made off the UI
// goroutine.
type loaded struct {
	corpus *data.Corpus
	model  *timeline.Model
	stats  data.Stats
	watch  *watcher // of the corpus' files, which adds a watch per folder
}

// Corpus returns the corpus on display (nil before the first good load).
func (w *MainWindow) Corpus() *data.Corpus { return w.corpus }

func (w *MainWindow) show(path string, ready loaded, problems data.Problems) {
	c := ready.corpus
	w.progress.Stop()
	w.progress.Hide()
	w.loadBar.Hide()
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
		w.corpus = c
		w.timeline.SetModel(ready.model)
		w.sidebar.SetCorpus(c, ready.stats, hiddenTopics(w.app.Preferences()))
		w.detail.Clear()
		w.kwic.ShowAnnotations("Select a chart cell or search to list spans here", nil)
		w.SetTitle(fmt.Sprintf("%s — %s", safetext.Clip(c.Title, maxShown), w.opts.AppName))
		w.filtersChanged()
		w.remember(path)
		w.watch.stop()
		w.watch = ready.watch
		w.Canvas().Focus(w.timeline)
	}
	switch {
	case problems.HasErrors() && w.corpus != nil:
		w.status.SetText(fmt.Sprintf("%s has %s; still showing %s.", displayName(path), problems.Summary(), displayName(w.path)))
	case problems.HasErrors():
		w.status.SetText(fmt.Sprintf("%s has %s; nothing to show.", displayName(path), problems.Summary()))
	default:
		w.status.SetText(fmt.Sprintf("Loaded %s: %s.", displayName(path), problems.Summary()))
	}
	w.event("loaded", "path=%q ok=%v errors=%d warnings=%d meetings=%d", displayName(path), good,
		problems.Count(data.Error), problems.Count(data.Warning), len(w.timeline.Model().Meetings))
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

// query is what the charts count: the sidebar's topics and years, the
// chosen unit.
func (w *MainWindow) query() data.Query {
	q := w.sidebar.Query(w.corpus)
	q.Unit, _ = data.ParseUnit(w.unit.Selected)
	q.PerThousandWords = w.per1k.Checked
	return q
}

// filtersChanged applies the sidebar and the counting options everywhere.
func (w *MainWindow) filtersChanged() {
	if w.corpus == nil {
		return
	}
	q := w.query()
	w.timeline.ShowQuery(q)
	dark := apptheme.IsDark(w.app)
	for _, v := range w.charts {
		v.SetData(w.corpus, q, dark)
	}
	w.app.Preferences().SetStringList(prefHidden, w.sidebar.Hidden())
}

// hoverTopic highlights a topic on the timeline and in the charts (nil:
// none) while the pointer is over it anywhere.
func (w *MainWindow) hoverTopic(t *data.Topic) {
	w.timeline.HighlightTopic(t)
	id := ""
	if t != nil {
		id = t.ID
	}
	for _, v := range w.charts {
		v.Highlight(id)
	}
}

func (w *MainWindow) timelineSelected(sel timeline.Selection) {
	w.detail.ShowSelection(w.corpus, sel)
	title := "Spans"
	if sel.Meeting != nil {
		title = safetext.Clip(sel.Meeting.Short, maxShown)
		if sel.Topic != nil {
			title = safetext.Clip(sel.Topic.Label, maxShown) + " · " + title
		}
	}
	w.kwic.ShowAnnotations(title, sel.Annotations)
	w.event("selected", "meeting=%s topic=%s spans=%d", meetingID(sel.Meeting), topicID(sel.Topic), len(sel.Annotations))
}

func meetingID(m *data.Meeting) string {
	if m == nil {
		return "-"
	}
	return m.ID
}

func topicID(t *data.Topic) string {
	if t == nil {
		return "-"
	}
	return t.ID
}

// timelineViewChanged logs the days in view and where the timeline lies in
// the window, so the end-to-end test can check a zoom and drag a pan.
func (w *MainWindow) timelineViewChanged(view timeline.Scale) {
	if w.opts.Events == nil {
		return
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.timeline)
	size := w.timeline.Size()
	w.event("view", "start=%.1f span=%.1f center=%d,%d", view.Start, view.Span(), int(at.X+size.Width/2), int(at.Y+size.Height/2))
}

// chartDrawn logs where the chart's first cell lies in the window, so the
// end-to-end test can click it.
func (w *MainWindow) chartDrawn(v *ChartView) {
	res := v.Result()
	if res == nil || len(res.Hits) == 0 || w.opts.Events == nil {
		return
	}
	h := res.Hits[0]
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(v)
	x := at.X + float32((h.X0+h.X1)/2)/v.scale
	y := at.Y + float32((h.Y0+h.Y1)/2)/v.scale
	w.event("chart-drawn", "chart=%s first-cell=%d,%d", v.Kind(), int(x), int(y))
}

func (w *MainWindow) chartCell(kind charts.Kind, title string, anns []*data.Annotation) {
	w.kwic.ShowAnnotations(title, anns)
	w.event("chart-cell", "chart=%s cell=%q spans=%d", kind, title, len(anns))
}

// openRow opens a span or a search match in the detail pane and selects
// its meeting on the timeline.
func (w *MainWindow) openRow(row KWICRow) {
	if row.Annotation != nil {
		var list []*data.Annotation
		for _, r := range w.kwic.Rows() {
			if r.Annotation != nil {
				list = append(list, r.Annotation)
			}
		}
		w.detail.ShowSpan(w.corpus, row.Annotation, list)
	} else {
		w.detail.ShowMatch(w.corpus, row.Match)
	}
	if ms := row.Source().Meetings; len(ms) > 0 {
		var topic *data.Topic
		if row.Annotation != nil {
			topic = row.Annotation.Topic
		}
		w.timeline.SelectMeetingTopic(ms[0], topic)
	}
	at := row.Match.Start
	if row.Annotation != nil {
		at = row.Annotation.Anchor.Start
	}
	w.event("opened", "source=%s at=%d", row.Source().ID, at)
}

// spanTapped selects the tapped span's topic and meeting elsewhere.
func (w *MainWindow) spanTapped(a *data.Annotation) {
	if ms := a.Source.Meetings; len(ms) > 0 {
		w.timeline.SelectMeetingTopic(ms[0], a.Topic)
	}
	w.timeline.HighlightTopic(a.Topic)
	w.status.SetText(fmt.Sprintf("%s: “%s”", safetext.Clip(a.Topic.Label, maxShown), safetext.Clip(a.Text(), 80)))
	w.event("span", "topic=%s source=%s start=%d", a.Topic.ID, a.Source.ID, a.Anchor.Start)
}

// runSearch lists the matches of the search box, searching in the
// background (the first search of a large corpus folds every text);
// submitting the same text again opens the next match.
func (w *MainWindow) runSearch(text string) {
	if w.corpus == nil {
		return
	}
	text = strings.TrimSpace(text)
	if text != "" && text == w.lastSearch && len(w.kwic.Rows()) > 0 {
		w.searchHit = (w.searchHit + 1) % len(w.kwic.Rows())
		w.kwic.Open(w.searchHit)
		return
	}
	w.lastSearch, w.searchHit = text, -1
	w.searches++
	generation, c := w.searches, w.corpus
	w.status.SetText("Searching for “" + text + "”…")
	go func() {
		matches := c.Search(text, 1000)
		w.opts.Do(func() {
			if generation == w.searches && c == w.corpus {
				w.showSearch(text, matches)
			}
		})
	}()
}

// showSearch lists a search's matches and marks their meetings.
func (w *MainWindow) showSearch(text string, matches []data.Match) {
	w.kwic.ShowMatches(fmt.Sprintf("“%s”", text), matches)
	hit := map[*data.Meeting]bool{}
	for _, m := range matches {
		for _, mt := range m.Source.Meetings {
			hit[mt] = true
		}
	}
	w.timeline.MarkMeetings(func(m *data.Meeting) bool { return hit[m] })
	w.status.SetText(fmt.Sprintf("%d matches of “%s” in %d meetings; press Enter again to open them in turn.", len(matches), text, len(hit)))
	w.event("search", "query=%q matches=%d meetings=%d", text, len(matches), len(hit))
}
