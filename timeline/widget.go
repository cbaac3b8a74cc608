package timeline

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Selection is a meeting, or a meeting's mentions of a topic, picked on the
// timeline, with the annotations behind it.
type Selection struct {
	Meeting     *data.Meeting
	Topic       *data.Topic // nil when the meeting itself was picked
	Annotations []*data.Annotation
}

// Timeline is the interactive timeline widget. Marks are drawn into one
// raster; the selection and hover rings and the tooltip are the only
// objects on top, and hit-testing is done in Go on the frame.
type Timeline struct {
	widget.BaseWidget

	// OnSelect is called when a meeting or a topic mark is selected (by
	// click or keyboard); OnOpen when the user asks to read its sources
	// (Enter, or the context menu).
	OnSelect func(Selection)
	// OnClear is called when the user clears the selection (Esc, or a
	// click on nothing).
	OnClear func()
	OnOpen  func(Selection)
	// OnHoverTopic is called with the topic whose lane label is under the
	// pointer, and with nil when the pointer leaves it.
	OnHoverTopic func(*data.Topic)
	// OnOtherKey receives the keys the timeline does not use (F1, say).
	OnOtherKey func(*fyne.KeyEvent)
	// OnShowOnly is called when the user asks, from the context menu, to
	// see one topic's lane alone (nil: every topic); the owner of the
	// filters then shows the result. Unset, the timeline hides its lanes
	// itself.
	OnShowOnly func(*data.Topic)
	// OnViewChanged is called after a zoom, a pan or a fit, with the view.
	OnViewChanged func(Scale)
	// OnBin is called when a bin of several meetings is clicked, with what
	// it holds, as its menu of meetings opens: the owner lists its spans.
	OnBin func(BinContents)

	model    *Model
	view     Scale // in points; Width is the plot's width
	fitted   bool
	size     fyne.Size
	selected struct {
		lane, item int
		ok         bool
	}
	hover      int // mark under the pointer in frame, -1 for none
	hoverBin   int // bin under the pointer in frame, -1 for none
	hoverAt    fyne.Position
	hoverTopic *data.Topic // whose lane label is under the pointer
	frame      *Frame      // in points, for hit-testing; nil when stale
	stale      bool        // the raster must be drawn again
	tip        *tooltip
	focused    bool
}

// zoomPerScroll makes one wheel notch (25 units on Linux and Windows, 10 on
// macOS) zoom by about 15% or 6%.
const zoomPerScroll = 0.0056

// New makes a timeline of the model, fitted to its data once laid out.
func New(m *Model) *Timeline {
	t := &Timeline{model: m, hover: -1, hoverBin: -1}
	t.ExtendBaseWidget(t)
	return t
}

// SetModel shows another model and fits it.
func (t *Timeline) SetModel(m *Model) {
	t.model = m
	t.selected.ok = false
	t.hover, t.hoverBin, t.tip = -1, -1, nil
	if t.size.Width > 0 {
		t.Fit()
		return
	}
	t.fitted = false // fitted at the first layout
	t.changed()
}

// Model returns the model shown.
func (t *Timeline) Model() *Model { return t.model }

// View returns the scale in points (Width is the plot's width).
func (t *Timeline) View() Scale { return t.view }

// Style returns the sizes in points.
func (t *Timeline) style() Style {
	txt, err := TextAt(DefaultStyle(1).TextSize)
	if err != nil {
		return DefaultStyle(1)
	}
	return DefaultStyle(1).GutterFor(t.model, txt.Regular.Measure)
}

func (t *Timeline) plotWidth() float64 {
	return math.Max(1, float64(t.size.Width)-t.style().Gutter)
}

// Fit shows all the data.
func (t *Timeline) Fit() {
	t.view = FitScale(t.model.First, t.model.Last, t.plotWidth())
	t.fitted = true
	t.viewChanged()
}

// ZoomAt zooms by factor around a point x of the widget.
func (t *Timeline) ZoomAt(x float32, factor float64) {
	t.setView(t.view.Zoom(float64(x)-t.style().Gutter, factor))
}

// Pan moves the content dx points to the right.
func (t *Timeline) Pan(dx float32) {
	t.setView(t.view.Pan(float64(dx)))
}

func (t *Timeline) setView(s Scale) {
	t.view = s.Clamp(t.model.First, t.model.Last)
	t.viewChanged()
}

func (t *Timeline) viewChanged() {
	t.changed()
	if t.OnViewChanged != nil {
		t.OnViewChanged(t.view)
	}
}

// changed drops the frame and redraws. Other refreshes (hover, focus,
// selection) only move the objects over the raster.
func (t *Timeline) changed() {
	t.frame = nil
	t.stale = true
	t.Refresh()
}

// Frame returns the frame in points, as hit-testing sees it.
func (t *Timeline) Frame() *Frame {
	if t.frame == nil {
		st := t.style()
		txt, _ := TextAt(st.TextSize)
		measure := fixedWidthMeasure
		if txt != nil {
			measure = txt.Regular.Measure
		}
		t.frame = t.model.NewFrame(t.view, float64(t.size.Width), float64(t.size.Height), st, measure)
	}
	return t.frame
}

