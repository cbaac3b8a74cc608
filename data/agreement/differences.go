package agreement

import (
	"context"
	"slices"
	"sort"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Difference is a place where two coders or more coded, differently: their
// annotations there overlap, and the coders do not all hold the same
// topics on the same spans. It is what a merge of their work has to
// settle, annotation by annotation; a unit only one coder coded is a
// Disagreement, not a Difference.
type Difference struct {
	Source             *data.Source
	ByteStart, ByteEnd int                // the place: every span of it
	Annotations        []*data.Annotation // in text order, then the coders' order
	Coders             []string           // who coded there, in the order asked for
	// SameTopics is set when the coders gave the place the same topics
	// and differ only in the spans' extents.
	SameTopics bool
}

// Differences lists the places where the coders coded differently, in
// source and text order. It runs on all cores and stops with ctx's error.
func Differences(ctx context.Context, c *data.Corpus, coders []string) ([]Difference, error) {
	order := map[string]int{}
	for i, name := range coders {
		order[name] = i
	}
	found := make([][]Difference, len(c.Sources))
	err := data.EachSource(ctx, c.Sources, func(i int, s *data.Source) {
		found[i] = sourceDifferences(s, order) // each source its own slot
	})
	if err != nil {
		return nil, err
	}
	var out []Difference
	for _, ds := range found {
		out = append(out, ds...)
	}
	return out, nil
}

// sourceDifferences finds one source's places: runs of the coders'
// annotations whose spans overlap one another, each compared coder by
// coder.
func sourceDifferences(s *data.Source, order map[string]int) []Difference {
	var anns []*data.Annotation
	for _, a := range s.Annotations {
		if _, ok := order[a.Coder]; ok && a.Listed() {
			anns = append(anns, a)
		}
	}
	sort.SliceStable(anns, func(i, j int) bool { return anns[i].Anchor.ByteStart < anns[j].Anchor.ByteStart })
	var out []Difference
	for i := 0; i < len(anns); {
		end, j := anns[i].Anchor.ByteEnd, i+1
		for j < len(anns) && anns[j].Anchor.ByteStart < end {
			end = max(end, anns[j].Anchor.ByteEnd)
			j++
		}
		if d, ok := placeDifference(s, anns[i:j], order); ok {
			d.ByteStart, d.ByteEnd = anns[i].Anchor.ByteStart, end
			out = append(out, d)
		}
		i = j
	}
	return out
}

// placeDifference compares the coders at one place: a difference when two
// of them or more coded there and their (topic, span) sets differ.
func placeDifference(s *data.Source, place []*data.Annotation, order map[string]int) (Difference, bool) {
	type mark struct {
		topic      *data.Topic
		start, end int
	}
	marks := map[string][]mark{}
	topics := map[string][]*data.Topic{}
	for _, a := range place {
		marks[a.Coder] = append(marks[a.Coder], mark{a.Topic, a.Anchor.ByteStart, a.Anchor.ByteEnd})
		if !slices.Contains(topics[a.Coder], a.Topic) {
			topics[a.Coder] = append(topics[a.Coder], a.Topic)
		}
	}
	if len(marks) < 2 {
		return Difference{}, false
	}
	canon := func(ms []mark) []mark {
		ms = slices.Clone(ms)
		slices.SortFunc(ms, func(a, b mark) int {
			if a.topic.Index != b.topic.Index {
				return a.topic.Index - b.topic.Index
			}
			if a.start != b.start {
				return a.start - b.start
			}
			return a.end - b.end
		})
		return slices.Compact(ms)
	}
	byTopic := func(ts []*data.Topic) []*data.Topic {
		ts = slices.Clone(ts)
		slices.SortFunc(ts, func(a, b *data.Topic) int { return a.Index - b.Index })
		return ts
	}
	var first []mark
	var firstTopics []*data.Topic
	same, sameTopics := true, true
	d := Difference{Source: s}
	for name := range marks {
		d.Coders = append(d.Coders, name)
	}
	slices.SortFunc(d.Coders, func(a, b string) int { return order[a] - order[b] })
	for i, name := range d.Coders {
		ms, ts := canon(marks[name]), byTopic(topics[name])
		if i == 0 {
			first, firstTopics = ms, ts
			continue
		}
		same = same && slices.Equal(ms, first)
		sameTopics = sameTopics && slices.Equal(ts, firstTopics)
	}
	if same {
		return Difference{}, false
	}
	d.SameTopics = sameTopics
	d.Annotations = slices.Clone(place)
	sort.SliceStable(d.Annotations, func(i, j int) bool {
		a, b := d.Annotations[i], d.Annotations[j]
		if a.Anchor.ByteStart != b.Anchor.ByteStart {
			return a.Anchor.ByteStart < b.Anchor.ByteStart
		}
		return order[a.Coder] < order[b.Coder]
	})
	return d, true
}
