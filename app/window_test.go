package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

func builtin(string, *load.Progress) (*data.Corpus, data.Problems, error) {
	return assets.LoadCorpus()
}

// uiQueue stands in for the UI goroutine: background work queues its UI
// updates, and the test runs them on its own goroutine when it pumps.
type uiQueue chan func()

func (q uiQueue) do(f func()) { q <- f }

// pumpUntil runs queued UI updates until done reports true.
func (q uiQueue) pumpUntil(t *testing.T, what string, done func() bool) {
	t.Helper()
	q.pumpWithin(t, 10*time.Second, what, done)
}

// pumpWithin is pumpUntil with its own deadline, for work that takes long
// (the PDF engine's start, under the race detector).
func (q uiQueue) pumpWithin(t *testing.T, d time.Duration, what string, done func() bool) {
	t.Helper()
	deadline := time.After(d)
	// done is looked at again now and then too: what it waits for may be
	// background work that queues nothing (a journal's write).
	poll := time.NewTicker(5 * time.Millisecond)
	defer poll.Stop()
	for !done() {
		select {
		case f := <-q:
			f()
		case <-poll.C:
		case <-deadline:
			t.Fatalf("%s: not within %v", what, d)
		}
	}
}

// pumpFor runs queued UI updates for a while.
func (q uiQueue) pumpFor(d time.Duration) {
	end := time.After(d)
	for {
		select {
		case f := <-q:
			f()
		case <-end:
			return
		}
	}
}

// testWindow is a main window under test with its UI queue.
type testWindow struct {
	*MainWindow
	ui     uiQueue
	loads  int // loads shown so far
	events *strings.Builder
}

// openWindow opens the main window with the loader and waits for the
// first load to be shown.
func openWindow(t *testing.T, load Loader) *testWindow {
	t.Helper()
	return openWindowIn(t, test.NewTempApp(t), Options{Load: load})
}

// openWindowIn opens a window of app a with opts, logging events and
// counting loads, and waits for its first load.
func openWindowIn(t *testing.T, a fyne.App, opts Options) *testWindow {
	t.Helper()
	tw := &testWindow{ui: make(uiQueue, 64), events: &strings.Builder{}}
	opts.AppName, opts.Events, opts.Do = "Alliance Timeline", tw.events, tw.ui.do
	opts.OnLoaded = func(data.Problems) { tw.loads++ }
	tw.MainWindow = NewMainWindow(a, opts)
	tw.Resize(fyne.NewSize(1400, 900))
	t.Cleanup(tw.Close)
	tw.waitLoads(t, 1)
	return tw
}

// drawChart lays out chart i at 900×500 and pumps until it is drawn.
func (tw *testWindow) drawChart(t *testing.T, i int) *ChartView {
	t.Helper()
	v := tw.charts[i]
	drawn := false
	logged := v.OnDrawn
	v.OnDrawn = func() { logged(); drawn = true }
	v.Resize(fyne.NewSize(900, 500))
	tw.ui.pumpUntil(t, "the chart", func() bool { return drawn })
	return v
}

// waitLoads pumps until n loads have been shown in all.
func (tw *testWindow) waitLoads(t *testing.T, n int) {
	t.Helper()
	tw.ui.pumpUntil(t, "the load", func() bool { return tw.loads >= n })
}

