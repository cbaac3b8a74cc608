package charts

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"image/color"
	"math"
	"strings"
	"sync"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/fonts"
)

// Kind names a chart.
type Kind string

// The charts.
const (
	TopicsByYear  Kind = "topics-by-year"
	TopicTrends   Kind = "topic-trends"
	TopicTotals   Kind = "topic-totals"
	MeetingMatrix Kind = "meeting-matrix"
	PhraseTrends  Kind = "phrase-trends"
)

// KindInfo is how a chart is named and what it counts, for every place
// that names it: the command line and export (Kind), the chart's own
// heading (Title), the window's tab (Tab), and the help (Counts).
type KindInfo struct {
	Kind   Kind
	Title  string
	Tab    string
	Counts string
}

// KindInfos is the one table of the charts, in the order the window's tabs
// and shortcuts (Ctrl+1 …) follow.
var KindInfos = []KindInfo{
	{TopicsByYear, "Topics by year", "By year", "absolute counts per year, stacked by topic"},
	{TopicTrends, "Topic trends", "Trends", "a line per topic over the years: counts, shares or a moving average"},
	{TopicTotals, "Topic totals", "Totals", "a bar per topic over the whole range, each span once"},
	{MeetingMatrix, "Meetings × topics", "Meetings × topics", "a cell per meeting and topic, shaded by count"},
	{PhraseTrends, "Phrase trends", "Phrases", "a line per phrase you type: its matches in the source texts per year or meeting"},
}

// Kinds lists every chart, in the table's order.
var Kinds = func() []Kind {
	out := make([]Kind, len(KindInfos))
	for i, k := range KindInfos {
		out[i] = k.Kind
	}
	return out
}()

// Info is the kind's row of KindInfos (its name as the title for a kind
// not in it).
func (k Kind) Info() KindInfo {
	for _, info := range KindInfos {
		if info.Kind == k {
			return info
		}
	}
	return KindInfo{Kind: k, Title: string(k), Tab: string(k)}
}

// ParseKind reads a chart name.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("unknown chart %q (use %s)", safetext.Clip(s, 40), strings.Join(names, ", "))
}

// Format is an output format.
type Format int

const (
	// PNG renders an image.
	PNG Format = iota
	// SVG renders vector markup.
	SVG
)

// Default and limiting sizes, in points.
const (
	DefaultWidth  = 1200
	DefaultHeight = 675
	MinSide       = 150
	MaxSide       = 8000
)

// Options choose how a table is drawn.
type Options struct {
	Kind          Kind
	Width, Height int     // in points; 0 means the default
	Scale         float64 // pixels per point; 0 means 1
	Dark          bool
	Format        Format
	Share         bool // topic-trends: each topic's share of its year
	MovingAverage int  // topic-trends: a centred average over this many years; 0 is off
	Title         string
	Highlight     string // a topic id: the other topics are drawn faded
	// HideTitle leaves the title out, for a view that names the chart
	// beside it (the window's tabs); the subtitle stays.
	HideTitle bool
	// HideLegend leaves the legend out, for a view whose topics are named
	// beside it (the window's sidebar): the plot gets the room.
	HideLegend bool
	// TextSize is the size of the labels in points (titles and ticks are
	// in proportion); 0 means 11. The window passes its theme's text size,
	// so a chart reads like the rest of it.
	TextSize float64
}

// Hit is a drawn cell: a rectangle of the output, in pixels, and the
// column and row of the table it shows.
type Hit struct {
	X0, Y0, X1, Y1 float64
	Column, Row    int
	// Also lists the other rows drawn at the same place (trend points of
	// topics with the same value), which a click opens with Row.
	Also []int
}

// Rows lists every row the hit stands for: Row, then Also.
func (h Hit) Rows() []int { return append([]int{h.Row}, h.Also...) }

// Result is a rendered chart and the geometry of what it drew.
type Result struct {
	Image         *image.RGBA // for PNG
	SVG           []byte      // for SVG
	Width, Height int         // in pixels
	Hits          []Hit
	Message       string // why the chart shows a message instead of data
}

