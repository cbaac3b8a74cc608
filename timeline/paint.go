package timeline

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"strings"
	"unicode/utf8"
)

// painter is what a frame draws with: the raster of the window and of PNG
// exports, or an SVG document. Frame.Draw knows only these five strokes,
// so the two cannot draw different pictures.
type painter interface {
	bounds() image.Rectangle
	background(c color.NRGBA)
	// rect fills [x0, x1) × [y0, y1), clipped.
	rect(x0, y0, x1, y1 float64, c color.NRGBA, clip image.Rectangle)
	// capsule fills a circle (x0 = x1) or pill within r of the segment from
	// (x0, y) to (x1, y), or with w > 0 strokes its outline w wide inside r.
	capsule(x0, x1, y, r, w float64, c color.NRGBA, clip image.Rectangle)
	// dot draws a point mark: a disc of fill inside an outline w wide, or
	// (hollow) a ring w wide in fill.
	dot(x, y, r, w float64, fill, outline color.NRGBA, hollow bool, clip image.Rectangle)
	// text writes s with its top-left corner at (x, y) in face.
	text(face *Face, s string, x, y float64, c color.NRGBA, clip image.Rectangle)
}

// raster paints into an RGBA image.
type raster struct{ dst *image.RGBA }

func (r raster) bounds() image.Rectangle { return r.dst.Bounds() }

func (r raster) background(c color.NRGBA) {
	draw.Draw(r.dst, r.dst.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
}

func (r raster) rect(x0, y0, x1, y1 float64, c color.NRGBA, clip image.Rectangle) {
	fillRect(r.dst, x0, y0, x1, y1, c, clip)
}

func (r raster) capsule(x0, x1, y, rad, w float64, c color.NRGBA, clip image.Rectangle) {
	capsule(r.dst, x0, x1, y, rad, w, c, clip)
}

func (r raster) dot(x, y, rad, w float64, fill, outline color.NRGBA, hollow bool, clip image.Rectangle) {
	dot(r.dst, x, y, rad, w, fill, outline, hollow, clip)
}

func (r raster) text(face *Face, s string, x, y float64, c color.NRGBA, clip image.Rectangle) {
	face.Draw(r.dst, s, x, y, c, clip)
}

// svgDoc paints an SVG document: the same shapes as the raster, as
// vectors, with text as text (so it can be selected, searched and edited)
// in the window's font families, NanumGothic for Hangul.
type svgDoc struct {
	buf   bytes.Buffer
	size  image.Rectangle
	clips map[image.Rectangle]string
	defs  bytes.Buffer
}

const svgFonts = `'Noto Sans', NanumGothic, 'Nanum Gothic', sans-serif`

func newSVG(w, h int) *svgDoc {
	return &svgDoc{size: image.Rect(0, 0, w, h), clips: map[image.Rectangle]string{}}
}

func (s *svgDoc) bounds() image.Rectangle { return s.size }

// clip names a clip path for a rectangle, made once.
func (s *svgDoc) clip(r image.Rectangle) string {
	if r == s.size {
		return ""
	}
	id, ok := s.clips[r]
	if !ok {
		id = fmt.Sprintf("c%d", len(s.clips))
		s.clips[r] = id
		fmt.Fprintf(&s.defs, `<clipPath id="%s"><rect x="%d" y="%d" width="%d" height="%d"/></clipPath>`+"\n", id, r.Min.X, r.Min.Y, r.Dx(), r.Dy())
	}
	return fmt.Sprintf(` clip-path="url(#%s)"`, id)
}

func svgColour(c color.NRGBA) string {
	if c.A == 255 {
		return fmt.Sprintf(`"#%02x%02x%02x"`, c.R, c.G, c.B)
	}
	return fmt.Sprintf(`"#%02x%02x%02x" fill-opacity="%.3f"`, c.R, c.G, c.B, float64(c.A)/255)
}

func (s *svgDoc) background(c color.NRGBA) {
	fmt.Fprintf(&s.buf, `<rect width="100%%" height="100%%" fill=%s/>`+"\n", svgColour(c))
}

func (s *svgDoc) rect(x0, y0, x1, y1 float64, c color.NRGBA, clip image.Rectangle) {
	if x1 <= x0 || y1 <= y0 {
		return
	}
	fmt.Fprintf(&s.buf, `<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" fill=%s%s/>`+"\n", x0, y0, x1-x0, y1-y0, svgColour(c), s.clip(clip))
}

// pill writes a filled or stroked pill of radius r around the segment.
func (s *svgDoc) pill(x0, x1, y, r, w float64, c color.NRGBA, clip image.Rectangle) {
	paint := "fill=" + svgColour(c)
	if w > 0 {
		r -= w / 2
		paint = fmt.Sprintf(`fill="none" stroke=%s stroke-width="%.2f"`, strings.Replace(svgColour(c), "fill-opacity", "stroke-opacity", 1), w)
	}
	if r <= 0 {
		return
	}
	fmt.Fprintf(&s.buf, `<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" rx="%.2f" %s%s/>`+"\n", x0-r, y-r, x1-x0+2*r, 2*r, r, paint, s.clip(clip))
}

func (s *svgDoc) capsule(x0, x1, y, r, w float64, c color.NRGBA, clip image.Rectangle) {
	s.pill(x0, x1, y, r, w, c, clip)
}

func (s *svgDoc) dot(x, y, r, w float64, fill, outline color.NRGBA, hollow bool, clip image.Rectangle) {
	switch {
	case hollow:
		s.pill(x, x, y, r, w, fill, clip)
	case w > 0:
		s.pill(x, x, y, r+w, 0, outline, clip)
		s.pill(x, x, y, r, 0, fill, clip)
	default:
		s.pill(x, x, y, r, 0, fill, clip)
	}
}

func (s *svgDoc) text(face *Face, t string, x, y float64, c color.NRGBA, clip image.Rectangle) {
	if t == "" {
		return
	}
	weight := ""
	if face.bold {
		weight = ` font-weight="bold"`
	}
	fmt.Fprintf(&s.buf, `<text x="%.2f" y="%.2f" font-size="%.2f"%s fill=%s%s>%s</text>`+"\n",
		x, y+face.Ascent, face.Size, weight, svgColour(c), s.clip(clip), svgText(t))
}

// svgText escapes text for XML; code points XML cannot hold (controls,
// invalid bytes) become U+FFFD, so the document always parses.
func svgText(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				b.WriteRune('\uFFFD')
				continue
			}
		}
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(' ')
		case r < 0x20 || (r >= 0xD800 && r <= 0xDFFF) || r == 0xFFFE || r == 0xFFFF:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// bytes finishes the document.
func (s *svgDoc) bytes() []byte {
	var out bytes.Buffer
	fmt.Fprintf(&out, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(&out, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="%s">`+"\n",
		s.size.Dx(), s.size.Dy(), s.size.Dx(), s.size.Dy(), svgFonts)
	if s.defs.Len() > 0 {
		out.WriteString("<defs>\n")
		out.Write(s.defs.Bytes())
		out.WriteString("</defs>\n")
	}
	out.Write(s.buf.Bytes())
	out.WriteString("</svg>\n")
	return out.Bytes()
}
