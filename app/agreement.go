package app

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/agreement"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/export"
)

// The agreement tab compares the coders chosen on the units chosen
// (sentences, paragraphs or whole sources): percent agreement, Cohen's
// kappa for two, Krippendorff's alpha with its bootstrap interval, overall,
// per topic and per year, alpha drawn as a bar in its row so the years and
// topics the coding is weakest on stand out. Beside the table, the
// disagreements: a row opens its unit, boxed, in its source, and lists the
// coders' spans there. The merge view lists instead the places two coders
// coded differently (other topics, other extents): what a merge of their
// work settles.

// agreementTab is the tab's widgets and its last comparison.
type agreementTab struct {
	coders   *fyne.Container // a box per named coder
	boxes    map[string]*keyCheck
	names    []string // the corpus' named coders, in the boxes' order
	unit     *keySelect
	note     *widget.Label
	table    *widget.Table
	list     *widget.List
	listHead *widget.Label
	report   *agreement.Report
	places   []agreement.Difference // the merge view's
	merge    *keySelect             // what the list shows: disagreements or places
	view     *keySelect             // the table, or alpha per year as a chart
	chart    *yearBars
	rows     []export.FigureRow
	runs     int // comparisons started; only the newest is shown
	cancel   context.CancelFunc
	stale    bool // the corpus changed since the report was made
}

// agreementUnits are the unit choices as shown, in order.
var agreementUnits = []struct {
	label string
	unit  agreement.Unit
}{{"sentences", agreement.Sentence}, {"paragraphs", agreement.Paragraph}, {"whole sources", agreement.Source}}

// agreementColumns are the table's columns.
// Alpha comes first: its bars are the chart the table is, and it keeps
// its room when the panel is narrow.
var agreementColumns = []string{"", "α (95% interval)", "Agree", "κ", "Units"}

// agreementPanel makes the tab.
func (w *MainWindow) agreementPanel() fyne.CanvasObject {
	g := &w.agreement
	g.coders = container.NewHBox()
	var units []string
	for _, u := range agreementUnits {
		units = append(units, u.label)
	}
	g.unit = newKeySelect(units, func(string) { w.compareCoders() }, w.windowKey)
	g.unit.Selected = units[0]
	g.note = widget.NewLabel("")
	g.note.Truncation = fyne.TextTruncateEllipsis
	g.table = headedTable(agreementColumns, func() int { return len(g.rows) },
		func() fyne.CanvasObject { return newFigureBar() },
		func(id widget.TableCellID, o fyne.CanvasObject) { g.fillCell(id, o.(*figureBar)) })
	for c, width := range []float32{150, 196, 62, 56, 52} {
		g.table.SetColumnWidth(c, width)
	}
	g.listHead = widget.NewLabelWithStyle("Disagreements", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	g.list = widget.NewList(
		func() int {
			switch {
			case g.report == nil:
				return 0
			case g.mergeView():
				return len(g.places)
			}
			return len(g.report.Disagreements)
		},
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			switch {
			case g.report == nil:
			case g.mergeView() && i < len(g.places):
				o.(*widget.Label).SetText(placeLine(g.places[i]))
			case !g.mergeView() && i < len(g.report.Disagreements):
				o.(*widget.Label).SetText(disagreementLine(g.report.Disagreements[i]))
			}
		})
	g.list.OnSelected = func(i widget.ListItemID) {
		if g.mergeView() {
			w.openPlace(i)
		} else {
			w.openDisagreement(i)
		}
	}
	g.merge = newKeySelect([]string{listDisagreements, listPlaces}, func(string) {
		g.list.UnselectAll()
		g.list.Refresh()
		g.list.ScrollToTop()
		g.showListHead()
	}, w.windowKey)
	g.merge.Selected = listDisagreements
	g.chart = newYearBars()
	g.chart.Hide()
	g.view = newKeySelect([]string{viewTable, viewYears}, func(choice string) {
		if choice == viewYears {
			g.table.Hide()
			g.chart.Show()
		} else {
			g.chart.Hide()
			g.table.Show()
		}
	}, w.windowKey)
	g.view.Selected = viewTable
	form := container.NewHBox(widget.NewLabel("Coders"), g.coders, widget.NewLabel("on"), g.unit, widget.NewLabel("as"), g.view)
	split := container.NewHSplit(container.NewStack(g.table, g.chart), container.NewBorder(container.NewBorder(nil, nil, nil, g.merge, g.listHead), nil, nil, nil, g.list))
	split.SetOffset(0.62)
	return container.NewBorder(container.NewVBox(container.NewHScroll(form), g.note), nil, nil, nil, split)
}

