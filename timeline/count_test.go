package timeline

import (
	"reflect"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/assets"
)

// countTopics walks the meetings in corpus order and lays their marks out
// in date order: the same marks as counting in date order, meeting by
// meeting, for every coder choice.
func TestCountTopicsInCorpusOrderIsDateOrder(t *testing.T) {
	c, ps, err := assets.LoadCorpus()
	if err != nil || ps.HasErrors() {
		t.Fatal(err, ps)
	}
	for _, coders := range [][]string{nil, {}, {""}} {
		m := NewModel(c)
		m.coders = coders
		m.countTopics()
		got := laneItems(m)
		m.countTopicsInDateOrder()
		if want := laneItems(m); !reflect.DeepEqual(got, want) {
			t.Errorf("coders %q: marks\n%v\nwant\n%v", coders, got, want)
		}
		if coders == nil && len(got[1]) == 0 {
			t.Fatal("no marks in the first topic's lane: the test compares nothing")
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
