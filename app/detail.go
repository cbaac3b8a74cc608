package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// DetailPane shows a meeting: its facts, the eras it falls in, and its
// sources, one tab each, with every annotated span highlighted. Previous
// and next walk the spans of the selection.
type DetailPane struct {
	widget.BaseWidget

	// OnTapSpan is called when the user taps a highlighted span.
	OnTapSpan func(*data.Annotation)
	// OnSelectText is called when the user selects text in a source, and
	// OnKey with the runes typed there.
	OnSelectText func(s *data.Source, start, end int)
	OnKey        func(r rune)
	// OnKeyEvent is offered the keys typed in a source first (the window's).
	OnKeyEvent func(*fyne.KeyEvent) bool
	// OnMenu is called on a right-click in a source, and OnPick when the
	// user asks for a topic for the selected text.
	OnMenu func(s *data.Source, spans []*data.Annotation, at fyne.Position)
	OnPick func(at fyne.Position)
	// OnResize is called when the user dragged an end of the outlined span.
	OnResize func(a *data.Annotation, start, end int)
	// Do runs a function on the UI goroutine, for the source views' long
	// layouts (fyne.Do when nil).
	Do func(func())

	corpus  *data.Corpus
	meeting *data.Meeting
	topic   *data.Topic
	spans   []*data.Annotation // the selection's spans, in order
	current int

	query      string                             // the search whose matches are boxed
	match      textmatch.Match                    // the match open, filled
	ownMatch   bool                               // the match open is not the search's
	inSource   map[*data.Source][]textmatch.Match // the query's matches, found once per source
	facts      *widget.RichText
	tabs       *container.AppTabs
	tabSources []*data.Source
	views      []*SourceView
	scrolls    []*container.Scroll
	prev, next *keyButton
	rawLines   *keyCheck // show the file's line breaks instead of paragraphs
	where      *widget.Label
	body       fyne.CanvasObject
}

// NewDetailPane makes an empty pane with a hint; its buttons offer keys
// to the window first.
func NewDetailPane(keys windowKeys) *DetailPane {
	d := &DetailPane{facts: widget.NewRichText(), tabs: container.NewAppTabs(), where: widget.NewLabel("")}
	d.facts.Wrapping = fyne.TextWrapWord
	d.prev = newKeyButton("", theme.NavigateBackIcon(), d.Previous, keys)
	d.next = newKeyButton("", theme.NavigateNextIcon(), d.Next, keys)
	d.tabs.OnSelected = func(*container.TabItem) { d.updateNav() }
	d.rawLines = newKeyCheck("File's line breaks", func(on bool) {
		for _, v := range d.views {
			v.SetRawLines(on)
		}
	}, keys)
	nav := container.NewBorder(nil, nil, container.NewHBox(d.prev, d.next), d.rawLines, d.where)
	// The facts scroll on their own, so a long summary never squeezes the
	// source text.
	split := container.NewVSplit(container.NewVScroll(d.facts), container.NewBorder(nav, nil, nil, nil, d.tabs))
	split.SetOffset(0.32)
	d.body = split
	d.Clear()
	d.ExtendBaseWidget(d)
	return d
}

// Clear shows the hint.
func (d *DetailPane) Clear() {
	d.meeting, d.topic, d.spans, d.current = nil, nil, nil, -1
	d.setFacts([]widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline,
		Text: "Select a meeting on the timeline (click, or ← and →), a cell of a chart, or a search result: its source text opens here with every annotated passage highlighted in its topic's colour."}})
	d.setSources(nil)
	d.updateNav()
}

func (d *DetailPane) setFacts(segs []widget.RichTextSegment) {
	d.facts.Segments = segs
	d.facts.Refresh()
}