// HitAt finds the cell drawn at (x, y), in pixels.
func (r *Result) HitAt(x, y float64) (Hit, bool) {
	best, bestD := -1, math.Inf(1)
	for i := len(r.Hits) - 1; i >= 0; i-- {
		h := r.Hits[i]
		if x >= h.X0 && x < h.X1 && y >= h.Y0 && y < h.Y1 {
			// Hits may overlap at their margins (trend points): the one
			// whose middle is nearest wins.
			if d := math.Hypot(x-(h.X0+h.X1)/2, y-(h.Y0+h.Y1)/2); d < bestD {
				best, bestD = i, d
			}
		}
	}
	if best < 0 {
		return Hit{}, false
	}
	return r.Hits[best], true
}

// palette holds a chart's neutral colours.
type palette struct {
	background, text, muted, grid, axis, hatch drawing.Color
}

var (
	lightPalette = palette{
		background: drawing.Color{R: 255, G: 255, B: 255, A: 255},
		text:       drawing.Color{R: 0x22, G: 0x22, B: 0x22, A: 255},
		muted:      drawing.Color{R: 0x6b, G: 0x6b, B: 0x6b, A: 255},
		grid:       drawing.Color{R: 0xe6, G: 0xe6, B: 0xe6, A: 255},
		axis:       drawing.Color{R: 0x99, G: 0x99, B: 0x99, A: 255},
		hatch:      drawing.Color{R: 0xc8, G: 0xc8, B: 0xc8, A: 255},
	}
	darkPalette = palette{
		background: drawing.Color{R: 0x17, G: 0x17, B: 0x18, A: 255},
		text:       drawing.Color{R: 0xf3, G: 0xf3, B: 0xf3, A: 255},
		muted:      drawing.Color{R: 0xa8, G: 0xa8, B: 0xa8, A: 255},
		grid:       drawing.Color{R: 0x2c, G: 0x2c, B: 0x2e, A: 255},
		axis:       drawing.Color{R: 0x70, G: 0x70, B: 0x70, A: 255},
		hatch:      drawing.Color{R: 0x4a, G: 0x4a, B: 0x4c, A: 255},
	}
)

func drawingColor(c color.NRGBA) drawing.Color {
	return drawing.Color{R: c.R, G: c.G, B: c.B, A: c.A}
}

// frame is the state of one render.
type frame struct {
	o     Options
	t     *Table
	s     float64 // pixels per point
	w, h  int     // pixels
	pal   palette
	font  *truetype.Font
	bold  *truetype.Font
	svg   bool
	hits  []Hit
	ruler chart.Renderer // measures text exactly as the raster renderer draws it
	mu    sync.Mutex
}

// px converts points to pixels.
func (f *frame) px(points float64) float64 { return points * f.s }

// tpx converts points of room for text to pixels: room that grows with
// the text size (line heights, the title's band).
func (f *frame) tpx(points float64) float64 { return f.px(points) * f.o.TextSize / 11 }

// dpi is the resolution text is drawn at: the scale, and the text size
// against the default 11 points, so every label grows with the theme.
func (f *frame) dpi() float64 { return 72 * f.s * f.o.TextSize / 11 }

// label makes a text safe to draw: valid UTF-8 without the control
// characters XML forbids, clipped, and escaped for SVG, whose go-chart
// renderer writes text as it is.
func (f *frame) label(s string) string {
	s = safetext.Clip(xmlSafe(s), maxLabel)
	if f.svg {
		return html.EscapeString(s)
	}
	return s
}

// xmlSafe replaces invalid UTF-8 and the characters XML 1.0 does not allow
// (controls but tab, and U+FFFE, U+FFFF) with U+FFFD, and line breaks with
// spaces: a label is one line.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// fit shortens s, with an ellipsis, to the longest prefix that fits in
// width pixels at a size in points. It clips to maxLabel first and then
// searches by halves, so even a 10,000-character label costs a few
// measurements.
func (f *frame) fit(s string, size, width float64) string {
	s = safetext.Clip(xmlSafe(s), maxLabel)
	if f.measure(s, size) <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 1, len(r) // Clip(s, lo) always fits, Clip(s, hi) may not
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if f.measure(safetext.Clip(s, mid), size) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return safetext.Clip(s, lo)
}

// measure returns the width in pixels of s at a size in points, as go-chart's
// raster renderer draws it (a plain font.Face measures about a tenth less).
func (f *frame) measure(s string, size float64) float64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.ruler == nil {
		f.ruler, _ = chart.PNG(1, 1)
		f.ruler.SetDPI(f.dpi())
	}
	f.ruler.SetFont(f.font)
	f.ruler.SetFontSize(size)
	return float64(f.ruler.MeasureText(s).Width())
}

