package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Sidebar shows the corpus summary and the filters of the window's State:
// which topics show, which years, meeting kinds and coders count. It draws from
// the state and changes it only through the state's setters; it has no
// filters of its own.
type Sidebar struct {
	widget.BaseWidget

	state       *State
	corpus      *data.Corpus
	allSpans    []int // each topic's spans by every coder, from the totals
	first, last int   // the corpus' years, which the year choices stand for as 0

	keys      windowKeys
	tips      *tipLayer
	summary   *widget.Label
	topics    *fyne.Container
	checks    map[string]*keyCheck
	chips     map[*data.Topic]*canvas.Rectangle
	pending   map[*data.Topic]*widget.Label // suggestions to review, by topic
	kinds     *fyne.Container               // a box per meeting kind
	kindBox   map[string]*keyCheck
	kindOrder []string                      // the corpus' kinds, in the order the boxes show them
	labels    map[*data.Topic]*widget.Label // a topic's label, cut to fit
	counts    map[*data.Topic]*widget.Label // a topic's spans, never cut
	rows      []*hoverRow                   // a row per topic, in the corpus' order
	coders    *fyne.Container               // a box per coder, when there are two or more
	coderBox  map[string]*keyCheck
	coderSet  []string // the corpus' coders, in the order the boxes show them
	from, to  *keySelect
	body      *fyne.Container
	// The scrolls that hold the topics' rows, and the years, coders and
	// kinds: laid out again, alone, when rows come or go.
	topicsScroll, filtersScroll *container.Scroll
}

