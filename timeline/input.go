package timeline

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Tapped selects the mark under the pointer, opens a cluster, or toggles a
// lane's collapse from its label.
func (t *Timeline) Tapped(e *fyne.PointEvent) {
	t.requestFocus()
	f := t.Frame()
	h := f.HitTest(float64(e.Position.X), float64(e.Position.Y))
	switch {
	case h.LaneLabel > 0:
		l := t.model.Lanes[h.LaneLabel]
		l.Collapsed = !l.Collapsed
		t.changed()
	case h.Bin >= 0:
		t.openBin(f.Bins[h.Bin], e.Position)
	case h.Mark >= 0 && f.Marks[h.Mark].Cluster():
		t.openCluster(f.Marks[h.Mark], e.Position)
	case h.Mark >= 0:
		t.Select(f.Marks[h.Mark].Lane, f.Marks[h.Mark].First)
	default:
		t.clearForUser()
	}
}

// DoubleTapped zooms in twice around the pointer.
func (t *Timeline) DoubleTapped(e *fyne.PointEvent) {
	t.ZoomAt(e.Position.X, 2)
}

// TappedSecondary offers the mark's actions in a menu.
func (t *Timeline) TappedSecondary(e *fyne.PointEvent) {
	f := t.Frame()
	h := f.HitTest(float64(e.Position.X), float64(e.Position.Y))
	var items []*fyne.MenuItem
	if h.Bin >= 0 {
		b := f.Bins[h.Bin]
		items = append(items, fyne.NewMenuItem("List its meetings", func() { t.openBin(b, e.Position) }),
			fyne.NewMenuItem("Zoom to "+Period(b.Unit, b.Start), func() { t.zoomTo(b.Start, b.End) }))
	}
	if h.Mark >= 0 {
		mk := f.Marks[h.Mark]
		if mk.Cluster() {
			items = append(items, fyne.NewMenuItem("Open cluster", func() { t.openCluster(mk, e.Position) }))
		} else {
			lane, item := mk.Lane, mk.First
			items = append(items, fyne.NewMenuItem("Open source text", func() {
				t.Select(lane, item)
				t.open()
			}))
			if topic := t.model.Lanes[lane].Topic; topic != nil {
				items = append(items, fyne.NewMenuItem("Show only this topic", func() { t.showOnly(topic) }))
			}
		}
	}
	if t.anyHidden() {
		items = append(items, fyne.NewMenuItem("Show all topics", func() { t.showOnly(nil) }))
	}
	items = append(items, fyne.NewMenuItem("Fit all", t.Fit))
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, e.AbsolutePosition)
	}
}

// showOnly asks for one topic's lane alone (nil: every topic): through
// OnShowOnly when it is set, so that the window's filters, its charts and
// its preferences change with it; else on the timeline alone.
func (t *Timeline) showOnly(topic *data.Topic) {
	switch {
	case t.OnShowOnly != nil:
		t.OnShowOnly(topic)
	case topic == nil:
		t.ShowAllTopics()
	default:
		t.ShowOnlyTopic(topic)
	}
}

// ShowOnlyTopic hides every topic lane but the topic's.
func (t *Timeline) ShowOnlyTopic(topic *data.Topic) {
	for _, l := range t.model.Lanes[1:] {
		l.Hidden = l.Topic != topic
	}
	t.changed()
}

// ShowAllTopics shows every topic lane again.
func (t *Timeline) ShowAllTopics() {
	for _, l := range t.model.Lanes {
		l.Hidden = false
	}
	t.changed()
}

func (t *Timeline) anyHidden() bool {
	for _, l := range t.model.Lanes {
		if l.Hidden {
			return true
		}
	}
	return false
}

func (t *Timeline) open() {
	if sel, ok := t.Selected(); ok && t.OnOpen != nil {
		t.OnOpen(sel)
	}
}

