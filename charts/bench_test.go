package charts

import (
	"fmt"
	"image/png"
	"io"
	"math/rand"
	"testing"

	chart "github.com/wcharczuk/go-chart/v2"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/fonts"
)

// benchTable is 12 years × 20 topics of counts, every segment non-zero.
func benchTable() *Table {
	rng := rand.New(rand.NewSource(1))
	var labels, rows []string
	values := make([][]float64, 12)
	for y := range values {
		labels = append(labels, fmt.Sprint(2012+y))
		values[y] = make([]float64, 20)
		for ti := range values[y] {
			values[y][ti] = float64(1 + rng.Intn(12))
		}
	}
	for ti := 0; ti < 20; ti++ {
		rows = append(rows, fmt.Sprintf("Topic number %d", ti+1))
	}
	return table(labels, rows, values)
}

// BenchmarkTopicsByYear draws the 12 × 20 stacked chart at 1600×900 into an
// image; BenchmarkGoChartStackedBar draws go-chart's own StackedBarChart of
// the same data (100% stacks, no legend, no notes) as the baseline.
func BenchmarkTopicsByYear(b *testing.B) {
	tb := benchTable()
	for b.Loop() {
		if _, err := Render(tb, Options{Kind: TopicsByYear, Width: 1600, Height: 900}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGoChartStackedBar(b *testing.B) {
	tb := benchTable()
	fs, err := fonts.Load()
	if err != nil {
		b.Fatal(err)
	}
	var bars []chart.StackedBar
	for ci, col := range tb.Columns {
		bar := chart.StackedBar{Name: col.Label}
		for ri, row := range tb.Rows {
			bar.Values = append(bar.Values, chart.Value{Label: row.Label, Value: tb.Values[ci][ri],
				Style: chart.Style{FillColor: drawingColor(row.Color), StrokeColor: drawingColor(row.Color)}})
		}
		bars = append(bars, bar)
	}
	for b.Loop() {
		c := chart.StackedBarChart{Width: 1600, Height: 900, Font: fs.TrueType.Regular, Bars: bars}
		var img rgbaCollector
		if err := c.Render(chart.PNG, &img); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPNGEncode encodes the chart's image, which the export does and
// the window does not.
func BenchmarkPNGEncode(b *testing.B) {
	res, err := Render(benchTable(), Options{Kind: TopicsByYear, Width: 1600, Height: 900})
	if err != nil {
		b.Fatal(err)
	}
	for _, level := range []png.CompressionLevel{png.DefaultCompression, png.BestSpeed} {
		b.Run(fmt.Sprintf("level=%d", level), func(b *testing.B) {
			enc := png.Encoder{CompressionLevel: level}
			for b.Loop() {
				if err := enc.Encode(io.Discard, res.Image); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCountForCharts is the counting behind a chart on the built-in
// corpus, for reference.
func BenchmarkCountForCharts(b *testing.B) {
	c := builtin(b)
	for b.Loop() {
		if _, err := TableFor(c, TopicsByYear, data.Query{Unit: data.UnitSpans}); err != nil {
			b.Fatal(err)
		}
	}
}
