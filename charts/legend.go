package charts

import (
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
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
}

type legendEntry struct {
	label   string
	color   drawing.Color
	hatched bool
}

const legendSize = 11.0

func (f *frame) legend(entries []legendEntry, top, bottom float64) *legend {
	lg := &legend{f: f, entries: entries}
	if len(entries) == 0 {
		return lg
	}
	lineH := f.px(19)
	avail := float64(f.h) - f.px(top+bottom)
	lg.perCol = max(1, int(avail/lineH))
	cols := (len(entries) + lg.perCol - 1) / lg.perCol
	widest := 0.0
	for _, e := range entries {
		widest = math.Max(widest, f.measure(clip(e.label, maxLabel), legendSize))
	}
	swatch := f.px(12 + 8)
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
	r.SetFontSize(legendSize)
	r.SetFontColor(f.pal.text)
	for i, e := range lg.entries {
		col, row := i/lg.perCol, i%lg.perCol
		x := x0 + float64(col)*lg.colW
		y := float64(box.Top) + float64(row)*f.px(19)
		if e.hatched {
			rect(r, x, y, x+f.px(12), y+f.px(12), f.pal.background)
			f.hatch(r, x, y, x+f.px(12), y+f.px(12))
		} else {
			rect(r, x, y, x+f.px(12), y+f.px(12), e.color)
		}
		label := f.fit(e.label, legendSize, lg.colW-f.px(12+8+10))
		r.Text(f.label(label), int(x+f.px(12+8)), int(y+f.px(10.5)))
	}
}

// topicEntries are the legend entries of the table's topics, and a key to
// the hatching of columns without text.
func (f *frame) topicEntries(reverse bool) []legendEntry {
	var out []legendEntry
	for _, row := range f.t.Rows {
		out = append(out, legendEntry{label: row.Label, color: drawingColor(row.Color)})
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
