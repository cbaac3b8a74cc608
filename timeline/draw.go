package timeline

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Palette holds the timeline's neutral colours; topic colours come from the
// corpus.
type Palette struct {
	Background, Foreground, Muted color.NRGBA
	Grid, GridMajor               color.NRGBA
	EraA, EraB, LaneBand          color.NRGBA
	Outline                       color.NRGBA // around topic marks, so dark colours show on dark and light ones on light
}

// PaletteFor derives the palette from a theme and variant, so the timeline
// follows the light and dark themes. Fyne's themes need a running app.
func PaletteFor(th fyne.Theme, v fyne.ThemeVariant) Palette {
	return NewPalette(toNRGBA(th.Color(theme.ColorNameBackground, v)), toNRGBA(th.Color(theme.ColorNameForeground, v)))
}

// LightPalette and DarkPalette are Fyne's default light and dark colours,
// for drawing without an app (the headless export).
var (
	LightPalette = NewPalette(color.NRGBA{0xff, 0xff, 0xff, 0xff}, color.NRGBA{0x56, 0x56, 0x56, 0xff})
	DarkPalette  = NewPalette(color.NRGBA{0x17, 0x17, 0x18, 0xff}, color.NRGBA{0xf3, 0xf3, 0xf3, 0xff})
)

// NewPalette derives the neutral colours from a background and a foreground.
func NewPalette(bg, fg color.NRGBA) Palette {
	return Palette{
		Background: bg, Foreground: fg,
		Muted:     mix(fg, bg, 0.62),
		Grid:      mix(fg, bg, 0.07),
		GridMajor: mix(fg, bg, 0.20),
		EraA:      mix(fg, bg, 0.10),
		EraB:      mix(fg, bg, 0.18),
		LaneBand:  mix(fg, bg, 0.035),
		Outline:   mix(fg, bg, 0.45),
	}
}

func toNRGBA(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// mix returns a fraction t of a over b, opaque.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*t + float64(y)*(1-t))) }
	return color.NRGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}

// onColour picks black or white text for a fill, by its luminance.
func onColour(c color.NRGBA) color.NRGBA {
	l := 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
	if l > 150 {
		return color.NRGBA{0, 0, 0, 255}
	}
	return color.NRGBA{255, 255, 255, 255}
}

// Draw paints the frame into dst, which must be Width × Height pixels.
func (f *Frame) Draw(dst *image.RGBA, m *Model, p Palette, txt *Text) {
	f.paint(raster{dst}, m, p, txt)
}

// paint draws the frame with a painter: the raster or an SVG document.
func (f *Frame) paint(pt painter, m *Model, p Palette, txt *Text) {
	st := f.Style
	k := st.TextSize / 12
	all := pt.bounds()
	pt.background(p.Background)
	plot := image.Rect(int(f.Plot.X), 0, int(f.Width), int(f.Height))

	// Every other era of the first group (say, presidential terms) shades
	// the lanes faintly, then alternate lane bands and the grid.
	lanesTop := f.Plot.Y
	for _, bar := range f.Eras {
		if e := m.Eras[bar.Era]; e.Group == 0 && bar.Era%2 == 1 {
			pt.rect(f.Plot.X+bar.X0, lanesTop, f.Plot.X+bar.X1, f.Height, p.LaneBand, plot)
		}
	}
	for i, lb := range f.Lanes {
		switch {
		case m.Lanes[lb.Lane].Highlighted:
			pt.rect(0, lb.Y, f.Width, lb.Y+lb.H, p.EraA, all)
		case i%2 == 1:
			pt.rect(0, lb.Y, f.Width, lb.Y+lb.H, p.LaneBand, all)
		}
	}
	for _, t := range f.Axis.Minor {
		pt.rect(f.Plot.X+t.X, f.AxisY+st.Axis/2, f.Plot.X+t.X+k, f.Height, p.Grid, plot)
	}
	for _, t := range f.Axis.Major {
		if t.X > 0 {
			pt.rect(f.Plot.X+t.X, f.AxisY, f.Plot.X+t.X+k, f.Height, p.GridMajor, plot)
		}
	}

	f.drawEras(pt, m, p, txt, plot)
	f.drawAxis(pt, p, txt, plot)
	f.drawLaneLabels(pt, m, p, txt)
	for _, mk := range f.Marks {
		f.drawMark(pt, m, mk, p, txt, plot)
	}
	if f.Density.On {
		f.drawBins(pt, m, p, txt, plot)
		f.drawLegend(pt, p, txt)
	}
	for _, l := range f.Labels {
		pt.text(txt.Regular, l.Text, f.Plot.X+l.X, l.Y, p.Foreground, plot)
	}
}

