package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// KWICRow is one line of a keyword-in-context list: an annotation, or a
// search match, in its context.
type KWICRow struct {
	Annotation *data.Annotation // nil for a search match
	Match      textmatch.Match
	Context    textmatch.Context
	cut        bool // Context is made, when the row is first shown
}

// context cuts the row's context once.
func (r *KWICRow) context() textmatch.Context {
	if !r.cut {
		if r.Annotation != nil {
			r.Context = textmatch.ContextOf(r.Annotation.Source, r.Annotation.Anchor.ByteStart, r.Annotation.Anchor.ByteEnd, kwicContext)
		} else {
			r.Context = r.Match.Context(kwicContext)
		}
		r.cut = true
	}
	return r.Context
}

// KWICList lists spans in context under a title: the state's listing,
// the annotations behind a selection or a chart cell or the matches of a
// search. Choosing a row opens it.
type KWICList struct {
	widget.BaseWidget

	// OnOpen is called with the row the user chooses.
	OnOpen func(row int)
	// OnMenu is called with a row the user right-clicks, and where.
	OnMenu func(row int, at fyne.Position)

	title *widget.Label
	list  *keyList
	rows  []KWICRow
	open  int // the row shown as open; -1 for none
	tips  *tipLayer
}

const (
	kwicContext = 60  // runes of context on each side
	kwicQuote   = 160 // a longer span shows its start and end
)

// NewKWICList makes an empty list; its rows offer keys to the window
// first and show their whole passage on the tip layer.
func NewKWICList(keys windowKeys, tips *tipLayer) *KWICList {
	k := &KWICList{open: -1, tips: tips, title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	k.title.Wrapping = fyne.TextWrapWord
	k.list = newKeyList(func() int { return len(k.rows) }, k.newLine, func(i widget.ListItemID, o fyne.CanvasObject) {
		line := o.(*kwicLine)
		k.rows[i].context()
		line.row, line.index = &k.rows[i], i
		line.context.SetRuns(kwicRuns(k.rows[i]))
		line.where.SetText(kwicWhere(k.rows[i]))
	}, keys)
	k.list.OnSelected = func(i widget.ListItemID) {
		if k.OnOpen != nil && i < len(k.rows) && i != k.open {
			k.open = i
			k.OnOpen(i)
		}
	}
	k.ExtendBaseWidget(k)
	return k
}

// kwicLine is a row: the span in its context, wrapped on up to three
// lines (the context is cut to about as much on each side, so the span
// stands near the middle), then where it comes from on one line. The
// pointer over it shows the whole passage.
type kwicLine struct {
	widget.BaseWidget
	context *wrapText
	where   *widget.Label
	row     *KWICRow // shown now
	index   int      // its place in the list
	list    *KWICList
	tips    *tipLayer
}

// kwicLines is how many lines of context a row has.
const kwicLines = 3

func (k *KWICList) newLine() fyne.CanvasObject {
	l := &kwicLine{context: newWrapText(kwicLines), where: widget.NewLabel(""), tips: k.tips, list: k}
	l.where.Truncation = fyne.TextTruncateEllipsis
	l.where.SizeName = theme.SizeNameCaptionText
	l.ExtendBaseWidget(l)
	return l
}

func (l *kwicLine) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(tightRows{}, l.context, l.where))
}

// MouseIn implements desktop.Hoverable: the whole passage.
func (l *kwicLine) MouseIn(*desktop.MouseEvent) {
	if l.row == nil || l.tips == nil {
		return
	}
	text := ""
	if a := l.row.Annotation; a != nil {
		text = a.Text()
	} else {
		text = l.row.Match.Text()[l.row.Match.ByteStart:l.row.Match.ByteEnd]
	}
	c := l.row.context()
	passage := strings.Join(strings.Fields(c.Before+text+c.After), " ")
	l.tips.showWrapped(safetext.ClipMiddle(passage, 600), l)
}

// MouseMoved implements desktop.Hoverable.
func (l *kwicLine) MouseMoved(*desktop.MouseEvent) {}

// TappedSecondary implements fyne.SecondaryTappable: the row's menu.
func (l *kwicLine) TappedSecondary(e *fyne.PointEvent) {
	if l.row != nil && l.list.OnMenu != nil {
		l.tips.hide()
		l.list.OnMenu(l.index, e.AbsolutePosition)
	}
}

