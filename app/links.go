package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/alliance-timeline/alliance-timeline/charts"
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

func (w *MainWindow) timelineSelected(sel timeline.Selection) {
	w.detail.ShowSelection(w.corpus, sel)
	title := "Spans"
	if sel.Meeting != nil {
		title = safetext.Clip(sel.Meeting.Short, maxShown)
		if sel.Topic != nil {
			title = safetext.Clip(sel.Topic.Label, maxShown) + " · " + title
		}
	}
	w.kwic.ShowAnnotations(title, sel.Annotations)
	w.event("selected", "meeting=%s topic=%s spans=%d", meetingID(sel.Meeting), topicID(sel.Topic), len(sel.Annotations))
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

func (w *MainWindow) chartCell(kind charts.Kind, title string, anns []*data.Annotation) {
	w.kwic.ShowAnnotations(title, anns)
	w.event("chart-cell", "chart=%s cell=%q spans=%d", kind, title, len(anns))
}

// openRow opens a span or a search match in the detail pane and selects
// its meeting on the timeline.
func (w *MainWindow) openRow(row KWICRow) {
	if row.Annotation != nil {
		var list []*data.Annotation
		for _, r := range w.kwic.Rows() {
			if r.Annotation != nil {
				list = append(list, r.Annotation)
			}
		}
		w.detail.ShowSpan(w.corpus, row.Annotation, list)
	} else {
		w.detail.ShowMatch(w.corpus, row.Match)
	}
	if ms := row.Source().Meetings; len(ms) > 0 {
		var topic *data.Topic
		if row.Annotation != nil {
			topic = row.Annotation.Topic
		}
		w.state.Select(ms[0], topic)
	}
	at := row.Match.Start
	if row.Annotation != nil {
		at = row.Annotation.Anchor.Start
	}
	w.event("opened", "source=%s at=%d", row.Source().ID, at)
}

// spanTapped selects the tapped span's topic and meeting elsewhere.
func (w *MainWindow) spanTapped(a *data.Annotation) {
	if ms := a.Source.Meetings; len(ms) > 0 {
		w.state.Select(ms[0], a.Topic)
	}
	w.state.SetHover(a.Topic)
	w.status.SetText(fmt.Sprintf("%s: “%s”", safetext.Clip(a.Topic.Label, maxShown), safetext.Clip(a.Text(), 80)))
	w.event("span", "topic=%s source=%s start=%d", a.Topic.ID, a.Source.ID, a.Anchor.Start)
}

// runSearch lists the matches of the search box, searching in the
// background (the first search of a large corpus folds every text);
// submitting the same text again opens the next match.
func (w *MainWindow) runSearch(text string) {
	if w.corpus == nil {
		return
	}
	text = strings.TrimSpace(text)
	if text != "" && text == w.lastSearch && len(w.kwic.Rows()) > 0 {
		w.searchHit = (w.searchHit + 1) % len(w.kwic.Rows())
		w.kwic.Open(w.searchHit)
		return
	}
	w.lastSearch, w.searchHit = text, -1
	w.searches++
	generation, c, searcher := w.searches, w.corpus, w.searcher
	w.status.SetText("Searching for “" + text + "”…")
	go func() {
		matches := searcher.Search(text, 1000)
		w.opts.Do(func() {
			if generation == w.searches && c == w.corpus {
				w.showSearch(text, matches)
			}
		})
	}()
}

// showSearch lists a search's matches and marks their meetings.
func (w *MainWindow) showSearch(text string, matches []textmatch.Match) {
	w.kwic.ShowMatches(fmt.Sprintf("“%s”", text), matches)
	hit := map[*data.Meeting]bool{}
	for _, m := range matches {
		for _, mt := range m.Source.Meetings {
			hit[mt] = true
		}
	}
	w.timeline.MarkMeetings(func(m *data.Meeting) bool { return hit[m] })
	w.status.SetText(fmt.Sprintf("%d matches of “%s” in %d meetings; press Enter again to open them in turn.", len(matches), text, len(hit)))
	w.event("search", "query=%q matches=%d meetings=%d", text, len(matches), len(hit))
}