// style is a text style at a size in points.
func (f *frame) textStyle(size float64, c drawing.Color) chart.Style {
	return chart.Style{Font: f.font, FontSize: size, FontColor: c, StrokeColor: f.pal.axis, StrokeWidth: f.px(1)}
}

// withDefaults fills in the default size and scale and checks every
// option, for every format alike (CSV included): NaN and infinite scales
// are out of range, not sizes of -9223372036854775808.
func (o Options) withDefaults() (Options, error) {
	if o.Width == 0 {
		o.Width = DefaultWidth
	}
	if o.Height == 0 {
		o.Height = DefaultHeight
	}
	if o.Scale == 0 {
		o.Scale = 1
	}
	if o.TextSize == 0 {
		o.TextSize = 11
	}
	if !(o.TextSize >= 6 && o.TextSize <= 40) {
		return o, fmt.Errorf("text size %v is out of range (6–40 points)", o.TextSize)
	}
	if !(o.Scale >= 0.5 && o.Scale <= 8) {
		return o, fmt.Errorf("scale %v is out of range (0.5–8)", o.Scale)
	}
	if o.Width < MinSide || o.Height < MinSide || o.Width > MaxSide || o.Height > MaxSide {
		return o, fmt.Errorf("size %d×%d is out of range (%d to %d points a side)", o.Width, o.Height, MinSide, MaxSide)
	}
	if float64(o.Width)*o.Scale > 16384 || float64(o.Height)*o.Scale > 16384 {
		return o, fmt.Errorf("size %d×%d at scale %v is over 16384 pixels a side", o.Width, o.Height, o.Scale)
	}
	if o.MovingAverage < 0 || o.MovingAverage > 25 {
		return o, fmt.Errorf("moving average of %d years is out of range (0–25)", o.MovingAverage)
	}
	if _, err := ParseKind(string(o.Kind)); err != nil {
		return o, err
	}
	return o, nil
}

// Render draws a table as the chosen chart. A table with nothing to draw
// gives a chart that says so; a table of the wrong shape or with values
// that are not counts gives an error.
func Render(t *Table, o Options) (*Result, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	fs, err := fonts.Load()
	if err != nil {
		return nil, err
	}
	f := &frame{o: o, t: t, s: o.Scale, w: int(float64(o.Width) * o.Scale), h: int(float64(o.Height) * o.Scale),
		pal: lightPalette, font: fs.TrueType.Regular, bold: fs.TrueType.Bold, svg: o.Format == SVG}
	if o.Dark {
		f.pal = darkPalette
	}
	if fs.NeedsFallback(append(t.labels(), o.Title)...) {
		f.font, f.bold = fs.TrueType.Fallback, fs.TrueType.Fallback
	}
	var c chart.Chart
	message := ""
	switch {
	case t.Empty():
		message = "No data: no column with source text in this selection"
		c = f.messageChart(message)
	case o.Kind == TopicsByYear:
		c = f.stackedChart()
	case o.Kind == TopicTrends || o.Kind == PhraseTrends:
		c = f.trendsChart()
	case o.Kind == TopicTotals:
		c = f.totalsChart()
	case o.Kind == MeetingMatrix:
		c = f.matrixChart()
	}
	res := &Result{Width: f.w, Height: f.h, Message: message}
	if f.svg {
		var buf bytes.Buffer
		if err := c.Render(chart.SVG, &buf); err != nil {
			return nil, fmt.Errorf("draw %s: %w", o.Kind, err)
		}
		res.SVG = buf.Bytes()
	} else {
		var img rgbaCollector
		if err := c.Render(chart.PNG, &img); err != nil {
			return nil, fmt.Errorf("draw %s: %w", o.Kind, err)
		}
		res.Image = img.rgba
	}
	res.Hits = f.hits
	return res, nil
}

// rgbaCollector takes the raster renderer's image as it is, without
// encoding a PNG.
type rgbaCollector struct{ rgba *image.RGBA }

func (c *rgbaCollector) SetRGBA(i *image.RGBA)     { c.rgba = i }
func (c *rgbaCollector) Write([]byte) (int, error) { return 0, fmt.Errorf("not a PNG writer") }

func (t *Table) labels() []string {
	var out []string
	for _, c := range t.Columns {
		out = append(out, c.Label)
	}
	for _, r := range t.Rows {
		out = append(out, r.Label)
	}
	return out
}

