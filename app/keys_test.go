package app

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/export"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// F1 opens Help wherever the focus is: the search box, a topic's box, a
// year, the list of spans, a detail button, the counting unit.
func TestF1OpensHelpFromEveryFocusedWidget(t *testing.T) {
	w := openWindow(t, builtin)
	var someCheck *keyCheck
	for _, c := range w.sidebar.checks {
		someCheck = c
		break
	}
	for name, f := range map[string]fyne.Focusable{
		"search box": w.search, "topic box": someCheck, "year": w.sidebar.from, "span list": w.kwic.list,
		"next span": w.detail.next, "unit": w.unit, "per 1,000 words": w.per1k, "meeting kind": w.sidebar.kindBox["SCM"],
	} {
		w.Canvas().Focus(f)
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
		if w.Canvas().Overlays().Top() == nil {
			t.Errorf("F1 in the %s opened nothing", name)
			continue
		}
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
	// A key the window does not take still reaches the widget.
	w.Canvas().Focus(w.search)
	w.search.TypedRune('x')
	w.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if w.search.Text != "" {
		t.Errorf("Backspace in the search box left %q", w.search.Text)
	}
}

// Escape closes the Open dialog; the problems panel has a close button;
// another corpus empties the search box.
func TestEscapeClosesTheOpenDialogAndPanelsClose(t *testing.T) {
	broken := false
	w := openWindow(t, func(p string, _ *load.Progress) (*data.Corpus, data.Problems, error) {
		if broken {
			return nil, data.Problems{{File: "c.yaml", Line: 1, Col: 1, Severity: data.Error, Message: "broken"}}, nil
		}
		return builtin(p, nil)
	})
	w.ShowOpen()
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no Open dialog")
	}
	w.Canvas().Unfocus()
	w.otherKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the Open dialog open")
	}

	broken = true
	w.Reload()
	w.waitLoads(t, 2)
	if !w.problems.Visible() {
		t.Fatal("no problems panel")
	}
	w.problems.close.OnTapped()
	if w.problems.Visible() {
		t.Error("the problems panel did not close")
	}

	broken = false
	w.search.SetText("extended deterrence")
	w.search.OnSubmitted(w.search.Text)
	w.Reload()
	w.waitLoads(t, 3)
	if w.search.Text != "" || w.state.Search().Query != "" {
		t.Errorf("after another load the search box holds %q", w.search.Text)
	}
	if !strings.Contains(w.status.Text, "Loaded") {
		t.Errorf("status %q", w.status.Text)
	}
}

// The toolbar's buttons name their action and shortcut on hover, and a
// chart's cell gives its values.
func TestToolbarAndChartsGiveTips(t *testing.T) {
	w := openWindow(t, builtin)
	var buttons []*tipButton
	inBar := map[fyne.CanvasObject]bool{} // the review's bar, hidden, has buttons of its own
	for _, o := range test.LaidOutObjects(w.review.bar) {
		inBar[o] = true
	}
	for _, o := range test.LaidOutObjects(w.Content()) {
		if b, ok := o.(*tipButton); ok && !inBar[o] {
			buttons = append(buttons, b)
		}
	}
	if len(buttons) != 5 {
		t.Fatalf("%d toolbar buttons with tips", len(buttons))
	}
	for _, b := range buttons {
		b.MouseIn(&desktop.MouseEvent{})
		if !w.tips.text.Visible() || w.tips.text.Text != b.tip || b.tip == "" {
			t.Errorf("hovering %q shows %q", b.tip, w.tips.text.Text)
		}
		b.MouseOut()
		if w.tips.text.Visible() {
			t.Error("the tip stayed after the pointer left")
		}
	}
	v := w.drawChart(t, 0)
	h := v.Result().Hits[0]
	at := fyne.NewPos(float32((h.X0+h.X1)/2)/v.scale, float32((h.Y0+h.Y1)/2)/v.scale)
	v.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	label := v.table.Rows[h.Row].Label
	if !v.tip.box.Visible() || !strings.Contains(v.tip.label.Text, label) || !strings.Contains(v.tip.label.Text, v.table.Columns[h.Column].Label) {
		t.Errorf("hovering a cell of %s shows %q", label, v.tip.label.Text)
	}
	v.MouseOut()
	if v.tip.box.Visible() {
		t.Error("the chart's tip stayed")
	}
}

