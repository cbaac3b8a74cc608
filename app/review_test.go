package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/data/refiqda"
	"github.com/alliance-timeline/alliance-timeline/data/suggest"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/export"
	"github.com/alliance-timeline/alliance-timeline/internal/corpustest"
)

// uncodedSpace is a copy of the built-in corpus without its space
// annotations, so its space terms have passages to suggest.
func uncodedSpace(t *testing.T) string {
	t.Helper()
	path := copyBuiltin(t)
	raw, _ := os.ReadFile(path)
	var kept []string
	for _, line := range strings.SplitAfter(string(raw), "\n") {
		if !strings.Contains(line, "topic: space,") {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(path, []byte(strings.Join(kept, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The review walks the suggestions with the keyboard: A accepts (an
// annotation of the passage, through the edit path), R rejects (a
// rejection in the corpus), S skips, N narrows to the clause; the sidebar
// counts what is pending; the saved file validates with the new
// annotations exact and the rejected passage no longer suggested.
func TestReviewAcceptsRejectsAndSkipsFromTheKeyboard(t *testing.T) {
	path := uncodedSpace(t)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	space := w.corpus.Topic("space")
	w.ui.pumpUntil(t, "the pending counts", func() bool { return w.sidebar.Pending(space) != "" })
	before, _ := suggest.Find(t.Context(), w.corpus, suggest.Options{})
	if w.sidebar.Pending(space) != "+"+strconv.Itoa(suggest.PerTopic(before, len(w.corpus.Topics))[space.Index]) {
		t.Fatalf("the sidebar says %q pending for space", w.sidebar.Pending(space))
	}
	for topic, label := range w.sidebar.pending { // a count in italic; no count, no italic faces read
		if label.TextStyle.Italic != (label.Text != "") {
			t.Errorf("topic %s: pending %q drawn italic=%v", topic.ID, label.Text, label.TextStyle.Italic)
		}
	}
	w.StartReview()
	w.ui.pumpUntil(t, "the suggestions", func() bool { return strings.Contains(w.events.String(), "suggestions count=") })
	if !w.review.bar.Visible() || len(w.review.items) != len(before) || len(before) < 4 {
		t.Fatalf("the review has %d suggestions (%d found), bar shown %v", len(w.review.items), len(before), w.review.bar.Visible())
	}
	first := w.review.items[0]
	v := w.detail.View(w.corpus.Source(first.Source.ID))
	if v == nil || w.Canvas().Focused() != v {
		t.Fatal("the first suggestion's source view is not shown with the focus")
	}
	if s, e := v.Selection(); s != first.ByteStart || e != first.ByteEnd {
		t.Fatalf("the selection is %d–%d, the passage %d–%d", s, e, first.ByteStart, e)
	}
	annotations := len(w.corpus.Annotations)
	v.TypedRune('a')
	w.ui.pumpUntil(t, "the first accept", func() bool { return len(w.corpus.Annotations) == annotations+1 })
	second := w.review.items[0]
	v = w.detail.View(w.corpus.Source(second.Source.ID))
	v.TypedRune('n') // narrowed to its clause, then accepted
	narrowed := second.In(suggest.Clause)
	v.TypedRune('a')
	w.ui.pumpUntil(t, "the second accept", func() bool { return len(w.corpus.Annotations) == annotations+2 })
	third := w.review.items[0]
	v = w.detail.View(w.corpus.Source(third.Source.ID))
	rejections := len(w.corpus.Rejections)
	v.TypedRune('r')
	w.ui.pumpUntil(t, "the rejection", func() bool { return len(w.corpus.Rejections) == rejections+1 })
	at := w.review.at
	v = w.detail.View(w.corpus.Source(w.review.items[at].Source.ID))
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if w.review.at != at+1 {
		t.Errorf("→ moved to %d, from %d", w.review.at, at)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.review.active || w.review.bar.Visible() {
		t.Error("Escape did not end the review")
	}
	w.Save()
	w.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(w.events.String(), "saved path=") })
	c, ps, err := load.File(path)
	if err != nil || c == nil || len(ps) != 0 {
		t.Fatalf("the saved corpus: %v %s", err, ps)
	}
	added := c.Annotations[len(c.Annotations)-2:]
	for i, want := range []suggest.Suggestion{first, narrowed} {
		a := added[i]
		if a.Topic.ID != want.Topic.ID || a.Anchor.Status.String() != "exact" || a.Anchor.Start != want.Start || a.Anchor.End != want.End {
			t.Errorf("annotation %d: %s %v %d–%d, want %s %d–%d", i, a.Topic.ID, a.Anchor.Status, a.Anchor.Start, a.Anchor.End, want.Topic.ID, want.Start, want.End)
		}
	}
	if r := c.Rejections; len(r) != rejections+1 || r[len(r)-1].Anchor.Start != third.Start || r[len(r)-1].Topic.ID != third.Topic.ID {
		t.Fatalf("rejections %v", r)
	}
	after, _ := suggest.Find(t.Context(), c, suggest.Options{})
	if len(after) != len(before)-3 {
		t.Errorf("%d suggestions after two accepts and a reject, from %d", len(after), len(before))
	}
	for _, s := range after {
		if s.Source.ID == third.Source.ID && s.Topic.ID == third.Topic.ID && s.Start < third.End && third.Start < s.End {
			t.Errorf("the rejected passage is suggested again: %q", s.Quote())
		}
	}
}

// Phrase trends draw the phrases typed in their box; a click on a point
// lists its matches, and opening one boxes it in its source.
func TestPhraseTrendsPointsListTheirMatches(t *testing.T) {
	w := openWindow(t, builtin)
	i := slices.Index(charts.Kinds, charts.PhraseTrends)
	w.chartTabs.SelectIndex(i)
	w.SetPhrases("space, cyber*")
	v := w.drawChart(t, i)
	if v.table == nil || len(v.table.Rows) != 2 || v.table.Rows[1].Label != "cyber*" {
		t.Fatalf("the chart's rows: %+v", v.table)
	}
	at, ok := v.CellCenter(0)
	if !ok {
		t.Fatal("no point to click")
	}
	v.Tapped(&fyne.PointEvent{Position: at})
	h := v.result.Hits[0]
	want := 0
	for _, ri := range h.Rows() {
		want += len(v.table.Matches(h.Column, ri))
	}
	l := w.state.Listing()
	if len(l.Matches) != want || want == 0 || !l.Cell || !strings.Contains(w.events.String(), "chart-cell chart=phrase-trends") {
		t.Fatalf("the click listed %d matches, want %d (%q)", len(l.Matches), want, l.Title)
	}
	w.state.OpenRow(0)
	m := l.Matches[0]
	sv := w.detail.View(m.Source)
	if sv == nil {
		t.Fatal("the match's source is not shown")
	}
	boxed, current := sv.Matches()
	if current < 0 || boxed[current] != m {
		t.Errorf("the open match is not boxed: %d boxes, current %d", len(boxed), current)
	}
	if got := strings.ToLower(m.Source.Text[m.ByteStart:m.ByteEnd]); !strings.HasPrefix(got, "space") && !strings.HasPrefix(got, "cyber") {
		t.Errorf("the match reads %q", got)
	}
}

// The keyness tab compares the last year with text against the rest when
// first shown; a row lists its occurrences, each the term itself.
func TestKeynessTabListsOccurrences(t *testing.T) {
	w := openWindow(t, builtin)
	w.chartTabs.SelectIndex(len(w.charts))
	w.ui.pumpUntil(t, "the comparison", func() bool { return w.keyness.result != nil })
	k := w.keyness.result
	if k.Query.A.Label != "2023" || !k.Query.B.Rest || len(k.Terms) == 0 || k.WordsA == 0 || k.WordsB == 0 {
		t.Fatalf("compared %+v against %+v: %d terms, %d and %d words", k.Query.A, k.Query.B, len(k.Terms), k.WordsA, k.WordsB)
	}
	w.keyness.table.Select(widget.TableCellID{Row: 0, Col: 0})
	w.ui.pumpUntil(t, "the occurrences", func() bool { return len(w.state.Listing().Matches) > 0 })
	l := w.state.Listing()
	term := k.Terms[0]
	if len(l.Matches) != term.A+term.B {
		t.Fatalf("%q: %d occurrences listed, the table says %d + %d", term.Term, len(l.Matches), term.A, term.B)
	}
	for _, m := range l.Matches {
		if got := strings.ToLower(m.Source.Text[m.ByteStart:m.ByteEnd]); textmatch.FoldForSearch(got) != term.Term && !strings.Contains(term.Term, " ") {
			t.Errorf("an occurrence of %q reads %q", term.Term, got)
		}
	}
	w.keyness.a.SetSelected("2012")
	w.ui.pumpUntil(t, "the second comparison", func() bool { return w.keyness.result != k && w.keyness.result.Query.A.Label == "2012" })
	// Ctrl+E on the tab exports the table shown.
	path := filepath.Join(t.TempDir(), "keyness.csv")
	w.exportTo(export.Keyness, path, false)
	w.ui.pumpUntil(t, "the export", func() bool { return strings.Contains(w.events.String(), "exported chart=keyness") })
	raw, _ := os.ReadFile(path)
	if lines := strings.Split(strings.TrimSpace(string(raw)), "\n"); lines[0] != "term,a,b,g2,log_ratio" || len(lines) != len(w.keyness.result.Terms)+1 {
		t.Errorf("the export has %d lines for %d terms: %.60q", len(lines), len(w.keyness.result.Terms), raw)
	}
}

// The keyness tab offers each meeting with text as a part while there are
// few enough to choose from (maxMeetingParts), and none beyond: years and
// topics remain.
func TestKeynessOffersMeetingsOnlyWhileFew(t *testing.T) {
	for _, n := range []int{maxMeetingParts, maxMeetingParts + 1} {
		var b strings.Builder
		b.WriteString("corpus: {title: Many, format: 1}\ntopics:\n  - {id: space, label: Space}\nmeetings:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - {id: m%d, title: Meeting %d, kind: SCM, date: %d-01-02, sources: [s%d]}\n", i, i, 1990+i%30, i)
		}
		b.WriteString("sources:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - {id: s%d, title: Source %d, text: The allies met.}\n", i, i)
		}
		dir := corpustest.WriteFolder(t, map[string]string{"c.yaml": b.String()})
		w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: filepath.Join(dir, "c.yaml")})
		if w.corpus == nil {
			t.Fatalf("%d meetings: no corpus shown: %s", n, w.events)
		}
		meetings, years := 0, 0
		for _, choice := range w.keyness.a.Options {
			switch {
			case strings.HasPrefix(choice, "meeting: "):
				meetings++
			case len(choice) == 4:
				years++
			}
		}
		want := n
		if n > maxMeetingParts {
			want = 0
		}
		if meetings != want || years != 30 {
			t.Errorf("%d meetings with text: %d offered as parts (want %d), %d years (want 30)", n, meetings, want, years)
		}
	}
}

// The File menu's exports for other tools write the corpus: a REFI-QDA
// project, Web Annotations and the coded segments, each refused under
// another extension.
func TestExportsForOtherTools(t *testing.T) {
	w := openWindow(t, builtin)
	dir := t.TempDir()
	for what, name := range map[string]string{export.Project: "p.qdpx", export.W3C: "a.jsonld", export.Segments: "s.csv"} {
		path := filepath.Join(dir, name)
		if err := w.checkExportPath(what, filepath.Join(dir, "x.png")); err == nil {
			t.Errorf("%s: a .png name was accepted", what)
		}
		if err := w.checkExportPath(what, path); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		w.exportTo(what, path, false)
		w.ui.pumpUntil(t, "the export of "+what, func() bool { return strings.Contains(w.events.String(), "exported chart="+what) })
		if info, err := os.Stat(path); err != nil || info.Size() < 1000 {
			t.Errorf("%s: %v", what, err)
		}
	}
}

// A REFI-QDA project imported in the window lands in a new folder named
// for it and opens there.
func TestImportProjectOpensTheNewCorpus(t *testing.T) {
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader})
	dir := t.TempDir()
	qdpx := filepath.Join(dir, "Other Project.qdpx")
	f, _ := os.Create(qdpx)
	if _, err := refiqda.Write(f, w.corpus); err != nil {
		t.Fatal(err)
	}
	f.Close()
	w.importProject(qdpx, dir)
	w.ui.pumpUntil(t, "the import", func() bool { return strings.Contains(w.events.String(), "imported-project path=") })
	w.waitLoads(t, 2)
	if !strings.HasSuffix(w.path, filepath.Join("other-project-corpus", "corpus.yaml")) || len(w.corpus.Annotations) == 0 {
		t.Errorf("opened %s with %d annotations", w.path, len(w.corpus.Annotations))
	}
	if again := newFolderName(dir, "Other Project"); !strings.HasSuffix(again, "other-project-corpus-2") {
		t.Errorf("a second import would go to %s", again)
	}
}