// base is a chart with the frame's background and size; the value axis is
// the left one (go-chart's secondary axis: its primary one is drawn on the
// right), and the category axis runs from -0.5 to n-0.5 so every column
// has its whole slot.
func (f *frame) base(top, right, bottom float64) chart.Chart {
	if f.o.HideTitle {
		top -= 30 // the subtitle's line alone
	}
	if bottom > 40 && !f.notesFit(float64(f.w)-f.px(16+right+48)) {
		bottom = 36 // the category labels alone
	}
	return chart.Chart{
		Width: f.w, Height: f.h, DPI: f.dpi(),
		Font: f.font,
		Background: chart.Style{
			FillColor: f.pal.background,
			Padding:   chart.Box{Top: int(f.tpx(top)), Left: int(f.px(16)), Right: int(f.px(right)), Bottom: int(f.tpx(bottom))},
		},
		Canvas: chart.Style{FillColor: f.pal.background},
		YAxis: chart.YAxis{
			Style: chart.Style{Hidden: true},
			Range: &chart.ContinuousRange{Min: 0, Max: 1},
		},
		// Hidden until a chart gives it ticks with setValueAxis.
		YAxisSecondary: chart.YAxis{
			Style: chart.Style{Hidden: true},
			Range: &chart.ContinuousRange{Min: 0, Max: 1},
		},
	}
}

// columnLabels lists the table's column labels.
func (t *Table) columnLabels() []string {
	labels := make([]string, len(t.Columns))
	for i, col := range t.Columns {
		labels[i] = col.Label
	}
	return labels
}

// categoryAxis is the x axis of columns. Labels that would touch are
// thinned to every k-th; two empty ticks at -0.5 and n-0.5 hold the range
// (go-chart takes the range from the ticks when there are any).
func (f *frame) categoryAxis(labels []string, width float64) chart.XAxis {
	n := len(labels)
	slot := width / float64(max(n, 1))
	every := 1
	widest := 0.0
	for _, l := range labels {
		widest = math.Max(widest, f.measure(f.label(l), 11))
	}
	for widest+f.px(8) > slot*float64(every) && every < n {
		every++
	}
	ticks := []chart.Tick{{Value: -0.5, Label: ""}}
	for i, l := range labels {
		label := ""
		if i%every == 0 {
			label = f.label(l)
		}
		ticks = append(ticks, chart.Tick{Value: float64(i), Label: label})
	}
	ticks = append(ticks, chart.Tick{Value: float64(n) - 0.5, Label: ""})
	return chart.XAxis{
		Style: f.textStyle(11, f.pal.text),
		Range: &chart.ContinuousRange{Min: -0.5, Max: float64(n) - 0.5},
		Ticks: ticks,
	}
}

// valueAxis is the left axis with nice ticks from 0 to at least max.
func (f *frame) valueAxis(name string, maxValue float64, percent bool) (chart.YAxis, []float64) {
	ticks := niceTicks(maxValue, 6, !percent && f.t.wholeCounts())
	var out []chart.Tick
	for _, v := range ticks {
		out = append(out, chart.Tick{Value: v, Label: formatValue(v, percent)})
	}
	nameStyle := f.textStyle(11, f.pal.muted)
	if f.o.Height < 400 {
		name = "" // go-chart would draw it over the tick labels; the subtitle says it
	}
	return chart.YAxis{
		Name:      f.label(name),
		NameStyle: nameStyle,
		Style:     f.textStyle(11, f.pal.muted),
		Range:     &chart.ContinuousRange{Min: 0, Max: ticks[len(ticks)-1]},
		Ticks:     out,
	}, ticks
}

// rowColor is a row's colour, faded towards the background when another
// topic is highlighted.
func (f *frame) rowColor(ri int) drawing.Color {
	row := f.t.Rows[ri].Color
	if f.o.Dark {
		row = OnDark(row)
	}
	c := drawingColor(row)
	if f.o.Highlight == "" || f.t.Rows[ri].ID == f.o.Highlight {
		return c
	}
	return f.fade(c)
}

// OnDark is a topic's colour as drawn on a dark background: the darkest
// colours (the palette's indigo, say) are lifted a quarter towards white,
// which keeps their hue and makes them visible; the others are as given.
// The window's legend uses it too, so both read alike.
func OnDark(c color.NRGBA) color.NRGBA {
	if 299*int(c.R)+587*int(c.G)+114*int(c.B) >= 70*1000 {
		return c
	}
	lift := func(v uint8) uint8 { return uint8(float64(v) + 0.25*float64(255-int(v)) + 0.5) }
	return color.NRGBA{R: lift(c.R), G: lift(c.G), B: lift(c.B), A: c.A}
}

