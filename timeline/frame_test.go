package timeline

import (
	"image"
	"image/color"
	"math"
	"slices"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
	"github.com/alliance-timeline/alliance-timeline/data"
)

func builtinModel(t testing.TB) (*data.Corpus, *Model) {
	t.Helper()
	c, ps, err := assets.LoadCorpus()
	if err != nil || c == nil {
		t.Fatalf("%v %s", err, ps)
	}
	return c, NewModel(c)
}

func frameAt(m *Model, s Scale, width, height float64) *Frame {
	st := DefaultStyle(1)
	return m.NewFrame(s.Resize(width-st.Gutter), width, height, st, fixedWidth)
}

func TestModelFromBuiltinCorpus(t *testing.T) {
	c, m := builtinModel(t)
	if len(m.Lanes) != 1+len(c.Topics) || len(m.Lanes[0].Items) != len(c.Meetings) || len(c.Meetings) != 21 {
		t.Fatalf("%d lanes, %d meetings", len(m.Lanes), len(m.Lanes[0].Items))
	}
	if len(m.Groups) != 3 || len(m.Eras) != 13 {
		t.Errorf("%d era groups, %d eras", len(m.Groups), len(m.Eras))
	}
	hollow := 0
	for _, it := range m.Lanes[0].Items {
		if it.Hollow {
			hollow++
		}
	}
	if hollow != 17 {
		t.Errorf("%d hollow meetings, want 17", hollow)
	}
	// The 44th SCM's space mentions are the AFPS article's three spans.
	space := c.Topic("space")
	for _, it := range m.Lanes[1+space.Index].Items {
		if m.Meetings[it.Meeting].ID == "scm-44" && it.Count != 3 {
			t.Errorf("44th SCM space count = %d, want 3", it.Count)
		}
	}
}

func TestDatesLandOnTheirDays(t *testing.T) {
	// A day-precision date is a point in the middle of its day; month and
	// year precision are spans over the whole month or year.
	yaml := data.Date{Year: 2013, Month: 10, Precision: data.PrecisionMonth}
	year := data.Date{Year: 2015, Precision: data.PrecisionYear}
	m := &Model{Lanes: []*Lane{{Items: []Item{
		{Start: float64(data.DayNumber(2012, 10, 24)), End: float64(data.DayNumber(2012, 10, 25)), Count: 1, Meeting: -1},
		{Start: float64(yaml.FirstDay()), End: float64(yaml.LastDay() + 1), Count: 1, Meeting: -1},
		{Start: float64(year.FirstDay()), End: float64(year.LastDay() + 1), Count: 1, Meeting: -1},
	}}}}
	m.index()
	s := Scale{Start: float64(data.DayNumber(2012, 1, 1)), PerDay: 0.7, Width: 1400}
	f := frameAt(m, s, 1600, 300)
	if len(f.Marks) != 3 {
		t.Fatalf("%d marks", len(f.Marks))
	}
	day := f.Marks[0]
	if want := s.X(float64(data.DayNumber(2012, 10, 24)) + 0.5); day.X0 != want || day.X1 != want {
		t.Errorf("day mark at %v–%v, want %v", day.X0, day.X1, want)
	}
	month := f.Marks[1]
	if month.X0 != s.X(float64(data.DayNumber(2013, 10, 1))) || month.X1 != s.X(float64(data.DayNumber(2013, 11, 1))) {
		t.Errorf("month mark %v–%v is not October 2013", month.X0, month.X1)
	}
	if y := f.Marks[2]; y.X0 != s.X(float64(data.DayNumber(2015, 1, 1))) || y.X1 != s.X(float64(data.DayNumber(2016, 1, 1))) {
		t.Errorf("year mark %v–%v is not 2015", y.X0, y.X1)
	}
}

func TestClustersSplitAndMerge(t *testing.T) {
	// Three meetings two days apart and one a year later.
	base := float64(data.DayNumber(2020, 1, 6))
	m := &Model{Lanes: []*Lane{{Items: []Item{
		{Start: base, End: base + 1, Count: 1, Meeting: -1},
		{Start: base + 2, End: base + 3, Count: 1, Meeting: -1},
		{Start: base + 4, End: base + 5, Count: 1, Meeting: -1},
		{Start: base + 380, End: base + 381, Count: 1, Meeting: -1},
	}}}}
	m.index()
	wide := frameAt(m, FitScale(base, base+381, 1400), 1600, 300)
	if len(wide.Marks) != 2 || !wide.Marks[0].Cluster() || wide.Marks[0].Count != 3 || wide.Marks[1].Cluster() {
		t.Fatalf("fit all: marks %+v, want a cluster of 3 and a single", wide.Marks)
	}
	near := frameAt(m, FitScale(base, base+5, 1400), 1600, 300)
	if len(near.Marks) != 3 {
		t.Fatalf("zoomed in: %d marks, want the cluster split in 3", len(near.Marks))
	}
	for _, mk := range near.Marks {
		if mk.Cluster() {
			t.Errorf("zoomed in: a cluster remains: %+v", mk)
		}
	}
	// Zooming out again merges them back.
	again := frameAt(m, FitScale(base, base+5, 1400).Zoom(700, 0.001), 1600, 300)
	if !again.Marks[0].Cluster() {
		t.Errorf("zoomed out: first mark counts %d", again.Marks[0].Count)
	}
}

