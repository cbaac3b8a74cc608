package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/export"
	"github.com/alliance-timeline/alliance-timeline/internal/corpustest"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

func writeCodersCorpus(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "coders.yaml")
	if err := os.WriteFile(path, []byte(corpustest.ThreeCoders), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The sidebar has a box per coder; unticking one takes their spans out of
// the topics' counts, the timeline's marks, the charts and the listings;
// one's own new code shows even when only others' work was chosen.
func TestCodersFilterEveryView(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefCoder, "me")
	w := openWindowIn(t, a, Options{Load: diskLoader, CorpusPath: writeCodersCorpus(t)})
	var names []string
	for _, name := range w.sidebar.coderSet {
		names = append(names, w.sidebar.coderBox[name].Text)
	}
	if want := []string{"a (4)", "b (4)", "a2 (3)", "(no coder named) (1)"}; !slices.Equal(names, want) {
		t.Fatalf("coder boxes %q, want %q", names, want)
	}
	space := w.corpus.Topic("space")
	if got := w.sidebar.counts[space].Text; got != "7" {
		t.Errorf("space's spans %q before the choice, want 7", got)
	}
	box := w.sidebar.coderBox["b"]
	box.SetChecked(false)
	if got := w.state.Coders(); !slices.Equal(got, data.Coders{"a", "a2", ""}) {
		t.Fatalf("state's coders %q", got)
	}
	if got := w.sidebar.counts[space].Text; got != "4" {
		t.Errorf("space's spans %q without b, want 4", got)
	}
	lane := w.timeline.Model().Lanes[1+space.Index]
	if len(lane.Items) != 2 || lane.Items[0].Count != 2 || lane.Items[1].Count != 2 {
		t.Errorf("space's marks without b: %+v", lane.Items)
	}
	for _, an := range w.timeline.Model().MeetingAnnotations(w.corpus.Meeting("m2"), space) {
		if an.Coder == "b" {
			t.Error("a mark lists b's span")
		}
	}
	counts, err := w.corpus.Count(w.query())
	if err != nil || counts.Total(0) != 4 {
		t.Errorf("the charts' query counts %d of space (%v)", counts.Total(0), err)
	}
	// Coding as "me" adds me to the coders shown.
	w.state.Select(timeline.Selection{Meeting: w.corpus.Meeting("m1")})
	v := w.detail.View(w.corpus.Source("s1"))
	v.Resize(fyne.NewSize(500, v.MinSize().Height))
	dragAcross(t, v, "Both")
	before := len(w.corpus.Annotations)
	w.codeSelection(0)
	w.ui.pumpUntil(t, "the code", func() bool { return len(w.corpus.Annotations) == before+1 })
	if got := w.state.Coders(); !got.Includes("me") || got.Includes("b") {
		t.Errorf("after coding, the coders shown are %q", got)
	}
	if _, ok := w.sidebar.coderBox["me"]; !ok || !w.sidebar.coderBox["me"].Checked {
		t.Error("no ticked box for me")
	}
	if got := w.sidebar.counts[space].Text; got != "5" {
		t.Errorf("space's spans %q after my code, want 5", got)
	}
	// Every box ticked again: everyone's work, nil.
	w.sidebar.coderBox["b"].SetChecked(true)
	if w.state.Coders() != nil {
		t.Errorf("every coder ticked gives %q, want nil", w.state.Coders())
	}
}

