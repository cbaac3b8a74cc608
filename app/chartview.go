package app

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// ChartView shows one chart at the widget's size and device resolution.
// Charts are drawn off the UI goroutine; a click maps through the chart's
// hit geometry to the cell under the pointer and the annotations behind it.
type ChartView struct {
	widget.BaseWidget

	// OnCell is called when a drawn cell is clicked, and for phrase
	// trends OnMatches, with the phrase matches behind it.
	OnCell    func(title string, anns []*data.Annotation)
	OnMatches func(title string, matches []textmatch.Match)
	// OnDrawn is called after a new render is shown.
	OnDrawn func()
	// OnOtherKey receives the keys the chart does not use.
	OnOtherKey func(*fyne.KeyEvent)

	kind   charts.Kind
	corpus *data.Corpus
	query  data.Query
	dark   bool
	topic  string // highlighted topic id
	// phrases and byMeeting are what phrase trends count.
	phrases   []textmatch.Term
	byMeeting bool

	img     *canvas.Image
	cursor  *canvas.Rectangle // the keyboard's cell
	tip     *chartTip         // the values under the pointer
	at      int               // index of the keyboard's cell in the result's hits, -1 for none
	focused bool
	table   *charts.Table
	result  *charts.Result
	scale   float32 // pixels per point of the result
	drawn   fyne.Size
	renders int // renders started; only the newest is shown
	do      func(func())
}

// NewChartView makes a view of one kind of chart; do runs a function on the
// UI goroutine (fyne.Do when nil).
func NewChartView(kind charts.Kind, do func(func())) *ChartView {
	if do == nil {
		do = fyne.Do
	}
	v := &ChartView{kind: kind, do: do, at: -1, img: canvas.NewImageFromImage(image.NewRGBA(image.Rect(0, 0, 1, 1)))}
	v.img.FillMode = canvas.ImageFillStretch
	v.cursor = canvas.NewRectangle(color.Transparent)
	v.cursor.StrokeWidth = 2.5
	v.cursor.Hide()
	v.tip = newChartTip()
	v.ExtendBaseWidget(v)
	return v
}

// Kind returns the chart's kind.
func (v *ChartView) Kind() charts.Kind { return v.kind }

// SetData sets what the chart counts and draws it again.
func (v *ChartView) SetData(c *data.Corpus, q data.Query, dark bool) {
	v.corpus, v.query, v.dark = c, q, dark
	v.drawn = fyne.Size{}
	v.render(v.Size())
}

// Resize implements fyne.Widget: a new size is drawn anew, in the
// background (render), so the renderer only shows the last image.
func (v *ChartView) Resize(size fyne.Size) {
	v.BaseWidget.Resize(size)
	v.render(size)
}

// SetPhrases sets the phrases a phrase trends chart counts, per year or
// per meeting, and draws it again.
func (v *ChartView) SetPhrases(phrases []textmatch.Term, byMeeting bool) {
	v.phrases, v.byMeeting = phrases, byMeeting
	v.drawn = fyne.Size{}
	v.render(v.Size())
}

// Highlight fades every topic but one (id; "" for none).
func (v *ChartView) Highlight(id string) {
	if id != v.topic {
		v.topic = id
		v.drawn = fyne.Size{}
		v.render(v.Size())
	}
}

// CellCenter returns the centre of the i-th clickable cell of the chart
// shown, in the view's coordinates; false when there is none.
func (v *ChartView) CellCenter(i int) (fyne.Position, bool) {
	if v.result == nil || i < 0 || i >= len(v.result.Hits) || v.scale == 0 {
		return fyne.Position{}, false
	}
	h := v.result.Hits[i]
	return fyne.NewPos(float32((h.X0+h.X1)/2)/v.scale, float32((h.Y0+h.Y1)/2)/v.scale), true
}

// Result returns the last chart shown.
func (v *ChartView) Result() *charts.Result { return v.result }

// Show implements fyne.Widget: a chart hidden in a tab is drawn when its
// tab is chosen, not on every change while it is hidden.
func (v *ChartView) Show() {
	v.BaseWidget.Show()
	v.render(v.Size())
}

