package timeline

import (
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// pointModel is n meetings of one day each over 2012–2023, every one on
// one of lanes topic lanes, as the corpus of gen --points makes them; a
// tenth have no source text.
func pointModel(n, lanes int) *Model {
	rng := rand.New(rand.NewSource(7))
	m := &Model{Corpus: true}
	first, last := data.DayNumber(2012, 1, 1), data.DayNumber(2024, 1, 1)
	m.Lanes = append(m.Lanes, &Lane{Label: "Meetings"})
	for i := range lanes {
		m.Lanes = append(m.Lanes, &Lane{Label: fmt.Sprintf("Lane %d", i+1), Color: data.DefaultTopicColor(i), Topic: &data.Topic{ID: fmt.Sprintf("lane-%d", i+1), Index: i}})
	}
	days := make([]int, n)
	for i := range days {
		days[i] = first + rng.Intn(last-first)
	}
	slices.Sort(days)
	for i, day := range days {
		y, mo, d := data.DayDate(day)
		m.Meetings = append(m.Meetings, &data.Meeting{ID: fmt.Sprintf("m%d", i), Short: fmt.Sprintf("I%d", i+1), Title: fmt.Sprintf("Item %d", i+1),
			Date: data.Date{Year: y, Month: mo, Day: d, Precision: data.PrecisionDay}})
		it := Item{Start: float64(day), End: float64(day + 1), Count: 1, Meeting: i, Hollow: i%10 == 0}
		m.Lanes[0].Items = append(m.Lanes[0].Items, it)
		it.Hollow, it.Count = false, 1+i%3
		lane := m.Lanes[1+rng.Intn(lanes)]
		lane.Items = append(lane.Items, it)
	}
	m.First, m.Last = float64(first), float64(last)
	m.index()
	return m
}

func TestNthSmallestIsSortsElement(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := range 500 {
		n := 1 + rng.Intn(60)
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = float64(rng.Intn(8)) // many equal values
		}
		sorted := slices.Sorted(slices.Values(xs))
		k := rng.Intn(n)
		if got := nthSmallest(slices.Clone(xs), k); got != sorted[k] {
			t.Fatalf("trial %d: nthSmallest(%v, %d) = %v, want %v", trial, xs, k, got, sorted[k])
		}
	}
}

func TestNiceCeilAndPeriods(t *testing.T) {
	for _, c := range []struct{ n, want int }{{0, 1}, {1, 1}, {2, 2}, {7, 8}, {9, 10}, {11, 12}, {13, 15}, {850, 1000}, {694, 800}, {2001, 2500}} {
		if got := niceCeil(c.n); got != c.want {
			t.Errorf("niceCeil(%d) = %d, want %d", c.n, got, c.want)
		}
	}
	day := float64(data.DayNumber(2016, 3, 7))
	for _, c := range []struct {
		u    Unit
		want string
	}{{UnitDay, "7 March 2016"}, {UnitWeek, "Week of 7 March 2016"}, {UnitMonth, "March 2016"}, {UnitQuarter, "2016 Q1"}, {UnitYear, "2016"}, {UnitYear5, "2016–2020"}} {
		if got := Period(c.u, day); got != c.want {
			t.Errorf("Period(%v) = %q, want %q", c.u, got, c.want)
		}
	}
}

// The bins are the calendar's: a bin's period starts and ends on its
// unit's boundaries, and the unit keeps a bin a few points wide.
func TestBinsFollowTheCalendar(t *testing.T) {
	m := pointModel(20000, 10)
	for _, span := range []float64{4400, 1826, 365, 60, 14} {
		s := Scale{Start: float64(data.DayNumber(2014, 2, 11)), PerDay: 1000 / span, Width: 1000}
		f := m.NewFrame(s, 1200, 500, DefaultStyle(1), fixedWidth)
		if !f.Density.On {
			t.Fatalf("span %v: not dense", span)
		}
		for _, b := range f.Bins {
			y, mo, d := data.DayDate(int(b.Start))
			switch {
			case b.X1-b.X0 < minBinPoints:
				t.Fatalf("span %v: a bin %v wide", span, b.X1-b.X0)
			case b.Unit == UnitMonth && d != 1, b.Unit == UnitYear && (mo != 1 || d != 1), b.Unit == UnitQuarter && (d != 1 || (mo-1)%3 != 0):
				t.Fatalf("span %v: a %v bin starts on %d-%d-%d", span, b.Unit, y, mo, d)
			}
			for _, it := range m.Lanes[b.Lane].Items[b.First:b.Last] {
				if it.Start < b.Start || it.Start >= b.End {
					t.Fatalf("an item of day %v in the bin [%v, %v)", it.Start, b.Start, b.End)
				}
			}
		}
	}
}