// Scrolled zooms around the pointer with the wheel; a horizontal scroll pans.
func (t *Timeline) Scrolled(e *fyne.ScrollEvent) {
	if e.Scrolled.DX != 0 {
		t.Pan(e.Scrolled.DX)
	}
	if e.Scrolled.DY != 0 {
		t.ZoomAt(e.Position.X, math.Exp(float64(e.Scrolled.DY)*zoomPerScroll))
	}
}

// Dragged pans.
func (t *Timeline) Dragged(e *fyne.DragEvent) {
	t.hideTip()
	t.Pan(e.Dragged.DX)
}

// DragEnd implements fyne.Draggable.
func (t *Timeline) DragEnd() {}

// MouseIn implements desktop.Hoverable.
func (t *Timeline) MouseIn(e *desktop.MouseEvent) { t.MouseMoved(e) }

// MouseMoved shows the tooltip of the mark under the pointer.
func (t *Timeline) MouseMoved(e *desktop.MouseEvent) {
	f := t.Frame()
	h := f.HitTest(float64(e.Position.X), float64(e.Position.Y))
	var topic *data.Topic
	if h.LaneLabel > 0 {
		topic = t.model.Lanes[h.LaneLabel].Topic
	}
	t.setHoverTopic(topic)
	if h.Mark == t.hover && h.Bin == t.hoverBin && e.Position == t.hoverAt {
		return
	}
	t.hover, t.hoverBin, t.hoverAt = h.Mark, h.Bin, e.Position
	switch {
	case h.Mark >= 0:
		t.tip = t.tooltipFor(f.Marks[h.Mark])
	case h.Bin >= 0:
		t.tip = &tooltip{lines: t.model.DescribeBin(f.Bins[h.Bin])}
	default:
		t.tip = nil
	}
	t.Refresh()
}

// MouseOut hides the tooltip.
func (t *Timeline) MouseOut() {
	t.setHoverTopic(nil)
	t.hideTip()
}

func (t *Timeline) setHoverTopic(topic *data.Topic) {
	if topic != t.hoverTopic {
		t.hoverTopic = topic
		if t.OnHoverTopic != nil {
			t.OnHoverTopic(topic)
		}
	}
}

func (t *Timeline) hideTip() {
	if t.hover >= 0 || t.hoverBin >= 0 || t.tip != nil {
		t.hover, t.hoverBin, t.tip = -1, -1, nil
		t.Refresh()
	}
}

// TooltipLines returns what the tooltip shows, nil when it is hidden.
func (t *Timeline) TooltipLines() []string {
	if t.tip == nil {
		return nil
	}
	return t.tip.lines
}

func (t *Timeline) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
}

// FocusGained implements fyne.Focusable.
func (t *Timeline) FocusGained() { t.focused = true; t.Refresh() }

// FocusLost implements fyne.Focusable.
func (t *Timeline) FocusLost() { t.focused = false; t.Refresh() }

// TypedRune zooms with + and - (= and _ too, unshifted), once a press.
func (t *Timeline) TypedRune(r rune) {
	switch r {
	case '+', '=':
		t.ZoomAt(t.center(), 1.5)
	case '-', '_':
		t.ZoomAt(t.center(), 1/1.5)
	}
}

func (t *Timeline) center() float32 {
	return float32(t.style().Gutter + t.plotWidth()/2)
}

// TypedKey walks the meetings with Left and Right, fits with Home, opens
// with Enter and clears with Escape.
func (t *Timeline) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyLeft:
		t.step(-1)
	case fyne.KeyRight:
		t.step(1)
	case fyne.KeyHome:
		t.Fit()
	case fyne.KeyReturn, fyne.KeyEnter:
		t.open()
	case fyne.KeyEscape:
		t.clearForUser()
	case fyne.KeyPlus, fyne.KeyEqual, fyne.KeyMinus:
		// Zoomed by the rune the key types (TypedRune): a window sends both
		// events for one press, and zooming on both zoomed twice.
	default:
		if t.OnOtherKey != nil {
			t.OnOtherKey(e)
		}
	}
}

// clearForUser drops the selection and reports it through OnClear.
func (t *Timeline) clearForUser() {
	t.ClearSelection()
	if t.OnClear != nil {
		t.OnClear()
	}
}