// fade mixes a colour three parts to one with the background.
func (f *frame) fade(c drawing.Color) drawing.Color {
	bg := f.pal.background
	mix := func(a, b uint8) uint8 { return uint8(0.25*float64(a) + 0.75*float64(b) + 0.5) }
	return drawing.Color{R: mix(c.R, bg.R), G: mix(c.G, bg.G), B: mix(c.B, bg.B), A: 255}
}

// setValueAxis makes ya the chart's left axis. go-chart 2.1.2 computes the
// secondary axis' range from the primary axis' ticks (a bug in getRanges),
// so the hidden primary axis carries the same ticks and range.
func setValueAxis(c *chart.Chart, ya chart.YAxis) {
	c.YAxisSecondary = ya
	c.YAxis.Ticks = ya.Ticks
	c.YAxis.Range = &chart.ContinuousRange{Min: ya.Range.GetMin(), Max: ya.Range.GetMax()}
}

// niceTicks gives 0 and steps of 1, 2 or 5 times a power of ten up to at
// least max, about n of them; never a zero range. With whole, steps are
// whole numbers: a count of meetings has no 0.2.
func niceTicks(maxValue float64, n int, whole bool) []float64 {
	if !(maxValue > 0) || math.IsInf(maxValue, 0) {
		maxValue = 1
	}
	raw := maxValue / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if whole {
		step = math.Max(step, 1)
	}
	var ticks []float64
	for v := 0.0; ; v += step {
		ticks = append(ticks, math.Round(v/step)*step)
		if v >= maxValue-1e-9 {
			break
		}
	}
	if len(ticks) < 2 {
		ticks = append(ticks, step)
	}
	return ticks
}

func formatValue(v float64, percent bool) string {
	if percent {
		return fmt.Sprintf("%.0f%%", v*100)
	}
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	s := fmt.Sprintf("%.2f", v)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}

// messageChart is a chart that only says something.
func (f *frame) messageChart(message string) chart.Chart {
	c := f.base(20, 20, 20)
	c.XAxis = chart.XAxis{Style: chart.Style{Hidden: true}, Range: &chart.ContinuousRange{Min: 0, Max: 1}}
	c.Series = []chart.Series{drawSeries{name: "message", draw: func(r chart.Renderer, box chart.Box, _, _ chart.Range) {
		f.title(r, box)
		size := 16.0
		text := f.label(message)
		r.SetFont(f.font)
		r.SetFontSize(size)
		r.SetFontColor(f.pal.muted)
		w := f.measure(text, size)
		r.Text(text, int(float64(f.w)/2-w/2), f.h/2)
	}}}
	return c
}

// drawSeries is a series drawn by a function: go-chart gives the canvas box
// and the axes' ranges, this package draws.
type drawSeries struct {
	name string
	draw func(r chart.Renderer, box chart.Box, x, y chart.Range)
}

func (s drawSeries) GetName() string           { return s.name }
func (s drawSeries) GetYAxis() chart.YAxisType { return chart.YAxisSecondary }
func (s drawSeries) GetStyle() chart.Style     { return chart.Style{} }
func (s drawSeries) Validate() error           { return nil }
func (s drawSeries) Render(r chart.Renderer, box chart.Box, x, y chart.Range, _ chart.Style) {
	// The axes leave the renderer's text rotated (the value axis' name is
	// vertical); the SVG renderer would rotate every later text with it.
	r.ResetStyle()
	r.ClearTextRotation()
	s.draw(r, box, x, y)
}

// title writes the chart's title and what it counts at the top left.
func (f *frame) title(r chart.Renderer, box chart.Box) {
	title := f.o.Title
	if title == "" {
		title = f.o.Kind.Info().Title
	}
	subtitleY := f.tpx(42)
	if f.o.HideTitle {
		subtitleY = f.tpx(14)
	} else {
		r.SetFont(f.bold)
		r.SetFontSize(15)
		r.SetFontColor(f.pal.text)
		r.Text(f.label(title), int(f.px(16)), int(f.tpx(24)))
	}
	r.SetFont(f.font)
	r.SetFontSize(11)
	r.SetFontColor(f.pal.muted)
	r.Text(f.label(f.subtitle()), int(f.px(16)), int(subtitleY))
}

