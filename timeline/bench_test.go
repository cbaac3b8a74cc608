package timeline

import (
	"fmt"
	"image"
	"math/rand"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// syntheticModel spreads n marks over fifty years: a twentieth of them
// meetings, the rest topic marks on 19 topic lanes, the way a large corpus
// looks (every meeting mentions a few topics).
func syntheticModel(n int) *Model {
	rng := rand.New(rand.NewSource(1))
	m := &Model{}
	first := float64(data.DayNumber(1975, 1, 1))
	last := float64(data.DayNumber(2025, 1, 1))
	meetings := &Lane{Label: "Meetings"}
	m.Lanes = append(m.Lanes, meetings)
	for i := 0; i < 19; i++ {
		m.Lanes = append(m.Lanes, &Lane{Label: fmt.Sprintf("Topic %d", i), Color: data.DefaultTopicColor(i)})
	}
	for i := 0; i < n; i++ {
		day := first + float64(rng.Intn(int(last-first)))
		lane := 0
		if i%20 != 0 {
			lane = 1 + rng.Intn(19)
		}
		it := Item{Start: day, End: day + 1, Count: 1 + rng.Intn(9), Meeting: -1}
		if lane == 0 {
			y, mo, d := data.DayDate(int(day))
			m.Meetings = append(m.Meetings, &data.Meeting{Short: fmt.Sprintf("M%d", i), Date: data.Date{Year: y, Month: mo, Day: d, Precision: data.PrecisionDay}})
			it.Meeting, it.Count = len(m.Meetings)-1, 1
		}
		m.Lanes[lane].Items = append(m.Lanes[lane].Items, it)
	}
	m.First, m.Last = first, last
	m.index()
	return m
}

// BenchmarkFrame measures one frame as the widget makes it: layout,
// clustering and drawing into its 1600×500 raster (reused, as the widget
// reuses it while the size stays). The 1,000-mark frame
// in the same run is the baseline of the larger ones; from 10,000 marks
// the fitted view is drawn as density bins (the bins metric).
func BenchmarkFrame(b *testing.B) {
	txt, err := TextAt(12)
	if err != nil {
		b.Fatal(err)
	}
	const w, h = 1600, 500
	for _, view := range []string{"all", "two-years"} {
		for _, n := range []int{1000, 10000, 100000, 1000000} {
			m := syntheticModel(n)
			st := DefaultStyle(1).GutterFor(m, txt.Regular.Measure)
			s := FitScale(m.First, m.Last, w-st.Gutter)
			if view == "two-years" {
				s = Scale{Start: float64(data.DayNumber(2000, 1, 1)), PerDay: (w - st.Gutter) / 730.5, Width: w - st.Gutter}
			}
			img := image.NewRGBA(image.Rect(0, 0, w, h))
			b.Run(fmt.Sprintf("view=%s/marks=%d", view, n), func(b *testing.B) {
				var f *Frame
				for b.Loop() {
					f = m.NewFrame(s, w, h, st, txt.Regular.Measure)
					f.Draw(img, m, LightPalette, txt)
				}
				b.ReportMetric(float64(len(f.Bins)), "bins")
			})
		}
	}
}
