package timeline

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"
)

// Point marks are drawn from cached sprites: a dense view draws thousands
// of identical dots, and a sprite drawn with the standard library's RGBA
// fast path costs a fraction of computing each pixel's distance again.

type stampKey struct {
	fill, outline color.NRGBA
	r4, w4        int // radius and outline width in quarter pixels
	hollow        bool
	subX, subY    int // the centre's half-pixel offset
}

var stamps sync.Map // stampKey → *image.RGBA

// stamp returns the sprite of a dot: filled with fill inside an outline w
// wide, or (hollow) a ring w wide in fill.
func stamp(k stampKey) *image.RGBA {
	if s, ok := stamps.Load(k); ok {
		return s.(*image.RGBA)
	}
	r, w := float64(k.r4)/4, float64(k.w4)/4
	outer := r
	if !k.hollow {
		outer = r + w
	}
	size := int(math.Ceil(2*outer)) + 3
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	cx := float64(size)/2 + float64(k.subX)/2
	cy := float64(size)/2 + float64(k.subY)/2
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			d := math.Hypot(float64(px)+0.5-cx, float64(py)+0.5-cy)
			var cr, cg, cb, ca float64 // premultiplied
			if k.hollow {
				a := ringCover(d, r, w) * float64(k.fill.A) / 255
				cr, cg, cb, ca = float64(k.fill.R)*a, float64(k.fill.G)*a, float64(k.fill.B)*a, a
			} else {
				in := clamp01(r + 0.5 - d)
				out := clamp01(outer + 0.5 - d)
				ring := out - in
				cr = float64(k.fill.R)*in + float64(k.outline.R)*ring
				cg = float64(k.fill.G)*in + float64(k.outline.G)*ring
				cb = float64(k.fill.B)*in + float64(k.outline.B)*ring
				ca = out
			}
			i := img.PixOffset(px, py)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(cr+0.5), uint8(cg+0.5), uint8(cb+0.5), uint8(255*ca+0.5)
		}
	}
	s, _ := stamps.LoadOrStore(k, img)
	return s.(*image.RGBA)
}

// dot draws a point mark centred on (x, y), snapped to half pixels. With
// w 0 and not hollow it is a plain disc.
func dot(dst *image.RGBA, x, y, r, w float64, fill, outline color.NRGBA, hollow bool, clip image.Rectangle) {
	hx, hy := math.Round(x*2), math.Round(y*2)
	k := stampKey{fill: fill, outline: outline, r4: int(math.Round(r * 4)), w4: int(math.Round(w * 4)), hollow: hollow,
		subX: int(hx) & 1, subY: int(hy) & 1}
	s := stamp(k)
	size := s.Bounds().Dx()
	at := image.Pt(int(math.Floor(hx/2))-size/2, int(math.Floor(hy/2))-size/2)
	rect := image.Rectangle{Min: at, Max: at.Add(image.Pt(size, size))}.Intersect(clip).Intersect(dst.Bounds())
	if !rect.Empty() {
		draw.Draw(dst, rect, s, rect.Min.Sub(at), draw.Over)
	}
}