// ShowSelection shows a timeline selection: the meeting, its sources, and
// the first span of the selection.
func (d *DetailPane) ShowSelection(c *data.Corpus, sel timeline.Selection) {
	if sel.Meeting == nil {
		d.Clear()
		return
	}
	d.corpus, d.meeting, d.topic = c, sel.Meeting, sel.Topic
	d.spans = sel.Annotations
	d.setFacts(meetingFacts(c, sel.Meeting))
	d.setSources(sel.Meeting.Sources)
	d.current = -1
	if len(d.spans) > 0 {
		d.goTo(0)
	}
	d.updateNav()
}

// ShowSpan opens the source of an annotation at the span, with its meeting
// when the source reports one, and makes it the current span of the list.
func (d *DetailPane) ShowSpan(c *data.Corpus, a *data.Annotation, list []*data.Annotation) {
	d.topic = a.Topic
	d.showSourceOf(c, a.Source)
	d.spans = list
	if !slices.Contains(list, a) {
		d.spans = []*data.Annotation{a}
	}
	d.goTo(slices.Index(d.spans, a))
}

// showSourceOf shows the meeting a source reports (its first), with all
// its sources, unless it is on show already; a source that reports no
// meeting is shown alone.
func (d *DetailPane) showSourceOf(c *data.Corpus, s *data.Source) {
	d.corpus = c
	var m *data.Meeting
	if len(s.Meetings) > 0 {
		m = s.Meetings[0]
	}
	if m != nil && m == d.meeting {
		return
	}
	d.meeting = m
	if m != nil {
		d.setFacts(meetingFacts(c, m))
		d.setSources(m.Sources)
		return
	}
	d.setFacts([]widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: safetext.Clip(s.Title, maxShown)}})
	d.setSources([]*data.Source{s})
}

// ShowMatch opens the source of a search match, scrolled to it.
func (d *DetailPane) ShowMatch(c *data.Corpus, m textmatch.Match) {
	d.topic = nil
	d.showSourceOf(c, m.Source)
	d.spans, d.current = nil, -1
	d.updateNav()
	ti := slices.Index(d.tabSources, m.Source)
	if ti < 0 {
		return
	}
	d.tabs.SelectIndex(ti)
	s, v := d.scrolls[ti], d.views[ti]
	if m.Field != textmatch.InText { // in the source's title or the like, shown above its text
		s.ScrollToTop()
		return
	}
	if v.Size().Width == 0 {
		v.Resize(fyne.NewSize(s.Size().Width, v.MinSize().Height))
	}
	v.WhenLaidOut(func() { scrollNear(s, v, v.ByteY(m.ByteStart)) })
}

// scrollNear scrolls a source's scroller so that y of its view stands
// near the top (nothing for y < 0: not laid out).
func scrollNear(s *container.Scroll, v *SourceView, y float32) {
	if y < 0 {
		return
	}
	header := s.Content.(*fyne.Container).Objects[0]
	s.Offset.Y = max(0, header.Size().Height+y-40)
	s.Refresh()
	v.SetViewport(s.Offset.Y-header.Size().Height, max(s.Size().Height, 600))
}

// Meeting returns the meeting shown.
func (d *DetailPane) Meeting() *data.Meeting { return d.meeting }

// Current returns the current span.
func (d *DetailPane) Current() *data.Annotation {
	if d.current < 0 || d.current >= len(d.spans) {
		return nil
	}
	return d.spans[d.current]
}

// View returns the source view of a source shown, or nil.
func (d *DetailPane) View(s *data.Source) *SourceView {
	if i := slices.Index(d.tabSources, s); i >= 0 {
		return d.views[i]
	}
	return nil
}

// Next moves to the next span of the selection.
func (d *DetailPane) Next() {
	if d.current+1 < len(d.spans) {
		d.goTo(d.current + 1)
	}
}

// Previous moves to the previous span.
func (d *DetailPane) Previous() {
	if d.current > 0 {
		d.goTo(d.current - 1)
	}
}

// goTo opens span i: its source's tab, outlined, scrolled into view.
func (d *DetailPane) goTo(i int) {
	if i < 0 || i >= len(d.spans) {
		return
	}
	d.current = i
	a := d.spans[i]
	if ti := slices.Index(d.tabSources, a.Source); ti >= 0 {
		d.tabs.SelectIndex(ti)
		v := d.views[ti]
		v.SetSource(a.Source, a, d.topic)
		d.scrollTo(ti, a)
	}
	d.updateNav()
}

