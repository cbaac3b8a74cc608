package timeline

import "math"

// Days are fractional day numbers: days since 1970-01-01, as
// data.DayNumber counts them. A calendar day d covers [d, d+1).

// Zoom limits: the visible span is kept between one day and a hundred years.
const (
	MinSpanDays = 1.0
	MaxSpanDays = 100 * 365.2425
)

// Scale maps days to x pixels of a plot Width pixels wide.
type Scale struct {
	Start  float64 // the day at x = 0
	PerDay float64 // pixels per day
	Width  float64
}

// FitScale shows the days [first, last) across width pixels, with a margin
// on both sides so the marks at the ends are not cut.
func FitScale(first, last, width float64) Scale {
	if width < 1 {
		width = 1
	}
	if last < first {
		first, last = last, first
	}
	margin := math.Max(15, (last-first)*0.03)
	first, last = first-margin, last+margin
	span := math.Min(math.Max(last-first, MinSpanDays), MaxSpanDays)
	mid := (first + last) / 2
	return Scale{Start: mid - span/2, PerDay: width / span, Width: width}
}

// X is the pixel of a day.
func (s Scale) X(day float64) float64 { return (day - s.Start) * s.PerDay }

// Day is the day at a pixel.
func (s Scale) Day(x float64) float64 { return s.Start + x/s.PerDay }

// Span is the number of days in view.
func (s Scale) Span() float64 { return s.Width / s.PerDay }

// End is the day at the right edge.
func (s Scale) End() float64 { return s.Start + s.Span() }

// Zoom multiplies the pixels per day by factor (above 1 zooms in) and keeps
// the day under pixel x where it is; the span stays within the limits.
func (s Scale) Zoom(x, factor float64) Scale {
	if factor <= 0 || math.IsNaN(factor) || math.IsInf(factor, 0) {
		return s
	}
	anchor := s.Day(x)
	span := math.Min(math.Max(s.Span()/factor, MinSpanDays), MaxSpanDays)
	perDay := s.Width / span
	return Scale{Start: anchor - x/perDay, PerDay: perDay, Width: s.Width}
}

// Pan moves the content dx pixels to the right.
func (s Scale) Pan(dx float64) Scale {
	s.Start -= dx / s.PerDay
	return s
}

// Resize changes the plot width and keeps the days in view.
func (s Scale) Resize(width float64) Scale {
	if width < 1 {
		width = 1
	}
	span := s.Span()
	return Scale{Start: s.Start, PerDay: width / span, Width: width}
}

// Clamp keeps at least half the view on the days [first, last), so panning
// can never lose the data.
func (s Scale) Clamp(first, last float64) Scale {
	span := s.Span()
	lo, hi := first-span/2, last-span/2
	if hi < lo {
		lo, hi = hi, lo
	}
	s.Start = math.Min(math.Max(s.Start, lo), hi)
	return s
}

// Show leaves a view that already shows the days [from, to) alone, and
// otherwise pans the least needed to bring them in, a tenth of the view
// from the edge.
func (s Scale) Show(from, to float64) Scale {
	if from >= s.Start && to <= s.End() {
		return s
	}
	margin := s.Span() / 10
	if from-margin < s.Start {
		s.Start = from - margin
	} else if to+margin > s.End() {
		s.Start = to + margin - s.Span()
	}
	return s
}
