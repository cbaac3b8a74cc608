package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// hoverTopic shows the state's highlighted topic (nil: none) on the
// timeline and in the charts, while the pointer is over it anywhere.
func (w *MainWindow) hoverTopic(t *data.Topic) {
	w.timeline.HighlightTopic(t)
	id := ""
	if t != nil {
		id = t.ID
	}
	for _, v := range w.charts {
		v.Highlight(id)
	}
}

// showDetail shows in the detail pane what is open, else the selected
// meeting, else the hint.
func (w *MainWindow) showDetail() {
	f, sel := w.state.Focus(), w.state.Selection()
	switch {
	case f.Annotation != nil:
		w.detail.ShowSpan(w.corpus, f.Annotation, w.state.Listing().Annotations)
	case f.Match.Meeting != nil:
		w.detail.ShowSelection(w.corpus, timeline.Selection{Meeting: f.Match.Meeting})
	case f.Match.Source != nil:
		w.detail.ShowMatch(w.corpus, f.Match)
	case sel.Meeting != nil:
		w.detail.ShowSelection(w.corpus, sel)
	default:
		w.detail.Clear()
	}
}

// logChange writes the state's changes to the event log, for the
// end-to-end test: it is one more listener of the state.
func (w *MainWindow) logChange(c Change) {
	st := w.state
	if sel := st.Selection(); c&SelectionChanged != 0 && st.Focus().IsZero() && sel.Meeting != nil {
		w.event("selected", "meeting=%s topic=%s spans=%d", meetingID(sel.Meeting), topicID(sel.Topic), len(sel.Annotations))
	}
	if f := st.Focus(); c&FocusChanged != 0 && !f.IsZero() {
		at := f.Match.Start
		if f.Annotation != nil {
			at = f.Annotation.Anchor.Start
		}
		where := "meeting:" + meetingID(f.Match.Meeting)
		if src := f.Source(); src != nil {
			where = src.ID
		}
		w.event("opened", "source=%s field=%s at=%d", where, fieldOf(f), at)
	}
	if l := st.Listing(); c&ListingChanged != 0 && l.Cell {
		w.event("chart-cell", "chart=%s cell=%q spans=%d topics=%s matches=%d", l.Chart, l.Title, len(l.Annotations), topicsOf(l.Annotations), len(l.Matches))
	}
	if s := st.Search(); c&SearchChanged != 0 && !s.Pending && s.Query != "" {
		w.event("search", "query=%q matches=%d listed=%d meetings=%d", s.Query, s.Result.Total, len(s.Result.Matches), len(s.Result.Meetings))
	}
	if c&ThemeChanged != 0 {
		w.event("theme", "choice=%s dark=%v", st.Theme(), apptheme.IsDark(w.app))
	}
}

// fieldOf names where what is open lies: a span's or a match's text, or
// the field of a match.
func fieldOf(f Focus) textmatch.Field {
	if f.Annotation != nil {
		return textmatch.InText
	}
	return f.Match.Field
}

// topicsOf lists the topics of spans, sorted, for the event log.
func topicsOf(anns []*data.Annotation) string {
	var ids []string
	for _, a := range anns {
		if !slices.Contains(ids, a.Topic.ID) {
			ids = append(ids, a.Topic.ID)
		}
	}
	slices.Sort(ids)
	return strings.Join(ids, ",")
}

func meetingID(m *data.Meeting) string {
	if m == nil {
		return "-"
	}
	return m.ID
}

func topicID(t *data.Topic) string {
	if t == nil {
		return "-"
	}
	return t.ID
}

// timelineViewChanged logs the days in view and where the timeline lies in
// the window, so the end-to-end test can check a zoom and drag a pan.
func (w *MainWindow) timelineViewChanged(view timeline.Scale) {
	if w.opts.Events == nil {
		return
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.timeline)
	size := w.timeline.Size()
	bin := ""
	if f := w.timeline.Frame(); f.Density.On {
		// The fullest bin of the first topic lane: where the test clicks.
		best := -1
		for i, b := range f.Bins {
			if b.Lane > 0 && (best < 0 || b.Lane == f.Bins[best].Lane && b.Items > f.Bins[best].Items) {
				best = i
			}
		}
		if best >= 0 {
			b := f.Bins[best]
			bin = fmt.Sprintf(" bin=%d,%d", int(at.X+float32(f.Plot.X+(b.X0+b.X1)/2)), int(at.Y+float32((b.Y0+b.Y1)/2)))
		}
	}
	w.event("view", "start=%.1f span=%.1f center=%d,%d dense=%v%s", view.Start, view.Span(), int(at.X+size.Width/2), int(at.Y+size.Height/2), w.timeline.Frame().Density.On, bin)
}