func (f *Frame) drawEras(pt painter, m *Model, p Palette, txt *Text, plot image.Rectangle) {
	st := f.Style
	k := st.TextSize / 12
	for gi, row := range f.EraRows {
		pt.text(txt.Regular, txt.Regular.Fit(m.Groups[gi], st.Gutter-2*st.Pad), st.Pad, row.Y+(row.H-txt.Regular.Size*1.25)/2, p.Muted, pt.bounds())
	}
	for _, bar := range f.Eras {
		e := m.Eras[bar.Era]
		row := f.EraRows[e.Group]
		shade := p.EraA
		if bar.Era%2 == 1 {
			shade = p.EraB
		}
		x0, x1 := f.Plot.X+bar.X0, f.Plot.X+bar.X1
		pt.rect(x0+k, row.Y+2*k, x1-k, row.Y+row.H-2*k, shade, plot)
		vis0, vis1 := math.Max(x0, f.Plot.X), math.Min(x1, f.Width)
		if label := txt.Regular.Fit(e.Label, vis1-vis0-8*k); label != "" {
			pt.text(txt.Regular, label, vis0+4*k, row.Y+(row.H-txt.Regular.Size*1.25)/2, p.Foreground, plot)
		}
	}
}

func (f *Frame) drawAxis(pt painter, p Palette, txt *Text, plot image.Rectangle) {
	st := f.Style
	k := st.TextSize / 12
	for _, t := range f.Axis.Major {
		if t.X+LabelInset*k+txt.Bold.Measure(t.Label) > f.Plot.W {
			continue
		}
		pt.text(txt.Bold, t.Label, f.Plot.X+t.X+LabelInset*k, f.AxisY+3*k, p.Foreground, plot)
	}
	for _, t := range f.Axis.Minor {
		if t.X >= 0 && t.X+LabelInset*k+txt.Regular.Measure(t.Label) <= f.Plot.W {
			pt.text(txt.Regular, t.Label, f.Plot.X+t.X+LabelInset*k, f.AxisY+st.Axis/2+2*k, p.Muted, plot)
		}
	}
	pt.rect(0, f.Plot.Y-k, f.Width, f.Plot.Y, p.GridMajor, pt.bounds())
}

