package app

import (
	"fmt"
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
		w.event("opened", "source=%s at=%d", f.Source().ID, at)
	}
	if l := st.Listing(); c&ListingChanged != 0 && l.Cell {
		w.event("chart-cell", "chart=%s cell=%q spans=%d", l.Chart, l.Title, len(l.Annotations))
	}
	if s := st.Search(); c&SearchChanged != 0 && !s.Pending && s.Query != "" {
		w.event("search", "query=%q matches=%d meetings=%d", s.Query, len(s.Matches), len(matchedMeetings(s.Matches)))
	}
	if c&ThemeChanged != 0 {
		w.event("theme", "choice=%s dark=%v", st.Theme(), apptheme.IsDark(w.app))
	}
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
	w.event("view", "start=%.1f span=%.1f center=%d,%d", view.Start, view.Span(), int(at.X+size.Width/2), int(at.Y+size.Height/2))
}

// chartDrawn logs where the chart's first cell lies in the window, so the
// end-to-end test can click it.
func (w *MainWindow) chartDrawn(v *ChartView) {
	cell, ok := v.CellCenter(0)
	if !ok || w.opts.Events == nil {
		return
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(v).Add(cell)
	w.event("chart-drawn", "chart=%s first-cell=%d,%d", v.Kind(), int(at.X), int(at.Y))
}

// spanTapped opens the tapped span: the selection follows to its meeting
// and topic.
func (w *MainWindow) spanTapped(a *data.Annotation) {
	w.state.Open(Focus{Annotation: a})
	w.state.SetHover(a.Topic)
	w.status.SetText(fmt.Sprintf("%s: “%s”", safetext.Clip(a.Topic.Label, maxShown), safetext.Clip(a.Text(), 80)))
}

// runSearch searches for the search box's text in the background (the
// first search of a large corpus folds every text); submitting the same
// text again opens the next match.
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
	w.state.StartSearch(text)
	c, searcher := w.corpus, w.searcher
	go func() {
		matches := searcher.Search(text, 1000)
		w.opts.Do(func() {
			if c == w.corpus {
				w.state.FinishSearch(text, matches)
			}
		})
	}()
}

// searchChanged marks the meetings of the search's matches on the
// timeline and says what was found.
func (w *MainWindow) searchChanged() {
	s := w.state.Search()
	if s.Pending {
		w.status.SetText("Searching for “" + safetext.Clip(s.Query, maxShown) + "”…")
		return
	}
	hit := matchedMeetings(s.Matches)
	w.timeline.MarkMeetings(func(m *data.Meeting) bool { return hit[m] })
	if s.Query != "" {
		w.status.SetText(fmt.Sprintf("%d matches of “%s” in %d meetings; press Enter again to open them in turn.", len(s.Matches), safetext.Clip(s.Query, maxShown), len(hit)))
	}
}

// matchedMeetings is the set of meetings whose sources hold the matches.
func matchedMeetings(matches []textmatch.Match) map[*data.Meeting]bool {
	hit := map[*data.Meeting]bool{}
	for _, m := range matches {
		for _, mt := range m.Source.Meetings {
			hit[mt] = true
		}
	}
	return hit
}
