package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// picker chooses the topic to code a selection with: type to filter, the
// recently used first, a digit 1–9 for a row, Enter for the first row,
// Escape to close, and "New topic …" when the text names no topic.
type picker struct {
	w      *MainWindow
	pop    *widget.PopUp
	filter *pickerEntry
	list   *widget.List
	rows   []pickerRow
}

// pickerRow is a topic to choose, or (topic nil) a new one of the label.
type pickerRow struct {
	topic *data.Topic
	label string
}

// showPicker opens the picker at a window position.
func (w *MainWindow) showPicker(at fyne.Position) {
	if w.corpus == nil || w.selected.end <= w.selected.start {
		w.status.SetText("Select text in a source first (drag across it, or double-click a word).")
		return
	}
	p := &picker{w: w}
	p.filter = newPickerEntry(p)
	p.filter.SetPlaceHolder("Topic: type to filter, 1–9 or Enter to choose")
	p.list = widget.NewList(func() int { return len(p.rows) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.rowText(i)) })
	p.list.OnSelected = func(i widget.ListItemID) { p.choose(i) }
	p.filter.OnChanged = func(string) { p.refresh() }
	p.filter.OnSubmitted = func(string) { p.choose(0) }
	p.refresh()
	content := container.NewBorder(p.filter, nil, nil, nil, p.list)
	p.pop = widget.NewPopUp(content, w.Canvas())
	p.pop.Resize(fyne.NewSize(340, 360))
	p.pop.ShowAtPosition(at)
	w.Canvas().Focus(p.filter)
	w.picker = p
}

func (p *picker) rowText(i int) string {
	r := p.rows[i]
	prefix := "   "
	if i < 9 {
		prefix = fmt.Sprintf("%d  ", i+1)
	}
	if r.topic == nil {
		return prefix + "New topic " + safetext.Quote(r.label, 40)
	}
	return prefix + safetext.Clip(r.topic.Label, maxShown)
}

// refresh lists the topics the filter matches, the recent first; a digit
// alone chooses its row.
func (p *picker) refresh() {
	text := strings.TrimSpace(p.filter.Text)
	if len(text) == 1 && text[0] >= '1' && text[0] <= '9' {
		if i := int(text[0] - '1'); i < len(p.rows) {
			p.choose(i)
			return
		}
	}
	needle := textmatch.FoldForSearch(text)
	c := p.w.corpus
	var order []*data.Topic
	for _, id := range p.w.recent {
		if t := c.Topic(id); t != nil {
			order = append(order, t)
		}
	}
	for _, t := range c.Topics {
		if !slices.Contains(order, t) {
			order = append(order, t)
		}
	}
	p.rows = p.rows[:0]
	exact := false
	for _, t := range order {
		label := textmatch.FoldForSearch(t.Label)
		if needle == "" || strings.Contains(label, needle) || strings.Contains(t.ID, needle) {
			p.rows = append(p.rows, pickerRow{topic: t})
			exact = exact || label == needle
		}
	}
	if text != "" && !exact {
		p.rows = append(p.rows, pickerRow{label: text})
	}
	p.list.Refresh()
}

// choose codes the selection with row i and closes the picker.
func (p *picker) choose(i int) {
	if i < 0 || i >= len(p.rows) {
		return
	}
	r := p.rows[i]
	p.close()
	if r.topic != nil {
		p.w.codeSelectionAs(r.topic.ID, "", false)
	} else {
		p.w.codeSelectionAs("", r.label, false)
	}
}

func (p *picker) close() {
	p.pop.Hide()
	if p.w.picker == p {
		p.w.picker = nil
	}
}

// pickerEntry is the picker's filter: Escape closes the picker.
type pickerEntry struct {
	widget.Entry
	p *picker
}

func newPickerEntry(p *picker) *pickerEntry {
	e := &pickerEntry{p: p}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *pickerEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.p.close()
		return
	}
	e.Entry.TypedKey(k)
}
