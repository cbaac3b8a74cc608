// Package app owns the desktop window: the corpus loaded off the UI
// goroutine, the timeline, the charts, the lists of spans in context, the
// source text with its annotated spans highlighted, search, files, export
// and preferences, all linked. What the window shows lives in one State
// (state.go): the filters, the theme choice, the selection, the listing of
// spans or matches, what is open in the detail pane, the search and the
// hover. Views observe it and change it only through its setters; the
// window's listener applies each change to the views that draw it, and
// the preferences and the event log are listeners too. It never creates
// the Fyne app itself (main.go does), so it tests headless with
// fyne.io/fyne/v2/test.
package app

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
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
type Loader func(path string, progress *load.Progress) (*data.Corpus, data.Problems, error)

// Options configure the main window.
type Options struct {
	AppName    string
	Version    string
	CorpusPath string // "" for the built-in corpus, or the last one with RestoreLast
	// RestoreLast opens the corpus opened last when CorpusPath is "", and
	// says so when it is gone.
	RestoreLast bool
	// Import lists documents to import into the corpus once it is shown
	// (alliance-timeline open CORPUS --import FILE), as if dropped there.
	Import []string
	// Journal, when set, keeps unsaved edits as they are made, and a
	// corpus opened with edits kept from a crash offers to restore them.
	Journal *edit.Journal
	// WriteFile replaces a file whole; nil is atomicfile.Write. Tests give
	// one that fails as a full disk or a refused rename does.
	WriteFile func(path string, data []byte) error
	Load      Loader
	// Shown, when set, is called off the UI goroutine after each load's
	// result is shown: what a load leaves until then (storing the corpus
	// in the cache, cli.WindowLoader).
	Shown func()
	// OnLoaded, when set, is called on the UI goroutine after every load has
	// been shown, with that load's problems.
	OnLoaded func(data.Problems)
	// Events, when set, receives one line per user-visible event, for the
	// end-to-end tests.
	Events io.Writer
	// Quitting, when set, is called on the UI goroutine as the window
	// begins to end the app (Quit, or the window closed), once any question
	// about unsaved edits is answered: main bounds how long the toolkit may
	// then take to end the process (cli/exitwatch).
	Quitting func()
	// Do runs a function on the UI goroutine: fyne.Do when nil. Tests pass
	// their own, because Fyne's test driver runs fyne.Do on the calling
	// goroutine, which would race with the test.
	Do func(func())
}

// MainWindow is the app's window and the corpus it shows.
type MainWindow struct {
	state *State // what the window shows; every view observes it
	fyne.Window
	app         fyne.App
	opts        Options
	path        string    // of the corpus shown
	loads       int       // loads started; only the newest one's result is shown
	loadEnded   bool      // the newest load's result is shown: its progress no longer is
	loadStarted time.Time // when the newest load started, for the event log
	corpus      *data.Corpus
	searcher    *textmatch.Searcher // of the corpus shown

	status     *widget.Label
	progress   *widget.ProgressBarInfinite // while a load's progress is unknown
	loadBar    *widget.ProgressBar         // once the load reports it
	loadingBox *fyne.Container             // the two bars, one over the other
	search     *searchEntry
	shortcuts  map[string]func() // the window's shortcuts by name
	unit       *keySelect
	per1k      *keyCheck
	sidebar    *Sidebar
	timeline   *timeline.Timeline
	chartTabs  *container.AppTabs
	charts     []*ChartView
	kwic       *KWICList
	detail     *DetailPane
	problems   *ProblemsPanel
	lower      *container.Split
	watch      *watcher
	notice     string // said once the first load is shown (the last corpus is gone)

	cancelSearch     context.CancelFunc // of the search that runs
	fileDialog       *dialog.FileDialog // the Open dialog while it shows
	tips             *tipLayer          // tooltips over the window
	session          *edit.Session      // the edits of the corpus file, once there are any
	editing          bool               // an edit is being made or followed; others wait in queued
	queued           []func()           // edits, undos and redos made meanwhile, in order
	journalMu        sync.Mutex         // the journal's writes, from the edits' goroutines
	journalRequests  int                // the journal's requests made, numbered on the UI goroutine
	journaled        int                // the newest request kept (journalMu)
	selected         textSelection      // text selected in a source view
	resizing         *data.Annotation   // the span tapped, whose extent the selection may change
	recent           []string           // topic ids coded with, the most recent first
	picker           *picker            // the topic picker while it is open
	statusBar        *fyne.Container
	review           review       // the review of suggestions, while it runs
	phraseEntry      *searchEntry // the phrase trends' phrases
	phrases          string       // as last drawn, for export
	phrasesByMeeting bool
	keyness          keynessTab                   // the keyness tab
	agreement        agreementTab                 // the agreement tab
	codersRead       map[string][sha256.Size]byte // the coders' files as loaded (loaded.codersRead)
	rightPanel       fyne.CanvasObject            // the spans and sources, which fold away
}

