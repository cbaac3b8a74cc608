package gen

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

func TestGeneratedCorpusIsValidAndExact(t *testing.T) {
	path, err := Write(t.TempDir(), Options{Meetings: 40, Sources: 120, Annotations: 400, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	c, ps, err := load.File(path)
	if err != nil || c == nil || len(ps) != 0 {
		t.Fatalf("%v\n%s", err, ps)
	}
	s := c.Stats()
	if s.Meetings != 40 || s.Sources != 120 || s.Annotations != 400 || s.Anchors["exact"] != 400 {
		t.Errorf("stats %+v", s)
	}
	months, korean := 0, 0
	for _, m := range c.Meetings {
		if m.Date.Precision == data.PrecisionMonth {
			months++
		}
	}
	for _, src := range c.Sources {
		if src.Language == "ko" {
			korean++
		}
	}
	if months == 0 || korean == 0 {
		t.Errorf("%d month-precision meetings, %d Korean sources", months, korean)
	}
}

func TestGenerationIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if _, err := Write(dir, Options{Meetings: 5, Sources: 9, Annotations: 30, Seed: 3}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"corpus.yaml", "sources/s000004.txt"} {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if string(x) != string(y) || len(x) == 0 {
			t.Errorf("%s differs between two runs with one seed", name)
		}
	}
	if _, err := Write(t.TempDir(), Options{}); err == nil {
		t.Error("an empty corpus: want an error")
	}
}

// Point items: valid and exact, one meeting, source and annotation each,
// even over the years but for the burst (ten times its lane's rate in its
// year) and the gap (none).
func TestPointItems(t *testing.T) {
	o := Points{Items: 24000, Lanes: 10, From: 2012, To: 2023, Burst: LaneYear{3, 2016}, Gap: LaneYear{7, 2019}, Seed: 2}
	path, err := WritePoints(filepath.Join(t.TempDir(), "p"), o)
	if err != nil {
		t.Fatal(err)
	}
	c, ps, err := load.File(path)
	if err != nil || c == nil || len(ps) != 0 {
		t.Fatalf("%v\n%s", err, ps)
	}
	if s := c.Stats(); s.Meetings != o.Items || s.Sources != o.Items || s.Annotations != o.Items || s.Anchors["exact"] != o.Items {
		t.Fatalf("stats %+v", s)
	}
	per := map[[2]int]int{} // lane, year → items
	for _, a := range c.Annotations {
		lane := a.Topic.Index + 1
		per[[2]int{lane, a.Source.Meetings[0].Date.Year}]++
	}
	even := float64(o.Items) / (10*12 + 9) // the items of one lane-year
	for lane := 1; lane <= 10; lane++ {
		for y := 2012; y <= 2023; y++ {
			n, want := float64(per[[2]int{lane, y}]), even
			switch {
			case lane == 3 && y == 2016:
				want = 10 * even
			case lane == 7 && y == 2019:
				want = 0
			}
			if n < want*0.8 || n > want*1.2+1 {
				t.Errorf("lane %d in %d: %v items, want about %.0f", lane, y, n, want)
			}
		}
	}
	for _, bad := range []Points{
		{Items: 0, Lanes: 1, From: 2000, To: 2001},
		{Items: 10, Lanes: 0, From: 2000, To: 2001},
		{Items: 10, Lanes: 2, From: 2002, To: 2001},
		{Items: 10, Lanes: 2, From: 2000, To: 2001, Burst: LaneYear{3, 2000}},
		{Items: 10, Lanes: 2, From: 2000, To: 2001, Gap: LaneYear{1, 1999}},
	} {
		if bad.Check() == nil {
			t.Errorf("%+v passed the check", bad)
		}
	}
}