func (f *Frame) drawLaneLabels(pt painter, m *Model, p Palette, txt *Text) {
	st := f.Style
	k := st.TextSize / 12
	gutter := image.Rect(0, 0, int(st.Gutter), int(f.Height))
	for _, lb := range f.Lanes {
		l := m.Lanes[lb.Lane]
		if lb.Lane == 0 {
			pt.text(txt.Bold, l.Label, st.Pad, lb.Y+6*k, p.Foreground, gutter)
			if f.Density.On {
				f.drawMeetingKey(pt, lb, p, txt, gutter)
				continue
			}
			// A key to the meeting marks.
			y := lb.Y + 6*k + txt.Regular.Size*1.5
			pt.capsule(st.Pad+4*k, st.Pad+4*k, y+txt.Regular.Size*0.6, 4*k, 0, p.Foreground, gutter)
			pt.text(txt.Regular, "text", st.Pad+12*k, y, p.Muted, gutter)
			x := st.Pad + 16*k + txt.Regular.Measure("text")
			pt.capsule(x+4*k, x+4*k, y+txt.Regular.Size*0.6, 4*k, 1.4*k, p.Foreground, gutter)
			pt.text(txt.Regular, "no source text", x+12*k, y, p.Muted, gutter)
			continue
		}
		cy := lb.Y + lb.H/2
		chip := math.Min(4*k, lb.H/2-1)
		pt.capsule(st.Pad+chip, st.Pad+chip, cy, chip+k, 0, p.Outline, gutter)
		pt.capsule(st.Pad+chip, st.Pad+chip, cy, chip, 0, l.Color, gutter)
		if l.Collapsed {
			continue
		}
		face := txt.Regular
		if lb.H < face.Size {
			// A short timeline: thin lanes keep their labels in a smaller
			// type, down to 8 px, rather than losing them.
			small, err := TextAt(math.Floor(lb.H))
			if err != nil || lb.H < 8 {
				continue
			}
			face = small.Regular
		}
		label := face.Fit(l.Label, st.Gutter-st.Pad*2-14*k)
		pt.text(face, label, st.Pad+14*k, cy-face.Size*0.62, p.Foreground, gutter)
	}
}

func (f *Frame) drawMark(pt painter, m *Model, mk Mark, p Palette, txt *Text, plot image.Rectangle) {
	k := f.Style.TextSize / 12
	lane := m.Lanes[mk.Lane]
	c := lane.Color
	if mk.Lane == 0 {
		c = p.Foreground
	}
	x0, x1 := f.Plot.X+mk.X0, f.Plot.X+mk.X1
	r := mk.R
	if mk.Marked { // a search hit: a bar under the mark
		pt.rect(x0-r, mk.Y+r+2*k, x1+r, mk.Y+r+4.5*k, p.Foreground, plot)
	}
	if !mk.Cluster() && x1 > x0 {
		r = math.Max(2*k, mk.R*0.7) // a month or a year: a bar, thinner than a point
	}
	switch {
	case x0 == x1 && mk.Hollow:
		pt.dot(x0, mk.Y, r, 1.6*k, c, c, true, plot)
	case x0 == x1 && mk.Lane != 0:
		pt.dot(x0, mk.Y, r, k, c, p.Outline, false, plot)
	case x0 == x1:
		pt.dot(x0, mk.Y, r, 0, c, c, false, plot)
	case mk.Hollow:
		pt.capsule(x0, x1, mk.Y, r, 1.6*k, c, plot)
	case mk.Lane != 0:
		pt.capsule(x0, x1, mk.Y, r+k, 0, p.Outline, plot)
		pt.capsule(x0, x1, mk.Y, r, 0, c, plot)
	default:
		pt.capsule(x0, x1, mk.Y, r, 0, c, plot)
	}
	if !mk.Cluster() || lane.Collapsed {
		return
	}
	label := fmt.Sprint(mk.Last - mk.First)
	if mk.Lane != 0 {
		label = fmt.Sprint(mk.Count)
	}
	w := txt.Regular.Measure(label)
	if w > x1-x0+2*r-2*k || txt.Regular.Size > 2*r+4*k {
		return
	}
	tc := onColour(c)
	if mk.Hollow {
		tc = c
	}
	pt.text(txt.Regular, label, (x0+x1)/2-w/2, mk.Y-txt.Regular.Size*0.62, tc, plot)
}

