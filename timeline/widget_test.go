package timeline

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/alliance-timeline/alliance-timeline/data"
)

func showTimeline(t *testing.T, m *Model) (*Timeline, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	tl := New(m)
	w := test.NewWindow(tl)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1400, 700))
	t.Cleanup(w.Close)
	return tl, w
}

// markPos is the centre of the mark that holds an item, in widget points.
func markPos(t *testing.T, tl *Timeline, lane, item int) fyne.Position {
	t.Helper()
	f := tl.Frame()
	i := f.MarkOf(lane, item)
	if i < 0 {
		t.Fatalf("item %d of lane %d is not in view", item, lane)
	}
	mk := f.Marks[i]
	return fyne.NewPos(float32(f.Plot.X+(mk.X0+mk.X1)/2), float32(mk.Y))
}

func TestTimelineOpensFittedOnTheData(t *testing.T) {
	_, m := builtinModel(t)
	tl, _ := showTimeline(t, m)
	v := tl.View()
	y0, _, _ := data.DayDate(int(v.Start))
	y1, _, _ := data.DayDate(int(v.End()))
	if y0 != 2012 || y1 != 2023 && y1 != 2024 {
		t.Errorf("opens on %d–%d, want 2012–2023", y0, y1)
	}
}

func TestScrollZoomsAroundThePointer(t *testing.T) {
	_, m := builtinModel(t)
	tl, _ := showTimeline(t, m)
	at := fyne.NewPos(900, 300)
	gutter := tl.style().Gutter
	before := tl.View()
	dayUnder := before.Day(float64(at.X) - gutter)
	// test.Scroll leaves the event's position at 0,0; the real driver sets
	// it, so the event is delivered here as the driver builds it.
	scroll := func(dy float32) {
		tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at, AbsolutePosition: at}, Scrolled: fyne.Delta{DY: dy}})
	}
	scroll(25)
	after := tl.View()
	if after.Span() >= before.Span() {
		t.Fatalf("scrolling up did not zoom in: span %v → %v", before.Span(), after.Span())
	}
	if got := after.Day(float64(at.X) - gutter); math.Abs(got-dayUnder) > 1e-6 {
		t.Errorf("the day under the pointer moved from %v to %v", dayUnder, got)
	}
	scroll(-25)
	if math.Abs(tl.View().Span()-before.Span()) > 1e-6 {
		t.Errorf("zooming back out: span %v, want %v", tl.View().Span(), before.Span())
	}
}

func TestDragPans(t *testing.T) {
	_, m := builtinModel(t)
	tl, w := showTimeline(t, m)
	tl.ZoomAt(700, 4) // room to pan within the clamp
	before := tl.View()
	test.Drag(w.Canvas(), fyne.NewPos(700, 300), 120, 0)
	after := tl.View()
	if want := before.Start - 120/before.PerDay; math.Abs(after.Start-want) > 1e-6 {
		t.Errorf("dragging 120 points right: start %v, want %v", after.Start, want)
	}
}

func TestViewChangesAreReported(t *testing.T) {
	_, m := builtinModel(t)
	tl, w := showTimeline(t, m)
	var views []Scale
	tl.OnViewChanged = func(s Scale) { views = append(views, s) }
	fitted := tl.View()
	tl.TypedRune('+')
	test.Drag(w.Canvas(), fyne.NewPos(700, 300), -80, 0)
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if len(views) != 3 {
		t.Fatalf("%d views reported, want 3 (zoom, drag, fit)", len(views))
	}
	if views[0].Span() >= fitted.Span() {
		t.Errorf("the zoom reported span %v, fitted %v", views[0].Span(), fitted.Span())
	}
	if views[1].Start <= views[0].Start {
		t.Errorf("dragging left reported start %v after %v", views[1].Start, views[0].Start)
	}
	if views[2] != fitted {
		t.Errorf("Home reported %+v, want the fitted %+v", views[2], fitted)
	}
}