// TestSelectingAMeetingShowsItsHighlightedSources: the 44th SCM opens both
// its sources, every span of theirs highlighted, on the first span.
func TestSelectingAMeetingShowsItsHighlightedSources(t *testing.T) {
	w := openWindow(t, builtin)
	events := w.events
	if !strings.HasPrefix(w.Title(), "U.S.–ROK Security Consultative Meetings") {
		t.Errorf("title %q does not name the corpus", w.Title())
	}
	w.timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // the 2+2 of June 2012
	w.timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	m := w.detail.Meeting()
	if m == nil || m.ID != "scm-44" {
		t.Fatalf("detail shows %v", m)
	}
	if len(w.detail.tabSources) != 2 {
		t.Fatalf("%d source tabs, want 2", len(w.detail.tabSources))
	}
	first := w.detail.Current()
	if first == nil || first.Source != m.Sources[0] {
		t.Fatalf("current span %v", first)
	}
	for _, s := range m.Sources {
		v := w.detail.View(s)
		v.Resize(fyne.NewSize(500, 3000))
		got := v.HighlightedText()
		for _, a := range s.Annotations {
			if squash(got[a]) != squash(a.Text()) {
				t.Errorf("%s: %q highlighted as %q", s.ID, a.Quote, got[a])
			}
		}
	}
	if len(w.kwic.Rows()) != 36 {
		t.Errorf("the list holds %d spans, want the meeting's 36", len(w.kwic.Rows()))
	}
	w.detail.Next()
	if w.detail.Current() == first {
		t.Error("Next did not move")
	}
	if !strings.Contains(events.String(), "selected meeting=scm-44 topic=- spans=36") {
		t.Errorf("events: %s", events)
	}
	// The 45th SCM has no text.
	w.timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if len(w.detail.tabSources) != 0 || !strings.Contains(richText(w.detail.facts), "No source text") {
		t.Errorf("45th SCM: %d tabs, facts %q", len(w.detail.tabSources), richText(w.detail.facts))
	}
}

func richText(r interface{ String() string }) string { return r.String() }

// TestChartCellListsItsAnnotations: a click on the 2020 space segment of
// topics-by-year lists exactly that cell's annotations; opening a row
// shows the source at that span.
func TestChartCellListsItsAnnotations(t *testing.T) {
	w := openWindow(t, builtin)
	v := w.drawChart(t, 0)
	space := w.corpus.Topic("space")
	var hit *charts.Hit
	for i, h := range v.Result().Hits {
		if v.table.Columns[h.Column].Label == "2020" && v.table.Rows[h.Row].ID == "space" {
			hit = &v.Result().Hits[i]
		}
	}
	if hit == nil {
		t.Fatal("no 2020 space segment")
	}
	pos := fyne.NewPos(float32((hit.X0+hit.X1)/2)/v.scale, float32((hit.Y0+hit.Y1)/2)/v.scale)
	test.TapAt(v, pos)
	rows := w.kwic.Rows()
	want := v.table.Annotations(hit.Column, hit.Row)
	if len(rows) != len(want) || len(want) != 5 {
		t.Fatalf("%d rows, want the cell's %d", len(rows), len(want))
	}
	for i, r := range rows {
		if r.Annotation != want[i] || r.Annotation.Topic != space {
			t.Errorf("row %d: %v", i, r.Annotation)
		}
	}
	w.kwic.Open(2)
	if w.detail.Current() != want[2] || w.detail.Meeting().ID != "scm-52" {
		t.Errorf("opening row 2 shows %v in %v", w.detail.Current(), w.detail.Meeting())
	}
}

// A search lists every match, in the texts and in the meetings' fields,
// marks the meetings it hit, and Enter opens the matches in turn.
func TestSearchListsMatchesAndMarksMeetings(t *testing.T) {
	w := openWindow(t, builtin)
	events := w.events
	w.search.SetText("extended deterrence")
	w.search.OnSubmitted(w.search.Text)
	w.ui.pumpUntil(t, "the search", func() bool { return strings.Contains(events.String(), "search query=") })
	rows := w.kwic.Rows()
	inText, hit := 0, map[*data.Meeting]bool{}
	for _, r := range rows {
		if r.Match.Field == textmatch.InText {
			inText++
		}
		for _, m := range r.Match.Meetings() {
			hit[m] = true
		}
	}
	if inText != 4 || len(rows) <= inText {
		t.Fatalf("%d results, %d in the texts; want 4 in the texts and more in the meetings' fields", len(rows), inText)
	}
	marked := 0
	for _, it := range w.timeline.Model().Lanes[0].Items {
		if it.Marked {
			marked++
		}
	}
	if marked != len(hit) || marked < 3 {
		t.Errorf("%d meetings marked, want the %d the matches are in", marked, len(hit))
	}
	w.search.OnSubmitted(w.search.Text) // Enter again opens the first match
	if w.detail.Meeting() == nil || w.state.Focus().Index != 0 {
		t.Errorf("Enter did not open the first match: %+v\n%s", w.state.Focus(), events)
	}
	w.search.OnSubmitted(w.search.Text)
	if w.state.Focus().Index != 1 {
		t.Errorf("Enter again opened row %d, not the second", w.state.Focus().Index)
	}
	want := fmt.Sprintf(`search query="extended deterrence" matches=%d listed=%d meetings=%d`, len(rows), len(rows), len(hit))
	if !strings.Contains(events.String(), want) {
		t.Errorf("events lack %s: %s", want, events)
	}
}