// fillRect fills [x0, x1) × [y0, y1) with c, clipped.
func fillRect(dst *image.RGBA, x0, y0, x1, y1 float64, c color.NRGBA, clip image.Rectangle) {
	r := image.Rect(int(math.Round(x0)), int(math.Round(y0)), int(math.Round(x1)), int(math.Round(y1))).Intersect(clip).Intersect(dst.Bounds())
	switch {
	case r.Empty():
	case c.A == 255:
		// Opaque, as every colour of the timeline is: rows copied, without
		// draw.Draw's set-up, which costs more than a bin's few pixels.
		i0 := dst.PixOffset(r.Min.X, r.Min.Y)
		row := dst.Pix[i0 : i0+4*r.Dx()]
		for i := 0; i < len(row); i += 4 {
			row[i], row[i+1], row[i+2], row[i+3] = c.R, c.G, c.B, 255
		}
		for y := r.Min.Y + 1; y < r.Max.Y; y++ {
			i := dst.PixOffset(r.Min.X, y)
			copy(dst.Pix[i:i+4*r.Dx()], row)
		}
	default:
		draw.Draw(dst, r, image.NewUniform(c), image.Point{}, draw.Over)
	}
}

func clamp01(v float64) float64 {
	if v < 0 {
		return 0
	}
	if v > 1 {
		return 1
	}
	return v
}

// ringCover is the coverage of a pixel at distance d from the capsule's
// centre line: the whole disc when w is 0, else a band w wide inside r.
func ringCover(d, r, w float64) float64 {
	cover := clamp01(r + 0.5 - d)
	if w > 0 {
		cover -= clamp01(r - w + 0.5 - d)
	}
	return cover
}

// capsule blends c into the pixels of a capsule by coverage. Along the
// straight part the coverage depends on the row only, so it is computed
// once per row; only the round caps need a distance per pixel. The raster
// is opaque, so blending is a plain mix.
func capsule(dst *image.RGBA, x0, x1, y, r, w float64, c color.NRGBA, clip image.Rectangle) {
	box := image.Rect(int(math.Floor(x0-r-1)), int(math.Floor(y-r-1)), int(math.Ceil(x1+r+1)), int(math.Ceil(y+r+1))).Intersect(clip).Intersect(dst.Bounds())
	if box.Empty() {
		return
	}
	alpha := float64(c.A) / 255
	// Pixel columns whose centres lie on the straight part.
	midLo := max(box.Min.X, int(math.Ceil(x0-0.5)))
	midHi := min(box.Max.X, int(math.Floor(x1-0.5))+1)
	cr, cg, cb := float64(c.R), float64(c.G), float64(c.B)
	blend := func(row []uint8, a float64) {
		row[0] = uint8(cr*a + float64(row[0])*(1-a) + 0.5)
		row[1] = uint8(cg*a + float64(row[1])*(1-a) + 0.5)
		row[2] = uint8(cb*a + float64(row[2])*(1-a) + 0.5)
	}
	var solid []uint8 // the colour repeated along the straight part, made on first use
	for py := box.Min.Y; py < box.Max.Y; py++ {
		dy := math.Abs(float64(py) + 0.5 - y)
		base := dst.PixOffset(0, py)
		a := ringCover(dy, r, w) * alpha
		switch {
		case midLo >= midHi || a <= 0:
		case a >= 1: // fully covered: copy, do not blend
			if solid == nil {
				solid = make([]uint8, 4*(midHi-midLo))
				for i := 0; i < len(solid); i += 4 {
					solid[i], solid[i+1], solid[i+2], solid[i+3] = c.R, c.G, c.B, 255
				}
			}
			copy(dst.Pix[base+4*midLo:base+4*midHi], solid)
		default:
			for px := midLo; px < midHi; px++ {
				i := base + 4*px
				blend(dst.Pix[i:i+3:i+3], a)
			}
		}
		for px := box.Min.X; px < box.Max.X; px++ {
			if px >= midLo && px < midHi {
				px = midHi - 1
				continue
			}
			cx := float64(px) + 0.5
			dx := x0 - cx
			if cx > x1 {
				dx = cx - x1
			}
			a := ringCover(math.Sqrt(dx*dx+dy*dy), r, w) * alpha
			if a > 0 {
				i := base + 4*px
				blend(dst.Pix[i:i+3:i+3], a)
			}
		}
	}
}
