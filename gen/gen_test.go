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