// NewSidebar makes an empty sidebar on a state; its widgets offer keys to
// the window first, and a topic's row names it whole on tips on hover.
func NewSidebar(state *State, keys windowKeys, tips *tipLayer) *Sidebar {
	s := &Sidebar{state: state, keys: keys, tips: tips, summary: widget.NewLabel(""), topics: container.NewVBox(), checks: map[string]*keyCheck{}, kinds: container.NewVBox(), coders: container.NewVBox()}
	s.from = newKeySelect(nil, func(string) { s.yearsChosen() }, keys)
	s.to = newKeySelect(nil, func(string) { s.yearsChosen() }, keys)
	s.from.PlaceHolder, s.to.PlaceHolder = "from", "to" // short: the sidebar stays narrow
	all := newKeyButton("All", nil, func() { s.state.ShowOnly(s.corpus, "") }, keys)
	none := newKeyButton("None", nil, func() {
		var ids []string
		if s.corpus != nil {
			for _, t := range s.corpus.Topics {
				ids = append(ids, t.ID)
			}
		}
		s.state.SetHiddenTopics(ids)
	}, keys)
	years := container.NewGridWithColumns(2, s.from, s.to)
	s.topicsScroll = container.NewVScroll(s.topics)
	// The topics and the other filters share the height, each part
	// scrolling: many meeting kinds or coders never squeeze the topics
	// out, and the user can move the line between them.
	topics := container.NewBorder(
		container.NewBorder(nil, nil, widget.NewLabelWithStyle("Topics", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewHBox(all, none)),
		nil, nil, nil, s.topicsScroll)
	// The coders before the meeting kinds: where a team codes, whose work
	// shows is the choice made most.
	s.filtersScroll = container.NewVScroll(container.NewVBox(widget.NewLabelWithStyle("Years", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), years,
		s.coders, widget.NewLabelWithStyle("Meetings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.kinds))
	split := container.NewVSplit(topics, s.filtersScroll)
	split.SetOffset(0.58)
	s.body = container.NewBorder(container.NewVBox(s.summary, widget.NewSeparator()), nil, nil, nil, split)
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
	for k, c := range s.kindBox {
		if on := s.state.KindShown(k); c.Checked != on {
			c.Checked = on
			c.Refresh()
		}
	}
	for name, c := range s.coderBox {
		if on := s.state.Coders().Includes(name); c.Checked != on {
			c.Checked = on
			c.Refresh()
		}
	}
	s.countTopics()
}

// countTopics shows each topic's label and, after it, its spans by the
// coders chosen.
func (s *Sidebar) countTopics() {
	if s.corpus == nil {
		return
	}
	counts := s.topicSpans()
	for ti, t := range s.corpus.Topics {
		if l, text := s.labels[t], topicLabelText(ti, t); l != nil && l.Text != text {
			l.SetText(text)
		}
		if l, text := s.counts[t], strconv.Itoa(counts[ti]); l != nil && l.Text != text {
			l.SetText(text)
		}
	}
}

// topicSpans counts each topic's spans by the coders chosen, by topic
// index: from the totals when every coder is (a pass over every
// annotation, on the UI goroutine, saved).
func (s *Sidebar) topicSpans() []int {
	if coders := s.state.Coders(); coders != nil || len(s.allSpans) != len(s.corpus.Topics) {
		return s.corpus.TopicSpans(coders)
	}
	return s.allSpans
}

// topicLabelText is the label of the topic at index ti, after the key
// that codes a selection with it (the first nine).
func topicLabelText(ti int, t *data.Topic) string {
	label := safetext.Clip(t.Label, maxShown)
	if ti < 9 {
		return fmt.Sprintf("%d  %s", ti+1, label)
	}
	return label
}

// codersChosen passes the coders ticked to the state: every coder as nil,
// so that annotations of coders added later show too.
func (s *Sidebar) codersChosen() {
	selected := data.Coders{}
	for _, name := range s.coderSet {
		if s.coderBox[name].Checked {
			selected = append(selected, name)
		}
	}
	if len(selected) == len(s.coderSet) {
		selected = nil
	}
	s.state.SetCoders(selected)
}

// coderName is how a coder's box names them; "" is the annotations that
// name no coder.
func coderName(name string) string {
	if name == "" {
		return "(no coder named)"
	}
	return safetext.Clip(name, maxShown)
}

// kindsChosen passes the kinds ticked to the state: every kind as nil, so
// that kinds of a corpus opened later show too.
func (s *Sidebar) kindsChosen() {
	var selected []string
	for _, k := range s.kindOrder {
		if s.kindBox[k].Checked {
			selected = append(selected, k)
		}
	}
	if len(selected) == len(s.kindBox) {
		selected = nil
	}
	s.state.SetKinds(selected)
}

// showSelected shows a choice in a select without calling its handler.
func showSelected(sel *keySelect, choice string) {
	if sel.Selected != choice {
		sel.Selected = choice
		sel.Refresh()
	}
}

// SetCorpus fills the sidebar from a corpus and its totals; the topics'
// counts are of the coders chosen.
func (s *Sidebar) SetCorpus(c *data.Corpus, st data.Totals) {
	s.corpus, s.allSpans = c, st.TopicSpans
	// Short lines, not wrapping: a wrapping label at the top of a border
	// layout is measured as one line and overlaps what follows.
	span := st.FirstDate + " to " + st.LastDate
	if st.FirstDate == "" {
		span = "no dates yet"
	}
	lines := strings.Count(s.summary.Text, "\n")
	s.summary.SetText(fmt.Sprintf("%d meetings, %d with text\n%d sources · %d annotations\n%s",
		st.Meetings, st.MeetingsWithText, st.Sources, st.Annotations, span))
	topicsRemade := s.setTopics(c.Topics, s.topicSpans())
	var years []string
	s.first, s.last = 0, 0
	if st.FirstDate != "" {
		s.first, s.last = st.First.Year, st.Last.Year
		for y := s.first; y <= s.last; y++ {
			years = append(years, strconv.Itoa(y))
		}
	}
	filtersRemade := s.setKinds(st.Kinds)
	filtersRemade = s.setCoders(st) || filtersRemade
	s.from.Options, s.to.Options = years, years
	s.sync()
	// Only what moved is laid out: a refresh of the whole sidebar, or of
	// a scroll, lays out and refreshes every row again, and a truncated
	// label shapes its text at several widths each time (rows made anew
	// for gen's 19 topics: 19 ms a refresh of the sidebar, 8 ms this way,
	// in a test window).
	if strings.Count(s.summary.Text, "\n") != lines {
		s.body.Layout.Layout(s.body.Objects, s.body.Size()) // all under the summary moves
	}
	if topicsRemade {
		layOutAgain(s.topicsScroll)
	}
	if filtersRemade {
		layOutAgain(s.filtersScroll, s.coders, s.kinds)
	}
}

// layOutAgain lays out a scroll's content, and the boxes inside it, after
// rows came or went: a row made anew gets its renderer and its layout
// once, from its first size. The scroll's own renderer follows the
// content's new height (its bars, the content resized); the content is not
// refreshed, which would lay out and refresh every row again.
func layOutAgain(scroll *container.Scroll, boxes ...*fyne.Container) {
	scroll.Base.Refresh()
	if content, ok := scroll.Content.(*fyne.Container); ok {
		boxes = append([]*fyne.Container{content}, boxes...)
	}
	for _, b := range boxes { // a box of the same size is not laid out by a resize
		b.Layout.Layout(b.Objects, b.Size())
	}
}

// setTopics gives each topic a row: its box, chip, label, spans (from
// counts, by topic index) and pending count, and reports whether it made
// them anew, left for the caller to lay out. The rows of the topics
// already shown, by id in the same order (an edit, a reload), are kept
// and given the new records: made anew, every row's box decoded its icons
// again.
func (s *Sidebar) setTopics(topics []*data.Topic, counts []int) bool {
	chips, pending, labels, spans := map[*data.Topic]*canvas.Rectangle{}, map[*data.Topic]*widget.Label{}, map[*data.Topic]*widget.Label{}, map[*data.Topic]*widget.Label{}
	same := len(topics) == len(s.rows)
	for i := 0; same && i < len(topics); i++ {
		same = topics[i].ID == s.rows[i].topic.ID
	}
	if same {
		for i, t := range topics {
			row := s.rows[i]
			chips[t], pending[t], labels[t], spans[t] = s.chips[row.topic], s.pending[row.topic], s.labels[row.topic], s.counts[row.topic]
			row.topic = t
		}
		s.chips, s.pending, s.labels, s.counts = chips, pending, labels, spans
		s.ColourChips() // a topic's colour may have changed
		return false
	}
	s.checks = map[string]*keyCheck{}
	s.rows = nil
	var rows []fyne.CanvasObject
	for ti, t := range topics {
		id := t.ID
		check := newKeyCheck("", func(on bool) { s.state.SetTopicShown(id, on) }, s.keys)
		check.Checked = s.state.TopicShown(id)
		s.checks[id] = check
		chip := canvas.NewRectangle(t.Color)
		chips[t] = chip
		chip.CornerRadius = 3
		chip.SetMinSize(fyne.NewSize(12, 12))
		label := widget.NewLabel(topicLabelText(ti, t))
		labels[t] = label
		label.Truncation = fyne.TextTruncateEllipsis
		// The spans in a column of their own, where a narrow sidebar
		// does not cut them off with the label: they are what the row
		// tells.
		n := widget.NewLabelWithStyle(strconv.Itoa(counts[ti]), fyne.TextAlignTrailing, fyne.TextStyle{})
		spans[t] = n
		p := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
		p.Importance = widget.LowImportance
		pending[t] = p
		right := container.New(layout.NewCustomPaddedHBoxLayout(0), n, p)
		row := newHoverRow(container.NewBorder(nil, nil, container.NewHBox(check, container.NewCenter(chip)), right, label), t, s)
		s.rows = append(s.rows, row)
		rows = append(rows, row)
	}
	s.chips, s.pending, s.labels, s.counts = chips, pending, labels, spans
	s.topics.Objects = rows
	s.ColourChips()
	return true
}

// setKinds makes a box per meeting kind, unless the kinds are those shown
// (their boxes, which sync ticks, are kept), and reports whether it did:
// the caller lays them out.
func (s *Sidebar) setKinds(kinds []string) bool {
	if slices.Equal(s.kindOrder, kinds) {
		return false
	}
	s.kindBox = map[string]*keyCheck{}
	var boxes []fyne.CanvasObject
	s.kindOrder = kinds
	for _, k := range kinds {
		box := newKeyCheck(safetext.Clip(k, maxShown), func(bool) { s.kindsChosen() }, s.keys)
		box.Checked = s.state.KindShown(k)
		s.kindBox[k] = box
		boxes = append(boxes, box)
	}
	s.kinds.Objects = boxes
	return true
}

// setCoders makes a box per coder of the corpus, with their spans, when
// two coders or more are named (annotations that name none then have a
// box too): one named coder beside unnamed work, as in the built-in
// corpus, is no team to compare, and the room is the topics'. The same
// coders keep their boxes, with their spans now. It reports whether it
// made the boxes anew, for the caller to lay out.
func (s *Sidebar) setCoders(st data.Totals) bool {
	if slices.Equal(s.coderSet, st.Coders) { // boxes, or none, as the same coders had
		for _, name := range s.coderSet {
			if box, text := s.coderBox[name], coderBoxText(name, st); box != nil && box.Text != text {
				box.SetText(text)
			}
		}
		return false
	}
	s.coderSet = st.Coders
	s.coderBox = map[string]*keyCheck{}
	s.coders.Objects = nil
	named := len(s.coderSet)
	if slices.Contains(s.coderSet, "") {
		named--
	}
	if named >= 2 {
		s.coders.Add(widget.NewLabelWithStyle("Coders", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, name := range s.coderSet {
			box := newKeyCheck(coderBoxText(name, st), func(bool) { s.codersChosen() }, s.keys)
			box.Checked = s.state.Coders().Includes(name)
			s.coderBox[name] = box
			s.coders.Add(box)
		}
	}
	return true
}

// coderBoxText is a coder's box's text: who, and how many spans.
func coderBoxText(name string, st data.Totals) string {
	return fmt.Sprintf("%s (%d)", coderName(name), st.CoderSpans[name])
}

// ColourChips gives each topic's chip its colour as the charts draw it in
// the window's variant; the window calls it when the variant changes.
func (s *Sidebar) ColourChips() {
	dark := apptheme.IsDark(fyne.CurrentApp())
	for t, chip := range s.chips {
		c := t.Color
		if dark {
			c = charts.OnDark(c)
		}
		chip.FillColor = c
		chip.Refresh()
	}
}

// SetPending shows how many suggestions each topic (by index) has to
// review, as "+N" after its label; nil clears them.
func (s *Sidebar) SetPending(counts []int) {
	for t, l := range s.pending {
		text := ""
		if t.Index < len(counts) && counts[t.Index] > 0 {
			text = fmt.Sprintf("+%d", counts[t.Index])
		}
		if l.Text != text {
			// Italic only with a count: an empty label is measured too, and
			// the first italic text costs Fyne 20 ms of reading its fonts
			// (and 7 MB), which a corpus with nothing to review need not pay.
			l.TextStyle.Italic = text != ""
			l.SetText(text)
		}
	}
}

// Pending is the pending count shown for a topic ("" for none).
func (s *Sidebar) Pending(t *data.Topic) string {
	if l := s.pending[t]; l != nil {
		return l.Text
	}
	return ""
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
	if tips := h.sidebar.tips; tips != nil {
		text := safetext.Clip(h.topic.Label, maxShown)
		if d := strings.TrimSpace(h.topic.Description); d != "" {
			text += " — " + d
		}
		if p := h.sidebar.Pending(h.topic); p != "" {
			text += fmt.Sprintf(" (%s suggestions to review: Ctrl+G)", strings.TrimPrefix(p, "+"))
		}
		tips.showWrapped(text, h)
	}
}
func (h *hoverRow) MouseMoved(*desktop.MouseEvent) {}
func (h *hoverRow) MouseOut() {
	h.sidebar.state.SetHover(nil)
	if h.sidebar.tips != nil {
		h.sidebar.tips.hide()
	}
}
