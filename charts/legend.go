package charts

import (
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// legend is drawn beside the plot, never over it: as many columns as the
// height needs, labels clipped when the legend would take more than 38% of
// the width.
type legend struct {
	f       *frame
	entries []legendEntry
	perCol  int
	colW    float64
	width   float64 // in pixels
	size    float64 // type size in points
	lineH   float64 // in pixels
}

type legendEntry struct {
	label   string
	color   drawing.Color
	hatched bool
}

const legendSize = 11.0

func (f *frame) legend(entries []legendEntry, top, bottom float64) *legend {
	lg := &legend{f: f, entries: entries, size: legendSize, lineH: f.tpx(19)}
	if f.o.HideLegend {
		lg.entries = nil
	}
	if len(lg.entries) == 0 {
		return lg
	}
	avail := float64(f.h) - f.tpx(top+bottom)
	lg.perCol = max(1, int(avail/lg.lineH))
	cols := (len(entries) + lg.perCol - 1) / lg.perCol
	if cols > 2 { // a small chart: smaller type before more columns
		lg.size, lg.lineH = 9, f.tpx(13)
		lg.perCol = max(1, int(avail/lg.lineH))
		cols = (len(entries) + lg.perCol - 1) / lg.perCol
	}
	widest := 0.0
	for _, e := range entries {
		widest = math.Max(widest, f.measure(safetext.Clip(e.label, maxLabel), lg.size))
	}
	swatch := f.tpx(12 + 8)
	lg.colW = swatch + widest + f.px(18)
	if limit := 0.38 * float64(f.w) / float64(cols); lg.colW > limit {
		lg.colW = limit
	}
	lg.width = float64(cols) * lg.colW
	return lg
}

func (lg *legend) draw(r chart.Renderer, box chart.Box) {
	f := lg.f
	x0 := float64(box.Right) + f.px(24)
	r.SetFont(f.font)
	r.SetFontSize(lg.size)
	r.SetFontColor(f.pal.text)
	sw := lg.size + 1 // swatch side in points
	for i, e := range lg.entries {
		col, row := i/lg.perCol, i%lg.perCol
		x := x0 + float64(col)*lg.colW
		y := float64(box.Top) + float64(row)*lg.lineH
		if e.hatched {
			rect(r, x, y, x+f.tpx(sw), y+f.tpx(sw), f.pal.background)
			f.hatch(r, x, y, x+f.tpx(sw), y+f.tpx(sw))
		} else {
			rect(r, x, y, x+f.tpx(sw), y+f.tpx(sw), e.color)
		}
		label := f.fit(e.label, lg.size, lg.colW-f.tpx(sw+8+10))
		r.Text(f.label(label), int(x+f.tpx(sw+8)), int(y+f.tpx(sw-1.5)))
	}
}

// topicEntries are the legend entries of the topics the chart draws (a
// topic with nothing in the selection has nothing to explain), and a key to
// the hatching of columns without text.
func (f *frame) topicEntries(reverse bool) []legendEntry {
	var out []legendEntry
	for ri, row := range f.t.Rows {
		drawn := false
		for ci, col := range f.t.Columns {
			drawn = drawn || (col.HasText && f.t.Values[ci][ri] > 0)
		}
		if drawn {
			out = append(out, legendEntry{label: row.Label, color: drawingColor(row.Color)})
		}
	}
	if reverse {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	for _, c := range f.t.Columns {
		if !c.HasText {
			return append(out, legendEntry{label: "no source text", hatched: true})
		}
	}
	return out
}
