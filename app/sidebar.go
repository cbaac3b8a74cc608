package app

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Sidebar shows the corpus summary and the filters of the window's State:
// which topics show, which years and meeting kinds count. It draws from
// the state and changes it only through the state's setters; it has no
// filters of its own.
type Sidebar struct {
	widget.BaseWidget

	state       *State
	corpus      *data.Corpus
	first, last int // the corpus' years, which the year choices stand for as 0

	summary  *widget.Label
	topics   *fyne.Container
	checks   map[string]*widget.Check
	kinds    *widget.CheckGroup
	from, to *widget.Select
	body     *fyne.Container
}

// NewSidebar makes an empty sidebar on a state.
func NewSidebar(state *State) *Sidebar {
	s := &Sidebar{state: state, summary: widget.NewLabel(""), topics: container.NewVBox(), checks: map[string]*widget.Check{}}
	s.from = widget.NewSelect(nil, func(string) { s.yearsChosen() })
	s.to = widget.NewSelect(nil, func(string) { s.yearsChosen() })
	all := widget.NewButton("All", func() { s.state.ShowOnly(s.corpus, "") })
	none := widget.NewButton("None", func() {
		var ids []string
		if s.corpus != nil {
			for _, t := range s.corpus.Topics {
				ids = append(ids, t.ID)
			}
		}
		s.state.SetHiddenTopics(ids)
	})
	years := container.NewGridWithColumns(2, s.from, s.to)
	s.kinds = widget.NewCheckGroup(nil, func(selected []string) {
		if len(selected) == len(s.kinds.Options) {
			selected = nil // every kind, including kinds of a corpus opened later
		}
		s.state.SetKinds(selected)
	})
	s.body = container.NewBorder(
		container.NewVBox(s.summary, widget.NewSeparator(),
			container.NewBorder(nil, nil, widget.NewLabelWithStyle("Topics", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewHBox(all, none))),
		container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle("Years", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), years,
			widget.NewLabelWithStyle("Meetings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.kinds),
		nil, nil, container.NewVScroll(s.topics))
	state.Listen(func(c Change) {
		if c&FiltersChanged != 0 {
			s.sync()
		}
	})
	s.ExtendBaseWidget(s)
	return s
}

// yearsChosen passes the chosen years to the state; the corpus' own first
// and last years stand for "open" (0), so that they follow the corpus.
func (s *Sidebar) yearsChosen() {
	from, _ := strconv.Atoi(s.from.Selected)
	to, _ := strconv.Atoi(s.to.Selected)
	if from == s.first {
		from = 0
	}
	if to == s.last {
		to = 0
	}
	s.state.SetYears(from, to)
}

// sync shows the state. It sets what the widgets show without calling
// their change handlers, which are for the user's changes alone: nothing
// the state shows comes back to it.
func (s *Sidebar) sync() {
	for id, c := range s.checks {
		if on := s.state.TopicShown(id); c.Checked != on {
			c.Checked = on
			c.Refresh()
		}
	}
	from, to := s.state.Years()
	if from == 0 {
		from = s.first
	}
	if to == 0 {
		to = s.last
	}
	if s.first != 0 {
		showSelected(s.from, strconv.Itoa(from))
		showSelected(s.to, strconv.Itoa(to))
	}
	var kinds []string
	for _, k := range s.kinds.Options {
		if s.state.KindShown(k) {
			kinds = append(kinds, k)
		}
	}
	if !slices.Equal(kinds, s.kinds.Selected) {
		s.kinds.Selected = kinds
		s.kinds.Refresh()
	}
}

// showSelected shows a choice in a select without calling its handler.
func showSelected(sel *widget.Select, choice string) {
	if sel.Selected != choice {
		sel.Selected = choice
		sel.Refresh()
	}
}

// SetCorpus fills the sidebar from a corpus and its statistics.
func (s *Sidebar) SetCorpus(c *data.Corpus, st data.Stats) {
	s.corpus = c
	// Short lines, not wrapping: a wrapping label at the top of a border
	// layout is measured as one line and overlaps what follows.
	s.summary.SetText(fmt.Sprintf("%d meetings, %d with text\n%d sources · %d annotations\n%s to %s",
		st.Meetings, st.MeetingsWithText, st.Sources, st.Annotations, st.FirstDate, st.LastDate))
	s.checks = map[string]*widget.Check{}
	var rows []fyne.CanvasObject
	for _, t := range c.Topics {
		id := t.ID
		check := widget.NewCheck("", func(on bool) { s.state.SetTopicShown(id, on) })
		check.Checked = s.state.TopicShown(id)
		s.checks[id] = check
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
	s.first, s.last = 0, 0
	if first, last, ok := c.DateRange(); ok {
		s.first, s.last = first.Year, last.Year
		for y := first.Year; y <= last.Year; y++ {
			years = append(years, strconv.Itoa(y))
		}
	}
	s.kinds.Options = c.Kinds()
	s.from.Options, s.to.Options = years, years
	s.sync()
	s.kinds.Refresh()
	s.body.Refresh() // lay out again: the summary's height changed
}

// SetTopicChecked shows or hides a topic, as its box does.
func (s *Sidebar) SetTopicChecked(id string, on bool) { s.state.SetTopicShown(id, on) }

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
	h.sidebar.state.SetHover(h.topic)
}
func (h *hoverRow) MouseMoved(*desktop.MouseEvent) {}
func (h *hoverRow) MouseOut() {
	h.sidebar.state.SetHover(nil)
}