// render draws the chart for a size in the background; a hidden chart
// waits until it is shown (an edit of a large corpus would otherwise count
// for every tab).
func (v *ChartView) render(size fyne.Size) {
	if v.corpus == nil || !v.Visible() || size.Width < charts.MinSide || size.Height < charts.MinSide || size == v.drawn {
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
	phrases, byMeeting := v.phrases, v.byMeeting
	textSize := v.Theme().Size(theme.SizeNameText) * 0.9 // chart labels a little below body text
	go func() {
		var table *charts.Table
		var err error
		if kind == charts.PhraseTrends {
			table, err = charts.PhraseTableFor(context.Background(), corpus, phrases, query, byMeeting)
		} else {
			table, err = charts.TableFor(corpus, kind, query)
		}
		var res *charts.Result
		if err == nil {
			res, err = charts.Render(table, charts.Options{Kind: kind, Width: int(size.Width), Height: int(size.Height), Scale: float64(scale), Dark: dark, Highlight: topic, TextSize: float64(textSize), HideLegend: true, HideTitle: true})
		}
		v.do(func() {
			if generation != v.renders || err != nil {
				return
			}
			v.table, v.result, v.scale = table, res, float32(res.Width)/size.Width
			v.img.Image = res.Image
			v.img.Refresh()
			v.at = min(v.at, len(res.Hits)-1)
			v.placeCursor()
			if v.OnDrawn != nil {
				v.OnDrawn()
			}
		})
	}()
}

// Tapped finds the cell under the pointer.
func (v *ChartView) Tapped(e *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
	if v.result == nil {
		return
	}
	h, ok := v.result.HitAt(float64(e.Position.X*v.scale), float64(e.Position.Y*v.scale))
	if !ok {
		return
	}
	v.at = slices.IndexFunc(v.result.Hits, func(o charts.Hit) bool { return o.Column == h.Column && o.Row == h.Row && o.X0 == h.X0 && o.Y0 == h.Y0 })
	v.placeCursor()
	v.open(h)
}

func (v *ChartView) open(h charts.Hit) {
	if v.table.Trend != nil {
		v.openMatches(h)
		return
	}
	if v.OnCell == nil {
		return
	}
	var labels []string
	var anns []*data.Annotation
	for _, ri := range h.Rows() { // several topics at one trend point
		labels = append(labels, safetext.Clip(v.table.Rows[ri].Label, maxShown))
		anns = append(anns, v.table.Annotations(h.Column, ri)...)
	}
	what := strings.Join(labels, ", ")
	if len(labels) > 3 {
		what = fmt.Sprintf("%s and %d more topics", strings.Join(labels[:2], ", "), len(labels)-2)
	}
	title := what + " · " + safetext.Clip(v.table.Columns[h.Column].Label, maxShown)
	if cs := v.table.Counts; cs != nil && cs.Query.PerThousandWords && h.Column < len(cs.Buckets) {
		// The rate the chart showed, and what it is made of.
		count := 0
		for _, ri := range h.Rows() {
			count += cs.Cells[h.Column][ri].Count
		}
		words := cs.Buckets[h.Column].Words
		title += fmt.Sprintf(" · %s per 1,000 words: %s in %s", rate(count, words), safetext.Plural(count, unitNoun(cs.Query.Unit)), safetext.Plural(words, "word"))
	}
	v.OnCell(title, anns)
}

// FocusGained implements fyne.Focusable: the keyboard walks the cells.
func (v *ChartView) FocusGained() {
	v.focused = true
	if v.at < 0 && v.result != nil && len(v.result.Hits) > 0 {
		v.at = 0
	}
	v.placeCursor()
}

// FocusLost implements fyne.Focusable.
func (v *ChartView) FocusLost() {
	v.focused = false
	v.placeCursor()
}

// TypedRune implements fyne.Focusable.
func (v *ChartView) TypedRune(rune) {}

// TypedKey moves between the drawn cells with the arrows (to the nearest
// cell in that direction) and opens the cell with Enter or Space.
func (v *ChartView) TypedKey(e *fyne.KeyEvent) {
	if v.result == nil || len(v.result.Hits) == 0 {
		if v.OnOtherKey != nil {
			v.OnOtherKey(e)
		}
		return
	}
	if v.at < 0 {
		v.at = 0
	}
	cur := v.result.Hits[v.at]
	dx, dy := 0.0, 0.0
	switch e.Name {
	case fyne.KeyLeft:
		dx = -1
	case fyne.KeyRight:
		dx = 1
	case fyne.KeyUp:
		dy = -1
	case fyne.KeyDown:
		dy = 1
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		v.open(cur)
		return
	default:
		if v.OnOtherKey != nil {
			v.OnOtherKey(e)
		}
		return
	}
	cx, cy := (cur.X0+cur.X1)/2, (cur.Y0+cur.Y1)/2
	best, bestD := -1, math.Inf(1)
	for i, h := range v.result.Hits {
		hx, hy := (h.X0+h.X1)/2-cx, (h.Y0+h.Y1)/2-cy
		along := hx*dx + hy*dy
		if along <= 0.5 {
			continue // not in that direction
		}
		across := math.Abs(hx*dy) + math.Abs(hy*dx)
		if d := along + 3*across; d < bestD {
			best, bestD = i, d
		}
	}
	if best >= 0 {
		v.at = best
		v.placeCursor()
	}
}

// placeCursor outlines the keyboard's cell while the chart has the focus.
func (v *ChartView) placeCursor() {
	if !v.focused || v.result == nil || v.at < 0 || v.at >= len(v.result.Hits) {
		v.cursor.Hide()
		return
	}
	h := v.result.Hits[v.at]
	// The text colour: it stands out on the chart's own background in
	// either variant, where the theme's focus colour is dark on dark.
	v.cursor.StrokeColor = v.Theme().Color(theme.ColorNameForeground, apptheme.Variant(fyne.CurrentApp()))
	v.cursor.Move(fyne.NewPos(float32(h.X0)/v.scale-3, float32(h.Y0)/v.scale-3))
	v.cursor.Resize(fyne.NewSize(float32(h.X1-h.X0)/v.scale+6, float32(h.Y1-h.Y0)/v.scale+6))
	v.cursor.Show()
	v.cursor.Refresh()
}

// Cursor returns the cell the keyboard is on.
func (v *ChartView) Cursor() (charts.Hit, bool) {
	if v.result == nil || v.at < 0 || v.at >= len(v.result.Hits) {
		return charts.Hit{}, false
	}
	return v.result.Hits[v.at], true
}

// CreateRenderer implements fyne.Widget.
func (v *ChartView) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{v: v}
}