// fillCell shows one cell of the table: alpha as a bar from 0 to 1 with
// its value and interval, the rest as numbers.
func (g *agreementTab) fillCell(id widget.TableCellID, cell *figureBar) {
	if id.Row >= len(g.rows) {
		cell.set("", -1, fyne.TextAlignLeading, false)
		return
	}
	r := g.rows[id.Row]
	shown := func(x *float64) string {
		if x == nil {
			return "—"
		}
		return export.Figure(x)
	}
	switch id.Col {
	case 0:
		label := safetext.Clip(r.Label, maxShown)
		if r.Scope == "year" {
			label = "Year " + label
		}
		cell.set(label, -1, fyne.TextAlignLeading, r.Scope == "overall")
	case 1:
		text, frac := shown(r.Alpha), -1.0
		if r.Alpha != nil {
			frac = max(0, min(1, *r.Alpha))
			if r.AlphaLow != nil {
				text += "  [" + export.Figure(r.AlphaLow) + ", " + export.Figure(r.AlphaHigh) + "]"
			}
		}
		cell.set(text, frac, fyne.TextAlignLeading, r.Scope == "overall")
	case 2:
		text := "—"
		if r.Percent != nil {
			text = strconv.FormatFloat(*r.Percent*100, 'f', 1, 64) + "%"
		}
		cell.set(text, -1, fyne.TextAlignTrailing, false)
	case 3:
		cell.set(shown(r.Kappa), -1, fyne.TextAlignTrailing, false)
	default:
		cell.set(strconv.Itoa(r.Units), -1, fyne.TextAlignTrailing, false)
	}
}

// How the figures show.
const (
	viewTable = "a table"
	viewYears = "α per year"
)

// What the list beside the table shows.
const (
	listDisagreements = "by unit"
	listPlaces        = "merge view"
)

// mergeView reports whether the list shows the places coded differently.
func (g *agreementTab) mergeView() bool { return g.merge != nil && g.merge.Selected == listPlaces }

// showListHead names what the list holds.
func (g *agreementTab) showListHead() {
	switch {
	case g.report == nil:
		g.listHead.SetText("Disagreements")
	case g.mergeView():
		g.listHead.SetText(fmt.Sprintf("Coded differently (%d)", len(g.places)))
	default:
		g.listHead.SetText(fmt.Sprintf("Disagreements (%d)", len(g.report.Disagreements)))
	}
}

// placeLine names a place coded differently: what each coder gave it, its
// text, its source.
func placeLine(d agreement.Difference) string {
	var parts []string
	for _, name := range d.Coders {
		var topics []string
		for _, a := range d.Annotations {
			if a.Coder == name && !slices.Contains(topics, a.Topic.Label) {
				topics = append(topics, safetext.Clip(a.Topic.Label, 30))
			}
		}
		parts = append(parts, safetext.Clip(name, 30)+": "+strings.Join(topics, ", "))
	}
	how := strings.Join(parts, "; ")
	if d.SameTopics {
		how += " (other extents)"
	}
	quote := strings.Join(strings.Fields(d.Source.Text[d.ByteStart:d.ByteEnd]), " ")
	return fmt.Sprintf("%s — “%s” (%s)", how, safetext.ClipMiddle(quote, 160), safetext.Clip(d.Source.Title, 40))
}