func TestBrokenReloadKeepsCorpus(t *testing.T) {
	broken := false
	load := func(p string, _ *load.Progress) (*data.Corpus, data.Problems, error) {
		if broken {
			return nil, data.Problems{
				{File: "c.yaml", Line: 3, Col: 5, Severity: data.Error, Message: "unknown key"},
				{File: "c.yaml", Line: 9, Col: 1, Severity: data.Warning, Message: "fuzzy"},
			}, nil
		}
		return builtin(p, nil)
	}
	w := openWindow(t, load)
	before := w.Corpus()
	broken = true
	w.Reload()
	w.waitLoads(t, 2)
	if w.Corpus() != before || len(w.timeline.Model().Meetings) != 21 {
		t.Fatal("the corpus that was open was dropped")
	}
	if !w.problems.Visible() || len(w.problems.Problems()) != 2 {
		t.Fatal("problems panel not shown with both problems")
	}
	if !strings.Contains(w.problems.text.Text, "c.yaml:3:5: error: unknown key") {
		t.Errorf("panel text: %q", w.problems.text.Text)
	}
	if !strings.Contains(w.status.Text, "still showing") {
		t.Errorf("status: %q", w.status.Text)
	}
}

// TestOnlyTheNewestLoadIsShown: a slow load that finishes after a newer one
// must not replace what the newer one showed.
func TestOnlyTheNewestLoadIsShown(t *testing.T) {
	release := make(chan struct{})
	load := func(p string, _ *load.Progress) (*data.Corpus, data.Problems, error) {
		if filepath.Base(p) == "slow.yaml" {
			<-release
			return nil, data.Problems{{File: p, Severity: data.Error, Message: "stale"}}, nil
		}
		return builtin(p, nil)
	}
	w := openWindow(t, load)
	w.open("slow.yaml")
	w.open("")
	w.waitLoads(t, 2)
	close(release)
	w.ui.pumpFor(300 * time.Millisecond)
	if w.loads != 2 {
		t.Fatal("the stale load was shown")
	}
	if w.problems.Visible() {
		t.Error("problems of the stale load are shown")
	}
}

func TestTopicFilterHidesLanesAndCounts(t *testing.T) {
	w := openWindow(t, builtin)
	for id, c := range w.sidebar.checks { // the user unticks every box but one
		if id != "space" {
			test.Tap(c)
		}
	}
	q := w.query()
	if len(q.Topics) != 1 || q.Topics[0] != "space" {
		t.Fatalf("query topics %v", q.Topics)
	}
	visible := 0
	for _, l := range w.timeline.Model().Lanes[1:] {
		if !l.Hidden {
			visible++
		}
	}
	if visible != 1 {
		t.Errorf("%d topic lanes visible", visible)
	}
	if got := w.app.Preferences().StringList(prefHidden); len(got) != len(w.corpus.Topics)-1 {
		t.Errorf("%d hidden topics remembered", len(got))
	}
}

