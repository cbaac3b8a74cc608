package data

import (
	"fmt"
	"slices"
	"sort"
	"testing"
)

// sortByDate orders by first day, ties in list order, both by counting
// (days close together) and by comparing (days far apart).
func TestSortByDate(t *testing.T) {
	day := func(y, m, d int) *Meeting {
		return &Meeting{Date: Date{Year: y, Month: m, Day: d, Precision: PrecisionDay}}
	}
	cases := []struct {
		name     string
		meetings []*Meeting
	}{
		{"none", nil},
		{"one", []*Meeting{day(2020, 1, 1)}},
		{"close days with ties", []*Meeting{day(2020, 3, 1), day(2020, 1, 1), day(2020, 3, 1), day(2019, 12, 31), day(2020, 1, 1)}},
		{"far apart with ties", []*Meeting{day(2020, 3, 1), day(1200, 1, 1), day(2020, 3, 1), day(9000, 12, 31), day(1200, 1, 1)}},
		{"months and years", []*Meeting{{Date: Date{Year: 2020, Precision: PrecisionYear}}, {Date: Date{Year: 2020, Month: 6, Precision: PrecisionMonth}}, day(2019, 5, 5)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for i, m := range tc.meetings {
				m.ID = fmt.Sprint(i)
			}
			want := slices.Clone(tc.meetings)
			sort.SliceStable(want, func(i, j int) bool { return want[i].Date.FirstDay() < want[j].Date.FirstDay() })
			got := sortByDate(tc.meetings)
			if len(got) != len(want) {
				t.Fatalf("%d meetings; want %d", len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("position %d: meeting %s; want %s", i, got[i].ID, want[i].ID)
				}
			}
		})
	}
}