// binOpened lists the spans of a timeline bin's meetings, as a chart
// cell's are listed.
func (w *MainWindow) binOpened(c timeline.BinContents) {
	title := c.Title + ", " + safetext.Plural(len(c.Meetings), "meeting") // the listing adds its spans' count
	w.state.SetListing(Listing{Title: title, Annotations: c.Annotations})
	w.event("bin-listed", "topic=%s meetings=%d spans=%d title=%q", topicID(c.Topic), len(c.Meetings), len(c.Annotations), c.Title)
}

// chartDrawn logs where the chart's first cell lies in the window, so the
// end-to-end test can click it.
func (w *MainWindow) chartDrawn(v *ChartView) {
	cell, ok := v.CellCenter(0)
	if !ok || w.opts.Events == nil {
		return
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(v).Add(cell)
	h := v.Result().Hits[0]
	var ids []string
	for _, ri := range h.Rows() {
		ids = append(ids, v.table.Rows[ri].ID)
	}
	slices.Sort(ids)
	w.event("chart-drawn", "chart=%s first-cell=%d,%d topics=%s", v.Kind(), int(at.X), int(at.Y), strings.Join(ids, ","))
}

// spanTapped opens the tapped span: the selection follows to its meeting
// and topic.
func (w *MainWindow) spanTapped(a *data.Annotation) {
	w.state.Open(Focus{Annotation: a})
	w.state.SetHover(a.Topic)
	// The span's text is selected, so Shift with the arrows changes its
	// extent, and Ctrl+Enter gives the span the new one.
	if v := w.detail.View(a.Source); v != nil {
		v.SetSelection(a.Anchor.ByteStart, a.Anchor.ByteEnd)
		w.selected = textSelection{a.Source, a.Anchor.ByteStart, a.Anchor.ByteEnd}
		w.resizing = a
	}
	w.status.SetText(fmt.Sprintf("%s: “%s”. Shift+arrows change its extent, Ctrl+Enter keeps it; right-click for more.", safetext.Clip(a.Topic.Label, maxShown), safetext.Clip(a.Text(), 80)))
}

// maxListed bounds the matches a search lists; it counts every one.
const maxListed = 20000

// runSearch searches for the search box's text in the background (the
// first search of a large corpus folds every text), cancelling the search
// before it; submitting the same text again opens the next match.
func (w *MainWindow) runSearch(text string) {
	if w.corpus == nil {
		return
	}
	text = strings.TrimSpace(text)
	s, l := w.state.Search(), w.state.Listing()
	if text != "" && text == s.Query && !s.Pending && l.Search == text && l.Len() > 0 {
		w.state.OpenRow((w.state.Focus().Index + 1) % l.Len())
		return
	}
	w.stopSearch()
	w.state.StartSearch(text)
	ctx, cancel := context.WithCancel(context.Background())
	w.cancelSearch = cancel
	c, searcher := w.corpus, w.searcher
	go func() {
		res, err := searcher.Search(ctx, text, maxListed)
		w.opts.Do(func() {
			if err == nil && c == w.corpus {
				w.state.FinishSearch(text, res)
			}
		})
	}()
}

// stopSearch cancels the search that runs, if any.
func (w *MainWindow) stopSearch() {
	if w.cancelSearch != nil {
		w.cancelSearch()
		w.cancelSearch = nil
	}
}

// searchChanged marks the meetings of the search's matches on the
// timeline and says what was found.
func (w *MainWindow) searchChanged() {
	s := w.state.Search()
	if s.Pending {
		w.status.SetText("Searching for “" + safetext.Clip(s.Query, maxShown) + "”… (Esc in the search box stops it)")
		return
	}
	hit := map[*data.Meeting]bool{}
	for _, m := range s.Result.Meetings {
		hit[m] = true
	}
	w.timeline.MarkMeetings(func(m *data.Meeting) bool { return hit[m] })
	if s.Query == "" {
		return
	}
	res := s.Result
	msg := fmt.Sprintf("%s of “%s” in %s", safetext.Plural(res.Total, "match"), safetext.Clip(s.Query, maxShown), safetext.Plural(len(res.Meetings), "meeting"))
	if len(res.Matches) < res.Total {
		msg += fmt.Sprintf("; the first %d are listed", len(res.Matches))
	}
	if res.Total > 0 {
		msg += "; press Enter again to open them in turn."
	}
	w.status.SetText(msg)
}