// scrollTo brings a span near the top of its source's scroller once the
// text is laid out.
func (d *DetailPane) scrollTo(ti int, a *data.Annotation) {
	s, v := d.scrolls[ti], d.views[ti]
	if v.Size().Width == 0 {
		v.Resize(fyne.NewSize(s.Size().Width, v.MinSize().Height))
	}
	v.WhenLaidOut(func() { scrollNear(s, v, v.SpanY(a)) })
}

func (d *DetailPane) updateNav() {
	n := len(d.spans)
	d.prev.Disable()
	d.next.Disable()
	switch {
	case n == 0:
		d.where.SetText("")
	default:
		what := "all topics"
		if d.topic != nil {
			what = safetext.Clip(d.topic.Label, maxShown)
		}
		d.where.SetText(fmt.Sprintf("Span %d of %d · %s", d.current+1, n, what))
		if d.current > 0 {
			d.prev.Enable()
		}
		if d.current+1 < n {
			d.next.Enable()
		}
	}
}

// setSources makes one tab per source: its metadata above its text.
func (d *DetailPane) setSources(sources []*data.Source) {
	d.tabSources, d.views, d.scrolls = sources, nil, nil
	var items []*container.TabItem
	for _, s := range sources {
		v := NewSourceView()
		v.Do = d.Do
		v.OnTapSpan = func(a *data.Annotation) {
			if i := slices.Index(d.spans, a); i >= 0 {
				d.current = i
				d.updateNav()
			}
			if d.OnTapSpan != nil {
				d.OnTapSpan(a)
			}
		}
		v.OnSelect = func(s *data.Source, start, end int) {
			if d.OnSelectText != nil {
				d.OnSelectText(s, start, end)
			}
		}
		v.OnKey = func(r rune) {
			if d.OnKey != nil {
				d.OnKey(r)
			}
		}
		v.OnKeyEvent = func(e *fyne.KeyEvent) bool { return d.OnKeyEvent != nil && d.OnKeyEvent(e) }
		v.OnPick = func(at fyne.Position) {
			if d.OnPick != nil {
				d.OnPick(at)
			}
		}
		v.OnResize = func(a *data.Annotation, start, end int) {
			if d.OnResize != nil {
				d.OnResize(a, start, end)
			}
		}
		v.OnMenu = func(s *data.Source, spans []*data.Annotation, at fyne.Position) {
			if d.OnMenu != nil {
				d.OnMenu(s, spans, at)
			}
		}
		v.SetRawLines(d.rawLines.Checked)
		v.SetSource(s, nil, d.topic)
		d.markMatches(v)
		header := widget.NewRichText(sourceMeta(s)...)
		header.Wrapping = fyne.TextWrapWord
		scroll := container.NewVScroll(container.NewVBox(header, v))
		v.OnReflow = scroll.Refresh
		// The view draws only the lines the scroller shows.
		scroll.OnScrolled = func(off fyne.Position) { v.SetViewport(off.Y-v.Position().Y, scroll.Size().Height) }
		d.views = append(d.views, v)
		d.scrolls = append(d.scrolls, scroll)
		items = append(items, container.NewTabItem(tabName(s), scroll))
	}
	d.tabs.SetItems(items)
}

// ShowSource brings a source's tab forward, when it is shown.
func (d *DetailPane) ShowSource(s *data.Source) {
	if ti := slices.Index(d.tabSources, s); ti >= 0 {
		d.tabs.SelectIndex(ti)
	}
}

// ShowSearch boxes the matches of a search in every source shown, and
// fills the one open (a zero match for none); with own, the open match is
// not the search's (a phrase trend's) and is boxed and filled all the
// same.
func (d *DetailPane) ShowSearch(query string, open textmatch.Match, own bool) {
	if query != d.query {
		d.inSource = nil
	}
	d.query, d.match, d.ownMatch = query, open, own
	for _, v := range d.views {
		d.markMatches(v)
	}
}