type chartRenderer struct{ v *ChartView }

func (r *chartRenderer) Layout(size fyne.Size) {
	r.v.img.Resize(size)
}
func (r *chartRenderer) MinSize() fyne.Size { return fyne.NewSize(charts.MinSide, 160) }
func (r *chartRenderer) Refresh() {
	r.v.img.Refresh()
}
func (r *chartRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.v.img, r.v.cursor, r.v.tip.box}
}
func (r *chartRenderer) Destroy() {}

// rate is count per 1,000 of words, as the charts print it.
func rate(count, words int) string {
	if words == 0 {
		return "–"
	}
	return strconv.FormatFloat(float64(count)*1000/float64(words), 'f', 2, 64)
}

// unitNoun is what one count of a unit is.
func unitNoun(u data.Unit) string {
	switch u {
	case data.UnitSources:
		return "source"
	case data.UnitMeetings:
		return "meeting"
	}
	return "span"
}

// MouseIn implements desktop.Hoverable.
func (v *ChartView) MouseIn(e *desktop.MouseEvent) { v.MouseMoved(e) }

// MouseMoved shows the values of the cell under the pointer.
func (v *ChartView) MouseMoved(e *desktop.MouseEvent) {
	if v.result == nil {
		return
	}
	h, ok := v.result.HitAt(float64(e.Position.X*v.scale), float64(e.Position.Y*v.scale))
	if !ok {
		v.tip.hide()
		return
	}
	v.tip.show(v.describe(h), e.Position, v.Size(), v.Theme())
}

// MouseOut implements desktop.Hoverable.
func (v *ChartView) MouseOut() { v.tip.hide() }

// describe says what a cell counts: its topics, its column, the value as
// drawn, and what the column holds.
func (v *ChartView) describe(h charts.Hit) string {
	col := v.table.Columns[h.Column]
	var lines []string
	for _, ri := range h.Rows() {
		value := v.table.Values[h.Column][ri]
		lines = append(lines, fmt.Sprintf("%s: %s", safetext.Clip(v.table.Rows[ri].Label, maxShown), strconv.FormatFloat(math.Round(value*100)/100, 'f', -1, 64)))
	}
	head := safetext.Clip(col.Label, maxShown) + " · " + strings.ToLower(v.table.Unit)
	foot := safetext.Plural(col.Sources, "source") + ", " + safetext.Plural(col.Meetings, "meeting")
	what := "spans"
	if v.table.Trend != nil {
		what = "matches"
	}
	return head + "\n" + strings.Join(lines, "\n") + "\n" + foot + " · click to list the " + what
}

// chartTip is the hover label over a chart.
type chartTip struct {
	box   *fyne.Container
	bg    *canvas.Rectangle
	label *widget.Label
}

func newChartTip() *chartTip {
	t := &chartTip{bg: canvas.NewRectangle(color.Transparent), label: widget.NewLabel("")}
	t.bg.CornerRadius = 4
	t.bg.StrokeWidth = 1
	t.box = container.NewStack(t.bg, t.label)
	t.box.Hide()
	return t
}

// show places the tip beside the pointer, inside the chart.
func (t *chartTip) show(text string, at fyne.Position, room fyne.Size, th fyne.Theme) {
	variant := apptheme.Variant(fyne.CurrentApp())
	t.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, variant)
	t.bg.StrokeColor = th.Color(theme.ColorNameForeground, variant)
	t.label.SetText(text)
	size := t.box.MinSize()
	x, y := at.X+14, at.Y+14
	if x+size.Width > room.Width {
		x = max(0, at.X-14-size.Width)
	}
	if y+size.Height > room.Height {
		y = max(0, at.Y-14-size.Height)
	}
	t.box.Move(fyne.NewPos(x, y))
	t.box.Resize(size)
	t.box.Show()
	t.bg.Refresh()
}

func (t *chartTip) hide() { t.box.Hide() }

// openMatches lists the phrase matches behind a point of phrase trends:
// every match of its phrases in the column's sources.
func (v *ChartView) openMatches(h charts.Hit) {
	if v.OnMatches == nil {
		return
	}
	var labels []string
	var matches []textmatch.Match
	for _, ri := range h.Rows() {
		labels = append(labels, "“"+safetext.Clip(v.table.Rows[ri].Label, maxShown)+"”")
		matches = append(matches, v.table.Matches(h.Column, ri)...)
	}
	title := strings.Join(labels, ", ") + " · " + safetext.Clip(v.table.Columns[h.Column].Label, maxShown) + " · " + safetext.Plural(len(matches), "match")
	v.OnMatches(title, matches)
}