func TestTapSelectsTheMeetingAndReportsItsAnnotations(t *testing.T) {
	c, m := builtinModel(t)
	tl, _ := showTimeline(t, m)
	var got []Selection
	tl.OnSelect = func(s Selection) { got = append(got, s) }
	test.TapAt(tl, markPos(t, tl, 0, 1)) // the first is the 2+2 of June 2012
	if len(got) != 1 || got[0].Meeting.ID != "scm-44" || got[0].Topic != nil {
		t.Fatalf("selections: %+v", got)
	}
	want := 0
	for _, s := range c.Meeting("scm-44").Sources {
		want += len(s.Annotations)
	}
	if len(got[0].Annotations) != want || want == 0 {
		t.Errorf("%d annotations reported, want %d", len(got[0].Annotations), want)
	}
	// A topic mark reports only its topic's spans.
	space := c.Topic("space")
	test.TapAt(tl, markPos(t, tl, 1+space.Index, 0))
	if s := got[len(got)-1]; s.Topic != space || s.Meeting.ID != "scm-44" || len(s.Annotations) != 3 {
		t.Errorf("space mark: topic %v meeting %v, %d annotations", s.Topic, s.Meeting.ID, len(s.Annotations))
	}
	// Tapping nothing clears the selection.
	test.TapAt(tl, fyne.NewPos(1390, 690))
	if _, ok := tl.Selected(); ok {
		t.Error("tapping empty space kept the selection")
	}
}

func TestKeyboardWalksMeetingsInDateOrder(t *testing.T) {
	_, m := builtinModel(t)
	tl, w := showTimeline(t, m)
	w.Canvas().Focus(tl)
	var ids []string
	tl.OnSelect = func(s Selection) { ids = append(ids, s.Meeting.ID) }
	for i := 0; i < 22; i++ {
		tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	want := "two-plus-two-2012 scm-44 scm-45 scm-46 two-plus-two-2014 scm-47 two-plus-two-2016 scm-48 scm-49 scm-50 scm-51 scm-52 austin-suh-2021 two-plus-two-2021 scm-53 austin-lee-2022 scm-54 austin-seoul-2023 washington-declaration-2023 ncg-2023 scm-55 scm-55"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("Right walks %s", got)
	}
	ids = nil
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if strings.Join(ids, " ") != "ncg-2023 washington-declaration-2023" {
		t.Errorf("Left walks %v", ids)
	}
	var opened []Selection
	tl.OnOpen = func(s Selection) { opened = append(opened, s) }
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(opened) != 1 || opened[0].Meeting.ID != "washington-declaration-2023" {
		t.Errorf("Enter opened %+v", opened)
	}
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if _, ok := tl.Selected(); ok {
		t.Error("Escape kept the selection")
	}
	span := tl.View().Span()
	tl.TypedRune('+')
	if tl.View().Span() >= span {
		t.Error("+ did not zoom in")
	}
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if math.Abs(tl.View().Span()-span) > 1e-6 {
		t.Error("Home did not fit all")
	}
}

func TestSelectingScrollsIntoView(t *testing.T) {
	_, m := builtinModel(t)
	tl, _ := showTimeline(t, m)
	tl.ZoomAt(300, 20) // a few months around 2013
	tl.SelectMeetingByID("scm-55")
	v := tl.View()
	var it Item
	for _, item := range m.Lanes[0].Items {
		if m.Meetings[item.Meeting].ID == "scm-55" {
			it = item
		}
	}
	if it.Start < v.Start || it.End > v.End() {
		t.Errorf("the 55th SCM (%v) is not in view %v–%v", it.Start, v.Start, v.End())
	}
}

