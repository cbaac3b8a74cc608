package app

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
)

// ChartView shows one chart at the widget's size and device resolution.
// Charts are drawn off the UI goroutine; a click maps through the chart's
// hit geometry to the cell under the pointer and the annotations behind it.
type ChartView struct {
	widget.BaseWidget

	// OnCell is called when a drawn cell is clicked.
	OnCell func(title string, anns []*data.Annotation)

	kind   charts.Kind
	corpus *data.Corpus
	query  data.Query
	dark   bool
	topic  string // highlighted topic id

	img      *canvas.Image
	table    *charts.Table
	result   *charts.Result
	scale    float32 // pixels per point of the result
	drawn    fyne.Size
	renders  int    // renders started; only the newest is shown
	rendered func() // called after a render is shown
	do       func(func())
}

// NewChartView makes a view of one kind of chart; do runs a function on the
// UI goroutine (fyne.Do when nil).
func NewChartView(kind charts.Kind, do func(func())) *ChartView {
	if do == nil {
		do = fyne.Do
	}
	v := &ChartView{kind: kind, do: do, img: canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))}
	v.img.FillMode = canvas.ImageFillStretch
	v.ExtendBaseWidget(v)
	return v
}

// Kind returns the chart's kind.
func (v *ChartView) Kind() charts.Kind { return v.kind }

// SetData sets what the chart counts and draws it again.
func (v *ChartView) SetData(c *data.Corpus, q data.Query, dark bool) {
	v.corpus, v.query, v.dark = c, q, dark
	v.drawn = fyne.Size{}
	v.Refresh()
}

// Highlight fades every topic but one (id; "" for none).
func (v *ChartView) Highlight(id string) {
	if id != v.topic {
		v.topic = id
		v.drawn = fyne.Size{}
		v.Refresh()
	}
}

// Result returns the last chart shown.
func (v *ChartView) Result() *charts.Result { return v.result }

// render draws the chart for a size in the background.
func (v *ChartView) render(size fyne.Size) {
	if v.corpus == nil || size.Width < charts.MinSide || size.Height < charts.MinSide || size == v.drawn {
		return
	}
	v.drawn = size
	v.renders++
	generation := v.renders
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		scale = c.Scale()
	}
	corpus, query, kind, dark, topic := v.corpus, v.query, v.kind, v.dark, v.topic
	go func() {
		table, err := charts.TableFor(corpus, kind, query)
		var res *charts.Result
		if err == nil {
			res, err = charts.Render(table, charts.Options{Kind: kind, Width: int(size.Width), Height: int(size.Height), Scale: float64(scale), Dark: dark, Highlight: topic})
		}
		v.do(func() {
			if generation != v.renders || err != nil {
				return
			}
			v.table, v.result, v.scale = table, res, float32(res.Width)/size.Width
			v.img.Image = res.Image
			v.img.Refresh()
			if v.rendered != nil {
				v.rendered()
			}
		})
	}()
}

// Tapped finds the cell under the pointer.
func (v *ChartView) Tapped(e *fyne.PointEvent) {
	if v.result == nil {
		return
	}
	h, ok := v.result.HitAt(float64(e.Position.X*v.scale), float64(e.Position.Y*v.scale))
	if !ok || v.OnCell == nil {
		return
	}
	col, row := v.table.Columns[h.Column], v.table.Rows[h.Row]
	title := row.Label + " · " + col.Label
	v.OnCell(title, v.table.Annotations(h.Column, h.Row))
}

// CreateRenderer implements fyne.Widget.
func (v *ChartView) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{v: v}
}

type chartRenderer struct{ v *ChartView }

func (r *chartRenderer) Layout(size fyne.Size) {
	r.v.img.Resize(size)
	r.v.render(size)
}
func (r *chartRenderer) MinSize() fyne.Size { return fyne.NewSize(charts.MinSide, 160) }
func (r *chartRenderer) Refresh() {
	r.v.render(r.v.Size())
	r.v.img.Refresh()
}
func (r *chartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.v.img} }
func (r *chartRenderer) Destroy()                     {}