// The same zoom gives the same bins wherever the view is panned, with the
// same counts; and the switch between marks and bins happens at one zoom
// for every lane: a frame is all bins or all marks.
func TestBinsAreStableAndSwitchAtOneZoom(t *testing.T) {
	m := pointModel(5000, 8)
	key := func(b Bin) string { return fmt.Sprintf("%d/%v/%d/%d", b.Lane, b.Start, b.Count, b.Items) }
	at := func(start, perDay float64) *Frame {
		return m.NewFrame(Scale{Start: start, PerDay: perDay, Width: 1000}, 1200, 500, DefaultStyle(1), fixedWidth)
	}
	start := float64(data.DayNumber(2015, 1, 1))
	wasDense := true
	switches := 0
	for perDay := 0.1; perDay < 400; perDay *= 1.1 {
		a, b := at(start, perDay), at(start+237.3/perDay, perDay) // panned by 237 points
		if a.Density.On != b.Density.On || a.Density.Unit != b.Density.Unit {
			t.Fatalf("%v points a day: panning changed the density (%v %v)", perDay, a.Density, b.Density)
		}
		if a.Density.On && len(a.Marks)+len(b.Marks) > 0 || !a.Density.On && len(a.Bins)+len(b.Bins) > 0 {
			t.Fatalf("%v points a day: marks and bins in one frame", perDay)
		}
		if a.Density.On != wasDense {
			switches++
			wasDense = a.Density.On
		}
		// The bins both views show are the same.
		in := map[string]bool{}
		for _, x := range a.Bins {
			in[key(x)] = true
		}
		shared := 0
		for _, x := range b.Bins {
			if x.Start >= a.Scale.Start && x.End <= a.Scale.End() {
				if !in[key(x)] {
					t.Fatalf("%v points a day: bin %s differs when panned", perDay, key(x))
				}
				shared++
			}
		}
		if a.Density.On && shared == 0 {
			t.Fatalf("%v points a day: no bin in both views", perDay)
		}
	}
	if switches != 1 {
		t.Errorf("zooming in switched %d times between bins and marks, want once", switches)
	}
}

func TestMarksStayMarksWhileApart(t *testing.T) {
	_, m := builtinModel(t)
	for _, w := range []float64{700, 1000, 1600} {
		f := frameAt(m, FitScale(m.First, m.Last, w-DefaultStyle(1).Gutter), w, 500)
		if f.Density.On {
			t.Errorf("the built-in corpus at %v points is drawn as bins", w)
		}
	}
}

// At 10,000 items and a picture 600 pixels wide, every lane is many bins.
func TestTenThousandItemsAtSixHundredPixels(t *testing.T) {
	m := pointModel(10000, 20)
	f, err := Layout(m, RenderOptions{Width: 600, Height: 500, Palette: LightPalette})
	if err != nil {
		t.Fatal(err)
	}
	per := map[int]int{}
	for _, b := range f.Bins {
		per[b.Lane]++
	}
	for _, lb := range f.Lanes {
		if per[lb.Lane] < 20 {
			t.Errorf("lane %d: %d bins", lb.Lane, per[lb.Lane])
		}
	}
	if len(f.Marks) != 0 {
		t.Errorf("%d marks", len(f.Marks))
	}
	// The SVG draws the same picture: a rectangle for every bin at least.
	svg, err := RenderSVG(m, RenderOptions{Width: 600, Height: 500, Palette: LightPalette})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(svg), "<rect"); n < len(f.Bins) {
		t.Errorf("the SVG has %d rectangles for %d bins", n, len(f.Bins))
	}
}

// binPos is the middle of the first bin of a lane with at least items
// meetings, in widget points.
func binPos(t *testing.T, tl *Timeline, lane, items int) (Bin, fyne.Position) {
	t.Helper()
	f := tl.Frame()
	for _, b := range f.Bins {
		if b.Lane == lane && b.Items >= items && b.X0 > 0 {
			return b, fyne.NewPos(float32(f.Plot.X+(b.X0+b.X1)/2), float32((b.Y0+b.Y1)/2))
		}
	}
	t.Fatalf("no bin of %d items on lane %d", items, lane)
	return Bin{}, fyne.Position{}
}

