package data_test

import (
	"slices"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// codersCorpus: a and b coded s1 (2020), b alone s2 (2021); one span of
// s2 names no coder.
const codersCorpus = `corpus: {title: Coders, format: 1}
topics:
  - {id: space, label: Space}
meetings:
  - {id: m1, title: One, kind: SCM, date: 2020-10-14, sources: [s1]}
  - {id: m2, title: Two, kind: SCM, date: 2021-10-14, sources: [s2]}
sources:
  - {id: s1, title: S1, text: "space and space here"}
  - {id: s2, title: S2, text: "more space words"}
annotations:
  - {source: s1, topic: space, quote: space and, coder: a}
  - {source: s1, topic: space, quote: space and, coder: b}
  - {source: s1, topic: space, quote: space here, coder: b}
  - {source: s2, topic: space, quote: space, coder: b}
  - {source: s2, topic: space, quote: words}
`

// A count is of the chosen coders' spans, and a cell lists what it counts.
func TestCountCoders(t *testing.T) {
	c, ps := loadMap(t, codersCorpus, nil)
	if c == nil || ps.HasErrors() {
		t.Fatal(ps)
	}
	if got := c.Coders(); !slices.Equal(got, []string{"a", "b", ""}) {
		t.Errorf("Coders() = %q", got)
	}
	for _, tc := range []struct {
		name   string
		coders data.Coders
		unit   data.Unit
		want   []int // 2020, 2021
	}{
		{"everyone's spans", nil, data.UnitSpans, []int{3, 2}},
		{"a's spans", data.Coders{"a"}, data.UnitSpans, []int{1, 0}},
		{"b's spans", data.Coders{"b"}, data.UnitSpans, []int{2, 1}},
		{"a and b, spans: a span both coded is two", data.Coders{"a", "b"}, data.UnitSpans, []int{3, 1}},
		{"a and b, sources: once", data.Coders{"a", "b"}, data.UnitSources, []int{1, 1}},
		{"a and b, meetings", data.Coders{"a", "b"}, data.UnitMeetings, []int{1, 1}},
		{"no coder named", data.Coders{""}, data.UnitSpans, []int{0, 1}},
		{"nobody", data.Coders{}, data.UnitSpans, []int{0, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			counts, err := c.Count(data.Query{Unit: tc.unit, By: data.ByYear, Coders: tc.coders})
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for bi := range counts.Buckets {
				got = append(got, counts.Cells[bi][0].Count)
				if tc.unit == data.UnitSpans && len(counts.Spans(bi, 0)) != counts.Cells[bi][0].Count {
					t.Errorf("bucket %d counts %d and lists %d", bi, counts.Cells[bi][0].Count, len(counts.Spans(bi, 0)))
				}
				for _, a := range counts.Spans(bi, 0) {
					if !tc.coders.Has(a) {
						t.Errorf("bucket %d lists coder %q's span", bi, a.Coder)
					}
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("counts %v, want %v", got, tc.want)
			}
		})
	}
}