// disagreementLine names a disagreement in one line: topic, who coded the
// unit and who did not, its text, and its source last, where the row's
// end is cut when narrow.
func disagreementLine(d agreement.Disagreement) string {
	quote := strings.Join(strings.Fields(d.Source.Text[d.ByteStart:d.ByteEnd]), " ")
	return fmt.Sprintf("%s — %s coded, %s not — “%s” (%s)", safetext.Clip(d.Topic.Label, 40),
		safetext.Clip(strings.Join(d.Coded, ", "), 60), safetext.Clip(strings.Join(d.NotCoded, ", "), 60), safetext.ClipMiddle(quote, 160), safetext.Clip(d.Source.Title, 40))
}

// agreementChoices makes a box per named coder of the corpus shown (its
// coders, in the order they first code), each ticked, and forgets the
// last comparison.
func (w *MainWindow) agreementChoices(coders []string) {
	g := &w.agreement
	g.names = nil
	for _, name := range coders {
		if name != "" && len(g.names) < agreement.MaxCoders {
			g.names = append(g.names, name)
		}
	}
	g.boxes = map[string]*keyCheck{}
	g.coders.Objects = nil
	for _, name := range g.names {
		box := newKeyCheck(safetext.Clip(name, 40), func(bool) { w.compareCoders() }, w.windowKey)
		box.Checked = true
		g.boxes[name] = box
		g.coders.Add(box)
	}
	g.coders.Refresh()
	g.show(nil)
	g.stale = true
	if w.agreementShown() {
		w.compareCoders()
	}
}

// agreementFollows compares again after an edit, when the tab is shown
// (else when it next is): coders' new work changes their agreement.
func (w *MainWindow) agreementFollows() {
	w.agreement.stale = true
	if w.agreementShown() {
		w.compareCoders()
	}
}

// agreementRequest is the comparison chosen, as export takes it.
func (w *MainWindow) agreementRequest() export.AgreementRequest {
	g := &w.agreement
	req := export.AgreementRequest{}
	for _, name := range g.names {
		if g.boxes[name].Checked {
			req.Coders = append(req.Coders, name)
		}
	}
	for _, u := range agreementUnits {
		if u.label == g.unit.Selected {
			req.Unit = u.unit
		}
	}
	return req
}

// compareCoders compares the coders ticked off the UI goroutine, the
// comparison before it cancelled, and shows the report.
func (w *MainWindow) compareCoders() {
	g := &w.agreement
	if g.cancel != nil {
		g.cancel()
		g.cancel = nil
	}
	req := w.agreementRequest()
	g.stale = false
	switch {
	case w.corpus == nil:
		return
	case len(g.names) < 2:
		g.show(nil)
		g.note.SetText("Agreement needs two coders or more; the annotations of this corpus name " + safetext.Plural(len(g.names), "coder") +
			". Set yours with Edit > Your name as coder, or keep each coder's work in a file of its own (annotation_files).")
		return
	case len(req.Coders) < 2:
		g.show(nil)
		g.note.SetText("Tick two coders or more to compare them.")
		return
	}
	g.runs++
	generation, c := g.runs, w.corpus
	ctx, cancel := context.WithCancel(context.Background())
	g.cancel = cancel
	g.note.SetText("Comparing " + safetext.Clip(strings.Join(req.Coders, ", "), maxShown) + "…")
	go func() {
		rep, err := agreement.Compare(ctx, c, agreement.Options{Coders: req.Coders, Unit: req.Unit})
		var places []agreement.Difference
		if err == nil {
			places, err = agreement.Differences(ctx, c, req.Coders)
		}
		w.opts.Do(func() {
			if generation != g.runs || c != w.corpus {
				return
			}
			cancel()
			g.cancel = nil
			if err != nil {
				g.show(nil)
				g.note.SetText("Not compared: " + err.Error())
				return
			}
			g.places = places
			g.show(rep)
			w.agreementShownEvent(rep)
		})
	}()
}

