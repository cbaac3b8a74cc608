package charts

import (
	"math"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Every hit of every chart lies on what is drawn for its cell: the pixel
// at the hit's centre has the colour of the hit's topic (a bar segment, a
// trend point or a matrix cell's fill), so a click opens the spans of what
// is under the pointer.
func TestHitsLieOnTheirDrawnCells(t *testing.T) {
	c := builtin(t)
	for _, kind := range []Kind{TopicsByYear, TopicTrends, TopicTotals} {
		tb, err := TableFor(c, kind, data.Query{Unit: data.UnitSpans})
		if err != nil {
			t.Fatal(err)
		}
		for _, scale := range []float64{1, 2} {
			res, err := Render(tb, Options{Kind: kind, Width: 1000, Height: 600, Scale: scale})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 {
				t.Fatalf("%s: no hits", kind)
			}
			for _, h := range res.Hits {
				want := tb.Rows[h.Row].Color
				x, y := int(math.Round((h.X0+h.X1)/2)), int(math.Round((h.Y0+h.Y1)/2))
				got := res.Image.RGBAAt(x, y)
				if !near(got, want) {
					t.Errorf("%s at %v: the hit of %s (column %d) is on %v, not its colour %v", kind, scale, tb.Rows[h.Row].ID, h.Column, got, want)
				}
			}
		}
	}
}

// Trend points stay on their column, where their lines run: every hit of a
// column is centred on one x, and the hits of two columns never overlap,
// so a click at a year opens that year's topics.
func TestTrendPointsStayOnTheirColumns(t *testing.T) {
	c := builtin(t)
	tb, err := TableFor(c, TopicTrends, data.Query{Unit: data.UnitSpans})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Render(tb, Options{Kind: TopicTrends, Width: 600, Height: 330})
	if err != nil {
		t.Fatal(err)
	}
	centre := map[int]float64{}
	for _, h := range res.Hits {
		x := (h.X0 + h.X1) / 2
		if c, ok := centre[h.Column]; ok && math.Abs(c-x) > 0.5 {
			t.Errorf("column %d has points at x %.1f and %.1f", h.Column, c, x)
		}
		centre[h.Column] = x
		for _, o := range res.Hits {
			if o.Column != h.Column && o.X0 < h.X1 && h.X0 < o.X1 {
				t.Errorf("the hits of columns %d and %d overlap", h.Column, o.Column)
			}
		}
	}
}

// Meetings and sources count under every topic they mention, so their
// values are drawn side by side and never stacked into a total: no bar
// rises above the column's largest value.
func TestOverlappingUnitsAreNotStacked(t *testing.T) {
	c := builtin(t)
	for _, unit := range []data.Unit{data.UnitMeetings, data.UnitSources} {
		tb, err := TableFor(c, TopicsByYear, data.Query{Unit: unit})
		if err != nil {
			t.Fatal(err)
		}
		if !tb.Overlapping {
			t.Fatalf("%v: not marked overlapping", unit)
		}
		res, err := Render(tb, Options{Kind: TopicsByYear, Width: 900, Height: 500})
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range res.Hits {
			for j, o := range res.Hits {
				if i != j && o.Column == h.Column && o.X0 < h.X1 && h.X0 < o.X1 {
					t.Errorf("%v: topics %d and %d of column %d share a bar", unit, h.Row, o.Row, h.Column)
				}
			}
		}
	}
	tb, _ := TableFor(c, TopicsByYear, data.Query{Unit: data.UnitSpans})
	if tb.Overlapping {
		t.Error("spans are marked overlapping")
	}
}
