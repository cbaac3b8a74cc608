package charts

import (
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// shade maps a value in [0, 1] to a sequential single-hue ramp (light to
// dark blue on light backgrounds, the reverse on dark), readable by
// colour-blind readers since only lightness changes.
func (f *frame) shade(v float64) drawing.Color {
	lo, hi := drawing.Color{R: 0xde, G: 0xeb, B: 0xf7, A: 255}, drawing.Color{R: 0x08, G: 0x30, B: 0x6b, A: 255}
	if f.o.Dark {
		lo, hi = drawing.Color{R: 0x1d, G: 0x2b, B: 0x3a, A: 255}, drawing.Color{R: 0x9e, G: 0xca, B: 0xe1, A: 255}
	}
	v = math.Sqrt(math.Max(0, math.Min(1, v))) // small counts stay visible
	mix := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*v + 0.5) }
	return drawing.Color{R: mix(lo.R, hi.R), G: mix(lo.G, hi.G), B: mix(lo.B, hi.B), A: 255}
}

// matrixChart draws meetings (columns) by topics (rows) as a heat map, the
// count in each cell; meetings without text are hatched.
func (f *frame) matrixChart() chart.Chart {
	t := f.t
	labelW := 0.0
	for _, row := range t.Rows {
		labelW = max(labelW, f.measure(f.label(row.Label), 11))
	}
	labelW = min(labelW, 0.3*float64(f.w))
	c := f.base(64, 110, 56)
	c.Background.Padding.Left = int(labelW + f.px(24))
	c.XAxis = chart.XAxis{Style: chart.Style{Hidden: true}, Range: &chart.ContinuousRange{Min: 0, Max: 1}}
	c.YAxisSecondary = chart.YAxis{Style: chart.Style{Hidden: true}, Range: &chart.ContinuousRange{Min: 0, Max: 1}}
	maxV := 0.0
	for ci, col := range t.Columns {
		if col.HasText {
			for _, v := range t.Values[ci] {
				maxV = max(maxV, v)
			}
		}
	}
	c.Series = []chart.Series{drawSeries{name: "matrix", draw: func(r chart.Renderer, box chart.Box, _, _ chart.Range) {
		f.title(r, box)
		cw := float64(box.Width()) / float64(len(t.Columns))
		ch := float64(box.Height()) / float64(len(t.Rows))
		gap := math.Min(f.px(2), cw/6)
		r.SetFont(f.font)
		for ri, row := range t.Rows {
			y0 := float64(box.Top) + ch*float64(ri)
			label := f.fit(row.Label, 11, labelW)
			r.SetFontSize(11)
			r.SetFontColor(f.pal.text)
			lw := f.measure(f.label(label), 11)
			if ch >= f.px(9) {
				r.Text(f.label(label), int(float64(box.Left)-f.px(10)-lw), int(y0+ch/2+f.px(4)))
			}
			for ci, col := range t.Columns {
				x0 := float64(box.Left) + cw*float64(ci)
				if !col.HasText {
					f.hatch(r, x0+gap/2, y0+gap/2, x0+cw-gap/2, y0+ch-gap/2)
					continue
				}
				v := t.Values[ci][ri]
				fill := f.pal.grid
				if v > 0 {
					fill = f.shade(v / maxV)
				}
				if f.o.Highlight != "" && row.ID != f.o.Highlight {
					fill = f.fade(fill)
				}
				rect(r, x0+gap/2, y0+gap/2, x0+cw-gap/2, y0+ch-gap/2, fill)
				if v <= 0 {
					continue
				}
				f.hits = append(f.hits, Hit{X0: x0 + gap/2, Y0: y0 + gap/2, X1: x0 + cw - gap/2, Y1: y0 + ch - gap/2, Column: ci, Row: ri})
				text := formatValue(v, false)
				if w := f.measure(text, 10); w < cw-f.px(4) && ch >= f.px(13) {
					r.SetFontSize(10)
					r.SetFontColor(textOn(fill))
					r.Text(text, int(x0+cw/2-w/2), int(y0+ch/2+f.px(3.5)))
				}
			}
		}
		f.matrixColumnLabels(r, box, cw)
		f.matrixScale(r, box, maxV)
	}}}
	return c
}

// matrixColumnLabels writes the meetings under their columns with the
// sources behind them. Labels too wide for a column alternate between two
// rows; narrower columns still are labelled every k-th.
func (f *frame) matrixColumnLabels(r chart.Renderer, box chart.Box, cw float64) {
	widest := 0.0
	for _, col := range f.t.Columns {
		widest = max(widest, f.measure(f.label(col.Label), 10))
	}
	every := 1
	for widest+f.px(6) > cw*float64(every) && every < len(f.t.Columns) {
		every++
	}
	stagger := every == 2
	for ci, col := range f.t.Columns {
		if !stagger && ci%every != 0 {
			continue
		}
		y := float64(box.Bottom) + f.px(16)
		if stagger && ci%2 == 1 {
			y += f.px(13)
		}
		w := f.measure(f.label(col.Label), 10)
		cx := float64(box.Left) + cw*(float64(ci)+0.5)
		r.SetFontSize(10)
		r.SetFontColor(f.pal.text)
		r.Text(f.label(col.Label), int(cx-w/2), int(y))
		if stagger {
			continue // two rows of labels leave no room for notes
		}
		note := safetext.Plural(col.Sources, "source")
		if !col.HasText {
			note = "no text"
		}
		if nw := f.measure(note, 9.5); nw+f.px(4) <= cw*float64(every) {
			r.SetFontSize(9.5)
			r.SetFontColor(f.pal.muted)
			r.Text(note, int(cx-nw/2), int(y+f.px(13)))
		}
	}
}

// matrixScale draws the colour ramp's key to the right of the plot.
func (f *frame) matrixScale(r chart.Renderer, box chart.Box, maxV float64) {
	x0 := float64(box.Right) + f.px(24)
	h := math.Min(f.px(160), float64(box.Height()))
	steps := 32
	for i := 0; i < steps; i++ {
		v := 1 - float64(i)/float64(steps)
		y0 := float64(box.Top) + h*float64(i)/float64(steps)
		rect(r, x0, y0, x0+f.px(14), y0+h/float64(steps)+1, f.shade(v))
	}
	r.SetFontSize(10)
	r.SetFontColor(f.pal.muted)
	r.Text(formatValue(maxV, false), int(x0+f.px(20)), int(float64(box.Top)+f.px(9)))
	if maxV > 1 {
		r.Text("1", int(x0+f.px(20)), int(float64(box.Top)+h))
	}
	rect(r, x0, float64(box.Top)+h+f.px(14), x0+f.px(14), float64(box.Top)+h+f.px(28), f.pal.grid)
	r.Text("0", int(x0+f.px(20)), int(float64(box.Top)+h+f.px(25)))
	rect(r, x0, float64(box.Top)+h+f.px(36), x0+f.px(14), float64(box.Top)+h+f.px(50), f.pal.background)
	f.hatch(r, x0, float64(box.Top)+h+f.px(36), x0+f.px(14), float64(box.Top)+h+f.px(50))
	r.Text("no text", int(x0+f.px(20)), int(float64(box.Top)+h+f.px(47)))
}

// textOn picks dark or light text for a fill.
func textOn(c drawing.Color) drawing.Color {
	if 0.2126*float64(c.R)+0.7152*float64(c.G)+0.0722*float64(c.B) > 140 {
		return drawing.Color{R: 0x11, G: 0x11, B: 0x11, A: 255}
	}
	return drawing.Color{R: 0xff, G: 0xff, B: 0xff, A: 255}
}