func fixedWidthMeasure(s string) float64 { return 7 * float64(len([]rune(s))) }

// Resize implements fyne.Widget: the view follows the new width (and is
// fitted to the data the first time) before the renderer lays out, so the
// renderer only draws.
func (t *Timeline) Resize(size fyne.Size) {
	t.resized(size)
	t.BaseWidget.Resize(size)
}

func (t *Timeline) resized(size fyne.Size) {
	if size == t.size {
		return
	}
	t.size = size
	if !t.fitted {
		t.Fit()
		return
	}
	t.view = t.view.Resize(t.plotWidth())
	t.changed()
}

// Selected returns the current selection.
func (t *Timeline) Selected() (Selection, bool) {
	if !t.selected.ok {
		return Selection{}, false
	}
	return t.selectionOf(t.selected.lane, t.selected.item), true
}

func (t *Timeline) selectionOf(lane, item int) Selection {
	l := t.model.Lanes[lane]
	it := l.Items[item]
	if it.Meeting < 0 {
		return Selection{Topic: l.Topic}
	}
	m := t.model.Meetings[it.Meeting]
	return Selection{Meeting: m, Topic: l.Topic, Annotations: t.model.MeetingAnnotations(m, l.Topic)}
}

// Select selects an item of a lane for the user, brings it into view and
// reports it through OnSelect.
func (t *Timeline) Select(lane, item int) {
	if t.show(lane, item) && t.OnSelect != nil {
		t.OnSelect(t.selectionOf(lane, item))
	}
}

// show marks an item as selected and brings it into view; false for an
// item that is not there.
func (t *Timeline) show(lane, item int) bool {
	if lane < 0 || lane >= len(t.model.Lanes) || item < 0 || item >= len(t.model.Lanes[lane].Items) {
		return false
	}
	t.selected.lane, t.selected.item, t.selected.ok = lane, item, true
	it := t.model.Lanes[lane].Items[item]
	if v := t.view.Show(it.Start, it.End); v != t.view {
		t.view = v
		t.changed()
	} else {
		t.Refresh()
	}
	return true
}

// ShowSelection shows the selection its owner holds: a meeting's mark on
// a topic's lane, or the meeting itself when topic is nil or hidden; none
// for a nil meeting. It reports nothing: it is how the timeline follows a
// selection made anywhere, its own included.
func (t *Timeline) ShowSelection(m *data.Meeting, topic *data.Topic) {
	if m == nil {
		t.ClearSelection()
		return
	}
	if t.selected.ok {
		if sel := t.selectionOf(t.selected.lane, t.selected.item); sel.Meeting == m && sel.Topic == topic {
			return // shown already (the user's own selection, say)
		}
	}
	lane := 0
	for li, l := range t.model.Lanes {
		if topic != nil && l.Topic == topic && !l.Hidden {
			lane = li
		}
	}
	for i, it := range t.model.Lanes[lane].Items {
		if it.Meeting >= 0 && t.model.Meetings[it.Meeting] == m {
			t.show(lane, i)
			return
		}
	}
}

// HighlightTopic emphasises a topic's lane (nil: none).
func (t *Timeline) HighlightTopic(topic *data.Topic) {
	changed := false
	for _, l := range t.model.Lanes {
		on := topic != nil && l.Topic == topic
		changed = changed || l.Highlighted != on
		l.Highlighted = on
	}
	if changed {
		t.changed()
	}
}

// MarkMeetings marks the meetings for which marked is true (search hits).
func (t *Timeline) MarkMeetings(marked func(*data.Meeting) bool) {
	items := t.model.Lanes[0].Items
	for i := range items {
		items[i].Marked = items[i].Meeting >= 0 && marked(t.model.Meetings[items[i].Meeting])
	}
	t.model.Lanes[0].sum()
	t.changed()
}

// ShowQuery hides what a query leaves out (Model.Show).
func (t *Timeline) ShowQuery(q data.Query) {
	t.model.Show(q)
	t.changed()
}

// ClearSelection drops the selection.
func (t *Timeline) ClearSelection() {
	t.selected.ok = false
	t.Refresh()
}

// SelectMeetingByID selects a meeting in the meetings lane.
func (t *Timeline) SelectMeetingByID(id string) bool {
	for i, it := range t.model.Lanes[0].Items {
		if it.Meeting >= 0 && t.model.Meetings[it.Meeting].ID == id {
			t.Select(0, i)
			return true
		}
	}
	return false
}

