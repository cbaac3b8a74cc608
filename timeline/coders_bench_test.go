package timeline

import (
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/gen"
)

// BenchmarkShowCoders measures choosing whose annotations the timeline
// counts on gen's 100,000-annotation corpus, half of it coder a's: the
// topic marks counted again and the lanes indexed. The baseline in the
// same run is a Show that changes no coder (the filters alone).
func BenchmarkShowCoders(b *testing.B) {
	path, err := gen.BenchCorpusPath("..") // shared with data's benchmarks
	if err != nil {
		b.Fatal(err)
	}
	c, _, err := load.File(path)
	if err != nil || c == nil {
		b.Fatal(err)
	}
	for i, a := range c.Annotations {
		if i%2 == 0 {
			a.Coder = "a"
		}
	}
	m := NewModel(c)
	b.Run("filters-alone", func(b *testing.B) {
		for b.Loop() {
			m.Show(data.Query{})
		}
	})
	b.Run("coders", func(b *testing.B) {
		choices := []data.Coders{{"a"}, nil}
		i := 0
		for b.Loop() {
			m.Show(data.Query{Coders: choices[i%2]})
			i++
		}
	})
}
