package charts

import (
	"math"
	"slices"
	"sort"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
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
		pos := make([][]point, len(values))
		for ci, vals := range values {
			pos[ci] = make([]point, len(vals))
			cx := float64(box.Left) + float64(x.Translate(float64(ci)))
			for ri, v := range vals {
				pos[ci][ri] = point{cx, math.NaN()}
				if !math.IsNaN(v) {
					pos[ci][ri].y = float64(box.Bottom) - float64(y.Translate(v))
				}
			}
		}
		for ri := range t.Rows {
			col := f.rowColor(ri)
			for ci := 1; ci < len(values); ci++ {
				a, b := pos[ci-1][ri], pos[ci][ri]
				if !math.IsNaN(a.y) && !math.IsNaN(b.y) {
					line(r, a.x, a.y, b.x, b.y, f.px(2), col)
				}
			}
		}
		for ci := range values {
			for _, group := range f.pointGroups(values[ci], pos[ci], radius) {
				f.drawPointGroup(r, ci, group, pos[ci], radius)
			}
		}
		f.columnNotes(r, box, x)
		lg.draw(r, box)
	}}}
	return c
}

type point struct{ x, y float64 }

// pointGroups gathers a column's points with a value above zero (a zero is
// the line touching the axis; it has nothing to click) into runs less than
// a point apart, top to bottom: points of one run cover each other, so
// they are drawn and clicked together. Every point stays on its column,
// where its line runs.
func (f *frame) pointGroups(vals []float64, pos []point, radius float64) [][]int {
	var rows []int
	for ri, v := range vals {
		if !math.IsNaN(pos[ri].y) && v > 0 {
			rows = append(rows, ri)
		}
	}
	sort.SliceStable(rows, func(a, b int) bool { return pos[rows[a]].y < pos[rows[b]].y })
	var groups [][]int
	for start := 0; start < len(rows); {
		end := start + 1
		for end < len(rows) && pos[rows[end]].y-pos[rows[end-1]].y < radius {
			end++
		}
		groups = append(groups, rows[start:end])
		start = end
	}
	return groups
}

// drawPointGroup draws the points of one run, the last on top, and one hit
// for them all; a run of several topics is ringed in the text colour, so
// the eye knows a click there lists more than one.
func (f *frame) drawPointGroup(r chart.Renderer, ci int, group []int, pos []point, radius float64) {
	top, bottom := math.Inf(1), math.Inf(-1)
	var rows []int
	for _, ri := range group {
		p := pos[ri]
		r.SetFillColor(f.rowColor(ri))
		r.SetStrokeColor(f.pal.background)
		r.SetStrokeWidth(f.px(1))
		r.Circle(radius, int(p.x), int(p.y))
		r.FillStroke()
		top, bottom = math.Min(top, p.y), math.Max(bottom, p.y)
		if f.t.Values[ci][ri] > 0 {
			rows = append(rows, ri)
		}
	}
	if len(group) > 1 {
		r.SetFillColor(drawing.ColorTransparent)
		r.SetStrokeColor(f.pal.text)
		r.SetStrokeWidth(f.px(1.2))
		r.Circle(radius+f.px(2.5), int(pos[group[len(group)-1]].x), int(pos[group[len(group)-1]].y))
		r.Stroke()
	}
	if len(rows) == 0 {
		return
	}
	cx := pos[group[0]].x
	gx, gy := radius+f.px(2), f.px(6)
	// The topmost point drawn is the hit's row.
	last := len(rows) - 1
	f.hits = append(f.hits, Hit{X0: cx - gx, Y0: top - gy, X1: cx + gx, Y1: bottom + gy, Column: ci, Row: rows[last], Also: slices.Clone(rows[:last])})
}
