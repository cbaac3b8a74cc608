package timeline

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6*math.Max(1, math.Abs(b)) }

func TestScaleRoundTrip(t *testing.T) {
	for _, s := range []Scale{
		{Start: 15000, PerDay: 0.3, Width: 1600},
		{Start: -400, PerDay: 120, Width: 300},
		FitScale(15637, 19675, 1400),
	} {
		for _, x := range []float64{-50, 0, 1, 333.3, s.Width} {
			if got := s.X(s.Day(x)); !near(got, x) {
				t.Errorf("%+v: X(Day(%v)) = %v", s, x, got)
			}
		}
	}
}

func TestZoomKeepsThePointUnderThePointer(t *testing.T) {
	s := FitScale(15637, 19675, 1400)
	for _, x := range []float64{0, 100, 700, 1399} {
		for _, f := range []float64{1.1, 2, 0.5, 10, 0.01, 1000} {
			z := s.Zoom(x, f)
			if !near(z.Day(x), s.Day(x)) {
				t.Errorf("zoom %v at %v moved the day from %v to %v", f, x, s.Day(x), z.Day(x))
			}
			if z.Span() < MinSpanDays-1e-9 || z.Span() > MaxSpanDays+1e-6 {
				t.Errorf("zoom %v: span %v out of limits", f, z.Span())
			}
		}
	}
}

func TestZoomLimits(t *testing.T) {
	s := FitScale(15637, 19675, 1400)
	for i := 0; i < 100; i++ {
		s = s.Zoom(700, 2)
	}
	if !near(s.Span(), MinSpanDays) {
		t.Errorf("zoomed in span = %v, want one day", s.Span())
	}
	for i := 0; i < 200; i++ {
		s = s.Zoom(700, 0.5)
	}
	if !near(s.Span(), MaxSpanDays) {
		t.Errorf("zoomed out span = %v, want fifty years", s.Span())
	}
	if z := s.Zoom(10, math.NaN()); z != s {
		t.Error("NaN factor changed the scale")
	}
}

func TestPanClampResizeShow(t *testing.T) {
	s := Scale{Start: 1000, PerDay: 2, Width: 400} // 200 days in view
	if p := s.Pan(100); !near(p.Start, 950) {
		t.Errorf("pan right 100 px: start %v, want 950", p.Start)
	}
	if c := s.Pan(1e9).Clamp(1000, 2000); !near(c.Start, 900) {
		t.Errorf("clamped start %v, want 900 (half the view before the data)", c.Start)
	}
	if c := s.Pan(-1e9).Clamp(1000, 2000); !near(c.Start, 1900) {
		t.Errorf("clamped start %v, want 1900", c.Start)
	}
	if r := s.Resize(800); !near(r.Span(), 200) || !near(r.Start, 1000) {
		t.Errorf("resize kept span %v start %v", r.Span(), r.Start)
	}
	if v := s.Show(1300, 1301); !near(v.End(), 1321) {
		t.Errorf("show: end %v, want 1321", v.End())
	}
	if v := s.Show(1001, 1002); v != s {
		t.Error("show moved a view that already shows the days")
	}
}

func TestFitScaleBuiltinRange(t *testing.T) {
	// 2012-10-24 to 2023-11-13 opens on 2012–2023.
	s := FitScale(15637, 19675, 1400)
	if s.Start > 15637 || s.End() < 19675 {
		t.Fatalf("fit %v–%v does not hold the data", s.Start, s.End())
	}
	if s.Start < 15340 || s.End() > 20089 { // 2012-01-01 and 2025-01-01
		t.Errorf("fit %v–%v is wider than 2012–2024", s.Start, s.End())
	}
}
