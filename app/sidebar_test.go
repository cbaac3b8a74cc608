package app

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/alliance-timeline/alliance-timeline/internal/corpustest"
)

// A reload (or an edit) of a corpus with the same topics keeps the
// sidebar's rows and points them at the new records: the label, the
// pending count and the hover are the new topic's. Other topics get rows
// of their own.
func TestSidebarKeepsTheRowsOfTheSameTopics(t *testing.T) {
	corpus := func(topics, annotations string) string {
		return "corpus: {title: Rows, format: 1}\ntopics:\n" + topics + `meetings:
  - {id: m1, title: Meeting one, kind: SCM, date: 2020-01-02, sources: [s1]}
  - {id: m2, title: Meeting two, kind: summit, date: 2021-01-02, sources: [s1]}
sources:
  - {id: s1, title: Source one, text: The allies met in space.}
annotations:
` + annotations
	}
	dir := corpustest.WriteFolder(t, map[string]string{
		"two.yaml": corpus("  - {id: space, label: Space}\n  - {id: cyber, label: Cyber}\n", "  - {source: s1, topic: space, quote: space}\n"),
		"other.yaml": corpus("  - {id: space, label: Space}\n  - {id: japan, label: Japan}\n",
			"  - {source: s1, topic: space, quote: space, coder: ann}\n  - {source: s1, topic: space, quote: space, coder: bob}\n"),
	})
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: filepath.Join(dir, "two.yaml")})
	before := append([]*hoverRow(nil), w.sidebar.rows...)
	label := w.sidebar.labels[w.corpus.Topic("space")]
	shown := w.corpus
	w.Reload()
	w.waitLoads(t, 2)
	if w.corpus == shown {
		t.Fatal("the reload showed the same records")
	}
	for i, topic := range w.corpus.Topics {
		row := w.sidebar.rows[i]
		if row != before[i] || row.topic != topic || w.sidebar.labels[topic] == nil || w.sidebar.pending[topic] == nil || w.sidebar.chips[topic] == nil {
			t.Errorf("row %d: kept %v, for the new record %v, label, pending and chip found %v %v %v", i, row == before[i], row.topic == topic,
				w.sidebar.labels[topic] != nil, w.sidebar.pending[topic] != nil, w.sidebar.chips[topic] != nil)
		}
	}
	if space := w.corpus.Topic("space"); w.sidebar.labels[space] != label || label.Text != "1  Space" || w.sidebar.counts[space].Text != "1" {
		t.Errorf("space's label: kept %v, reads %q, spans %q", w.sidebar.labels[space] == label, label.Text, w.sidebar.counts[space].Text)
	}
	w.sidebar.rows[0].MouseIn(nil)
	if w.state.Hovered() != w.corpus.Topics[0] {
		t.Errorf("hovering the first row hovers %v, not the new record", w.state.Hovered())
	}
	w.sidebar.rows[0].MouseOut()
	if len(w.sidebar.labels) != 2 {
		t.Errorf("%d labels: the old records' are still held", len(w.sidebar.labels))
	}

	w.open(filepath.Join(dir, "other.yaml"))
	w.waitLoads(t, 3)
	if w.sidebar.rows[1] == before[1] || w.sidebar.rows[1].topic.ID != "japan" || w.sidebar.checks["cyber"] != nil || w.sidebar.checks["japan"] == nil {
		t.Errorf("other topics: rows kept %v, second row %s, boxes %v", w.sidebar.rows[1] == before[1], w.sidebar.rows[1].topic.ID, w.sidebar.checks)
	}
	// The coders' boxes that came are laid out above the meeting kinds,
	// not over them.
	coders, kinds := w.sidebar.coders, w.sidebar.kinds
	if len(w.sidebar.coderBox) != 2 || coders.Size().Height < coders.MinSize().Height || coders.Position().Y+coders.Size().Height > kinds.Position().Y {
		t.Errorf("%d coders' boxes: %v high at %v (needs %v), the kinds at %v", len(w.sidebar.coderBox), coders.Size().Height, coders.Position().Y, coders.MinSize().Height, kinds.Position().Y)
	}
	// The rows made anew are laid out, one under the other, their labels
	// and spans shown whole.
	for i, topic := range w.corpus.Topics {
		row, l, n := w.sidebar.rows[i], w.sidebar.labels[topic], w.sidebar.counts[topic]
		if want := topicLabelText(i, topic); l.Text != want || l.Size().Width <= 0 || l.Size().Height < l.MinSize().Height {
			t.Errorf("row %d: label %q (want %q), %v for at least %v", i, l.Text, want, l.Size(), l.MinSize())
		}
		if want := strconv.Itoa(w.corpus.TopicSpans(nil)[i]); n.Text != want || n.Size().Width < n.MinSize().Width {
			t.Errorf("row %d: spans %q (want %q), %v for at least %v", i, n.Text, want, n.Size(), n.MinSize())
		}
		if i > 0 && row.Position().Y < w.sidebar.rows[i-1].Position().Y+w.sidebar.rows[i-1].Size().Height {
			t.Errorf("row %d at %v overlaps row %d at %v, %v high", i, row.Position().Y, i-1, w.sidebar.rows[i-1].Position().Y, w.sidebar.rows[i-1].Size().Height)
		}
	}
}