// The agreement tab compares the named coders when first shown; unticking
// a coder compares the rest; a disagreement opens its unit in its source
// and lists the coders' spans there; Ctrl+E's export is the table shown.
func TestAgreementTabComparesAndOpensADisagreement(t *testing.T) {
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: writeCodersCorpus(t)})
	g := &w.agreement
	if !slices.Equal(g.names, []string{"a", "b", "a2"}) {
		t.Fatalf("coders offered: %q", g.names)
	}
	w.chartTabs.SelectIndex(len(w.charts) + 1)
	w.ui.pumpUntil(t, "the comparison", func() bool { return strings.Contains(w.events.String(), "agreement coders=a,b,a2 ") })
	if g.report == nil || len(g.rows) != 1+2+2 || g.rows[0].Label != "Overall" {
		t.Fatalf("rows %+v", g.rows)
	}
	g.boxes["a2"].SetChecked(false)
	w.ui.pumpUntil(t, "a and b", func() bool {
		return strings.Contains(w.events.String(), "agreement coders=a,b unit=sentence sources=2 ")
	})
	// The figures are those of the command line's test: 12 units, 0.667, 0.250, 0.281.
	if r := g.rows[0]; r.Units != 12 || *r.Percent != 0.667 || *r.Kappa != 0.25 || *r.Alpha != 0.281 {
		t.Errorf("overall %+v", r)
	}
	cell := newFigureBar()
	g.fillCell(widget.TableCellID{Row: 0, Col: 1}, cell)
	if cell.label.Text != "0.281  ["+export.Figure(g.rows[0].AlphaLow)+", "+export.Figure(g.rows[0].AlphaHigh)+"]" || cell.frac != 0.281 {
		t.Errorf("alpha's cell %q, bar %v", cell.label.Text, cell.frac)
	}
	if len(g.report.Disagreements) != 4 {
		t.Fatalf("%d disagreements", len(g.report.Disagreements))
	}
	g.view.SetSelected(viewYears)
	if !g.chart.Visible() || g.table.Visible() || len(g.chart.rows) != 2 || g.chart.rows[0].Label != "2012" || g.chart.rows[1].Label != "2013" {
		t.Errorf("alpha per year: chart shown %v, table shown %v, years %+v", g.chart.Visible(), g.table.Visible(), g.chart.rows)
	}
	g.chart.Resize(fyne.NewSize(400, 200))
	bars := 0
	for _, o := range test.LaidOutObjects(g.chart) {
		if _, ok := o.(*canvas.Rectangle); ok {
			bars++
		}
	}
	if bars != 2 {
		t.Errorf("%d bars drawn for two years", bars)
	}
	g.view.SetSelected(viewTable)
	g.list.Select(0)
	d := g.report.Disagreements[0]
	if l := w.state.Listing(); len(l.Annotations) == 0 || !strings.Contains(l.Title, "coded") {
		t.Errorf("the listing %q has %d spans", l.Title, len(l.Annotations))
	}
	for _, a := range w.state.Listing().Annotations {
		if a.Topic != d.Topic || a.Source != d.Source {
			t.Errorf("a listed span of %s in %s", a.Topic.ID, a.Source.ID)
		}
	}
	if v := w.detail.View(d.Source); v == nil || w.selected.source != d.Source || w.selected.start != d.ByteStart || w.selected.end != d.ByteEnd {
		t.Errorf("the unit is not selected in its source: %+v", w.selected)
	}
	if !strings.Contains(w.events.String(), "disagreement-opened source="+d.Source.ID) {
		t.Error("no disagreement-opened event")
	}
	got, err := export.Render(w.corpus, export.Request{Chart: export.Agreement, Agreement: w.agreementRequest()}, ".csv")
	if err != nil || !strings.HasPrefix(string(got.Bytes), "scope,id,label,units,percent,kappa,alpha,alpha_low,alpha_high\noverall,,Overall,12,0.667,0.250,0.281,") {
		t.Errorf("the export: %v\n%s", err, got.Bytes)
	}
}

// teamCorpus keeps alice's and bob's coding in files of their own.
const teamCorpus = `corpus: {title: A team, format: 1}
topics:
  - {id: space, label: Space}
  - {id: cyber, label: Cyber}
meetings:
  - {id: m1, title: First, short: First, kind: SCM, date: 2012-10-24, sources: [s1]}
sources:
  - {id: s1, title: One, text: "Space is new. Cyber is old. Both matter to the alliance."}
annotations:
  - {source: s1, topic: space, quote: Space is new}
annotation_files: [coding/alice.yaml, coding/bob.yaml]
`

func writeTeam(t *testing.T) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	os.Mkdir(filepath.Join(dir, "coding"), 0o755)
	for name, text := range map[string]string{
		"corpus.yaml":       teamCorpus,
		"coding/alice.yaml": "coder: alice\nannotations: []\n",
		"coding/bob.yaml":   "coder: bob\nannotations:\n  - {source: s1, topic: cyber, quote: Cyber is old}\n  - {source: s1, topic: space, quote: Both matter}\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, filepath.Join(dir, "corpus.yaml")
}