// MouseOut implements desktop.Hoverable.
func (l *kwicLine) MouseOut() {
	if l.tips != nil {
		l.tips.hide()
	}
}

// tightRows stacks objects without the theme's padding between them.
type tightRows struct{}

func (tightRows) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		h := o.MinSize().Height - theme.Padding()
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h+theme.Padding()))
		y += h
	}
}

func (tightRows) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height - theme.Padding()
	}
	return fyne.NewSize(w, h+theme.Padding())
}

// kwicRuns is a row's context with its span in bold.
func kwicRuns(r KWICRow) []run {
	return []run{{text: r.Context.Before}, {text: safetext.ClipMiddle(r.Context.Span, kwicQuote), bold: true}, {text: r.Context.After}}
}

// kwicWhere says where a row comes from: topic, coder, date, meeting, source,
// and for a match outside a source's text, the field it is in.
func kwicWhere(r KWICRow) string {
	var meeting *data.Meeting
	var parts []string
	switch {
	case r.Annotation != nil:
		parts = append(parts, safetext.Clip(r.Annotation.Topic.Label, maxShown))
		if r.Annotation.Coder != "" {
			parts = append(parts, "by "+safetext.Clip(r.Annotation.Coder, 24)) // whose reading, where coders differ
		}
		if ms := r.Annotation.Source.Meetings; len(ms) > 0 {
			meeting = ms[0]
		}
	case r.Match.Field != textmatch.InText:
		field := string(r.Match.Field)
		if r.Match.Meeting == nil {
			field = "source " + field
		}
		parts = append(parts, "in the "+field)
		fallthrough
	default:
		if ms := r.Match.Meetings(); len(ms) > 0 {
			meeting = ms[0]
		}
	}
	src := r.source()
	// The page early on: the row cuts what does not fit at its end.
	if page := pageOf(src, r.byteStart()); page > 0 {
		parts = append(parts, fmt.Sprintf("p. %d", page))
	}
	if meeting != nil {
		parts = append(parts, meeting.Date.String(), safetext.Clip(meeting.Short, maxShown))
	}
	if src != nil {
		parts = append(parts, safetext.Clip(src.Title, 40))
	}
	return strings.Join(parts, " · ")
}

func pageOf(s *data.Source, at int) int {
	if s == nil {
		return 0
	}
	return s.Page(at)
}

// byteStart is where the row's text starts in its source.
func (r KWICRow) byteStart() int {
	if r.Annotation != nil {
		return r.Annotation.Anchor.ByteStart
	}
	return r.Match.ByteStart
}

// source is the row's source, if it has one.
func (r KWICRow) source() *data.Source {
	if r.Annotation != nil {
		return r.Annotation.Source
	}
	return r.Match.Source
}

// List shows a listing's rows.
func (k *KWICList) List(l Listing) {
	rows := make([]KWICRow, 0, l.Len())
	for _, a := range l.Annotations {
		rows = append(rows, KWICRow{Annotation: a})
	}
	for _, m := range l.Matches {
		rows = append(rows, KWICRow{Match: m})
	}
	k.rows, k.open = rows, -1
	if l.Count() > len(rows) {
		k.title.SetText(fmt.Sprintf("%s (the first %d of %d)", l.Title, len(rows), l.Count()))
	} else {
		k.title.SetText(fmt.Sprintf("%s (%d)", l.Title, len(rows)))
	}
	k.list.UnselectAll()
	k.list.Refresh()
	k.list.ScrollToTop()
}

// ShowOpen marks row i as the one open (-1: none), scrolled into view,
// without reporting it.
func (k *KWICList) ShowOpen(i int) {
	if i == k.open {
		return
	}
	k.open = i
	if i < 0 || i >= len(k.rows) {
		k.list.UnselectAll()
		return
	}
	k.list.Select(i)
}

// Rows returns the rows shown.
func (k *KWICList) Rows() []KWICRow { return k.rows }

// Open chooses row i, as a click would.
func (k *KWICList) Open(i int) {
	if i >= 0 && i < len(k.rows) && k.OnOpen != nil {
		k.open = i
		k.list.Select(i)
		k.OnOpen(i)
	}
}

// CreateRenderer implements fyne.Widget.
func (k *KWICList) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(k.title, nil, nil, nil, k.list))
}
