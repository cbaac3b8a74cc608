package charts

import (
	chart "github.com/wcharczuk/go-chart/v2"
)

// stackedChart draws absolute stacked columns: one column per year, one
// segment per topic, the total on top. go-chart's own StackedBarChart
// always stacks to 100%, so the columns are drawn here.
func (f *frame) stackedChart() chart.Chart {
	t := f.t
	if t.Overlapping {
		return f.sideBySideChart()
	}
	maxTotal := 0.0
	for _, vals := range t.Values {
		total := 0.0
		for _, v := range vals {
			if v > 0 {
				total += v
			}
		}
		maxTotal = max(maxTotal, total)
	}
	c, lg, ticks := f.columnChart(maxTotal)
	c.Series = []chart.Series{drawSeries{name: "stacks", draw: func(r chart.Renderer, box chart.Box, x, y chart.Range) {
		f.title(r, box)
		f.gridLines(r, box, y, ticks)
		slot := float64(box.Width()) / float64(len(t.Columns))
		barW := slot * 0.68
		bottom := float64(box.Bottom)
		for ci, col := range t.Columns {
			cx := float64(box.Left) + float64(x.Translate(float64(ci)))
			if !col.HasText {
				f.hatch(r, cx-barW/2, float64(box.Top), cx+barW/2, bottom)
				continue
			}
			base := 0.0
			for ri := range t.Rows {
				v := t.Values[ci][ri]
				if v <= 0 {
					continue
				}
				y0 := bottom - float64(y.Translate(base))
				y1 := bottom - float64(y.Translate(base+v))
				rect(r, cx-barW/2, y1, cx+barW/2, y0, f.rowColor(ri))
				if y0-y1 >= f.px(3) { // a hairline between segments keeps neighbours apart
					line(r, cx-barW/2, y1, cx+barW/2, y1, f.px(1), f.pal.background)
				}
				f.hits = append(f.hits, Hit{X0: cx - barW/2, Y0: y1, X1: cx + barW/2, Y1: y0, Column: ci, Row: ri})
				base += v
			}
			r.SetFont(f.font)
			r.SetFontSize(10)
			r.SetFontColor(f.pal.text)
			total := formatValue(base, false)
			if w := f.measure(total, 10); w <= slot-f.px(2) { // totals of narrow columns would overlap
				r.Text(total, int(cx-w/2), int(bottom-float64(y.Translate(base))-f.px(5)))
			}
		}
		f.columnNotes(r, box, x)
		lg.draw(r, box)
	}}}
	return c
}

// sideBySideChart draws each column's topics as bars side by side, for a
// unit whose values overlap (a meeting that mentions three topics counts
// under each): a stack would add them into a total that counts nothing.
func (f *frame) sideBySideChart() chart.Chart {
	t := f.t
	maxV := 0.0
	for _, vals := range t.Values {
		for _, v := range vals {
			maxV = max(maxV, v)
		}
	}
	c, lg, ticks := f.columnChart(maxV)
	c.Series = []chart.Series{drawSeries{name: "side by side", draw: func(r chart.Renderer, box chart.Box, x, y chart.Range) {
		f.title(r, box)
		f.gridLines(r, box, y, ticks)
		slot := float64(box.Width()) / float64(len(t.Columns))
		groupW := slot * 0.8
		barW := groupW / float64(max(1, len(t.Rows)))
		gap := 0.0
		if barW >= f.px(4) {
			gap = f.px(1)
		}
		bottom := float64(box.Bottom)
		for ci, col := range t.Columns {
			cx := float64(box.Left) + float64(x.Translate(float64(ci)))
			if !col.HasText {
				f.hatch(r, cx-groupW/2, float64(box.Top), cx+groupW/2, bottom)
				continue
			}
			for ri := range t.Rows {
				v := t.Values[ci][ri]
				if v <= 0 {
					continue
				}
				x0 := cx - groupW/2 + float64(ri)*barW
				x1 := cx - groupW/2 + float64(ri+1)*barW // the next bar's x0, exactly
				top := bottom - float64(y.Translate(v))
				rect(r, x0, top, x1-gap, bottom, f.rowColor(ri))
				f.hits = append(f.hits, Hit{X0: x0, Y0: top, X1: x1, Y1: bottom, Column: ci, Row: ri})
			}
		}
		f.columnNotes(r, box, x)
		lg.draw(r, box)
	}}}
	return c
}

// columnChart is the frame of a chart of bars by column up to maxV: the
// legend beside it, the value axis and its ticks, the columns' axis.
func (f *frame) columnChart(maxV float64) (chart.Chart, *legend, []float64) {
	lg := f.legend(f.topicEntries(true), 64, 60)
	c := f.base(64, lg.width/f.s+24, 60)
	ya, ticks := f.valueAxis(f.t.Unit, maxV*1.06, false)
	setValueAxis(&c, ya)
	c.XAxis = f.categoryAxis(f.t.columnLabels(), float64(f.w)-lg.width-f.px(110))
	return c, lg, ticks
}
