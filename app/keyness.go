package app

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/wording"
	"github.com/alliance-timeline/alliance-timeline/export"
)

// The keyness tab compares two parts of the corpus (a year, a range of
// years, a meeting, a topic's spans, or the rest) and lists the words and
// two-word phrases distinctive of each, by G² with the log ratio; a row
// lists its occurrences in context, and from there the source.

// keynessTab is the tab's widgets and its last comparison.
type keynessTab struct {
	a, b    *keySelect
	minFreq *keySelect
	note    *widget.Label
	table   *widget.Table
	parts   map[string]string // a choice as shown: the part as export names it
	result  *wording.Keyness
	runs    int // comparisons started; only the newest is shown
}

// keynessPanel makes the tab.
func (w *MainWindow) keynessPanel() fyne.CanvasObject {
	k := &w.keyness
	compare := func(string) { w.compareParts() }
	k.a = newKeySelect(nil, compare, w.windowKey)
	k.b = newKeySelect(nil, compare, w.windowKey)
	k.minFreq = newKeySelect([]string{"2", "3", "5", "10", "20"}, compare, w.windowKey)
	k.minFreq.Selected = "5"
	k.note = widget.NewLabel("Choose two parts to compare.")
	k.note.Truncation = fyne.TextTruncateEllipsis
	header := []string{"Term", "A", "B", "G²", "Log ratio"}
	k.table = headedTable(header,
		func() int {
			if k.result == nil {
				return 0
			}
			return len(k.result.Terms)
		},
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if k.result == nil || id.Row >= len(k.result.Terms) {
				l.SetText("")
				return
			}
			t := k.result.Terms[id.Row]
			l.Alignment = fyne.TextAlignTrailing
			switch id.Col {
			case 0:
				l.Alignment = fyne.TextAlignLeading
				l.SetText(safetext.Clip(t.Term, maxShown))
			case 1:
				l.SetText(strconv.Itoa(t.A))
			case 2:
				l.SetText(strconv.Itoa(t.B))
			case 3:
				l.SetText(strconv.FormatFloat(t.G2, 'f', 1, 64))
			default:
				l.SetText(fmt.Sprintf("%+.2f", t.LogRatio))
			}
		})
	k.table.SetColumnWidth(0, 220)
	for c := 1; c < len(header); c++ {
		k.table.SetColumnWidth(c, 78)
	}
	k.table.OnSelected = func(id widget.TableCellID) { w.keynessRow(id.Row) }
	form := container.NewHBox(widget.NewLabel("A"), k.a, widget.NewLabel("against B"), k.b, widget.NewLabel("at least"), k.minFreq)
	return container.NewBorder(container.NewVBox(container.NewHScroll(form), k.note), nil, nil, nil, k.table)
}

// headedTable is a table with a bold header row of the columns' names
// and no header column; length gives its rows.
func headedTable(header []string, length func() int, create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *widget.Table {
	t := widget.NewTableWithHeaders(func() (int, int) { return length(), len(header) }, create, update)
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Row < 0 && id.Col >= 0 {
			l.SetText(header[id.Col])
		} else {
			l.SetText("")
		}
	}
	t.ShowHeaderColumn = false
	return t
}

// maxMeetingParts is the most meetings the part choices list one by one.
const maxMeetingParts = 300