// Coding as alice writes into alice's file, an edit of bob's annotation
// into bob's, and the corpus file keeps every byte; undo spans the files;
// the journal keeps each file's edits and a crash gives them back; a save
// writes the two coders' files, and the corpus loads with both.
func TestEditsGoToTheCodersOwnFiles(t *testing.T) {
	dir, path := writeTeam(t)
	journal := &edit.Journal{Dir: filepath.Join(t.TempDir(), "journal")}
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefCoder, "alice")
	w := openWindowIn(t, a, Options{Load: diskLoader, CorpusPath: path, Journal: journal})
	w.state.Select(timeline.Selection{Meeting: w.corpus.Meeting("m1")})
	v := w.detail.View(w.corpus.Source("s1"))
	v.Resize(fyne.NewSize(500, v.MinSize().Height))
	dragAcross(t, v, "Both matter")
	w.codeSelection(1) // cyber
	w.ui.pumpUntil(t, "alice's code", func() bool { return len(w.corpus.Annotations) == 4 })
	mine := w.corpus.Annotations[1] // after the corpus file's one, before bob's: where a load puts it
	if mine.File != "coding/alice.yaml" || mine.Coder != "alice" || mine.Topic.ID != "cyber" {
		t.Fatalf("the new annotation is %q's in %q (%s)", mine.Coder, mine.File, mine.Topic.ID)
	}
	var bobs *data.Annotation
	for _, an := range w.corpus.Annotations {
		if an.Coder == "bob" && an.Topic.ID == "space" {
			bobs = an
		}
	}
	w.annotationItems(bobs)[3].Action() // remove
	w.ui.pumpUntil(t, "the removal", func() bool { return len(w.corpus.Annotations) == 3 })
	if got := w.session.DirtyFiles(); !slices.Equal(got, []string{"coding/alice.yaml", "coding/bob.yaml"}) {
		t.Errorf("dirty files %q", got)
	}
	abs, _ := filepath.Abs(filepath.Join(dir, "coding", "alice.yaml"))
	w.ui.pumpUntil(t, "the journal", w.journalKept) // written beside the follow
	if _, ok := journal.Read(abs); !ok {
		t.Fatal("alice's edit is not journaled")
	}
	w.Undo()
	w.ui.pumpUntil(t, "the undo", func() bool { return len(w.corpus.Annotations) == 4 })
	w.Redo()
	w.ui.pumpUntil(t, "the redo", func() bool { return len(w.corpus.Annotations) == 3 })

	// A crash: the next window offers both files' edits back.
	again := openWindowIn(t, a, Options{Load: diskLoader, CorpusPath: path, Journal: journal})
	test.Tap(overlayButton(t, again, "Restore"))
	again.ui.pumpUntil(t, "the restore", func() bool {
		return len(again.corpus.Annotations) == 3 && again.corpus.Annotations[1].Coder == "alice" && again.dirty()
	})
	before, _ := os.ReadFile(path)
	again.Save()
	again.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(again.events.String(), "saved path=") })
	if !strings.Contains(again.events.String(), `files="coding/alice.yaml,coding/bob.yaml"`) {
		t.Errorf("saved: %s", again.events.String())
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the corpus file changed")
	}
	alice, _ := os.ReadFile(filepath.Join(dir, "coding", "alice.yaml"))
	bob, _ := os.ReadFile(filepath.Join(dir, "coding", "bob.yaml"))
	if !strings.Contains(string(alice), "quote: 'Both matter'") || strings.Contains(string(bob), "Both matter") {
		t.Errorf("alice's file:\n%s\nbob's file:\n%s", alice, bob)
	}
	c, ps, err := load.File(path)
	if err != nil || c == nil || len(ps) != 0 || len(c.Annotations) != 3 {
		t.Fatalf("the saved corpus: %v\n%s", err, ps)
	}
	again.ui.pumpUntil(t, "the journal", again.journalKept)
	if _, ok := journal.Read(abs); ok {
		t.Error("saved, alice's journal entry stays")
	}
	// A topic that coders' files use is not merged or deleted from the
	// corpus file alone.
	if _, err := edit.DeleteTopic(before, c, "cyber"); err == nil || !strings.Contains(err.Error(), "coders' files hold annotations") {
		t.Errorf("deleting a topic the coders use: %v", err)
	}
}