func (d *DetailPane) markMatches(v *SourceView) {
	matches, ok := d.inSource[v.source]
	if !ok {
		matches = textmatch.InSource(d.query, v.source)
		if d.inSource == nil {
			d.inSource = map[*data.Source][]textmatch.Match{}
		}
		d.inSource[v.source] = matches
	}
	open := slices.Index(matches, d.match)
	if open < 0 && d.ownMatch && d.match.Source == v.source && d.match.Field == textmatch.InText && d.match.ByteEnd > d.match.ByteStart {
		matches = append(slices.Clip(matches), d.match)
		open = len(matches) - 1
	}
	v.SetMatches(matches, open)
}

func tabName(s *data.Source) string {
	name := s.Details().Publisher
	if name == "" {
		name = s.Title
	}
	return safetext.Clip(name, 18)
}

// meetingFacts are the meeting's facts as rich text.
func meetingFacts(c *data.Corpus, m *data.Meeting) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	add := func(style widget.RichTextStyle, text string) {
		segs = append(segs, &widget.TextSegment{Style: style, Text: text})
	}
	add(widget.RichTextStyleSubHeading, safetext.Clip(m.Title, maxShown))
	date := m.Date.Human()
	if m.Date.Precision != data.PrecisionDay {
		date += " (" + m.Date.Precision.String() + " precision)"
	}
	if !m.End.IsZero() {
		date += " to " + m.End.Human()
	}
	line := []string{date}
	if m.Place != "" {
		line = append(line, safetext.Clip(m.Place, maxShown))
	}
	add(widget.RichTextStyleParagraph, strings.Join(line, " · "))
	var people []string
	for _, p := range m.Participants {
		s := p.Name
		if p.Hangul != "" {
			s += " (" + p.Hangul + ")"
		}
		if p.Role != "" {
			s += ", " + p.Role
		}
		people = append(people, safetext.Clip(s, maxShown))
	}
	if len(people) > 0 {
		add(widget.RichTextStyleParagraph, strings.Join(people, "; "))
	}
	if eras := c.ErasAt(m.Date.FirstDay()); len(eras) > 0 {
		var parts []string
		for _, e := range eras {
			parts = append(parts, safetext.Clip(e.Group, maxShown)+": "+safetext.Clip(e.Label, maxShown))
		}
		add(widget.RichTextStyleParagraph, strings.Join(parts, " · "))
	}
	if m.Summary != "" {
		add(widget.RichTextStyleParagraph, safetext.Clip(m.Summary, maxShownLong))
	}
	if m.Notes != "" {
		add(widget.RichTextStyleParagraph, "Note: "+safetext.Clip(m.Notes, maxShownLong))
	}
	if !m.HasText() {
		add(widget.RichTextStyleBlockquote, "No source text for this meeting is in the corpus.")
	}
	return segs
}

// sourceMeta is a source's metadata as rich text.
func sourceMeta(s *data.Source) []widget.RichTextSegment {
	// The title is a paragraph of its own: an inline one runs into the
	// publisher's line.
	titleStyle := widget.RichTextStyleStrong
	titleStyle.Inline = false
	segs := []widget.RichTextSegment{&widget.TextSegment{Style: titleStyle, Text: safetext.Clip(s.Title, maxShown)}}
	d := s.Details()
	var parts []string
	for _, p := range []string{d.Publisher, d.Author, s.Kind} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if d.Published != "" {
		parts = append(parts, "published "+d.Published)
	}
	if len(parts) > 0 {
		segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: strings.Join(parts, " · ")})
	}
	if d.PublishedNote != "" {
		segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: "Note: " + d.PublishedNote})
	}
	if d.URL != "" {
		segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: d.URL})
	}
	return segs
}

// CreateRenderer implements fyne.Widget.
func (d *DetailPane) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(d.body)
}
