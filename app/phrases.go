package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/app/apptheme"
	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// The phrase trends tab: a box for phrases (comma-separated, matched as
// topic terms are: whole words, a trailing * for any ending, Hangul with
// its particles), a choice of years or meetings, and the chart, whose
// points list their matches in context.

// phrasePanel wraps the phrase trends chart with its phrase box.
func (w *MainWindow) phrasePanel(v *ChartView) fyne.CanvasObject {
	entry := newSearchEntry(w.runShortcut, w.windowKey)
	entry.SetPlaceHolder("Phrases, comma-separated: extended deterrence, nuclear umbrella, cyber*")
	hint := widget.NewLabel("Type one or more phrases above and press Enter: their matches in the source texts, year by year. A point lists its matches; years without text are hatched.")
	hint.Wrapping = fyne.TextWrapWord
	by := newKeySelect([]string{"per year", "per meeting"}, nil, w.windowKey)
	by.SetSelected("per year")
	stack := container.NewStack(hint, v)
	key := container.NewHBox() // the phrases' colours, as the chart draws them
	draw := func() {
		phrases := textmatch.ParseTerms(entry.Text)
		w.phraseKey(key, phrases)
		w.phrases, w.phrasesByMeeting = entry.Text, by.Selected == "per meeting"
		if len(phrases) == 0 {
			hint.Show()
			v.Hide()
		} else {
			hint.Hide()
			v.Show()
			stack.Refresh() // lay the chart out: a hidden one was given no size
		}
		v.SetPhrases(phrases, by.Selected == "per meeting")
		w.event("phrases", "phrases=%q by=%q", entry.Text, by.Selected)
	}
	entry.OnSubmitted = func(string) { draw() }
	by.OnChanged = func(string) { draw() }
	w.phraseEntry = entry
	v.Hide()
	return container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, by, entry), container.NewHScroll(key)), nil, nil, nil, stack)
}

// phraseKey fills the row that names the phrases in their chart colours:
// the chart has no room for a legend of its own in the window.
func (w *MainWindow) phraseKey(key *fyne.Container, phrases []textmatch.Term) {
	dark := apptheme.IsDark(w.app)
	var items []fyne.CanvasObject
	for i, p := range phrases {
		c := data.DefaultTopicColor(i)
		if dark {
			c = charts.OnDark(c)
		}
		chip := canvas.NewRectangle(c)
		chip.CornerRadius = 3
		chip.SetMinSize(fyne.NewSize(12, 12))
		items = append(items, container.NewCenter(chip), widget.NewLabel(safetext.Clip(p.Text, maxShown)))
	}
	key.Objects = items
	key.Refresh()
}

// SetPhrases types phrases into the phrase trends box and draws them, as
// Enter there does.
func (w *MainWindow) SetPhrases(list string) {
	if w.phraseEntry != nil {
		w.phraseEntry.SetText(list)
		w.phraseEntry.OnSubmitted(list)
	}
}