// show puts a report (nil: none) in the table and the list.
func (g *agreementTab) show(rep *agreement.Report) {
	g.report, g.rows = rep, nil
	silent := 0 // topics nobody coded in the sources compared
	if rep != nil {
		for _, r := range export.AgreementRows(rep) {
			// Agreement on a topic nobody used is agreement on silence: a
			// wall of 1.000 that hides the topics that tell. The export
			// keeps every row.
			if r.Scope == "topic" && r.Coded == 0 {
				silent++
				continue
			}
			g.rows = append(g.rows, r)
		}
	}
	g.table.UnselectAll()
	g.table.Refresh()
	g.table.ScrollToTop()
	var years []export.FigureRow
	for _, r := range g.rows {
		if r.Scope == "year" {
			years = append(years, r)
		}
	}
	g.chart.set(years)
	g.list.UnselectAll()
	g.list.Refresh()
	g.list.ScrollToTop()
	g.showListHead()
	if rep == nil {
		return
	}
	switch {
	case rep.Sources == 0:
		g.note.SetText("No source was coded by two of these coders: there is nothing to compare.")
	default:
		alpha := "α undefined (no variation)"
		if r := g.rows[0]; r.Alpha != nil {
			alpha = "α " + export.Figure(r.Alpha)
		}
		note := fmt.Sprintf("%s · %s · %ss of %s coded by two of them or more", alpha, safetext.Clip(strings.Join(rep.Coders, ", "), maxShown),
			rep.Unit, safetext.Plural(rep.Sources, "source"))
		if silent > 0 {
			note += fmt.Sprintf(" · %s nobody coded there left out (Ctrl+E exports every row)", safetext.Plural(silent, "topic"))
		}
		g.note.SetText(note)
	}
}

// agreementShownEvent logs a comparison shown, with where its first
// disagreement's row is in the window, for the end-to-end test.
func (w *MainWindow) agreementShownEvent(rep *agreement.Report) {
	if w.opts.Events == nil {
		return
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.agreement.list)
	alpha := "n/a"
	if r := w.agreement.rows[0]; r.Alpha != nil {
		alpha = export.Figure(r.Alpha)
	}
	w.event("agreement", "coders=%s unit=%s sources=%d units=%d alpha=%s disagreements=%d places=%d first-row=%d,%d",
		strings.Join(rep.Coders, ","), rep.Unit, rep.Sources, rep.Overall.Units, alpha, len(rep.Disagreements), len(w.agreement.places), int(at.X)+60, int(at.Y)+18)
}

// openDisagreement lists the coders' spans of the topic that meet the
// unit, and opens the unit boxed in its source.
func (w *MainWindow) openDisagreement(i widget.ListItemID) {
	g := &w.agreement
	if g.report == nil || i < 0 || i >= len(g.report.Disagreements) {
		return
	}
	d := g.report.Disagreements[i]
	var spans []*data.Annotation
	for _, a := range d.Source.Annotations {
		if a.Topic == d.Topic && a.Anchor.ByteStart < d.ByteEnd && a.Anchor.ByteEnd > d.ByteStart && slices.Contains(g.report.Coders, a.Coder) {
			spans = append(spans, a)
		}
	}
	title := fmt.Sprintf("%s · %s coded, %s not", safetext.Clip(d.Topic.Label, maxShown),
		safetext.Clip(strings.Join(d.Coded, ", "), 60), safetext.Clip(strings.Join(d.NotCoded, ", "), 60))
	w.state.SetListing(Listing{Title: title, Annotations: spans})
	w.selectPassage(textmatch.Match{Source: d.Source, Field: textmatch.InText, Start: d.Start, End: d.End, ByteStart: d.ByteStart, ByteEnd: d.ByteEnd})
	w.event("disagreement-opened", "source=%s topic=%s start=%d end=%d coded=%s not=%s spans=%d", d.Source.ID, d.Topic.ID, d.Start, d.End,
		strings.Join(d.Coded, ","), strings.Join(d.NotCoded, ","), len(spans))
}