func (f *frame) subtitle() string {
	t := f.t
	s := t.Unit
	if f.o.Kind == TopicTrends && f.o.Share {
		s = "Share of the year's " + strings.ToLower(strings.TrimSuffix(t.Unit, " per 1,000 words"))
	}
	if f.o.Kind == TopicTrends && f.o.MovingAverage > 1 {
		s += fmt.Sprintf(", %d-year moving average", f.o.MovingAverage)
	}
	if f.o.Kind == TopicsByYear && t.Overlapping {
		s += ", side by side"
	}
	if n := len(t.Columns); n > 0 {
		s += " · " + t.Columns[0].Label
		if n > 1 {
			s += "–" + t.Columns[n-1].Label
		}
	}
	return s
}

// rect fills a rectangle.
func rect(r chart.Renderer, x0, y0, x1, y1 float64, c drawing.Color) {
	r.SetFillColor(c)
	r.SetStrokeColor(drawing.ColorTransparent)
	r.SetStrokeWidth(0)
	r.MoveTo(int(math.Round(x0)), int(math.Round(y0)))
	r.LineTo(int(math.Round(x1)), int(math.Round(y0)))
	r.LineTo(int(math.Round(x1)), int(math.Round(y1)))
	r.LineTo(int(math.Round(x0)), int(math.Round(y1)))
	r.Close()
	r.Fill()
}

// line strokes a segment.
func line(r chart.Renderer, x0, y0, x1, y1, width float64, c drawing.Color) {
	r.SetStrokeColor(c)
	r.SetStrokeWidth(width)
	r.MoveTo(int(math.Round(x0)), int(math.Round(y0)))
	r.LineTo(int(math.Round(x1)), int(math.Round(y1)))
	r.Stroke()
}

// hatch marks a column without source text: diagonal lines, so a missing
// year never looks like a year of silence.
func (f *frame) hatch(r chart.Renderer, x0, y0, x1, y1 float64) {
	step := f.px(8)
	for d := -(y1 - y0); d < x1-x0; d += step {
		// The segment x = x0 + d + t, y = y1 - t for t in [0, y1-y0], clipped to the box.
		t0 := math.Max(0, -d)
		t1 := math.Min(y1-y0, x1-x0-d)
		if t1 > t0 {
			line(r, x0+d+t0, y1-t0, x0+d+t1, y1-t1, f.px(1), f.pal.hatch)
		}
	}
}

// gridLines draws the value axis' ticks across the plot.
func (f *frame) gridLines(r chart.Renderer, box chart.Box, y chart.Range, ticks []float64) {
	for _, v := range ticks[1:] {
		py := float64(box.Bottom) - float64(y.Translate(v))
		line(r, float64(box.Left), py, float64(box.Right), py, f.px(1), f.pal.grid)
	}
}

// columnNotes writes, under each column's label, the sources and meetings
// behind it, when they fit.
// notesFit reports whether columnNotes has room under a plot about width
// pixels wide.
func (f *frame) notesFit(width float64) bool {
	n := len(f.t.Columns)
	if n == 0 {
		return false
	}
	slot := width / float64(n)
	for _, c := range f.t.Columns {
		for _, l := range []string{safetext.Plural(c.Sources, "source"), safetext.Plural(c.Meetings, "meeting")} {
			if f.measure(l, 9.5) > slot-f.px(4) {
				return false
			}
		}
	}
	return true
}

func (f *frame) columnNotes(r chart.Renderer, box chart.Box, x chart.Range) {
	n := len(f.t.Columns)
	slot := float64(box.Width()) / float64(n)
	r.SetFont(f.font)
	r.SetFontSize(9.5)
	r.SetFontColor(f.pal.muted)
	for i, c := range f.t.Columns {
		lines := []string{safetext.Plural(c.Sources, "source"), safetext.Plural(c.Meetings, "meeting")}
		cx := float64(box.Left) + float64(x.Translate(float64(i)))
		for j, l := range lines {
			w := f.measure(l, 9.5)
			if w > slot-f.px(4) {
				return // too narrow: the tooltip and CSV still tell
			}
			r.Text(l, int(cx-w/2), int(float64(box.Bottom)+f.px(34+12*float64(j))))
		}
	}
}
