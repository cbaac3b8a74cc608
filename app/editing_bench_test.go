package app

import (
	"os"
	"strings"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/edit"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/gen"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// BenchmarkEditShown100k is what the window does when a passage of the
// generated 100,000-annotation corpus is coded, until every view shows
// it: the file's bytes edited (addAnnotation, which reads the last
// annotation's lines alone), the corpus follows the edit (followEdit: the edited copy and the
// sidebar's totals; followModel: the timeline's model), the chart of the chosen tab is
// counted and drawn at 900×500, and the timeline is drawn at 1280×400.
// "reload" is the same with the edited file loaded again instead of
// followed (the window's first edit path), the baseline. Target: "follow"
// within 50 ms.
func BenchmarkEditShown100k(b *testing.B) {
	path, err := gen.BenchCorpusPath("..") // shared with data's benchmarks
	if err != nil {
		b.Fatal(err)
	}
	c, _, err := load.File(path)
	if err != nil || c == nil {
		b.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	s := c.Sources[len(c.Sources)/2]
	words := strings.Fields(s.Text)
	a, an, err := edit.Place(c, edit.Annotation{Source: s.ID, Topic: c.Topics[0].ID, Quote: strings.Join(words[2:6], " "), Start: -1})
	if err != nil {
		b.Fatal(err)
	}
	last := c.Annotations[len(c.Annotations)-1].Line
	var line int
	follow := func(c *data.Corpus) *data.Corpus { return edit.Added(c, a, an, line) }
	model := timeline.NewModel(c)
	show := func(b *testing.B, follow func(*data.Corpus) *data.Corpus) {
		edited, err := addAnnotation(a, last, &line)(raw)
		if err != nil {
			b.Fatal(err)
		}
		ready, err := followEdit(c, follow, path, edited, nil)
		if err != nil || len(ready.corpus.Annotations) != len(c.Annotations)+1 {
			b.Fatal(err)
		}
		ready.followModel(c, model)
		// As in the window: the chart is counted and drawn in its own
		// goroutine (ChartView.render) while the UI goroutine draws the
		// timeline.
		chart := make(chan error, 1)
		go func() {
			table, err := charts.TableFor(ready.corpus, charts.Kinds[0], data.Query{Unit: data.UnitSpans})
			if err == nil {
				_, err = charts.Render(table, charts.Options{Kind: charts.Kinds[0], Width: 900, Height: 500, Scale: 1, HideLegend: true, HideTitle: true})
			}
			chart <- err
		}()
		if _, err := timeline.Render(ready.model, timeline.RenderOptions{Width: 1280, Height: 400}); err != nil {
			b.Fatal(err)
		}
		if err := <-chart; err != nil {
			b.Fatal(err)
		}
	}
	b.Run("follow", func(b *testing.B) {
		for b.Loop() {
			show(b, follow)
		}
	})
	b.Run("reload", func(b *testing.B) {
		for b.Loop() {
			show(b, nil)
		}
	})
}
