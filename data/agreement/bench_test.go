package agreement

import (
	"context"
	"math/rand"
	"path/filepath"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/data/suggest"
	"github.com/alliance-timeline/alliance-timeline/gen"
)

// fourCoders is gen's 100,000-annotation corpus coded by four coders:
// each of them made each annotation with a chance of 85%, so the coders
// disagree on about a quarter of the spans.
func fourCoders(b *testing.B) *data.Corpus {
	path, err := gen.BenchCorpusPath(filepath.Join("..", "..")) // shared with data's benchmarks
	if err != nil {
		b.Fatal(err)
	}
	c, _, err := load.File(path)
	if err != nil || c == nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewSource(1))
	coders := []string{"a", "b", "c", "d"}
	for _, s := range c.Sources {
		var coded []*data.Annotation
		for _, a := range s.Annotations {
			for _, who := range coders {
				if rng.Float64() < 0.85 {
					copy := *a
					copy.Coder = who
					coded = append(coded, &copy)
				}
			}
		}
		s.Annotations = coded
	}
	return c
}

// BenchmarkAgreement4Coders100k measures agreement of four coders over the
// 100,000-annotation corpus on sentences, with the bootstrap (1,000
// resamples for overall, each topic and each year); the baseline, in the
// same run, is cutting every source into its sentences alone. Target:
// within 1 s.
func BenchmarkAgreement4Coders100k(b *testing.B) {
	c := fourCoders(b)
	b.Run("sentences-alone", func(b *testing.B) {
		for b.Loop() {
			data.EachSource(context.Background(), c.Sources, func(_ int, s *data.Source) { suggest.Sentences(s, suggest.Sentence) })
		}
	})
	b.Run("agreement", func(b *testing.B) {
		for b.Loop() {
			if _, err := Compare(context.Background(), c, Options{Coders: []string{"a", "b", "c", "d"}}); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The merge view's places, which the window finds beside the figures.
	b.Run("differences", func(b *testing.B) {
		for b.Loop() {
			if _, err := Differences(context.Background(), c, []string{"a", "b", "c", "d"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