func TestTappingASpanSelectsItsTopicAndMeeting(t *testing.T) {
	w := openWindow(t, builtin)
	events := w.events
	a := w.corpus.Source("whitepaper-2020-p409").Annotations[0]
	w.detail.ShowSpan(w.corpus, a, nil)
	w.spanTapped(a)
	sel, ok := w.timeline.Selected()
	if !ok || sel.Meeting.ID != "scm-52" || sel.Topic != a.Topic {
		t.Errorf("timeline selection %+v", sel)
	}
	if !strings.Contains(events.String(), fmt.Sprintf("opened source=%s field=text at=%d", a.Source.ID, a.Anchor.Start)) {
		t.Errorf("events: %s", events)
	}
	if f := w.state.Focus(); f.Annotation != a {
		t.Errorf("the state has %+v open", f)
	}
}

// TestShortcutsReachTheWindowFromTheSearchBox: the window's shortcuts work
// while the search box has the focus.
func TestShortcutsReachTheWindowFromTheSearchBox(t *testing.T) {
	w := openWindow(t, builtin)
	w.Canvas().Focus(w.search)
	w.search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault})
	if w.Canvas().Focused() != w.timeline {
		t.Errorf("Ctrl+T from the search box focused %T", w.Canvas().Focused())
	}
}

func TestHoveringATopicHighlightsItEverywhere(t *testing.T) {
	w := openWindow(t, builtin)
	space := w.corpus.Topic("space")
	w.hoverTopic(space)
	if !w.timeline.Model().Lanes[1+space.Index].Highlighted {
		t.Error("the timeline lane is not highlighted")
	}
	for _, v := range w.charts {
		if v.topic != "space" {
			t.Errorf("%s: highlight %q", v.Kind(), v.topic)
		}
	}
	w.hoverTopic(nil)
	if w.timeline.Model().Lanes[1+space.Index].Highlighted || w.charts[0].topic != "" {
		t.Error("the highlight stayed after the pointer left")
	}
}

// TestALongLoadNeverBlocksTheWindow: while a corpus loads, the window
// keeps answering, and a load that reports no progress shows the animation
// once it has taken animateAfter, not before (its frames slowed a cache
// reopen by a fifth).
func TestALongLoadNeverBlocksTheWindow(t *testing.T) {
	release := make(chan struct{})
	load := func(p string, _ *load.Progress) (*data.Corpus, data.Problems, error) {
		if filepath.Base(p) == "big.yaml" {
			<-release
		}
		return builtin(p, nil)
	}
	w := openWindow(t, load)
	opened := time.Now()
	w.open("big.yaml")
	if w.progress.Visible() || !strings.Contains(w.status.Text, "big.yaml") {
		t.Errorf("animation shown at once %v; status %q", w.progress.Visible(), w.status.Text)
	}
	w.ui.pumpUntil(t, "the animation", func() bool { return w.progress.Visible() })
	if waited := time.Since(opened); waited < animateAfter {
		t.Errorf("the animation showed after %v, before %v", waited, animateAfter)
	}
	span := w.timeline.View().Span()
	w.timeline.TypedRune('+') // the UI goroutine is free while the load runs
	if w.timeline.View().Span() >= span {
		t.Error("the timeline did not answer during the load")
	}
	close(release)
	w.waitLoads(t, 2)
	if w.progress.Visible() {
		t.Error("progress still shown after the load")
	}
}

// TestLoadProgressIsShown: once a load reports progress, a bar shows how far
// it has come instead of the animation, and both go when it is shown.
func TestLoadProgressIsShown(t *testing.T) {
	reported, release := make(chan struct{}), make(chan struct{})
	load := func(p string, progress *load.Progress) (*data.Corpus, data.Problems, error) {
		if filepath.Base(p) == "big.yaml" {
			progress.Report(0.4)
			close(reported)
			<-release
		}
		return builtin(p, nil)
	}
	w := openWindow(t, load)
	w.open("big.yaml")
	<-reported
	w.ui.pumpUntil(t, "the progress bar", func() bool { return w.loadBar.Visible() })
	if w.progress.Visible() || w.loadBar.Value != 0.4 {
		t.Errorf("animation shown %v, bar at %v; want the bar at 0.4 alone", w.progress.Visible(), w.loadBar.Value)
	}
	close(release)
	w.waitLoads(t, 2)
	if w.progress.Visible() || w.loadBar.Visible() {
		t.Error("progress still shown after the load")
	}
}

