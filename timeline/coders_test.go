package timeline

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
	"github.com/alliance-timeline/alliance-timeline/internal/corpustest"
)

// The topic marks count the chosen coders' annotations, and what a mark
// lists is what it counts; choosing again gives the first model back.
func TestShowCoders(t *testing.T) {
	c, ps, err := load.FS(fstest.MapFS{"c.yaml": {Data: []byte(corpustest.ThreeCoders)}}, "c.yaml", "c.yaml")
	if err != nil || ps.HasErrors() {
		t.Fatalf("%v %v", err, ps)
	}
	m := NewModel(c)
	for _, tc := range []struct {
		name         string
		coders       data.Coders
		space, cyber []int // the marks' counts, meeting by meeting
	}{
		{"everyone", nil, []int{3, 4}, []int{3, 2}},
		{"a", data.Coders{"a"}, []int{1, 1}, []int{1, 1}},
		{"b", data.Coders{"b"}, []int{1, 2}, []int{1}},
		{"a and b", data.Coders{"a", "b"}, []int{2, 3}, []int{2, 1}},
		{"no coder named", data.Coders{""}, nil, []int{1}},
		{"nobody", data.Coders{}, nil, nil},
		{"everyone again", nil, []int{3, 4}, []int{3, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m.Show(data.Query{Coders: tc.coders})
			for lane, want := range map[int][]int{1: tc.space, 2: tc.cyber} {
				l := m.Lanes[lane]
				var got []int
				for _, it := range l.Items {
					got = append(got, it.Count)
					if n := len(m.MeetingAnnotations(m.Meetings[it.Meeting], l.Topic)); n != it.Count {
						t.Errorf("%s: a mark of %d lists %d spans", l.Label, it.Count, n)
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: marks %v, want %v", l.Label, got, want)
				}
			}
			if len(m.Lanes[0].Items) != 2 {
				t.Errorf("the meetings lane lost meetings: %d", len(m.Lanes[0].Items))
			}
		})
	}
	// An edit followed keeps the coders chosen.
	m.Show(data.Query{Coders: data.Coders{"b"}})
	if f := m.Follow(c, c.Sources[:1]); f.Lanes[1].Items[1].Count != 2 {
		t.Errorf("a followed model counts %d of b's spans at m2, want 2", f.Lanes[1].Items[1].Count)
	}
}