func TestHoverShowsAndHidesTheTooltip(t *testing.T) {
	_, m := builtinModel(t)
	tl, w := showTimeline(t, m)
	test.MoveMouse(w.Canvas(), markPos(t, tl, 0, 1)) // the 44th SCM, after the 2+2 of June 2012
	lines := tl.TooltipLines()
	if len(lines) < 4 || !strings.Contains(lines[0], "44th") || !strings.Contains(strings.Join(lines, "\n"), "24 October 2012") {
		t.Fatalf("tooltip: %q", lines)
	}
	if !strings.Contains(strings.Join(lines, "\n"), "2 sources") {
		t.Errorf("tooltip lacks the sources: %q", lines)
	}
	test.MoveMouse(w.Canvas(), markPos(t, tl, 0, 2)) // the 45th: no text
	if got := strings.Join(tl.TooltipLines(), "\n"); !strings.Contains(got, "No source text") {
		t.Errorf("45th SCM tooltip: %q", got)
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(1390, 690))
	if tl.TooltipLines() != nil {
		t.Error("the tooltip stayed over empty space")
	}
	test.MoveMouse(w.Canvas(), markPos(t, tl, 0, 0))
	tl.MouseOut()
	if tl.TooltipLines() != nil {
		t.Error("the tooltip stayed after the pointer left")
	}
}

func clusteredModel(sameDay bool) *Model {
	base := float64(data.DayNumber(2020, 1, 6))
	step := 2.0
	if sameDay {
		step = 0
	}
	m := &Model{}
	var items []Item
	for i := 0; i < 3; i++ {
		d := data.Date{Year: 2020, Month: 1, Day: 6 + int(step)*i, Precision: data.PrecisionDay}
		m.Meetings = append(m.Meetings, &data.Meeting{ID: "m" + string(rune('1'+i)), Title: "Meeting", Short: "M", Date: d})
		items = append(items, Item{Start: base + step*float64(i), End: base + step*float64(i) + 1, Count: 1, Meeting: i})
	}
	m.Meetings = append(m.Meetings, &data.Meeting{ID: "m4", Title: "Later", Short: "L", Date: data.Date{Year: 2021, Month: 1, Day: 20, Precision: data.PrecisionDay}})
	items = append(items, Item{Start: base + 380, End: base + 381, Count: 1, Meeting: 3})
	m.Lanes = []*Lane{{Label: "Meetings", Items: items}}
	m.First, m.Last = base, base+381
	m.index()
	return m
}

func TestTappingAClusterOpensIt(t *testing.T) {
	tl, _ := showTimeline(t, clusteredModel(false))
	f := tl.Frame()
	if !f.Marks[0].Cluster() {
		t.Fatal("no cluster at fit")
	}
	test.TapAt(tl, markPos(t, tl, 0, 0))
	f = tl.Frame()
	for _, mk := range f.Marks {
		if mk.Cluster() {
			t.Fatalf("after tapping, a cluster remains: %+v", mk)
		}
	}
	if tl.Frame().MarkOf(0, 2) < 0 {
		t.Error("the cluster's last meeting is not in view")
	}
}

func TestTappingASameDayClusterListsIt(t *testing.T) {
	tl, w := showTimeline(t, clusteredModel(true))
	test.TapAt(tl, markPos(t, tl, 0, 0))
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no menu of the cluster's meetings")
	}
}

func TestCollapsingALane(t *testing.T) {
	_, m := builtinModel(t)
	tl, _ := showTimeline(t, m)
	f := tl.Frame()
	lb := f.Lanes[3]
	test.TapAt(tl, fyne.NewPos(20, float32(lb.Y+lb.H/2)))
	if !m.Lanes[lb.Lane].Collapsed {
		t.Fatal("tapping the lane label did not collapse it")
	}
	if h := tl.Frame().Lanes[3].H; h >= lb.H {
		t.Errorf("collapsed lane is %v high, was %v", h, lb.H)
	}
}