func TestMeetingKindsFilter(t *testing.T) {
	w := openWindow(t, builtin)
	for _, k := range []string{"SCM", "2+2", "summit", "NCG"} { // the user unticks all but the ministerial meetings
		w.sidebar.kindBox[k].SetChecked(false)
	}
	if !w.sidebar.kindBox["ministerial"].Checked {
		t.Fatal("ministerial is not ticked")
	}
	q := w.query()
	if len(q.Kinds) != 1 || q.Kinds[0] != "ministerial" {
		t.Fatalf("kinds %v", q.Kinds)
	}
	var ids []string
	w.timeline.OnSelect = func(sel timeline.Selection) { ids = append(ids, sel.Meeting.ID) }
	w.timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	w.timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if strings.Join(ids, " ") != "austin-suh-2021 austin-lee-2022" {
		t.Errorf("Right walks %v with only ministerial meetings shown", ids)
	}
}

// TestChartCellsFromTheKeyboard: a focused chart walks its cells with the
// arrows and opens one with Enter.
func TestChartCellsFromTheKeyboard(t *testing.T) {
	w := openWindow(t, builtin)
	v := w.drawChart(t, 0)
	w.Canvas().Focus(v)
	first, ok := v.Cursor()
	if !ok {
		t.Fatal("no cell under the keyboard")
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	next, _ := v.Cursor()
	if next.Column <= first.Column {
		t.Errorf("Right went from column %d to %d", first.Column, next.Column)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	up, _ := v.Cursor()
	if up.Column != next.Column || up.Y1 > next.Y0+1 {
		t.Errorf("Up went from %+v to %+v", next, up)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want := v.table.Annotations(up.Column, up.Row)
	if len(w.kwic.Rows()) != len(want) || len(want) == 0 {
		t.Errorf("Enter listed %d spans, want %d", len(w.kwic.Rows()), len(want))
	}
}

func TestF1OpensHelpFromTheTimeline(t *testing.T) {
	w := openWindow(t, builtin)
	w.Canvas().Focus(w.timeline)
	w.timeline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("F1 on the timeline opened nothing")
	}
	focused, ok := w.Canvas().Focused().(*closeButton)
	if !ok {
		t.Fatalf("the focus is on %T, not the dialog", w.Canvas().Focused())
	}
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape did not close Help")
	}
}

// The export dialog never touches the corpus' own files, even when their
// path is typed in, and leaves no file behind a refusal; a plain name goes
// into the corpus' folder.
func TestExportDialogRefusesTheCorpusFiles(t *testing.T) {
	dir := t.TempDir()
	corpus := "corpus: {title: T, format: 1}\ntopics: [{id: space, label: Space}]\n" +
		"meetings: [{id: m1, title: M, short: M, kind: SCM, date: 2012-10-24, sources: [s1]}]\n" +
		"sources: [{id: s1, title: S, kind: news, language: en, file: s1.csv}]\n" +
		"annotations: [{source: s1, topic: space, quote: cooperate in space}]\n"
	text := "They agreed to cooperate in space."
	path := filepath.Join(dir, "c.csv")
	os.WriteFile(path, []byte(corpus), 0o644)
	os.WriteFile(filepath.Join(dir, "s1.csv"), []byte(text), 0o644)
	w := openWindow(t, func(p string, _ *load.Progress) (*data.Corpus, data.Problems, error) {
		if p == "" {
			return builtin(p, nil)
		}
		return load.File(p)
	})
	w.open(path)
	w.waitLoads(t, 2)
	if w.Corpus().Path != path {
		t.Fatalf("the corpus on show is %q", w.Corpus().Path)
	}
	for _, typed := range []string{path, "s1.csv", filepath.Join(dir, ".", "c.csv")} {
		w.exportDialog("topics-by-year")
		entry, ok := w.Canvas().Focused().(*widget.Entry)
		if !ok {
			t.Fatalf("the focus is on %T, not the file name", w.Canvas().Focused())
		}
		entry.SetText(typed)
		entry.OnSubmitted(entry.Text)
		w.ui.pumpFor(50 * time.Millisecond)
		if strings.Contains(w.events.String(), "exported") {
			t.Fatalf("%s: exported", typed)
		}
		if w.Canvas().Overlays().Top() == nil {
			t.Errorf("%s: the dialog closed without a word", typed)
		}
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
	if b, _ := os.ReadFile(path); string(b) != corpus {
		t.Fatal("the corpus file changed")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "s1.csv")); string(b) != text {
		t.Fatal("the source file changed")
	}
	w.exportDialog("topics-by-year")
	entry := w.Canvas().Focused().(*widget.Entry)
	entry.SetText("chart.csv")
	entry.OnSubmitted(entry.Text)
	w.ui.pumpUntil(t, "the export", func() bool { return strings.Contains(w.events.String(), "exported") })
	if b, err := os.ReadFile(filepath.Join(dir, "chart.csv")); err != nil || !strings.HasPrefix(string(b), "column,") {
		t.Errorf("chart.csv: %v %q", err, b)
	}
}

// "Show only this topic" on the timeline goes through the filters: the
// sidebar shows that topic alone, the charts count it alone, the
// preference keeps it for the next start, and the next sidebar change
// starts from it.
func TestShowOnlyThisTopicReachesEveryView(t *testing.T) {
	w := openWindow(t, builtin)
	space := w.Corpus().Topic("space")
	w.timeline.OnShowOnly(space)
	checked := func() []string {
		var ids []string
		for id, c := range w.sidebar.checks {
			if c.Checked {
				ids = append(ids, id)
			}
		}
		return ids
	}
	if got := checked(); len(got) != 1 || got[0] != "space" {
		t.Fatalf("the sidebar shows %v", got)
	}
	for _, l := range w.timeline.Model().Lanes[1:] {
		if l.Hidden != (l.Topic != space) {
			t.Errorf("lane %s hidden = %v", l.Topic.ID, l.Hidden)
		}
	}
	v := w.drawChart(t, 0)
	if v.table == nil || len(v.table.Rows) != 1 || v.table.Rows[0].ID != "space" {
		t.Fatalf("the chart counts %d topics", len(v.table.Rows))
	}
	if hidden := w.app.Preferences().StringList(prefHidden); len(hidden) != len(w.Corpus().Topics)-1 || slices.Contains(hidden, "space") {
		t.Errorf("the preference holds %v", hidden)
	}
	// The next sidebar change starts from it.
	w.sidebar.SetTopicChecked("cyber", true)
	if got := checked(); len(got) != 2 {
		t.Errorf("after ticking cyber: %v", got)
	}
	if q := w.query(); len(q.Topics) != 2 {
		t.Errorf("the query counts %v", q.Topics)
	}
	// And back to every topic.
	w.timeline.OnShowOnly(nil)
	if got := checked(); len(got) != len(w.Corpus().Topics) {
		t.Errorf("show all: %d ticked", len(got))
	}
}

// After a restart the window shows the topics it showed.
func TestShownTopicsSurviveARestart(t *testing.T) {
	w := openWindow(t, builtin)
	w.timeline.OnShowOnly(w.Corpus().Topic("cyber"))
	again := &testWindow{ui: make(uiQueue, 64), events: &strings.Builder{}}
	again.MainWindow = NewMainWindow(w.app, Options{AppName: "Alliance Timeline", Load: builtin, Events: again.events, Do: again.ui.do,
		OnLoaded: func(data.Problems) { again.loads++ }})
	t.Cleanup(again.Close)
	again.waitLoads(t, 1)
	if q := again.query(); len(q.Topics) != 1 || q.Topics[0] != "cyber" {
		t.Errorf("after a restart the query counts %v", q.Topics)
	}
}

// Every match of the search is boxed in the source shown, and the one open
// is the current one; a new search boxes its own matches.
func TestSearchMatchesAreMarkedInTheSource(t *testing.T) {
	w := openWindow(t, builtin)
	w.search.SetText("extended deterrence")
	w.search.OnSubmitted(w.search.Text)
	w.ui.pumpUntil(t, "the search", func() bool { s := w.state.Search(); return s.Query != "" && !s.Pending })
	w.search.OnSubmitted(w.search.Text) // open the first match
	f := w.state.Focus()
	v := w.detail.View(f.Match.Source)
	if v == nil {
		t.Fatal("the match's source is not shown")
	}
	matches, current := v.Matches()
	want := textmatch.InSource("extended deterrence", f.Match.Source)
	if len(matches) == 0 || !slices.Equal(matches, want) || current < 0 || matches[current] != f.Match {
		t.Fatalf("boxed %d matches (current %d), want the %d of the source with the open one current", len(matches), current, len(want))
	}
	boxed := 0
	for _, fr := range v.frags {
		if fr.match >= 0 {
			boxed++
			if got := f.Match.Source.Text[fr.start : fr.start+len(fr.text)]; !strings.Contains(strings.ToLower(textmatch.FoldForSearch("extended deterrence")), strings.TrimSpace(strings.ToLower(textmatch.FoldForSearch(got)))) {
				t.Errorf("a boxed fragment %q is not of the phrase", got)
			}
		}
	}
	if boxed < len(matches) {
		t.Errorf("%d fragments boxed for %d matches", boxed, len(matches))
	}
	w.search.SetText("no such phrase anywhere")
	w.search.OnSubmitted(w.search.Text)
	if m, _ := v.Matches(); len(m) != 0 {
		t.Errorf("a new search left %d boxes", len(m))
	}
}

// With counts per 1,000 words, a cell's listing says the rate the chart
// showed, the spans and the words it comes from.
func TestRateCellsSayWhatTheRateIsOf(t *testing.T) {
	w := openWindow(t, builtin)
	w.state.SetPerThousandWords(true)
	v := w.drawChart(t, 0)
	for _, h := range v.Result().Hits {
		if v.table.Columns[h.Column].Label != "2020" || v.table.Rows[h.Row].ID != "space" {
			continue
		}
		test.TapAt(v, fyne.NewPos(float32((h.X0+h.X1)/2)/v.scale, float32((h.Y0+h.Y1)/2)/v.scale))
		l := w.state.Listing()
		words := v.table.Counts.Buckets[h.Column].Words
		want := fmt.Sprintf("%s per 1,000 words: 5 spans in %d words", rate(5, words), words)
		if !strings.Contains(l.Title, want) || len(l.Annotations) != 5 {
			t.Errorf("listing %q with %d spans, want it to say %q", l.Title, len(l.Annotations), want)
		}
		return
	}
	t.Fatal("no 2020 space segment")
}

// A chart in a hidden tab is not drawn on every change (an edit of a large
// corpus would count for every tab); choosing its tab draws it.
func TestHiddenChartsDrawWhenShown(t *testing.T) {
	w := openWindow(t, diskLoader)
	hidden := w.charts[1]
	w.chartTabs.SelectIndex(1) // drawn once, so it has a size
	w.ui.pumpUntil(t, "the second chart", func() bool { return hidden.result != nil })
	w.chartTabs.SelectIndex(0)
	w.ui.pumpFor(100 * time.Millisecond)
	if hidden.Visible() {
		t.Fatal("the second chart's tab is not hidden")
	}
	before := hidden.renders
	w.state.SetTopicShown(w.corpus.Topics[0].ID, false)
	w.ui.pumpFor(200 * time.Millisecond)
	if hidden.renders != before {
		t.Errorf("a hidden chart was drawn %d times after a change", hidden.renders-before)
	}
	w.chartTabs.SelectIndex(1)
	w.ui.pumpUntil(t, "the chart of the chosen tab", func() bool { return hidden.result != nil && hidden.renders > before })
}