// step selects the previous (-1) or next (+1) meeting in date order,
// passing over hidden ones.
func (t *Timeline) step(dir int) {
	items := t.model.Lanes[0].Items
	cur := -1
	if dir < 0 {
		cur = len(items)
	}
	if t.selected.ok {
		cur = t.selected.item
		if t.selected.lane != 0 { // from a topic mark, walk from its meeting
			m := t.model.Lanes[t.selected.lane].Items[cur].Meeting
			for i, it := range items {
				if it.Meeting == m {
					cur = i
				}
			}
		}
	}
	for i := cur + dir; i >= 0 && i < len(items); i += dir {
		if !items[i].Hidden {
			t.Select(0, i)
			return
		}
	}
	if t.selected.ok && t.selected.lane == 0 { // at the end: stay, and say so again
		t.Select(0, t.selected.item)
	}
}

// BinContents is what a bin holds: its title ("March 2016 — Space"),
// its meetings in date order, and their annotations of the lane's topic
// (of every topic on the meetings lane).
type BinContents struct {
	Title       string
	Topic       *data.Topic // nil on the meetings lane
	Meetings    []*data.Meeting
	Annotations []*data.Annotation
}

// Contents lists what a bin holds.
func (m *Model) Contents(b Bin) BinContents {
	lane := m.Lanes[b.Lane]
	c := BinContents{Title: Period(b.Unit, b.Start) + " — " + lane.Label, Topic: lane.Topic}
	for _, it := range lane.Items[b.First:b.Last] {
		if it.Hidden || it.Meeting < 0 {
			continue
		}
		mt := m.Meetings[it.Meeting]
		c.Meetings = append(c.Meetings, mt)
		c.Annotations = append(c.Annotations, m.MeetingAnnotations(mt, lane.Topic)...)
	}
	return c
}

// maxBinMenu bounds the meetings a bin's menu lists.
const maxBinMenu = 12

// openBin lists a bin's meetings in a menu, each selecting its mark, after
// an item that zooms to the bin's period; a bin of one meeting selects it.
func (t *Timeline) openBin(b Bin, at fyne.Position) {
	if b.Items == 1 {
		for i := b.First; i < b.Last; i++ {
			if !t.model.Lanes[b.Lane].Items[i].Hidden {
				t.Select(b.Lane, i)
				return
			}
		}
	}
	items := t.BinMenu(b)
	t.hideTip() // the menu stands where the tooltip did
	if t.OnBin != nil {
		t.OnBin(t.model.Contents(b))
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, fyne.CurrentApp().Driver().AbsolutePositionForObject(t).Add(at))
	}
}

// BinMenu is the menu a click on a bin opens: "Zoom to March 2016", then
// its first meetings (with their spans on a topic's lane), each selecting
// its mark, and how many more there are.
func (t *Timeline) BinMenu(b Bin) []*fyne.MenuItem {
	menu := []*fyne.MenuItem{fyne.NewMenuItem("Zoom to "+Period(b.Unit, b.Start), func() { t.zoomTo(b.Start, b.End) })}
	lane := t.model.Lanes[b.Lane]
	listed := 0
	for i := b.First; i < b.Last; i++ {
		it := lane.Items[i]
		if it.Hidden || it.Meeting < 0 {
			continue
		}
		if listed == maxBinMenu {
			more := fyne.NewMenuItem(fmt.Sprintf("and %d more: zoom in to see them", b.Items-maxBinMenu), nil)
			more.Disabled = true
			menu = append(menu, more)
			break
		}
		listed++
		m := t.model.Meetings[it.Meeting]
		label := m.Date.String() + "  " + safetext.Clip(m.Short, MaxLabel/2)
		if lane.Topic != nil {
			label += fmt.Sprintf("  (%s)", safetext.Plural(it.Count, "span"))
		}
		item := i
		menu = append(menu, fyne.NewMenuItem(label, func() { t.Select(b.Lane, item) }))
	}
	return menu
}

// zoomTo shows the days [from, to) across the plot.
func (t *Timeline) zoomTo(from, to float64) {
	w := t.plotWidth()
	t.setView(Scale{Start: from, PerDay: w / math.Max(to-from, MinSpanDays), Width: w})
}

// openCluster zooms in until the cluster's items stand apart; items that
// share one day cannot be split by zooming, so a menu lists them instead.
func (t *Timeline) openCluster(mk Mark, at fyne.Position) {
	items := t.model.Lanes[mk.Lane].Items[mk.First:mk.Last]
	lo, hi := items[0].Start, items[0].End
	for _, it := range items {
		lo, hi = math.Min(lo, it.Start), math.Max(hi, it.End)
	}
	if hi-lo > 1 {
		s := FitScale(lo, hi, t.plotWidth())
		if s.Span() < t.view.Span() {
			t.setView(s)
			return
		}
	}
	var menu []*fyne.MenuItem
	for i := mk.First; i < mk.Last && i < mk.First+20; i++ {
		lane, item := mk.Lane, i
		label := "?"
		if it := t.model.Lanes[lane].Items[i]; it.Meeting >= 0 {
			m := t.model.Meetings[it.Meeting]
			label = m.Date.String() + "  " + m.Short
		}
		menu = append(menu, fyne.NewMenuItem(label, func() { t.Select(lane, item) }))
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", menu...), c, fyne.CurrentApp().Driver().AbsolutePositionForObject(t).Add(at))
	}
}