func TestHitTest(t *testing.T) {
	_, m := builtinModel(t)
	st := DefaultStyle(1)
	f := m.NewFrame(FitScale(m.First, m.Last, 1400), 1400+st.Gutter, 700, st, fixedWidth)
	for i, mk := range f.Marks {
		h := f.HitTest(f.Plot.X+mk.X0, mk.Y)
		if h.Mark != i {
			t.Errorf("mark %d (lane %d) not hit at its centre: got %d", i, mk.Lane, h.Mark)
		}
	}
	if h := f.HitTest(10, f.Lanes[3].Y+2); h.LaneLabel != f.Lanes[3].Lane || h.Mark != -1 {
		t.Errorf("gutter hit = %+v", h)
	}
	if h := f.HitTest(f.Plot.X+1, f.Plot.Y+f.Plot.H-1); h.Mark != -1 {
		t.Errorf("empty corner hit a mark: %+v", h)
	}
}

func TestBuiltinFrameShowsEveryMeeting(t *testing.T) {
	c, m := builtinModel(t)
	st := DefaultStyle(1)
	f := m.NewFrame(FitScale(m.First, m.Last, 1400), 1400+st.Gutter, 700, st, fixedWidth)
	seen := 0
	for _, mk := range f.Marks {
		if mk.Lane == 0 {
			seen += mk.Last - mk.First
		}
	}
	if seen != len(c.Meetings) {
		t.Errorf("%d meetings in view, want %d", seen, len(c.Meetings))
	}
	for i := 1; i < len(f.Labels); i++ {
		a, b := f.Labels[i-1], f.Labels[i]
		if a.Y == b.Y && a.X+fixedWidth(a.Text)+LabelGap > b.X {
			t.Errorf("labels %q and %q overlap", a.Text, b.Text)
		}
	}
}

// TestCapsuleMatchesDistance checks the row-wise capsule drawing against
// the plain per-pixel distance it replaces.
func TestCapsuleMatchesDistance(t *testing.T) {
	for _, tc := range []struct{ x0, x1, y, r, w float64 }{
		{20.3, 20.3, 15.6, 6, 0}, {10, 70.5, 15, 8, 0}, {10.7, 60.2, 14.2, 7.5, 1.6}, {30, 30, 15, 5, 1.4},
	} {
		img := image.NewRGBA(image.Rect(0, 0, 100, 30))
		capsule(img, tc.x0, tc.x1, tc.y, tc.r, tc.w, color.NRGBA{255, 255, 255, 255}, img.Bounds())
		for py := 0; py < 30; py++ {
			for px := 0; px < 100; px++ {
				cx, cy := float64(px)+0.5, float64(py)+0.5
				dx := 0.0
				if cx < tc.x0 {
					dx = tc.x0 - cx
				} else if cx > tc.x1 {
					dx = cx - tc.x1
				}
				want := uint8(255*ringCover(math.Hypot(dx, cy-tc.y), tc.r, tc.w) + 0.5)
				if got := img.Pix[img.PixOffset(px, py)]; int(got)-int(want) > 1 || int(want)-int(got) > 1 {
					t.Fatalf("%+v: pixel %d,%d = %d, want %d", tc, px, py, got, want)
				}
			}
		}
	}
}

func TestEmptyModel(t *testing.T) {
	if !(&Model{Lanes: []*Lane{{Label: "Meetings"}}}).Empty() {
		t.Error("a model without items is not empty")
	}
	if _, m := builtinModel(t); m.Empty() {
		t.Error("the built-in corpus' model is empty")
	}
}

// Where meetings crowd into one mark, the mark is named for its first
// meeting with text: the 54th SCM among the meetings of 2022–2023 at a
// narrow width.
func TestClusterIsNamedForItsMeetingWithText(t *testing.T) {
	_, m := builtinModel(t)
	st := DefaultStyle(1)
	f := m.NewFrame(FitScale(m.First, m.Last, 560), 560+st.Gutter, 500, st, fixedWidth)
	var labels []string
	for _, l := range f.Labels {
		labels = append(labels, l.Text)
	}
	if !slices.Contains(labels, "54th SCM +4") {
		t.Errorf("labels %q", labels)
	}
}
