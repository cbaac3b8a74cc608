package timeline

import (
	"math"
	"testing"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// fixedWidth measures labels at 7 px a character, like a 12 px font.
func fixedWidth(s string) float64 { return 7 * float64(len([]rune(s))) }

// TestTicksNeverOverlap sweeps widths from 300 to 4000 px and spans from
// one day to fifty years at several positions.
func TestTicksNeverOverlap(t *testing.T) {
	for width := 300.0; width <= 4000; width *= 1.13 {
		for span := MinSpanDays; span <= MaxSpanDays; span *= 1.37 {
			for _, start := range []float64{-1000, 0, 15637.3, 19000} {
				s := Scale{Start: start, PerDay: width / span, Width: width}
				ax := Ticks(s, fixedWidth)
				if len(ax.Minor) == 0 {
					t.Fatalf("width %v span %v: no ticks", width, span)
				}
				checkNoOverlap(t, "minor", ax.Minor, width, span)
				checkNoOverlap(t, "major", ax.Major, width, span)
			}
		}
	}
}

func checkNoOverlap(t *testing.T, row string, ticks []Tick, width, span float64) {
	t.Helper()
	for i := 1; i < len(ticks); i++ {
		prev, cur := ticks[i-1], ticks[i]
		if prev.X+LabelInset+fixedWidth(prev.Label)+LabelGap > cur.X+1e-9 {
			t.Fatalf("width %.0f span %.2f days: %s labels %q at %.1f and %q at %.1f overlap", width, span, row, prev.Label, prev.X, cur.Label, cur.X)
		}
	}
}

func TestTickUnitsByZoom(t *testing.T) {
	tests := []struct {
		span  float64
		width float64
		unit  Unit
		major bool
	}{
		{5, 1400, UnitDay, true},
		{60, 1400, UnitWeek, true},
		{400, 1400, UnitMonth, true},
		{12 * 365.25, 1400, UnitYear, true},
		{45 * 365.25, 1400, UnitYear2, true},
		{50 * 365.25, 300, UnitDecade, false},
	}
	for _, tt := range tests {
		s := Scale{Start: 15637, PerDay: tt.width / tt.span, Width: tt.width}
		ax := Ticks(s, fixedWidth)
		if ax.Unit != tt.unit {
			t.Errorf("span %v days: unit %v, want %v", tt.span, ax.Unit, tt.unit)
		}
		if (len(ax.Major) > 0) != tt.major {
			t.Errorf("span %v days: %d major ticks", tt.span, len(ax.Major))
		}
	}
}

func TestTicksLandOnCalendarBoundaries(t *testing.T) {
	s := Scale{Start: float64(data.DayNumber(2013, 2, 10)), PerDay: 1400 / 400.0, Width: 1400}
	ax := Ticks(s, fixedWidth)
	if ax.Unit != UnitMonth {
		t.Fatalf("unit %v", ax.Unit)
	}
	for _, tk := range ax.Minor {
		_, _, d := data.DayDate(int(tk.Day))
		if d != 1 || tk.Day != math.Floor(tk.Day) {
			t.Errorf("month tick %q on day %d of its month", tk.Label, d)
		}
	}
	if ax.Major[0].Label != "2013" || ax.Major[0].X != 0 {
		t.Errorf("the left edge's year is not pinned: %+v", ax.Major[0])
	}
}
