package timeline

import (
	"image"
	"image/draw"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
)

// MinSize implements fyne.Widget.
func (t *Timeline) MinSize() fyne.Size { return fyne.NewSize(360, 260) }

// CreateRenderer implements fyne.Widget.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	r := &renderer{t: t}
	r.palette = PaletteFor(t.Theme(), apptheme.Variant(fyne.CurrentApp()))
	r.raster = canvas.NewRaster(r.draw)
	r.ring = canvas.NewRectangle(nil)
	r.hoverRing = canvas.NewRectangle(nil)
	r.focus = canvas.NewRectangle(nil)
	r.tipBox = newTooltipBox()
	return r
}

type renderer struct {
	t                      *Timeline
	img                    *image.RGBA // reused while the size stays
	palette                Palette     // of the last drawing
	raster                 *canvas.Raster
	ring, hoverRing, focus *canvas.Rectangle
	tipBox                 *tooltipBox
}

// draw renders the frame at device resolution.
func (r *renderer) draw(w, h int) image.Image {
	t := r.t
	if r.img == nil || r.img.Bounds().Dx() != w || r.img.Bounds().Dy() != h {
		r.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	img := r.img
	if t.size.Width <= 0 || w <= 0 {
		return img
	}
	k := float64(w) / float64(t.size.Width)
	st := t.style().Scaled(k)
	txt, err := TextAt(st.TextSize)
	if err != nil {
		return img
	}
	if t.model.Empty() { // no axis around 1970: say what is missing
		draw.Draw(img, img.Bounds(), image.NewUniform(r.palette.Background), image.Point{}, draw.Src)
		msg := "Nothing to show: open a corpus (Ctrl+O) or drop one here"
		if t.model.Corpus { // a corpus without meetings: a new one, say
			msg = "No meetings yet: add one (Edit > New meeting), then import its documents (File > Import)"
		}
		txt.Regular.Draw(img, msg, (float64(w)-txt.Regular.Measure(msg))/2, float64(h)/2-st.TextSize, r.palette.Muted, img.Bounds())
		return img
	}
	s := Scale{Start: t.view.Start, PerDay: t.view.PerDay * k, Width: t.view.Width * k}
	f := t.model.NewFrame(s, float64(w), float64(h), st, txt.Regular.Measure)
	f.Draw(img, t.model, r.palette, txt)
	return img
}

func (r *renderer) Layout(size fyne.Size) {
	r.raster.Resize(size)
	r.focus.Resize(size)
	r.place()
}

// place puts the rings and the tooltip over their marks.
func (r *renderer) place() {
	t := r.t
	f := t.Frame()
	ringAround := func(rect *canvas.Rectangle, mk int, grow float32) {
		m := f.Marks[mk]
		rad := float32(m.R) + grow
		x0, x1 := float32(f.Plot.X+m.X0), float32(f.Plot.X+m.X1)
		rect.Move(fyne.NewPos(x0-rad, float32(m.Y)-rad))
		rect.Resize(fyne.NewSize(x1-x0+2*rad, 2*rad))
		rect.CornerRadius = rad
		rect.Show()
	}
	r.ring.Hide()
	if t.selected.ok {
		if mk := f.MarkOf(t.selected.lane, t.selected.item); mk >= 0 {
			ringAround(r.ring, mk, 4)
		} else if x0, x1, y, rad, ok := f.Spot(t.model, t.selected.lane, t.selected.item); ok {
			// Counted in a bin: the ring marks the meeting's own place.
			rad += 4
			r.ring.Move(fyne.NewPos(float32(f.Plot.X+x0-rad), float32(y-rad)))
			r.ring.Resize(fyne.NewSize(float32(x1-x0+2*rad), float32(2*rad)))
			r.ring.CornerRadius = float32(rad)
			r.ring.Show()
		}
	}
	r.hoverRing.Hide()
	switch {
	case t.hover >= 0 && t.hover < len(f.Marks):
		ringAround(r.hoverRing, t.hover, 2)
	case t.hoverBin >= 0 && t.hoverBin < len(f.Bins):
		b := f.Bins[t.hoverBin]
		r.hoverRing.Move(fyne.NewPos(float32(f.Plot.X+b.X0-1), float32(b.Y0)))
		r.hoverRing.Resize(fyne.NewSize(float32(b.X1-b.X0+2), float32(b.Y1-b.Y0)))
		r.hoverRing.CornerRadius = 0
		r.hoverRing.Show()
	}
	r.tipBox.show(t.tip, t.hoverAt, t.size)
}

func (r *renderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *renderer) Refresh() {
	th := r.t.Theme()
	v := apptheme.Variant(fyne.CurrentApp())
	r.ring.FillColor = nil
	r.ring.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	r.ring.StrokeWidth = 2.5
	r.hoverRing.FillColor = nil
	r.hoverRing.StrokeColor = th.Color(theme.ColorNameForeground, v)
	r.hoverRing.StrokeWidth = 1.5
	r.focus.FillColor = nil
	r.focus.StrokeWidth = 0
	if r.t.focused {
		r.focus.StrokeColor = th.Color(theme.ColorNameFocus, v)
		r.focus.StrokeWidth = 2
	}
	r.tipBox.style(th, v)
	r.place()
	if p := PaletteFor(th, v); r.t.stale || p != r.palette {
		r.palette = p
		r.t.stale = false
		r.raster.Refresh()
	}
	canvas.Refresh(r.ring)
	canvas.Refresh(r.hoverRing)
	canvas.Refresh(r.focus)
}

func (r *renderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.raster, r.focus, r.hoverRing, r.ring, r.tipBox.box}
}

func (r *renderer) Destroy() {}

// Scaled multiplies every size by k.
func (st Style) Scaled(k float64) Style {
	return Style{
		Gutter: st.Gutter * k, EraRow: st.EraRow * k, Axis: st.Axis * k, MeetingLane: st.MeetingLane * k,
		TopicLane: st.TopicLane * k, MinTopicLane: st.MinTopicLane * k, Collapsed: st.Collapsed * k,
		MeetingR: st.MeetingR * k, TextSize: st.TextSize * k, Pad: st.Pad * k,
	}
}
