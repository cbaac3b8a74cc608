package charts

import (
	"math"
	"sort"

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
	c.XAxis = f.categoryAxis(t.columnLabels(), float64(f.w)-lg.width-f.px(110))
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
		radius := f.px(3.5)
		pos := f.dodge(values, radius, func(ci int) float64 { return float64(box.Left) + float64(x.Translate(float64(ci))) },
			func(v float64) float64 { return float64(box.Bottom) - float64(y.Translate(v)) })
		for ri := range t.Rows {
			col := f.rowColor(ri)
			for ci := 1; ci < len(values); ci++ {
				a, b := pos[ci-1][ri], pos[ci][ri]
				if !math.IsNaN(a.y) && !math.IsNaN(b.y) {
					line(r, a.x, a.y, b.x, b.y, f.px(2), col)
				}
			}
		}
		for ri := range t.Rows {
			for ci := range values {
				p := pos[ci][ri]
				if math.IsNaN(p.y) || values[ci][ri] <= 0 {
					continue // a zero is the line touching the axis; it has nothing to click
				}
				cx, cy := p.x, p.y
				r.SetFillColor(f.rowColor(ri))
				r.SetStrokeColor(f.pal.background)
				r.SetStrokeWidth(f.px(1))
				r.Circle(radius, int(cx), int(cy))
				r.FillStroke()
				if t.Values[ci][ri] > 0 {
					gx, gy := radius+f.px(1), f.px(6)
					f.hits = append(f.hits, Hit{X0: cx - gx, Y0: cy - gy, X1: cx + gx, Y1: cy + gy, Column: ci, Row: ri})
				}
			}
		}
		f.columnNotes(r, box, x)
		lg.draw(r, box)
	}}}
	return c
}

type point struct{ x, y float64 }

// dodge places the trend points. Non-zero points of one column that would cover
// each other (topics with the same or nearly the same value) are set side
// by side, so every point can be seen and clicked. NaN values stay NaN.
func (f *frame) dodge(values [][]float64, radius float64, px func(int) float64, py func(float64) float64) [][]point {
	out := make([][]point, len(values))
	step := 2*radius + f.px(2)
	for ci, vals := range values {
		out[ci] = make([]point, len(vals))
		var rows []int
		for ri, v := range vals {
			out[ci][ri] = point{math.NaN(), math.NaN()}
			if !math.IsNaN(v) {
				out[ci][ri] = point{px(ci), py(v)}
				if v > 0 { // zeros get no dot, so they need no room
					rows = append(rows, ri)
				}
			}
		}
		sort.SliceStable(rows, func(a, b int) bool { return out[ci][rows[a]].y < out[ci][rows[b]].y })
		// Runs of points less than a point apart share a row, side by side.
		for start := 0; start < len(rows); {
			end := start + 1
			for end < len(rows) && out[ci][rows[end]].y-out[ci][rows[start]].y < step {
				end++
			}
			n := end - start
			for i, ri := range rows[start:end] {
				out[ci][ri].x += (float64(i) - float64(n-1)/2) * step
			}
			start = end
		}
	}
	return out
}
