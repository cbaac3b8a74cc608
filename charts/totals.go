package charts

import (
	"sort"

	chart "github.com/wcharczuk/go-chart/v2"
)

// totalsChart draws one horizontal bar per topic, longest first, with its
// value. Its table has a single column (the whole year range).
func (f *frame) totalsChart() chart.Chart {
	t := f.t
	c := f.base(64, 24, 40)
	order := make([]int, len(t.Rows))
	for i := range order {
		order[i] = i
	}
	value := func(ri int) float64 { return t.Values[0][ri] }
	sort.SliceStable(order, func(a, b int) bool { return value(order[a]) > value(order[b]) })
	maxV := 0.0
	labelW := 0.0
	for ri, row := range t.Rows {
		maxV = max(maxV, value(ri))
		labelW = max(labelW, f.measure(f.label(row.Label), 11))
	}
	labelW = min(labelW, 0.35*float64(f.w))
	c.Background.Padding.Left = int(labelW + f.px(28))
	// The value axis runs along the bottom: go-chart's x axis, ticked here.
	ticks := niceTicks(maxV*1.08, 6, t.wholeCounts())
	var xt []chart.Tick
	for _, v := range ticks {
		xt = append(xt, chart.Tick{Value: v, Label: formatValue(v, false)})
	}
	c.XAxis = chart.XAxis{Name: f.label(t.Unit), NameStyle: f.textStyle(11, f.pal.muted), Style: f.textStyle(11, f.pal.muted),
		Range: &chart.ContinuousRange{Min: 0, Max: ticks[len(ticks)-1]}, Ticks: xt}
	c.YAxisSecondary = chart.YAxis{Style: chart.Style{Hidden: true}, Range: &chart.ContinuousRange{Min: 0, Max: 1}}
	c.Series = []chart.Series{drawSeries{name: "totals", draw: func(r chart.Renderer, box chart.Box, x, _ chart.Range) {
		f.title(r, box)
		for _, v := range ticks[1:] {
			gx := float64(box.Left) + float64(x.Translate(v))
			line(r, gx, float64(box.Top), gx, float64(box.Bottom), f.px(1), f.pal.grid)
		}
		slot := float64(box.Height()) / float64(len(order))
		barH := min(slot*0.72, f.px(28))
		r.SetFont(f.font)
		r.SetFontSize(11)
		for i, ri := range order {
			row := t.Rows[ri]
			cy := float64(box.Top) + slot*(float64(i)+0.5)
			label := f.fit(row.Label, 11, labelW)
			r.SetFontColor(f.pal.text)
			lw := f.measure(f.label(label), 11)
			r.Text(f.label(label), int(float64(box.Left)-f.px(10)-lw), int(cy+f.px(4)))
			v := value(ri)
			x1 := float64(box.Left) + float64(x.Translate(v))
			if v > 0 {
				rect(r, float64(box.Left), cy-barH/2, x1, cy+barH/2, f.rowColor(ri))
				f.hits = append(f.hits, Hit{X0: float64(box.Left), Y0: cy - barH/2, X1: x1, Y1: cy + barH/2, Column: 0, Row: ri})
			}
			r.SetFontColor(f.pal.muted)
			r.Text(formatValue(v, false), int(x1+f.px(6)), int(cy+f.px(4)))
		}
	}}}
	return c
}