// A row of the span list shows its whole passage on hover, wrapped.
func TestSpanRowsShowTheirPassageOnHover(t *testing.T) {
	w := openWindow(t, builtin)
	w.state.Select(timeline.Selection{Meeting: w.corpus.Meeting("scm-44"), Annotations: w.corpus.Meeting("scm-44").Sources[0].Annotations})
	w.kwic.Resize(fyne.NewSize(380, 400))
	var line *kwicLine
	for _, o := range test.LaidOutObjects(w.kwic) {
		if l, ok := o.(*kwicLine); ok && l.row != nil {
			line = l
			break
		}
	}
	if line == nil {
		t.Fatal("no row drawn")
	}
	line.MouseIn(&desktop.MouseEvent{})
	shown := ""
	for _, l := range w.tips.lines {
		if l.Visible() {
			shown += l.Text + " "
		}
	}
	words := strings.Fields(line.row.Annotation.Text())
	if !w.tips.text.Visible() || !strings.Contains(shown, words[0]) || !strings.Contains(shown, words[len(words)-1]) {
		t.Errorf("the tip shows %q for the span %q", shown, line.row.Annotation.Text())
	}
	line.MouseOut()
	if w.tips.text.Visible() {
		t.Error("the tip stayed")
	}
}

// The open span copies alone and with its citation; a listed row's menu
// copies that row; the list exports as CSV.
func TestCopyingSpansAndExportingTheList(t *testing.T) {
	w := openWindow(t, builtin)
	m := w.corpus.Meeting("scm-44")
	w.state.Select(timeline.Selection{Meeting: m, Annotations: m.Sources[0].Annotations})
	w.state.OpenRow(0)
	a := w.state.Focus().Annotation
	w.copyFocus(w.state.Focus(), false)
	if got := w.app.Clipboard().Content(); got != a.Text() {
		t.Errorf("copied %q, want %q", got, a.Text())
	}
	w.copyFocus(w.state.Focus(), true)
	got := w.app.Clipboard().Content()
	for _, want := range []string{strings.Join(strings.Fields(a.Text()), " "), a.Source.Details().Publisher, "44th U.S.–ROK Security Consultative Meeting", "24 October 2012"} {
		if !strings.Contains(got, want) {
			t.Errorf("the citation %q lacks %q", got, want)
		}
	}
	w.rowMenu(1, fyne.NewPos(100, 100))
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no menu for the row")
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	w.rowMenuItems(1).Items[1].Action() // Copy with citation
	if row := m.Sources[0].Annotations[1]; !strings.Contains(w.app.Clipboard().Content(), strings.Join(strings.Fields(row.Text()), " ")) {
		t.Errorf("the menu copied %q", w.app.Clipboard().Content())
	}

	dir := t.TempDir()
	w.app.Preferences().SetString(prefExportFolder, dir)
	events := w.events
	w.exportTo(export.List, filepath.Join(dir, "spans.csv"), false)
	w.ui.pumpUntil(t, "the export", func() bool { return strings.Contains(events.String(), "exported chart=list") })
	raw, err := os.ReadFile(filepath.Join(dir, "spans.csv"))
	if err != nil || !strings.Contains(string(raw), ",span,") || !strings.HasPrefix(string(raw), "row,kind,topic") {
		t.Fatalf("the list's CSV: %v %q", err, raw[:min(len(raw), 80)])
	}
	if rows, _ := csv.NewReader(bytes.NewReader(raw)).ReadAll(); len(rows) != 1+len(m.Sources[0].Annotations) {
		t.Errorf("%d rows for %d spans", len(rows), len(m.Sources[0].Annotations))
	}
}

// The status bar keeps its height whatever it says and whether a load's
// progress shows, so the window's layout never shifts under the pointer.
func TestStatusBarKeepsItsHeight(t *testing.T) {
	w := openWindow(t, builtin)
	var heights []float32
	measure := func() { heights = append(heights, w.statusBar.MinSize().Height) }
	measure()
	w.status.SetText("")
	measure()
	w.status.SetText(strings.Repeat("a long message ", 40))
	measure()
	w.progress.Show()
	measure()
	w.progress.Hide()
	w.loadBar.Show()
	measure()
	for _, h := range heights[1:] {
		if h != heights[0] {
			t.Errorf("the status bar's height changes: %v", heights)
			break
		}
	}
}

// Help fits the window, even a small one: the keys scroll (unscrolled,
// their list made the dialog taller and wider than the window, the mouse's
// paragraph drawn over the last keys).
func TestHelpFitsTheWindow(t *testing.T) {
	w := openWindow(t, builtin)
	w.Resize(fyne.NewSize(1024, 700))
	w.ShowHelp()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no help shown")
	}
	var dialogBox fyne.CanvasObject = top
	if p, ok := top.(*widget.PopUp); ok {
		dialogBox = p.Content
	}
	canvas, pos, size := w.Canvas().Size(), fyne.CurrentApp().Driver().AbsolutePositionForObject(dialogBox), dialogBox.Size()
	if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > canvas.Width || pos.Y+size.Height > canvas.Height || dialogBox.MinSize().Height > canvas.Height {
		t.Errorf("help at %v, %v (at least %v) in a window of %v", pos, size, dialogBox.MinSize(), canvas)
	}
}
