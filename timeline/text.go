package timeline

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/fonts"
)

// Text draws labels into the raster with the theme's own fonts, so the
// raster reads like the rest of the window. Glyph masks are rasterised once
// per face and size, then copied: a frame draws hundreds of labels.
type Text struct {
	Regular, Bold *Face
}

// Face is one font at one pixel size, with its glyphs cached.
type Face struct {
	mu     sync.Mutex
	face   font.Face
	glyphs map[rune]glyph
	font   *opentype.Font
	set    *fonts.Set
	// fallback draws the code points the font lacks (Hangul), by the
	// set's rule.
	fallback font.Face
	buf      sfnt.Buffer
	// lookups counts glyph look-ups, so tests can check that a label's
	// cost is bounded by what is drawn, not by its length.
	lookups int
	Ascent  float64
	Size    float64
	bold    bool // for SVG, which names the weight instead of drawing glyphs
}

type glyph struct {
	mask    *image.Alpha // nil for blank glyphs
	offset  image.Point  // of the mask's top left from the pen on the baseline
	advance float64
}

var (
	textMu     sync.Mutex
	textBySize = map[float64]*Text{}
)

// TextAt returns the text renderer for a pixel size; renderers are shared.
func TextAt(size float64) (*Text, error) {
	fs, err := fonts.Load()
	if err != nil {
		return nil, fmt.Errorf("load the theme's fonts: %w", err)
	}
	size = math.Round(size*4) / 4
	textMu.Lock()
	defer textMu.Unlock()
	if t := textBySize[size]; t != nil {
		return t, nil
	}
	reg, err := newFace(fs, fs.Regular, size)
	if err != nil {
		return nil, err
	}
	bold, err := newFace(fs, fs.Bold, size)
	if err != nil {
		return nil, err
	}
	bold.bold = true
	t := &Text{Regular: reg, Bold: bold}
	textBySize[size] = t
	return t, nil
}

// newFace makes a face of f, one of the set's, at a pixel size, drawing
// from the set's fallback what f lacks: the theme's fonts have no Hangul,
// NanumGothic has.
func newFace(fs *fonts.Set, f *opentype.Font, size float64) (*Face, error) {
	opts := &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull}
	face, err := opentype.NewFace(f, opts)
	if err != nil {
		return nil, fmt.Errorf("make a %v px face: %w", size, err)
	}
	back, err := opentype.NewFace(fs.Fallback, opts)
	if err != nil {
		return nil, fmt.Errorf("make a %v px fallback face: %w", size, err)
	}
	return &Face{face: face, font: f, set: fs, fallback: back, glyphs: map[rune]glyph{},
		Ascent: float64(face.Metrics().Ascent.Round()), Size: size}, nil
}

func (f *Face) glyph(r rune) glyph {
	f.lookups++
	if g, ok := f.glyphs[r]; ok {
		return g
	}
	from := f.face
	if f.set.UseFallback(f.font, &f.buf, r) {
		from = f.fallback
	}
	dr, mask, maskp, adv, ok := from.Glyph(fixed.Point26_6{}, r)
	g := glyph{advance: float64(adv) / 64}
	if !ok {
		g.advance = f.Size * 0.6
	} else if !dr.Empty() {
		// The face reuses its mask buffer: keep a copy.
		a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
		draw.Draw(a, a.Bounds(), mask, maskp, draw.Src)
		g.mask, g.offset = a, dr.Min
	}
	f.glyphs[r] = g
	return g
}

// Measure returns the width of s in pixels. Labels reach it clipped to
// MaxLabel code points.
func (f *Face) Measure(s string) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	w := 0.0
	for _, r := range s {
		w += f.glyph(r).advance
	}
	return w
}

// Draw writes s with its top-left corner at (x, y), clipped to clip. It
// stops at the clip's right edge: the rest of a long label costs nothing.
func (f *Face) Draw(dst *image.RGBA, s string, x, y float64, c color.NRGBA, clip image.Rectangle) {
	f.mu.Lock()
	defer f.mu.Unlock()
	src := image.NewUniform(c)
	pen := x
	base := int(math.Round(y + f.Ascent))
	for _, r := range s {
		if pen > float64(clip.Max.X) {
			break
		}
		g := f.glyph(r)
		if g.mask != nil {
			at := image.Pt(int(math.Round(pen))+g.offset.X, base+g.offset.Y)
			rect := image.Rectangle{Min: at, Max: at.Add(g.mask.Bounds().Size())}.Intersect(clip)
			if !rect.Empty() {
				draw.DrawMask(dst, rect, src, image.Point{}, g.mask, rect.Min.Sub(at), draw.Over)
			}
		}
		pen += g.advance
	}
}

// Fit shortens s with an ellipsis until it fits in width; "" when even the
// ellipsis does not fit. It measures each code point once, and only those
// up to the width (and at most MaxLabel of them).
func (f *Face) Fit(s string, width float64) string {
	s = safetext.Clip(s, MaxLabel)
	f.mu.Lock()
	defer f.mu.Unlock()
	ellipsis := f.glyph('…').advance
	w, cut := 0.0, -1 // cut: the longest prefix that fits with the ellipsis
	for i, r := range s {
		if w+ellipsis <= width {
			cut = i
		}
		w += f.glyph(r).advance
		if w > width {
			if cut <= 0 {
				return ""
			}
			return s[:cut] + "…"
		}
	}
	return s
}

// Lookups returns how many glyphs the face has looked up so far.
func (f *Face) Lookups() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.lookups
}
