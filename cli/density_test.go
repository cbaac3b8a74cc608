package cli

import (
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/timeline"
)

// ink is how far a picture's pixels in a rectangle are, on average, from
// the background: 0 for an empty cell, growing as its colour deepens.
func ink(img image.Image, r image.Rectangle, bg [3]float64) float64 {
	sum, n := 0.0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c0, c1, c2, _ := img.At(x, y).RGBA()
			sum += math.Sqrt(sq(float64(c0>>8)-bg[0]) + sq(float64(c1>>8)-bg[1]) + sq(float64(c2>>8)-bg[2]))
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

func sq(x float64) float64 { return x * x }

// The acceptance: 100,000 point items in 20 lanes over 2012–2023,
// even but for a tenfold burst in 2016 on lane 3 and an empty 2019 on lane
// 7. The exported picture at fit-all shows both, measured in its pixels,
// and every lane is many bins, not one mark.
func TestDensityShowsABurstAndAGap(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("100,000 items: run by make unit, without the race detector (nothing here runs concurrently but the load, which its own tests race)")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "points", "corpus.yaml")
	if code, _, stderr, _ := run(t, "gen", "--out", filepath.Dir(corpus), "--points", "100000", "--lanes", "20", "--burst", "3:2016", "--gap", "7:2019"); code != 0 {
		t.Fatalf("gen: %d %s", code, stderr)
	}
	out := filepath.Join(dir, "timeline.png")
	if code, _, stderr, _ := run(t, "export", "--chart", "timeline", "--width", "1600", "--height", "500", "--out", out, corpus); code != 0 {
		t.Fatalf("export: %d %s", code, stderr)
	}
	file, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	img, err := png.Decode(file)
	if err != nil {
		t.Fatal(err)
	}
	// Where the lanes and years are: the frame the export drew.
	c, ps, err := load.File(corpus)
	if err != nil || ps.HasErrors() {
		t.Fatalf("%v %v", err, ps)
	}
	m := timeline.NewModel(c)
	f, err := timeline.Layout(m, timeline.RenderOptions{Width: 1600, Height: 500, Palette: timeline.LightPalette})
	if err != nil {
		t.Fatal(err)
	}
	if !f.Density.On || len(f.Marks) != 0 {
		t.Fatalf("density %v, %d marks", f.Density.On, len(f.Marks))
	}
	year := func(y int) (x0, x1 int) {
		return int(f.Plot.X + f.Scale.X(float64(data.DayNumber(y, 1, 1)))), int(f.Plot.X + f.Scale.X(float64(data.DayNumber(y+1, 1, 1))))
	}
	band := func(lane int) (y0, y1 int) {
		for _, lb := range f.Lanes {
			if lb.Lane == lane {
				return int(lb.Y + 3), int(lb.Y + lb.H - 3)
			}
		}
		t.Fatalf("lane %d is not drawn", lane)
		return
	}
	// The lane's own background, in the gutter beside it (every other
	// lane is shaded).
	bandColour := func(y int) [3]float64 {
		r, g, b, _ := img.At(int(f.Plot.X)-2, y).RGBA()
		return [3]float64{float64(r >> 8), float64(g >> 8), float64(b >> 8)}
	}
	// Each year's ink in a lane, over the whole year's columns.
	yearInk := func(lane int) map[int]float64 {
		y0, y1 := band(lane)
		bg := bandColour((y0 + y1) / 2)
		out := map[int]float64{}
		for y := 2012; y <= 2023; y++ {
			x0, x1 := year(y)
			out[y] = ink(img, image.Rect(x0+2, y0, x1-2, y1), bg)
		}
		return out
	}
	others := func(inks map[int]float64, except int) []float64 {
		var v []float64
		for y, i := range inks {
			if y != except {
				v = append(v, i)
			}
		}
		slices.Sort(v)
		return v
	}

	burst := yearInk(3)
	rest := others(burst, 2016)
	if burst[2016] < 1.5*rest[len(rest)-1] {
		t.Errorf("the burst year's ink on lane 3 is %.1f; the other years' %v", burst[2016], rest)
	}
	gap := yearInk(7)
	rest = others(gap, 2019)
	if gap[2019] > 1 || rest[0] < 20 {
		t.Errorf("the empty year's ink on lane 7 is %.1f; the other years' %v", gap[2019], rest)
	}

	// No lane is one mark: along its middle row the colour changes at
	// every bin's edge.
	for lane := 1; lane <= 20; lane++ {
		y0, y1 := band(lane)
		y := (y0 + y1) / 2
		band := bandColour(y)
		runs, was := 0, false
		for x := int(f.Plot.X); x < int(f.Width); x++ {
			on := ink(img, image.Rect(x, y, x+1, y+1), band) > 12
			if on && !was {
				runs++
			}
			was = on
		}
		if runs < 100 {
			t.Errorf("lane %d has %d cells along its middle", lane, runs)
		}
	}
}
