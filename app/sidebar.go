package app

import (
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Sidebar holds the corpus summary and the filters: which topics show and
// which years count.
type Sidebar struct {
	widget.BaseWidget

	// OnChange is called when the filters change.
	OnChange func()
	// OnHoverTopic is called with the topic under the pointer, nil when it
	// leaves.
	OnHoverTopic func(*data.Topic)

	summary  *widget.Label
	topics   *fyne.Container
	checks   map[string]*widget.Check
	kinds    *widget.CheckGroup
	from, to *widget.Select
	body     *fyne.Container
	quiet    bool // no OnChange while being filled
}

// NewSidebar makes an empty sidebar.
func NewSidebar() *Sidebar {
	s := &Sidebar{summary: widget.NewLabel(""), topics: container.NewVBox(), checks: map[string]*widget.Check{}}
	s.from = widget.NewSelect(nil, func(string) { s.changed() })
	s.to = widget.NewSelect(nil, func(string) { s.changed() })
	all := widget.NewButton("All", func() { s.setAll(true) })
	none := widget.NewButton("None", func() { s.setAll(false) })
	years := container.NewGridWithColumns(2, s.from, s.to)
	s.kinds = widget.NewCheckGroup(nil, func([]string) { s.changed() })
	s.body = container.NewBorder(
		container.NewVBox(s.summary, widget.NewSeparator(),
			container.NewBorder(nil, nil, widget.NewLabelWithStyle("Topics", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewHBox(all, none))),
		container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle("Years", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), years,
			widget.NewLabelWithStyle("Meetings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.kinds),
		nil, nil, container.NewVScroll(s.topics))
	s.ExtendBaseWidget(s)
	return s
}

func (s *Sidebar) changed() {
	if !s.quiet && s.OnChange != nil {
		s.OnChange()
	}
}

func (s *Sidebar) setAll(on bool) {
	s.quiet = true
	for _, c := range s.checks {
		c.SetChecked(on)
	}
	s.quiet = false
	s.changed()
}

// SetCorpus fills the sidebar from a corpus and its statistics; hidden
// lists topic ids to leave unchecked.
func (s *Sidebar) SetCorpus(c *data.Corpus, st data.Stats, hidden map[string]bool) {
	s.quiet = true
	defer func() { s.quiet = false }()
	// Short lines, not wrapping: a wrapping label at the top of a border
	// layout is measured as one line and overlaps what follows.
	s.summary.SetText(fmt.Sprintf("%d meetings, %d with text\n%d sources · %d annotations\n%s to %s",
		st.Meetings, st.MeetingsWithText, st.Sources, st.Annotations, st.FirstDate, st.LastDate))
	s.checks = map[string]*widget.Check{}
	var rows []fyne.CanvasObject
	for _, t := range c.Topics {
		check := widget.NewCheck("", func(bool) { s.changed() })
		check.SetChecked(!hidden[t.ID])
		s.checks[t.ID] = check
		chip := canvas.NewRectangle(color.NRGBA(t.Color))
		chip.CornerRadius = 3
		chip.SetMinSize(fyne.NewSize(12, 12))
		label := widget.NewLabel(fmt.Sprintf("%s (%d)", safetext.Clip(t.Label, maxShown), st.PerTopic[t.ID]))
		label.Truncation = fyne.TextTruncateEllipsis
		row := container.NewBorder(nil, nil, container.NewHBox(check, container.NewCenter(chip)), nil, label)
		rows = append(rows, newHoverRow(row, t, s))
	}
	s.topics.Objects = rows
	s.topics.Refresh()
	var years []string
	if first, last, ok := c.DateRange(); ok {
		for y := first.Year; y <= last.Year; y++ {
			years = append(years, strconv.Itoa(y))
		}
	}
	s.kinds.Options = c.Kinds()
	s.kinds.SetSelected(c.Kinds())
	s.from.Options, s.to.Options = years, years
	if len(years) > 0 {
		s.from.SetSelected(years[0])
		s.to.SetSelected(years[len(years)-1])
	}
	s.body.Refresh() // lay out again: the summary's height changed
}

// Query returns the filters as a count query (unit left to the caller).
func (s *Sidebar) Query(c *data.Corpus) data.Query {
	q := data.Query{}
	q.FromYear, _ = strconv.Atoi(s.from.Selected)
	q.ToYear, _ = strconv.Atoi(s.to.Selected)
	if q.ToYear < q.FromYear {
		q.FromYear, q.ToYear = q.ToYear, q.FromYear
	}
	for _, t := range c.Topics {
		if check := s.checks[t.ID]; check != nil && check.Checked {
			q.Topics = append(q.Topics, t.ID)
		}
	}
	if q.Topics == nil { // nothing checked: no topic, not all of them
		q.Topics = []string{}
	}
	q.Kinds = append([]string{}, s.kinds.Selected...)
	return q
}

// Hidden returns the ids of the unchecked topics.
func (s *Sidebar) Hidden() []string {
	var out []string
	for id, c := range s.checks {
		if !c.Checked {
			out = append(out, id)
		}
	}
	return out
}

// ShowOnly ticks one topic alone (nil: every topic), as one change.
func (s *Sidebar) ShowOnly(topic *data.Topic) {
	s.quiet = true
	for id, c := range s.checks {
		c.SetChecked(topic == nil || id == topic.ID)
	}
	s.quiet = false
	s.changed()
}

// SetTopicChecked checks or unchecks a topic.
func (s *Sidebar) SetTopicChecked(id string, on bool) {
	if c := s.checks[id]; c != nil {
		c.SetChecked(on)
	}
}

// CreateRenderer implements fyne.Widget.
func (s *Sidebar) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(s.body) }

// hoverRow reports the pointer entering and leaving a topic's row.
type hoverRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	topic   *data.Topic
	sidebar *Sidebar
}

func newHoverRow(content fyne.CanvasObject, t *data.Topic, s *Sidebar) *hoverRow {
	h := &hoverRow{content: content, topic: t, sidebar: s}
	h.ExtendBaseWidget(h)
	return h
}

func (h *hoverRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(h.content) }

func (h *hoverRow) MouseIn(*desktop.MouseEvent) {
	if h.sidebar.OnHoverTopic != nil {
		h.sidebar.OnHoverTopic(h.topic)
	}
}
func (h *hoverRow) MouseMoved(*desktop.MouseEvent) {}
func (h *hoverRow) MouseOut() {
	if h.sidebar.OnHoverTopic != nil {
		h.sidebar.OnHoverTopic(nil)
	}
}