// Rows that come with another corpus are laid out with their scrolls:
// many topics and kinds after a few, the scrolls' contents grown to hold
// them all (so the last row can be scrolled to), and a few again after.
func TestSidebarLaysOutTheRowsThatCame(t *testing.T) {
	corpus := func(topics, kinds int) string {
		var b strings.Builder
		b.WriteString("corpus: {title: Rows, format: 1}\ntopics:\n")
		for i := range topics {
			fmt.Fprintf(&b, "  - {id: t%d, label: Topic number %d of the corpus}\n", i, i)
		}
		b.WriteString("meetings:\n")
		for i := range kinds {
			fmt.Fprintf(&b, "  - {id: m%d, title: Meeting %d, kind: kind%d, date: 2020-01-%02d, sources: [s1]}\n", i, i, i, i+1)
		}
		b.WriteString("sources:\n  - {id: s1, title: Source one, text: The allies met.}\n")
		return b.String()
	}
	dir := corpustest.WriteFolder(t, map[string]string{"few.yaml": corpus(2, 1), "many.yaml": corpus(14, 6)})
	w := openWindowIn(t, test.NewTempApp(t), Options{Load: diskLoader, CorpusPath: filepath.Join(dir, "few.yaml")})
	// The summary, three lines where the empty sidebar had none, pushed
	// what is under it down.
	summary := w.sidebar.summary
	under := w.sidebar.body.Objects[0] // the split: a border's middle comes first
	if got, need := summary.Size().Height, summary.MinSize().Height; got < need || under.Position().Y < summary.Position().Y+need {
		t.Errorf("the summary is %v high for %v, and what is under it starts at %v", got, need, under.Position().Y)
	}
	stacked := func(what string, objects []fyne.CanvasObject) {
		t.Helper()
		for i, o := range objects {
			if o.Size().Height < o.MinSize().Height || o.Size().Width <= 0 {
				t.Errorf("%s %d: %v for at least %v", what, i, o.Size(), o.MinSize())
			}
			if i > 0 && o.Position().Y < objects[i-1].Position().Y+objects[i-1].Size().Height {
				t.Errorf("%s %d at %v overlaps the one before", what, i, o.Position().Y)
			}
		}
	}
	holds := func(what string, scroll *container.Scroll) {
		t.Helper()
		if got, need := scroll.Content.Size().Height, scroll.Content.MinSize().Height; got < need {
			t.Errorf("the %s scroll's content is %v high for %v of rows: the last cannot be scrolled to", what, got, need)
		}
	}
	for load, name := range []string{"many.yaml", "few.yaml"} {
		w.open(filepath.Join(dir, name))
		w.waitLoads(t, load+2)
		if len(w.sidebar.rows) != len(w.corpus.Topics) || len(w.sidebar.kinds.Objects) != len(w.sidebar.kindOrder) {
			t.Fatalf("%s: %d rows for %d topics, %d boxes for %d kinds", name, len(w.sidebar.rows), len(w.corpus.Topics), len(w.sidebar.kinds.Objects), len(w.sidebar.kindOrder))
		}
		stacked(name+": topic row", w.sidebar.topics.Objects)
		stacked(name+": kind box", w.sidebar.kinds.Objects)
		holds(name+": topics", w.sidebar.topicsScroll)
		holds(name+": filters", w.sidebar.filtersScroll)
	}
}