// keynessChoices fills the part choices from the corpus shown and its
// totals (st): the years with text, the two halves of the corpus' years,
// the meetings with text, the topics; B also offers the rest of the corpus.
func (w *MainWindow) keynessChoices(st data.Totals) {
	k := &w.keyness
	c := w.corpus
	k.parts = map[string]string{"the rest of the corpus": "rest"}
	var years, meetings, topics []string
	// The years from the totals, found off the UI goroutine: a pass over
	// 100,000 meetings here took 6-13 ms of it.
	withText := st.TextYears
	for _, y := range withText {
		label := strconv.Itoa(y)
		years = append(years, label)
		k.parts[label] = label
	}
	// A list of every meeting is no choice at 100,000 (and took 70 ms of
	// the UI goroutine to build): beyond maxMeetingParts, years, halves
	// and topics remain, and export --a meeting:ID compares any meeting.
	if st.MeetingsWithText <= maxMeetingParts {
		for _, m := range c.MeetingsByDate() {
			if len(meetings) == st.MeetingsWithText {
				break
			}
			if m.HasText() {
				label := "meeting: " + safetext.Clip(m.Short, maxShown)
				meetings = append(meetings, label)
				k.parts[label] = "meeting:" + m.ID
			}
		}
	}
	if n := len(withText); n >= 2 {
		mid := withText[(n-1)/2]
		first := fmt.Sprintf("%d–%d", withText[0], mid)
		second := fmt.Sprintf("%d–%d", withText[(n-1)/2+1], withText[n-1])
		k.parts[first] = fmt.Sprintf("%d-%d", withText[0], mid)
		k.parts[second] = fmt.Sprintf("%d-%d", withText[(n-1)/2+1], withText[n-1])
		years = append(years, first, second)
	}
	for _, t := range c.Topics {
		label := "spans of " + safetext.Clip(t.Label, maxShown)
		topics = append(topics, label)
		k.parts[label] = "topic:" + t.ID
	}
	choices := append(append(years, meetings...), topics...)
	k.a.Options = choices
	k.b.Options = append([]string{"the rest of the corpus"}, choices...)
	k.result = nil
	k.a.Selected, k.b.Selected = "", "the rest of the corpus"
	if len(years) > 0 {
		k.a.Selected = years[len(withText)-1] // the last year with text
	}
	k.a.Refresh()
	k.b.Refresh()
	k.table.Refresh()
	k.note.SetText("Choose two parts to compare.")
}

// keynessRequest is the comparison chosen, as export takes it.
func (w *MainWindow) keynessRequest() export.KeynessRequest {
	k := &w.keyness
	n, _ := strconv.Atoi(k.minFreq.Selected)
	return export.KeynessRequest{A: k.parts[k.a.Selected], B: k.parts[k.b.Selected], MinFreq: n}
}

// compareParts compares the chosen parts off the UI goroutine and shows
// the table.
func (w *MainWindow) compareParts() {
	k := &w.keyness
	req := w.keynessRequest()
	if w.corpus == nil || req.A == "" || req.B == "" {
		return
	}
	q, err := req.Query()
	if err != nil {
		k.note.SetText(err.Error())
		return
	}
	k.runs++
	generation, c := k.runs, w.corpus
	k.note.SetText("Comparing…")
	go func() {
		res, err := wording.Compare(context.Background(), c, q)
		w.opts.Do(func() {
			if generation != k.runs || c != w.corpus {
				return
			}
			if err != nil {
				k.note.SetText("Not compared: " + err.Error())
				return
			}
			k.result = res
			k.table.UnselectAll()
			k.table.Refresh()
			k.table.ScrollToTop()
			inA := 0
			for _, t := range res.Terms {
				if t.LogRatio > 0 {
					inA++
				}
			}
			k.note.SetText(fmt.Sprintf("A: %s, B: %s · %d terms of A first, then %d of B, each by G² (3.84: p < 0.05; 10.83: p < 0.001)",
				safetext.Plural(res.WordsA, "word"), safetext.Plural(res.WordsB, "word"), inA, len(res.Terms)-inA))
			w.event("keyness", "a=%q b=%q terms=%d words_a=%d words_b=%d", q.A.Label, q.B.Label, len(res.Terms), res.WordsA, res.WordsB)
		})
	}()
}

// keynessRow lists the occurrences of a row's term in context.
func (w *MainWindow) keynessRow(row int) {
	k := &w.keyness
	if k.result == nil || row < 0 || row >= len(k.result.Terms) {
		return
	}
	t, res, c := k.result.Terms[row], k.result, w.corpus
	title := fmt.Sprintf("“%s” · %d in A, %d in B · G² %.1f", safetext.Clip(t.Term, maxShown), t.A, t.B, t.G2)
	// Finding the occurrences reads every text of both parts again: off
	// the UI goroutine, as the comparison itself.
	go func() {
		occ := res.Occurrences(c, t.Term)
		w.opts.Do(func() {
			if k.result == res && w.corpus == c {
				w.state.SetListing(Listing{Title: title, Matches: occ, Total: len(occ), Chart: charts.Kind(export.Keyness), Cell: true})
			}
		})
	}()
}

// keynessShown reports whether the keyness tab is the one chosen.
func (w *MainWindow) keynessShown() bool { return w.chartTabs.SelectedIndex() == len(w.charts) }