// The merge view lists the places two coders coded differently; a row
// lists both coders' annotations there and opens the place in its source.
func TestMergeViewListsPlacesCodedDifferently(t *testing.T) {
	dir, path := writeTeam(t)
	os.WriteFile(filepath.Join(dir, "coding", "alice.yaml"), []byte("coder: alice\nannotations:\n  - {source: s1, topic: cyber, quote: Cyber is old}\n  - {source: s1, topic: cyber, quote: Both matter to}\n"), 0o644)
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: path})
	w.chartTabs.SelectIndex(len(w.charts) + 1)
	w.ui.pumpUntil(t, "the comparison", func() bool { return strings.Contains(w.events.String(), "agreement coders=alice,bob ") })
	g := &w.agreement
	if len(g.places) != 1 || !strings.Contains(w.events.String(), " places=1 ") {
		t.Fatalf("%d places", len(g.places))
	}
	g.merge.SetSelected(listPlaces)
	if g.listHead.Text != "Coded differently (1)" || g.list.Length() != 1 {
		t.Errorf("the merge view's head %q, %d rows", g.listHead.Text, g.list.Length())
	}
	if line := placeLine(g.places[0]); !strings.HasPrefix(line, "alice: Cyber; bob: Space — “Both matter to”") {
		t.Errorf("the row: %q", line)
	}
	g.list.Select(0)
	if l := w.state.Listing(); len(l.Annotations) != 2 || l.Annotations[0].Coder == l.Annotations[1].Coder {
		t.Errorf("the place lists %d spans", len(l.Annotations))
	}
	if w.selected.source == nil || w.selected.source.Text[w.selected.start:w.selected.end] != "Both matter to" {
		t.Errorf("the place is not selected in its source: %+v", w.selected)
	}
}

// A passage coded with a new topic, as alice: the topic goes to the corpus
// file, the annotation to alice's file, and the saved corpus loads with
// both.
func TestANewTopicGoesToTheCorpusFileItsCodeToTheCoders(t *testing.T) {
	dir, path := writeTeam(t)
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefCoder, "alice")
	w := openWindowIn(t, a, Options{Load: diskLoader, CorpusPath: path})
	w.state.Select(timeline.Selection{Meeting: w.corpus.Meeting("m1")})
	v := w.detail.View(w.corpus.Source("s1"))
	v.Resize(fyne.NewSize(500, v.MinSize().Height))
	dragAcross(t, v, "the alliance")
	w.codeSelectionAs("", "Alliance framing", false)
	w.ui.pumpUntil(t, "the topic and the code", func() bool { return len(w.corpus.Annotations) == 4 && len(w.corpus.Topics) == 3 })
	if got := w.session.DirtyFiles(); !slices.Equal(got, []string{"", "coding/alice.yaml"}) {
		t.Errorf("dirty files %q", got)
	}
	w.Save()
	w.ui.pumpUntil(t, "the save", func() bool { return strings.Contains(w.events.String(), "saved path=") })
	corpus, _ := os.ReadFile(path)
	alice, _ := os.ReadFile(filepath.Join(dir, "coding", "alice.yaml"))
	if !strings.Contains(string(corpus), "{id: alliance-framing, label: 'Alliance framing'") || strings.Count(string(corpus), "quote:") != 1 ||
		!strings.Contains(string(alice), "topic: alliance-framing, quote: 'the alliance'") {
		t.Errorf("corpus file:\n%s\nalice's file:\n%s", corpus, alice)
	}
	if c, ps, err := load.File(path); err != nil || c == nil || len(ps) != 0 || c.Annotations[1].Topic.ID != "alliance-framing" {
		t.Fatalf("the saved corpus: %v\n%s", err, ps)
	}
}