// NewMainWindow builds the window and starts loading the corpus.
func NewMainWindow(a fyne.App, opts Options) *MainWindow {
	if opts.Do == nil {
		opts.Do = fyne.Do
	}
	state := loadState(a.Preferences())
	applyTheme(a, string(state.Theme()))
	// The styles the empty window shows, read while the window is made
	// (BENCHMARKS.md). Italic, which only a corpus shown needs, is left to
	// the showing: read during a large load, its faces raised the peak.
	faces := apptheme.ReadFaces(fyne.TextStyle{}, fyne.TextStyle{Bold: true})
	w := &MainWindow{Window: a.NewWindow(opts.AppName), app: a, opts: opts, path: opts.CorpusPath, state: state}
	if w.path == "" && opts.RestoreLast {
		w.path, w.notice = lastCorpus(a.Preferences())
	}
	<-faces // before any text is measured: the faces are not safe for concurrent use
	w.build()
	w.state.Listen(w.stateChanged)
	if opts.Events != nil {
		w.state.Listen(w.logChange)
	}
	w.SetMainMenu(w.menu())
	w.addShortcuts()
	w.SetOnDropped(w.dropped)
	width := a.Preferences().FloatWithFallback(prefWidth, 1280)
	height := a.Preferences().FloatWithFallback(prefHeight, 800)
	w.Resize(fyne.NewSize(float32(width), float32(height)))
	w.SetCloseIntercept(func() {
		w.guardUnsaved("close the window", func() { w.quitting(); w.Close() })
	})
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

// stateChanged follows a change of the window's state: the views that
// draw from the filters, the theme, and the preferences that keep both.
func (w *MainWindow) stateChanged(c Change) {
	if c&FiltersChanged != 0 {
		w.filtersChanged()
	}
	if c&HoverChanged != 0 {
		w.hoverTopic(w.state.Hovered())
	}
	if c&SelectionChanged != 0 {
		w.timeline.ShowSelection(w.state.Selected())
	}
	if c&ListingChanged != 0 {
		w.kwic.List(w.state.Listing())
	}
	if c&(ListingChanged|FocusChanged) != 0 {
		w.kwic.ShowOpen(w.state.Focus().Index)
	}
	if c&(SelectionChanged|FocusChanged) != 0 {
		w.showDetail()
	}
	if c&(SearchChanged|FocusChanged|SelectionChanged) != 0 {
		w.detail.ShowSearch(w.state.Search().Query, w.state.Focus().Match, w.state.Listing().Cell)
	}
	if c&SearchChanged != 0 {
		w.searchChanged()
	}
	if c&ThemeChanged != 0 {
		applyTheme(w.app, string(w.state.Theme())) // the settings listener redraws the rasters
		w.SetMainMenu(w.menu())
	}
	if c&(FiltersChanged|ThemeChanged) != 0 {
		saveState(w.app.Preferences(), w.state)
	}
}

// themeChanged redraws what draws its own colours: the charts and the
// timeline.
func (w *MainWindow) themeChanged() {
	if w.corpus != nil {
		w.filtersChanged()
	}
	w.sidebar.ColourChips()
	w.timeline.Refresh()
}

func (w *MainWindow) build() {
	w.tips = newTipLayer()
	w.status = widget.NewLabel("")
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.progress = widget.NewProgressBarInfinite()
	w.progress.Hide()
	w.loadBar = widget.NewProgressBar()
	w.loadBar.Hide()
	w.search = newSearchEntry(w.runShortcut, w.searchKey)
	w.search.SetPlaceHolder("Search the texts, meetings and sources (Ctrl+F)")
	w.search.OnSubmitted = w.runSearch
	w.unit = newKeySelect([]string{"spans", "sources", "meetings"}, func(s string) {
		if u, err := data.ParseUnit(s); err == nil {
			w.state.SetUnit(u)
		}
	}, w.windowKey)
	w.unit.Selected = "spans"
	w.per1k = newKeyCheck("per 1,000 words", w.state.SetPerThousandWords, w.windowKey)

	w.sidebar = NewSidebar(w.state, w.windowKey, w.tips)

	w.timeline = timeline.New(&timeline.Model{Lanes: []*timeline.Lane{{Label: "Meetings"}}})
	w.timeline.OnSelect = w.state.Select
	w.timeline.OnClear = func() { w.state.Select(timeline.Selection{}) }
	w.timeline.OnOpen = w.state.Select
	w.timeline.OnHoverTopic = w.state.SetHover
	w.timeline.OnViewChanged = w.timelineViewChanged
	w.timeline.OnBin = w.binOpened
	w.timeline.OnShowOnly = func(t *data.Topic) { // through the state, so the sidebar, the charts and the preferences follow
		id := ""
		if t != nil {
			id = t.ID
		}
		w.state.ShowOnly(w.corpus, id)
	}

	var tabs []*container.TabItem
	for _, k := range charts.Kinds {
		v := NewChartView(k, w.opts.Do)
		kind := k
		v.OnCell = func(title string, anns []*data.Annotation) {
			w.state.SetListing(Listing{Title: title, Annotations: anns, Chart: kind, Cell: true})
		}
		v.OnMatches = func(title string, matches []textmatch.Match) {
			w.state.SetListing(Listing{Title: title, Matches: matches, Total: len(matches), Chart: kind, Cell: true})
		}
		v.OnDrawn = func() { w.chartDrawn(v) }
		w.charts = append(w.charts, v)
		var content fyne.CanvasObject = v
		if k == charts.PhraseTrends {
			content = w.phrasePanel(v)
		}
		tabs = append(tabs, container.NewTabItem(k.Info().Tab, content))
	}
	tabs = append(tabs, container.NewTabItem("Keyness", w.keynessPanel()), container.NewTabItem("Agreement", w.agreementPanel()))
	w.chartTabs = container.NewAppTabs(tabs...)
	w.chartTabs.OnSelected = func(*container.TabItem) {
		switch { // compared when first looked at, not on every load or edit
		case w.keynessShown() && w.keyness.result == nil:
			w.compareParts()
		case w.agreementShown() && w.agreement.stale:
			w.compareCoders()
		}
	}

	w.kwic = NewKWICList(w.windowKey, w.tips)
	w.kwic.OnOpen = w.state.OpenRow
	w.kwic.OnMenu = w.rowMenu
	w.detail = NewDetailPane(w.windowKey)
	w.detail.Do = w.opts.Do
	w.detail.OnResize = w.resizeSpan
	w.detail.OnTapSpan = w.spanTapped
	w.detail.OnSelectText = w.textSelected
	w.detail.OnKey = w.sourceKey
	w.detail.OnKeyEvent = func(e *fyne.KeyEvent) bool { return w.windowKey(e) || w.reviewArrow(e) }
	w.detail.OnMenu = w.spanMenu
	w.detail.OnPick = w.showPicker
	w.problems = NewProblemsPanel(w.hideProblems, w.windowKey)

	toolbar := widget.NewToolbar(
		newTipButton(theme.FolderOpenIcon(), "Open a corpus (Ctrl+O)", w.ShowOpen, w.tips),
		newTipButton(theme.ViewRefreshIcon(), "Reload the corpus from disk (Ctrl+R)", w.Reload, w.tips),
		newTipButton(theme.UploadIcon(), "Export the chart as PNG, SVG or CSV (Ctrl+E)", w.ShowExport, w.tips),
		widget.NewToolbarSeparator(),
		newTipButton(theme.ZoomFitIcon(), "Fit the timeline to the data", func() { w.timeline.Fit() }, w.tips),
		widget.NewToolbarSeparator(),
		newTipButton(theme.HelpIcon(), "Help: keys and what the views show (F1)", w.ShowHelp, w.tips),
	)
	counting := container.NewHBox(widget.NewLabel("Count"), w.unit, w.per1k)
	top := container.NewBorder(nil, nil, toolbar, counting, w.search)

	charts := container.NewBorder(nil, nil, nil, nil, w.chartTabs)
	center := container.NewVSplit(w.timeline, charts)
	center.SetOffset(0.6)
	right := container.NewVSplit(w.kwic, container.NewBorder(w.newReviewBar(), nil, nil, nil, w.detail))
	right.SetOffset(0.4)
	w.rightPanel = right
	main := container.NewHSplit(center, right)
	main.SetOffset(0.62)
	withSidebar := container.NewHSplit(w.sidebar, main)
	withSidebar.SetOffset(0.2)
	w.lower = container.NewVSplit(withSidebar, w.problems)
	w.lower.SetOffset(1)
	w.problems.Hide()
	w.restorePanels()
	w.loadingBox = container.NewStack(w.progress, w.loadBar)
	w.statusBar = container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(160, 20), w.loadingBox), w.status)
	w.SetContent(container.NewStack(container.NewBorder(top, w.statusBar, nil, nil, w.lower), w.tips.root))
}

// event writes a line to the event log, when there is one.
func (w *MainWindow) event(name string, format string, args ...any) {
	if w.opts.Events != nil {
		fmt.Fprintf(w.opts.Events, "%s %s\n", name, fmt.Sprintf(format, args...))
	}
}

// query is what the charts count: the sidebar's topics and years, the
// chosen unit.
func (w *MainWindow) query() data.Query {
	return w.state.Query(w.corpus)
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
}
