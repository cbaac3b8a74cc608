package timeline

import (
	"reflect"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
)

// countLanes walks the meetings in corpus order, in runs on several
// goroutines, and lays their marks out in date order: the same marks (and
// span) as counting in date order, meeting by meeting, for every coder
// choice and however many runs (one per meeting, or with the last one
// short or empty), the meetings lane made with them or kept.
func TestCountTopicsInCorpusOrderIsDateOrder(t *testing.T) {
	c, ps, err := assets.LoadCorpus()
	if err != nil || ps.HasErrors() {
		t.Fatal(err, ps)
	}
	for _, coders := range [][]string{nil, {}, {""}} {
		for _, runs := range []int{1, 2, 3, 4, 5, 7, 8, len(c.Meetings), len(c.Meetings) + 3} {
			for _, meetingsToo := range []bool{false, true} {
				m := NewModel(c)
				m.coders = coders
				m.First, m.Last = -1, -1
				m.countLanesInRuns(meetingsToo, runs)
				got, first, last := laneItems(m), m.First, m.Last
				// In date order, each meeting's mark and counts made alone.
				for i, mt := range m.Meetings {
					m.Lanes[0].Items[i] = meetingMark(i, mt)
				}
				m.spanMeetings()
				m.countTopicsInDateOrder()
				if want := laneItems(m); !reflect.DeepEqual(got, want) {
					t.Errorf("coders %q, %d runs, meetings too %v: marks\n%v\nwant\n%v", coders, runs, meetingsToo, got, want)
				}
				if meetingsToo && (first != m.First || last != m.Last) {
					t.Errorf("%d runs: span %v-%v, want %v-%v", runs, first, last, m.First, m.Last)
				}
				if coders == nil && (len(got[1]) == 0 || len(got[0]) != len(c.Meetings) || m.First <= 0 || m.Last <= m.First) {
					t.Fatal("no marks in the first topic's lane, or a meetings lane or span missing: the test compares nothing")
				}
			}
		}
	}
}

func laneItems(m *Model) [][]Item {
	var out [][]Item
	for _, l := range m.Lanes {
		out = append(out, append([]Item(nil), l.Items...))
	}
	return out
}