func TestHoverAndTapOnABin(t *testing.T) {
	m := pointModel(20000, 10)
	tl, w := showTimeline(t, m)
	if !tl.Frame().Density.On {
		t.Fatal("the fitted view is not dense")
	}
	b, at := binPos(t, tl, 3, 2)
	test.MoveMouse(w.Canvas(), at)
	lines := tl.TooltipLines()
	period := Period(b.Unit, b.Start)
	if len(lines) < 3 || lines[0] != period+" — Lane 3" || !strings.HasPrefix(lines[1], fmt.Sprintf("%d spans in %d meetings", b.Count, b.Items)) {
		t.Fatalf("tooltip: %q (bin %+v)", lines, b)
	}
	first := m.Meetings[m.Lanes[3].Items[b.First].Meeting]
	if !strings.Contains(lines[2], first.Short) || !strings.Contains(lines[2], first.Date.String()) {
		t.Errorf("the tooltip's first meeting is %q, want %s", lines[2], first.Short)
	}

	// A tap lists the bin's meetings, after a way to zoom to it, and tells
	// the owner what the bin holds.
	var contents BinContents
	tl.OnBin = func(c BinContents) { contents = c }
	test.TapAt(tl, at)
	if contents.Title != period+" — Lane 3" || len(contents.Meetings) != b.Items || contents.Meetings[0] != first || contents.Topic != m.Lanes[3].Topic {
		t.Errorf("the bin's contents: %q, %d meetings", contents.Title, len(contents.Meetings))
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no menu of the bin's meetings")
	}
	items := tl.BinMenu(b) // what the menu shows
	if items[0].Label != "Zoom to "+period || len(items) != 1+min(b.Items, maxBinMenu)+boolInt(b.Items > maxBinMenu) {
		t.Fatalf("menu: %d items, first %q; the bin holds %d", len(items), items[0].Label, b.Items)
	}
	if want := first.Date.String() + "  " + first.Short; !strings.HasPrefix(items[1].Label, want) {
		t.Errorf("menu's first meeting %q, want %q", items[1].Label, want)
	}
	// Picking a meeting selects it; zooming shows the period.
	var picked Selection
	tl.OnSelect = func(s Selection) { picked = s }
	items[1].Action()
	if picked.Meeting != first || picked.Topic != m.Lanes[3].Topic {
		t.Errorf("picked %+v", picked)
	}
	tl.BinMenu(b)[0].Action()
	if v := tl.View(); v.Start != b.Start || v.End()-b.End > 1e-6 || b.End-v.End() > 1e-6 {
		t.Errorf("zoomed to %v–%v, want %v–%v", v.Start, v.End(), b.Start, b.End)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// The keyboard walks the meetings in date order in a binned view too, and
// the ring marks the meeting's own place in its bin.
func TestKeyboardWalkInABinnedView(t *testing.T) {
	m := pointModel(20000, 10)
	tl, _ := showTimeline(t, m)
	var got []*data.Meeting
	tl.OnSelect = func(s Selection) { got = append(got, s.Meeting) }
	for range 3 {
		tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if len(got) != 3 || got[0] != m.Meetings[0] || got[2] != m.Meetings[2] {
		t.Fatalf("walked %v", got)
	}
	f := tl.Frame()
	if !f.Density.On || f.BinAt(0, 2) < 0 {
		t.Fatal("the walk left the binned view")
	}
	r := test.WidgetRenderer(tl).(*renderer)
	x0, _, _, _, _ := f.Spot(m, 0, 2)
	if !r.ring.Visible() || r.ring.Position().X > float32(f.Plot.X+x0) || r.ring.Position().X+r.ring.Size().Width < float32(f.Plot.X+x0) {
		t.Errorf("the selection ring is at %v (%v wide), the meeting at %v", r.ring.Position(), r.ring.Size(), f.Plot.X+x0)
	}
}

// Hidden meetings leave the bins' counts, and the search's matches are
// counted in them.
func TestBinsCountWhatIsShown(t *testing.T) {
	m := pointModel(5000, 5)
	for i := range m.Lanes[0].Items {
		m.Lanes[0].Items[i].Hidden = i%2 == 0
		m.Lanes[0].Items[i].Marked = i%5 == 0
	}
	m.Lanes[0].sum()
	f := frameAt(m, FitScale(m.First, m.Last, 1000), 1200, 500)
	shown, marked := 0, 0
	for _, b := range f.Bins {
		if b.Lane != 0 {
			continue
		}
		want, wantMarked := 0, 0
		for _, it := range m.Lanes[0].Items[b.First:b.Last] {
			if !it.Hidden {
				want++
				if it.Marked {
					wantMarked++
				}
			}
		}
		if b.Items != want || b.Count != want || b.Marked != wantMarked {
			t.Fatalf("bin %+v: want %d items, %d marked", b, want, wantMarked)
		}
		shown += b.Items
		marked += b.Marked
	}
	if shown != 2500 || marked != 500 {
		t.Errorf("%d shown, %d marked", shown, marked)
	}
}

func TestGallopingSearchIsBinarySearch(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for trial := range 300 {
		l := &Lane{}
		day := 0.0
		for range rng.Intn(200) {
			day += float64(rng.Intn(4)) // runs of equal days
			l.Items = append(l.Items, Item{Start: day, End: day + 1})
		}
		l.sum()
		i := 0
		if len(l.Items) > 0 {
			i = rng.Intn(len(l.Items))
		}
		target := float64(rng.Intn(int(day) + 3))
		want := sort.Search(len(l.Items), func(j int) bool { return l.Items[j].Start >= target })
		if want < i { // from searches forward of i only
			want = i
		}
		if got := l.sums.from(i, target); got != want {
			t.Fatalf("trial %d: from(%d, %v) = %d, want %d", trial, i, target, got, want)
		}
	}
}
