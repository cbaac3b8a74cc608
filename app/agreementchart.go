package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/export"
)

// yearBars draws Krippendorff's alpha per year as bars on one scale from
// 0 to 1, with the line at 0.667 below which Krippendorff allows no
// conclusion, each bar labelled with its year and value: the agreement
// tab's chart, where a team sees the years its coding is weakest on.
type yearBars struct {
	widget.BaseWidget
	rows []export.FigureRow // the report's year rows
}

func newYearBars() *yearBars {
	b := &yearBars{}
	b.ExtendBaseWidget(b)
	return b
}

// set shows the year rows of a report (none: an empty chart).
func (b *yearBars) set(rows []export.FigureRow) {
	b.rows = rows
	b.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (b *yearBars) CreateRenderer() fyne.WidgetRenderer { return &yearBarsRenderer{b: b} }

type yearBarsRenderer struct {
	b       *yearBars
	objects []fyne.CanvasObject
}

// floor is Krippendorff's least alpha for tentative conclusions.
const floor = 0.667

func (r *yearBarsRenderer) Layout(size fyne.Size) { r.build(size) }

func (r *yearBarsRenderer) MinSize() fyne.Size { return fyne.NewSize(120, 120) }

func (r *yearBarsRenderer) Refresh() {
	r.build(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *yearBarsRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *yearBarsRenderer) Destroy() {}

// build makes the chart's objects for a size: drawn anew, since a chart
// of a dozen bars costs nothing to make.
func (r *yearBarsRenderer) build(size fyne.Size) {
	r.objects = r.objects[:0]
	rows := r.b.rows
	text := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	small := theme.CaptionTextSize()
	pad := theme.Padding()
	label := func(s string, c color.Color, bold bool) *canvas.Text {
		t := canvas.NewText(s, c)
		t.TextSize, t.TextStyle.Bold = small, bold
		return t
	}
	if len(rows) == 0 {
		t := label("No year to chart.", muted, false)
		t.Move(fyne.NewPos(pad, pad))
		r.objects = append(r.objects, t)
		return
	}
	top, bottom := small+2*pad, size.Height-small-2*pad // the bars' room: values above, years below
	left := fyne.MeasureText(".667", small, fyne.TextStyle{}).Width + 2*pad
	plot := size.Width - left - pad
	if bottom-top < 20 || plot < 20 {
		return
	}
	y := func(v float64) float32 { return bottom - float32(v)*(bottom-top) }
	for _, tick := range []struct {
		at   float64
		name string
	}{{0, "0"}, {floor, ".667"}, {1, "1"}} {
		line := canvas.NewLine(muted)
		line.StrokeWidth = 1
		line.Position1, line.Position2 = fyne.NewPos(left, y(tick.at)), fyne.NewPos(left+plot, y(tick.at))
		t := label(tick.name, muted, false)
		t.Move(fyne.NewPos(left-pad-t.MinSize().Width, y(tick.at)-t.MinSize().Height/2))
		r.objects = append(r.objects, line, t)
	}
	step := plot / float32(len(rows))
	width := min(step*0.7, 48)
	for i, row := range rows {
		x := left + step*float32(i) + (step-width)/2
		year := label(row.Label, text, false)
		year.Move(fyne.NewPos(x+width/2-year.MinSize().Width/2, bottom+pad/2))
		r.objects = append(r.objects, year)
		if row.Alpha == nil {
			na := label("n/a", muted, false)
			na.Move(fyne.NewPos(x+width/2-na.MinSize().Width/2, bottom-na.MinSize().Height-pad))
			r.objects = append(r.objects, na)
			continue
		}
		v := max(0, min(1, *row.Alpha))
		c := theme.Color(theme.ColorNamePrimary)
		if *row.Alpha < floor {
			c = theme.Color(theme.ColorNameWarning)
		}
		bar := canvas.NewRectangle(c)
		bar.CornerRadius = 2
		bar.Move(fyne.NewPos(x, y(v)))
		bar.Resize(fyne.NewSize(width, max(2, bottom-y(v))))
		value := label(export.Figure(row.Alpha), text, true)
		value.Move(fyne.NewPos(x+width/2-value.MinSize().Width/2, y(v)-value.MinSize().Height))
		r.objects = append(r.objects, bar, value)
	}
}
