package charts

import (
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
)

// trendValues are the values the trend lines show: counts, or each
// topic's share of its column, optionally averaged over a centred window
// of columns with text. NaN marks a column without text.
func (f *frame) trendValues() [][]float64 {
	t := f.t
	out := make([][]float64, len(t.Columns))
	for ci, col := range t.Columns {
		out[ci] = make([]float64, len(t.Rows))
		total := 0.0
		for _, v := range t.Values[ci] {
			total += v
		}
		for ri, v := range t.Values[ci] {
			switch {
			case !col.HasText:
				v = math.NaN()
			case f.o.Share && total > 0:
				v /= total
			case f.o.Share:
				v = 0
			}
			out[ci][ri] = v
		}
	}
	k := f.o.MovingAverage
	if k < 2 {
		return out
	}
	avg := make([][]float64, len(out))
	for ci := range out {
		avg[ci] = make([]float64, len(t.Rows))
		for ri := range t.Rows {
			sum, n := 0.0, 0
			for j := ci - k/2; j <= ci+(k-1)/2; j++ {
				if j >= 0 && j < len(out) && !math.IsNaN(out[j][ri]) {
					sum += out[j][ri]
					n++
				}
			}
			avg[ci][ri] = math.NaN()
			if n > 0 && !math.IsNaN(out[ci][ri]) {
				avg[ci][ri] = sum / float64(n)
			}
		}
	}
	return avg
}

// trendsChart draws one line per topic across the columns; a column
// without text breaks the lines and is hatched.
func (f *frame) trendsChart() chart.Chart {
	t := f.t
	lg := f.legend(f.topicEntries(false), 64, 60)
	c := f.base(64, lg.width/f.s+24, 60)
	values := f.trendValues()
	maxV := 0.0
	for _, vals := range values {
		for _, v := range vals {
			if !math.IsNaN(v) {
				maxV = math.Max(maxV, v)
			}
		}
	}
	if f.o.Share {
		maxV = math.Min(1, maxV*1.05)
	}
	ya, ticks := f.valueAxis(t.Unit, maxV*1.04, f.o.Share)
	setValueAxis(&c, ya)
	labels := make([]string, len(t.Columns))
	for i, col := range t.Columns {
		labels[i] = col.Label
	}
	c.XAxis = f.categoryAxis(labels, float64(f.w)-lg.width-f.px(110))
	c.Series = []chart.Series{drawSeries{name: "trends", draw: func(r chart.Renderer, box chart.Box, x, y chart.Range) {
		f.title(r, box)
		slot := float64(box.Width()) / float64(len(t.Columns))
		for ci, col := range t.Columns {
			if !col.HasText {
				cx := float64(box.Left) + float64(x.Translate(float64(ci)))
				f.hatch(r, cx-slot*0.34, float64(box.Top), cx+slot*0.34, float64(box.Bottom))
			}
		}
		f.gridLines(r, box, y, ticks)
		px := func(ci int) float64 { return float64(box.Left) + float64(x.Translate(float64(ci))) }
		py := func(v float64) float64 { return float64(box.Bottom) - float64(y.Translate(v)) }
		for ri, row := range t.Rows {
			col := drawingColor(row.Color)
			for ci := 1; ci < len(values); ci++ {
				a, b := values[ci-1][ri], values[ci][ri]
				if !math.IsNaN(a) && !math.IsNaN(b) {
					line(r, px(ci-1), py(a), px(ci), py(b), f.px(2), col)
				}
			}
		}
		radius := f.px(3.5)
		for ri, row := range t.Rows {
			for ci := range values {
				v := values[ci][ri]
				if math.IsNaN(v) {
					continue
				}
				cx, cy := px(ci), py(v)
				r.SetFillColor(drawingColor(row.Color))
				r.SetStrokeColor(f.pal.background)
				r.SetStrokeWidth(f.px(1))
				r.Circle(radius, int(cx), int(cy))
				r.FillStroke()
				if t.Values[ci][ri] > 0 {
					grab := f.px(6)
					f.hits = append(f.hits, Hit{X0: cx - grab, Y0: cy - grab, X1: cx + grab, Y1: cy + grab, Column: ci, Row: ri})
				}
			}
		}
		f.columnNotes(r, box, x)
		lg.draw(r, box)
	}}}
	return c
}
