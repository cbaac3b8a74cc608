package data_test

import (
	"math"
	"testing"
	"testing/fstest"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/load"
)

// countCorpus: m1 (2020) has s1 and s2; m2 (2021) has no text; m3 (2022)
// has s3, which m4 (2022) also lists.
const countCorpus = `corpus: {title: Counting, format: 1}
topics:
  - {id: space, label: Space}
  - {id: cyber, label: Cyber}
meetings:
  - {id: m1, title: One, kind: SCM, date: 2020-10-14, sources: [s1, s2]}
  - {id: m2, title: Two, kind: SCM, date: 2021-12}
  - {id: m3, title: Three, kind: SCM, date: 2022-11-03, sources: [s3]}
  - {id: m4, title: Four, kind: visit, date: 2022, sources: [s3]}
sources:
  - {id: s1, title: S1, text: "space and space and cyber here"}
  - {id: s2, title: S2, text: "more space words"}
  - {id: s3, title: S3, text: "only cyber talk"}
annotations:
  - {source: s1, topic: space, quote: space and, start: 0}
  - {source: s1, topic: space, quote: and space}
  - {source: s1, topic: cyber, quote: cyber}
  - {source: s2, topic: space, quote: space}
  - {source: s3, topic: cyber, quote: cyber talk}
`

func loadCountCorpus(t *testing.T) *data.Corpus {
	t.Helper()
	c, ps := loadMap(t, countCorpus, nil)
	if c == nil || len(ps) != 0 {
		t.Fatalf("problems:\n%s", ps)
	}
	return c
}

func TestCount(t *testing.T) {
	c := loadCountCorpus(t)
	type cell struct {
		bucket, topic int
		count         int
	}
	tests := []struct {
		name    string
		q       data.Query
		labels  []string
		hasText []bool
		cells   []cell
		anns    map[[2]int]int // cell -> number of annotations behind it
	}{
		{name: "spans by year", q: data.Query{Unit: data.UnitSpans},
			labels: []string{"2020", "2021", "2022"}, hasText: []bool{true, false, true},
			cells: []cell{{0, 0, 3}, {0, 1, 1}, {1, 0, 0}, {1, 1, 0}, {2, 0, 0}, {2, 1, 1}},
			anns:  map[[2]int]int{{0, 0}: 3, {2, 1}: 1}},
		{name: "sources by year", q: data.Query{Unit: data.UnitSources},
			labels: []string{"2020", "2021", "2022"},
			cells:  []cell{{0, 0, 2}, {0, 1, 1}, {2, 1, 1}},
			anns:   map[[2]int]int{{0, 0}: 3}},
		{name: "meetings by year", q: data.Query{Unit: data.UnitMeetings},
			cells: []cell{{0, 0, 1}, {2, 1, 2}}},
		{name: "spans by meeting", q: data.Query{Unit: data.UnitSpans, By: data.ByMeeting},
			labels: []string{"One", "Two", "Four", "Three"}, hasText: []bool{true, false, true, true},
			cells: []cell{{0, 0, 3}, {2, 1, 1}, {3, 1, 1}}},
		{name: "whole range counts each source once", q: data.Query{Unit: data.UnitSources, By: data.ByRange},
			labels: []string{"2020–2022"}, hasText: []bool{true},
			cells: []cell{{0, 0, 2}, {0, 1, 2}},
			anns:  map[[2]int]int{{0, 0}: 3, {0, 1}: 2}},
		{name: "whole range of meetings", q: data.Query{Unit: data.UnitMeetings, By: data.ByRange},
			cells: []cell{{0, 0, 1}, {0, 1, 3}}},
		{name: "meeting kinds", q: data.Query{Unit: data.UnitMeetings, Kinds: []string{"visit"}},
			labels: []string{"2020", "2021", "2022"}, hasText: []bool{false, false, true},
			cells: []cell{{0, 0, 0}, {2, 1, 1}}},
		{name: "topic subset", q: data.Query{Unit: data.UnitSpans, Topics: []string{"cyber"}},
			cells: []cell{{0, 0, 1}, {2, 0, 1}}},
		{name: "year range", q: data.Query{Unit: data.UnitSpans, FromYear: 2021, ToYear: 2023},
			labels: []string{"2021", "2022", "2023"}, hasText: []bool{false, true, false},
			cells: []cell{{1, 1, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, err := c.Count(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if tt.labels != nil {
				if len(cs.Buckets) != len(tt.labels) {
					t.Fatalf("%d buckets, want %d", len(cs.Buckets), len(tt.labels))
				}
				for i, l := range tt.labels {
					if cs.Buckets[i].Label != l {
						t.Errorf("bucket %d = %q, want %q", i, cs.Buckets[i].Label, l)
					}
				}
			}
			for i, h := range tt.hasText {
				if cs.Buckets[i].HasText() != h {
					t.Errorf("bucket %d has text = %v, want %v", i, !h, h)
				}
			}
			for _, want := range tt.cells {
				if got := cs.Cells[want.bucket][want.topic]; got.Count != want.count || got.Value != float64(want.count) {
					t.Errorf("cell %d,%d = %d (%v), want %d", want.bucket, want.topic, got.Count, got.Value, want.count)
				}
			}
			for k, n := range tt.anns {
				if got := len(cs.Spans(k[0], k[1])); got != n {
					t.Errorf("cell %v lists %d annotations, want %d", k, got, n)
				}
			}
		})
	}
}

func TestCountPerThousandWords(t *testing.T) {
	c := loadCountCorpus(t)
	cs, err := c.Count(data.Query{Unit: data.UnitSpans, PerThousandWords: true})
	if err != nil {
		t.Fatal(err)
	}
	// 2020: s1 has 6 words, s2 has 3: 3 space spans per 9 words.
	if got := cs.Cells[0][0].Value; math.Abs(got-3000.0/9) > 1e-9 {
		t.Errorf("2020 space per 1k = %v", got)
	}
	if !math.IsNaN(cs.Cells[1][0].Value) {
		t.Errorf("a year without text must be NaN, got %v", cs.Cells[1][0].Value)
	}
	rows := cs.CSV()
	if rows[2][5] != "" || rows[1][5] != "333.3333" {
		t.Errorf("CSV rows: %v", rows)
	}
}

func TestCountErrors(t *testing.T) {
	c := loadCountCorpus(t)
	if _, err := c.Count(data.Query{Topics: []string{"nope"}}); err == nil {
		t.Error("unknown topic: want an error")
	}
	if _, err := c.Count(data.Query{FromYear: 2022, ToYear: 2020}); err == nil {
		t.Error("inverted range: want an error")
	}
}

func TestExcludedTextIsNotCounted(t *testing.T) {
	yaml := `corpus: {title: T, format: 1}
topics: [{id: space, label: Space}]
meetings: [{id: m1, title: One, kind: SCM, date: 2020, sources: [s1]}]
sources:
  - id: s1
    title: S1
    text: "one two three SIDEBAR four five END six"
    exclude: [{from: SIDEBAR, to: END}]
`
	c, ps := loadMap(t, yaml, nil)
	if c == nil {
		t.Fatal(ps)
	}
	if got := c.Sources[0].Words; got != 4 {
		t.Errorf("words = %d, want 4 (one two three six)", got)
	}
}

func loadMap(t *testing.T, yaml string, files map[string]string) (*data.Corpus, data.Problems) {
	t.Helper()
	fsys := fstest.MapFS{"c.yaml": {Data: []byte(yaml)}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	c, ps, err := load.FS(fsys, "c.yaml", "c.yaml")
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return c, ps
}