// TestSetModelFitsTheNewData: a model set after the first layout is fitted
// at once, so walking to a meeting does not pan a stale view.
func TestSetModelFitsTheNewData(t *testing.T) {
	_, m := builtinModel(t)
	tl, _ := showTimeline(t, &Model{Lanes: []*Lane{{Label: "Meetings"}}})
	tl.SetModel(m)
	fitted := FitScale(m.First, m.Last, tl.plotWidth())
	if v := tl.View(); math.Abs(v.Start-fitted.Start) > 1e-6 || math.Abs(v.Span()-fitted.Span()) > 1e-6 {
		t.Fatalf("view %v–%v, want the fit %v–%v", v.Start, v.End(), fitted.Start, fitted.End())
	}
	for i := 0; i < 13; i++ {
		tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		if v := tl.View(); v != fitted {
			t.Fatalf("selecting a meeting in view moved the view to %v–%v", v.Start, v.End())
		}
	}
}

// TestHoverDoesNotRedrawTheRaster: moving the pointer only moves the
// objects over the raster.
func TestHoverDoesNotRedrawTheRaster(t *testing.T) {
	_, m := builtinModel(t)
	tl, w := showTimeline(t, m)
	w.Canvas().Content().Refresh()
	tl.Refresh()
	if tl.stale {
		t.Fatal("stale after drawing")
	}
	test.MoveMouse(w.Canvas(), markPos(t, tl, 0, 0))
	if tl.stale {
		t.Error("hovering asked for a new raster")
	}
	tl.ZoomAt(700, 2)
	if tl.stale {
		t.Error("the renderer did not take the zoom's new raster")
	}
}

// The context menu's "Show only this topic" and "Show all topics" ask the
// owner of the filters when there is one, and change no lane themselves.
func TestShowOnlyAsksTheOwner(t *testing.T) {
	c, m := builtinModel(t)
	tl, _ := showTimeline(t, m)
	var asked []*data.Topic
	tl.OnShowOnly = func(tp *data.Topic) { asked = append(asked, tp) }
	space := c.Topic("space")
	tl.showOnly(space)
	tl.showOnly(nil)
	if len(asked) != 2 || asked[0] != space || asked[1] != nil {
		t.Fatalf("asked %v", asked)
	}
	for _, l := range m.Lanes {
		if l.Hidden {
			t.Fatalf("the timeline hid lane %s itself", l.Label)
		}
	}
	// Without an owner it hides the lanes itself.
	tl.OnShowOnly = nil
	tl.showOnly(space)
	for _, l := range m.Lanes[1:] {
		if l.Hidden != (l.Topic != space) {
			t.Errorf("lane %s hidden = %v", l.Label, l.Hidden)
		}
	}
}

// Model.Show reads a query as the charts do: nil topics or kinds are all,
// empty ones none, and years bound the meetings.
func TestModelShowsAQuery(t *testing.T) {
	_, m := builtinModel(t)
	visible := func() (lanes, meetings int) {
		for _, l := range m.Lanes[1:] {
			if !l.Hidden {
				lanes++
			}
		}
		for _, it := range m.Lanes[0].Items {
			if !it.Hidden {
				meetings++
			}
		}
		return
	}
	for _, tc := range []struct {
		q                 data.Query
		lanes, meetingsIn int
	}{
		{data.Query{}, 23, 21},
		{data.Query{Topics: []string{}}, 0, 21},
		{data.Query{Topics: []string{"space", "cyber"}}, 2, 21},
		{data.Query{Kinds: []string{}}, 23, 0},
		{data.Query{Kinds: []string{"SCM"}}, 23, 12},
		{data.Query{FromYear: 2020, ToYear: 2021}, 23, 4},
	} {
		m.Show(tc.q)
		if l, n := visible(); l != tc.lanes || n != tc.meetingsIn {
			t.Errorf("%+v: %d lanes and %d meetings shown, want %d and %d", tc.q, l, n, tc.lanes, tc.meetingsIn)
		}
	}
}
