package timeline

import (
	"fmt"
	"math"
	"time"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Unit is a step of the calendar axis.
type Unit int

// Units from the finest to the coarsest.
const (
	UnitDay Unit = iota
	UnitWeek
	UnitMonth
	UnitQuarter
	UnitYear
	UnitYear2
	UnitYear5
	UnitDecade
	UnitYear20
	UnitYear50
	UnitCentury
)

// minDays is the shortest length of a unit, which sets its smallest tick
// spacing.
var minDays = [...]float64{1, 7, 28, 89, 365, 730, 1826, 3652, 7305, 18262, 36524}

// Tick is a labelled position on the axis.
type Tick struct {
	Day   float64
	X     float64
	Label string
}

// Axis holds the minor ticks (every unit) and the major ticks (the wider
// context: the year of months, the month of days). Labels never overlap.
type Axis struct {
	Unit  Unit
	Minor []Tick
	Major []Tick
}

// LabelGap is the least space between two labels, in pixels; LabelInset is
// the space between a tick and its label.
const (
	LabelGap   = 10.0
	LabelInset = 4.0
)

// Measure returns the width of a label in pixels.
type Measure func(label string) float64

// Ticks chooses the finest unit whose labels fit between its ticks and
// returns the ticks in view.
func Ticks(s Scale, measure Measure) Axis {
	for u := UnitDay; u <= UnitCentury; u++ {
		if minDays[u]*s.PerDay < 2*LabelInset+measure("00")+LabelGap {
			continue // cannot fit even the narrowest label
		}
		minor := ticksOf(u, s, minorLabel)
		if !fits(minor, minDays[u]*s.PerDay, measure) {
			continue
		}
		return Axis{Unit: u, Minor: minor, Major: majorTicks(u, s, measure)}
	}
	return Axis{Unit: UnitCentury}
}

func fits(ticks []Tick, spacing float64, measure Measure) bool {
	for _, t := range ticks {
		if LabelInset+measure(t.Label)+LabelGap > spacing {
			return false
		}
	}
	return true
}

// ticksOf lists the unit boundaries from just before the view to just
// after it.
func ticksOf(u Unit, s Scale, label func(Unit, int, int, int) string) []Tick {
	first := int(math.Floor(s.Start)) - 1
	y, m, d := data.DayDate(first)
	y, m, d = floorTo(u, y, m, d)
	end := s.End() + 1
	var out []Tick
	for guard := 0; guard < 100000; guard++ {
		day := float64(data.DayNumber(y, m, d))
		if day > end {
			break
		}
		if day+minDays[u] >= s.Start { // include the tick whose interval starts before the view
			out = append(out, Tick{Day: day, X: s.X(day), Label: label(u, y, m, d)})
		}
		y, m, d = step(u, y, m, d)
	}
	return out
}

// floorTo moves a date back to the start of its unit.
func floorTo(u Unit, y, m, d int) (int, int, int) {
	switch u {
	case UnitDay:
		return y, m, d
	case UnitWeek:
		wd := (int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Weekday()) + 6) % 7 // Monday = 0
		return data.DayDate(data.DayNumber(y, m, d) - wd)
	case UnitMonth:
		return y, m, 1
	case UnitQuarter:
		return y, (m-1)/3*3 + 1, 1
	}
	years := yearsOf(u)
	return floorDiv(y, years) * years, 1, 1
}

func yearsOf(u Unit) int {
	return map[Unit]int{UnitYear: 1, UnitYear2: 2, UnitYear5: 5, UnitDecade: 10, UnitYear20: 20, UnitYear50: 50, UnitCentury: 100}[u]
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

func step(u Unit, y, m, d int) (int, int, int) {
	switch u {
	case UnitDay:
		return data.DayDate(data.DayNumber(y, m, d) + 1)
	case UnitWeek:
		return data.DayDate(data.DayNumber(y, m, d) + 7)
	case UnitMonth:
		return data.DayDate(data.DayNumber(y, m+1, 1))
	case UnitQuarter:
		return data.DayDate(data.DayNumber(y, m+3, 1))
	}
	return y + yearsOf(u), 1, 1
}

func minorLabel(u Unit, y, m, d int) string {
	switch u {
	case UnitDay, UnitWeek:
		return fmt.Sprint(d)
	case UnitMonth:
		return time.Month(m).String()[:3]
	case UnitQuarter:
		return fmt.Sprintf("Q%d", (m-1)/3+1)
	}
	return fmt.Sprint(y)
}

// majorTicks gives the context row: months for days and weeks, years for
// months and quarters, decades for years. The context of the left edge is
// pinned there unless it would overlap the next major label.
func majorTicks(u Unit, s Scale, measure Measure) []Tick {
	var major Unit
	var label func(Unit, int, int, int) string
	switch u {
	case UnitDay, UnitWeek:
		major, label = UnitMonth, func(_ Unit, y, m, _ int) string { return fmt.Sprintf("%s %d", time.Month(m), y) }
	case UnitMonth, UnitQuarter:
		major, label = UnitYear, func(_ Unit, y, _, _ int) string { return fmt.Sprint(y) }
	case UnitYear, UnitYear2:
		major, label = UnitDecade, func(_ Unit, y, _, _ int) string { return fmt.Sprintf("%ds", y) }
	default:
		return nil
	}
	ticks := ticksOf(major, s, label)
	var out []Tick
	for _, t := range ticks {
		if t.X >= 0 {
			out = append(out, t)
		}
	}
	// Pin the context of the left edge, as the first label.
	for i := len(ticks) - 1; i >= 0; i-- {
		if ticks[i].X < 0 {
			pinned := Tick{Day: s.Start, X: 0, Label: ticks[i].Label}
			if len(out) == 0 || LabelInset+measure(pinned.Label)+LabelGap <= out[0].X {
				out = append([]Tick{pinned}, out...)
			}
			break
		}
	}
	return out
}