// openPlace lists a place's annotations, each with its coder, and opens the
// place boxed in its source.
func (w *MainWindow) openPlace(i widget.ListItemID) {
	g := &w.agreement
	if i < 0 || i >= len(g.places) {
		return
	}
	d := g.places[i]
	w.state.SetListing(Listing{Title: "Coded differently · " + safetext.Clip(strings.Join(d.Coders, ", "), 60), Annotations: d.Annotations})
	start := utf8.RuneCountInString(d.Source.Text[:d.ByteStart])
	w.selectPassage(textmatch.Match{Source: d.Source, Field: textmatch.InText, Start: start, End: start + utf8.RuneCountInString(d.Source.Text[d.ByteStart:d.ByteEnd]),
		ByteStart: d.ByteStart, ByteEnd: d.ByteEnd})
	w.event("place-opened", "source=%s start=%d coders=%s spans=%d", d.Source.ID, start, strings.Join(d.Coders, ","), len(d.Annotations))
}

// agreementShown reports whether the agreement tab is the one chosen.
func (w *MainWindow) agreementShown() bool {
	return w.chartTabs != nil && w.chartTabs.SelectedIndex() == len(w.charts)+1
}

// figureBar is a table cell: a number, and behind it, for alpha, a bar of
// its share of the cell's width.
type figureBar struct {
	widget.BaseWidget
	bar   *canvas.Rectangle
	label *widget.Label
	frac  float64 // the bar's share of the width; < 0: no bar
}

func newFigureBar() *figureBar {
	b := &figureBar{bar: canvas.NewRectangle(color.Transparent), label: widget.NewLabel(""), frac: -1}
	b.bar.CornerRadius = 2
	b.label.Truncation = fyne.TextTruncateEllipsis
	b.ExtendBaseWidget(b)
	return b
}

// set shows a text, a bar (frac in [0, 1]; < 0 for none) and the text's
// alignment and weight.
func (b *figureBar) set(text string, frac float64, align fyne.TextAlign, bold bool) {
	b.label.Alignment, b.label.TextStyle.Bold = align, bold
	b.label.SetText(text)
	if b.frac != frac {
		b.frac = frac
		b.Refresh()
	}
}

// CreateRenderer implements fyne.Widget.
func (b *figureBar) CreateRenderer() fyne.WidgetRenderer {
	return &figureBarRenderer{b: b}
}

type figureBarRenderer struct{ b *figureBar }

func (r *figureBarRenderer) Layout(size fyne.Size) {
	r.b.label.Resize(size)
	r.b.label.Move(fyne.NewPos(0, 0))
	if r.b.frac < 0 {
		r.b.bar.Hide()
		return
	}
	// A data bar behind the number, as spreadsheets draw them: pale
	// enough that the number reads on it in both themes.
	pad := theme.Padding()
	r.b.bar.Resize(fyne.NewSize(max(2, float32(r.b.frac)*(size.Width-2*pad)), size.Height-2*pad))
	r.b.bar.Move(fyne.NewPos(pad, pad))
	r.b.bar.Show()
}

func (r *figureBarRenderer) MinSize() fyne.Size { return r.b.label.MinSize() }

func (r *figureBarRenderer) Refresh() {
	c := theme.Color(theme.ColorNamePrimary)
	if r.b.frac >= 0 && r.b.frac < 0.667 {
		// Below Krippendorff's floor for tentative conclusions, the bar
		// turns to the warning colour: the rows to look at first.
		c = theme.Color(theme.ColorNameWarning)
	}
	nc := color.NRGBAModel.Convert(c).(color.NRGBA)
	nc.A = 0x60
	r.b.bar.FillColor = nc
	r.Layout(r.b.Size())
	r.b.bar.Refresh()
	r.b.label.Refresh()
}

func (r *figureBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.b.bar, r.b.label}
}

func (r *figureBarRenderer) Destroy() {}
