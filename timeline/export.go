package timeline

import (
	"fmt"
	"image"
	"math"
)

// Size limits of a rendered picture, in pixels.
const (
	MinRenderWidth  = 400
	MinRenderHeight = 200
	MaxRenderSide   = 16384
)

// RenderOptions choose what Render draws.
type RenderOptions struct {
	Width, Height int     // in pixels
	Scale         float64 // pixels per point: 2 doubles every size for print; 0 means 1
	// From and To are the days [From, To) to show; both 0 fit all the data.
	From, To float64
	Palette  Palette
}

// NaturalHeight is the height in points at which every visible lane gets
// its full height.
func NaturalHeight(m *Model) int {
	st := DefaultStyle(1)
	h := float64(len(m.Groups))*st.EraRow + st.Axis + st.MeetingLane + st.Pad
	for _, l := range m.Lanes[1:] {
		switch {
		case l.Hidden:
		case l.Collapsed:
			h += st.Collapsed
		default:
			h += st.TopicLane
		}
	}
	return max(int(math.Ceil(h)), MinRenderHeight)
}

// Render draws the timeline into a new image, without a window: the same
// frame and drawing code as the widget.
func Render(m *Model, o RenderOptions) (*image.RGBA, error) {
	f, txt, err := exportFrame(m, o)
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, o.Width, o.Height))
	f.Draw(img, m, o.Palette, txt)
	return img, nil
}

// RenderSVG draws the timeline as an SVG document: the frame of Render,
// painted as vectors and text.
func RenderSVG(m *Model, o RenderOptions) ([]byte, error) {
	f, txt, err := exportFrame(m, o)
	if err != nil {
		return nil, err
	}
	doc := newSVG(o.Width, o.Height)
	f.paint(doc, m, o.Palette, txt)
	return doc.bytes(), nil
}

// Layout is the frame Render and RenderSVG draw, in pixels: where each
// lane, mark and bin of the picture is.
func Layout(m *Model, o RenderOptions) (*Frame, error) {
	f, _, err := exportFrame(m, o)
	return f, err
}

// exportFrame lays out the frame an export draws.
func exportFrame(m *Model, o RenderOptions) (*Frame, *Text, error) {
	k := o.Scale
	if k == 0 {
		k = 1
	}
	if !(k >= 0.5 && k <= 8) { // NaN too
		return nil, nil, fmt.Errorf("scale %v is out of range (0.5–8)", k)
	}
	if o.Width < MinRenderWidth || o.Height < MinRenderHeight || o.Width > MaxRenderSide || o.Height > MaxRenderSide {
		return nil, nil, fmt.Errorf("size %d×%d is out of range (%d×%d to %d×%d)", o.Width, o.Height, MinRenderWidth, MinRenderHeight, MaxRenderSide, MaxRenderSide)
	}
	txt, err := TextAt(DefaultStyle(k).TextSize)
	if err != nil {
		return nil, nil, err
	}
	st := DefaultStyle(k).GutterFor(m, txt.Regular.Measure)
	st.Gutter = min(st.Gutter, float64(o.Width)/3)
	plotW := float64(o.Width) - st.Gutter
	s := FitScale(m.First, m.Last, plotW)
	if o.From != 0 || o.To != 0 {
		if o.To <= o.From {
			return nil, nil, fmt.Errorf("the range to draw is empty")
		}
		s = Scale{Start: o.From, PerDay: plotW / (o.To - o.From), Width: plotW}
	}
	return m.NewFrame(s, float64(o.Width), float64(o.Height), st, txt.Regular.Measure), txt, nil
}