// The side panels fold away (Ctrl+B, Ctrl+J), giving the timeline the
// width, and a new window remembers them folded.
func TestSidePanelsFoldAndAreRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	w := openWindowIn(t, a, Options{Load: builtin})
	before := w.timeline.Size().Width
	w.TogglePanel(0)
	w.TogglePanel(1)
	if w.sidebar.Visible() || w.rightPanel.Visible() {
		t.Fatal("the panels still show")
	}
	w.Content().Refresh()
	if after := w.timeline.Size().Width; after < before*1.5 {
		t.Errorf("the timeline is %v wide with the panels folded, %v before", after, before)
	}
	again := openWindowIn(t, a, Options{Load: builtin})
	if again.sidebar.Visible() || again.rightPanel.Visible() {
		t.Error("a new window shows the folded panels")
	}
	again.TogglePanel(0)
	if !again.sidebar.Visible() || a.Preferences().Bool(prefSidebarFolded) {
		t.Error("the sidebar did not unfold, or the preference stayed")
	}
}

// A search that a newer one replaces is stopped, and the newer one runs
// until it is replaced in turn or stopped.
func TestRestartStopsTheSearchItReplaces(t *testing.T) {
	var stop context.CancelFunc
	first := restart(&stop)
	second := restart(&stop)
	if first.Err() == nil || second.Err() != nil {
		t.Fatalf("after a restart: the first search %v, the second %v", first.Err(), second.Err())
	}
	stop()
	if second.Err() == nil {
		t.Fatal("stopping did not stop the second search")
	}
}
