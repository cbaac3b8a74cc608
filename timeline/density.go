package timeline

import (
	"fmt"
	"image"
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Density: where marks would crowd, a frame draws every lane as counts in
// calendar bins instead of capsules. The choice is the model's, made once
// from the gaps between its marks: one zoom (points per day) below which
// the whole view is binned, the same for every lane and for every pan, so
// zooming crosses it once and panning never does. The bins are calendar
// units chosen by the zoom alone, aligned to the calendar, not to the view:
// the same zoom gives the same bins.

const (
	// crowdPoints is how close, in points, two marks' centres come before
	// they merge: two meeting marks and the gap between them.
	crowdPoints = 14.0
	// minCrowd is the fewest merged marks that make a lane crowded: a
	// handful of meetings on one week is a cluster, not a crowd.
	minCrowd = 16
	// minBinPoints is the narrowest a bin is drawn, in points.
	minBinPoints = 5.0
)

// laneSums are running totals over a lane's items in start order, of the
// items that are shown: sums[i] covers Items[:i]. A bin's totals are then
// two lookups, whatever the number of items it holds.
type laneSums struct {
	count, items, hollow, marked []int32
	// starts are the items' first days, packed: a bin's edges are found
	// in them, where searching the items themselves (56 bytes each) would
	// miss the cache at every step at a million marks.
	starts []int32
}

// sum (re)computes the lane's running totals; call it after any change to
// its items or to their Hidden or Marked flags.
func (l *Lane) sum() {
	n := len(l.Items) + 1
	s := &l.sums
	s.count, s.items, s.hollow, s.marked = grow32(s.count, n), grow32(s.items, n), grow32(s.hollow, n), grow32(s.marked, n)
	s.starts = grow32(s.starts, n-1)
	var c, k, h, mk int32
	for i, it := range l.Items {
		s.starts[i] = int32(math.Floor(it.Start))
		if !it.Hidden {
			c += int32(it.Count)
			k++
			if it.Hollow {
				h++
			}
			if it.Marked {
				mk++
			}
		}
		s.count[i+1], s.items[i+1], s.hollow[i+1], s.marked[i+1] = c, k, h, mk
	}
}

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	s = s[:n]
	if n > 0 {
		s[0] = 0
	}
	return s
}

// crowdedBelow is the zoom, in points per day, below which the lane's
// marks crowd: where two thirds of them, and at least minCrowd, would
// merge into the mark before them. (At half, fifty marks strewn over fifty
// years at random crowd at 26 points a year, where they still read as
// marks.) 0 for a lane that never crowds; +Inf for one whose marks share
// their days (no zoom parts them).
func (l *Lane) crowdedBelow() float64 {
	n := len(l.Items) - 1 // gaps
	rank := max(2*n/3, minCrowd)
	if n <= rank {
		return 0
	}
	gaps := make([]float64, n)
	for i := range gaps {
		gaps[i] = l.Items[i+1].Start - l.Items[i].Start
	}
	g := nthSmallest(gaps, rank)
	if g <= 0 {
		return math.Inf(1)
	}
	return crowdPoints / g
}

// nthSmallest returns the element that would stand at index k if xs were
// sorted (quickselect, in place: xs is reordered).
func nthSmallest(xs []float64, k int) float64 {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		pivot := xs[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return xs[k]
		}
	}
	return xs[k]
}

// crowd notes the zoom below which the model is drawn as density: the
// highest of its lanes'.
func (m *Model) crowd() {
	m.denseBelow = 0
	for _, l := range m.Lanes {
		m.denseBelow = math.Max(m.denseBelow, l.crowdedAt)
	}
}

// Dense reports whether the model is drawn as density at a zoom of
// perDay points per day.
func (m *Model) Dense(perDay float64) bool { return perDay < m.denseBelow }

// BinUnit is the calendar unit of the bins at a zoom of perDay points per
// day: the finest that keeps a bin minBinPoints wide.
func BinUnit(perDay float64) Unit {
	for u := UnitDay; u < UnitCentury; u++ {
		if minDays[u]*perDay >= minBinPoints {
			return u
		}
	}
	return UnitCentury
}

// Bin is a lane's items whose start falls in one calendar period, drawn as
// a cell (a topic) or a bar (the meetings). Its items are
// Lanes[Lane].Items[First:Last], hidden ones included; the counts are of
// the shown ones.
type Bin struct {
	Lane        int
	Unit        Unit
	Start, End  float64 // the days [Start, End) of the period
	X0, X1      float64 // in the plot
	Y0, Y1      float64 // the lane's band: what a pointer hits
	First, Last int
	Count       int // spans (a topic) or meetings
	Items       int // the meetings
	Hollow      int // meetings without source text
	Marked      int // meetings that match the search
}

// Contains reports whether (x, y) of the plot lies in the bin's column of
// its lane.
func (b Bin) Contains(x, y float64) bool {
	return x >= b.X0 && x < b.X1 && y >= b.Y0 && y < b.Y1
}

// Density is how a frame draws its bins: their unit and the scale of the
// view, a "nice" ceiling of its largest bin so that a small pan rarely
// changes it.
type Density struct {
	On          bool
	Unit        Unit
	MaxSpans    int // the count of a topic cell drawn in full colour
	MaxMeetings int // the count of a full-height meetings bar
}

// binEdges lists the unit's boundaries from the one at or before from to
// the first after to, at most limit+1 of them.
func binEdges(u Unit, from, to float64, limit int) []float64 {
	y, mo, d := data.DayDate(int(math.Floor(from)))
	y, mo, d = floorTo(u, y, mo, d)
	var out []float64
	for len(out) <= limit {
		day := float64(data.DayNumber(y, mo, d))
		out = append(out, day)
		if day > to {
			break
		}
		y, mo, d = step(u, y, mo, d)
	}
	return out
}

// bin makes the bins of one lane in view.
func (f *Frame) bin(m *Model, lb LaneBox, edges []float64) {
	lane := m.Lanes[lb.Lane]
	s := f.Scale
	sums := &lane.sums
	if len(sums.items) != len(lane.Items)+1 {
		return // a model made by hand, not indexed
	}
	lo := sums.from(0, edges[0])
	for e := 1; e < len(edges); e++ {
		hi := sums.from(lo, edges[e])
		if n := int(sums.items[hi] - sums.items[lo]); n > 0 {
			f.Bins = append(f.Bins, Bin{
				Lane: lb.Lane, Unit: f.Density.Unit, Start: edges[e-1], End: edges[e],
				X0: s.X(edges[e-1]), X1: s.X(edges[e]), Y0: lb.Y, Y1: lb.Y + lb.H,
				First: lo, Last: hi, Items: n,
				Count:  int(sums.count[hi] - sums.count[lo]),
				Hollow: int(sums.hollow[hi] - sums.hollow[lo]),
				Marked: int(sums.marked[hi] - sums.marked[lo]),
			})
		}
		lo = hi
	}
}

// from is the first item at or after i that starts on or after day (a
// whole day, as bin edges are): a galloping search forward from i, since
// the next edge is near.
func (s *laneSums) from(i int, day float64) int {
	d := int32(day)
	n := len(s.starts)
	step, hi := 1, i
	for hi < n && s.starts[hi] < d {
		i = hi + 1
		hi += step
		step *= 2
	}
	hi = min(hi, n)
	return i + sort.Search(hi-i, func(j int) bool { return s.starts[i+j] >= d })
}

// binLanes lays out the bins of every lane shown, and the view's scale.
func (f *Frame) binLanes(m *Model) {
	s := f.Scale
	k := f.Style.TextSize / 12
	d := &f.Density
	d.On, d.Unit = true, BinUnit(s.PerDay/k)
	limit := int(s.Width/(minBinPoints*k)) + 4
	edges := binEdges(d.Unit, s.Day(0), s.End(), limit)
	if len(edges) < 2 {
		return
	}
	f.Bins = make([]Bin, 0, (len(edges)-1)*len(f.Lanes))
	for _, lb := range f.Lanes {
		f.bin(m, lb, edges)
	}
	spans, meetings := 0, 0
	for _, b := range f.Bins {
		if b.Lane == 0 {
			meetings = max(meetings, b.Count)
		} else {
			spans = max(spans, b.Count)
		}
	}
	d.MaxSpans, d.MaxMeetings = niceCeil(spans), niceCeil(meetings)
}

// niceCeil rounds n up to a round number: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5,
// 6 or 8 times a power of ten, so the tallest bar stays near the top.
func niceCeil(n int) int {
	if n <= 1 {
		return 1
	}
	for p := 1; ; p *= 10 {
		for _, f := range []float64{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8} {
			if v := int(math.Round(f * float64(p))); v >= n {
				return v
			}
		}
	}
}

// Intensity is how much of its lane's colour a cell of count spans takes
// on a scale whose top is most: never less than a fifth, so a bin with
// one span stands out from an empty one, and growing with the square root
// so that a lane's ordinary bins stay visible beside its peak.
func Intensity(count, most int) float64 {
	if count <= 0 {
		return 0
	}
	return 0.2 + 0.8*math.Sqrt(math.Min(1, float64(count)/float64(max(most, 1))))
}

// BinAt finds the bin of a lane that holds an item, or -1.
func (f *Frame) BinAt(lane, item int) int {
	for i, b := range f.Bins {
		if b.Lane == lane && item >= b.First && item < b.Last {
			return i
		}
	}
	return -1
}

// Spot is where an item of a lane stands in the frame, whether it is
// drawn as a mark or counted in a bin: the centre line from X0 to X1 (in
// the plot) at height Y, and a radius. False when its lane is not shown.
func (f *Frame) Spot(m *Model, lane, item int) (x0, x1, y, r float64, ok bool) {
	for _, lb := range f.Lanes {
		if lb.Lane != lane {
			continue
		}
		it := m.Lanes[lane].Items[item]
		x0, x1 = f.Scale.X(it.Start), f.Scale.X(it.End)
		if it.Point() {
			x0 = f.Scale.X(it.Start + 0.5)
			x1 = x0
		}
		y, r = lb.Y+lb.H/2, math.Min(f.Style.MeetingR, lb.H/2)
		if lane == 0 {
			y = lb.Y + f.Style.MeetingR + 8*f.Style.TextSize/12
		}
		return x0, x1, y, r, true
	}
	return 0, 0, 0, 0, false
}

// Period names a bin's period for people: "4 March 2016", "Week of 7
// March 2016", "March 2016", "2016 Q1", "2016", "2010–2014".
func Period(u Unit, start float64) string {
	y, mo, d := data.DayDate(int(math.Round(start)))
	switch u {
	case UnitDay:
		return fmt.Sprintf("%d %s %d", d, time.Month(mo), y)
	case UnitWeek:
		return fmt.Sprintf("Week of %d %s %d", d, time.Month(mo), y)
	case UnitMonth:
		return fmt.Sprintf("%s %d", time.Month(mo), y)
	case UnitQuarter:
		return fmt.Sprintf("%d Q%d", y, (mo-1)/3+1)
	case UnitYear:
		return fmt.Sprint(y)
	}
	return fmt.Sprintf("%d–%d", y, y+yearsOf(u)-1)
}

// unitNoun is the period of a unit in "spans a month".
func unitNoun(u Unit) string {
	switch u {
	case UnitDay:
		return "day"
	case UnitWeek:
		return "week"
	case UnitMonth:
		return "month"
	case UnitQuarter:
		return "quarter"
	case UnitYear:
		return "year"
	}
	return fmt.Sprintf("%d years", yearsOf(u))
}

// drawBins paints the bins: a topic's as cells whose colour deepens with
// their spans, the meetings' as bars whose height grows with their count,
// solid for meetings with source text and outlined for those without.
// Counts are printed where they fit.
func (f *Frame) drawBins(pt painter, m *Model, p Palette, txt *Text, plot image.Rectangle) {
	k := f.Style.TextSize / 12
	d := f.Density
	face := txt.Regular
	digit := face.Measure("0") // no count fits a bin narrower than its digits
	for _, b := range f.Bins {
		lane := m.Lanes[b.Lane]
		x0, x1 := f.Plot.X+b.X0, f.Plot.X+b.X1
		if x1-x0 >= 4*k {
			x1 -= k // a hairline between neighbours
		}
		label, fits := "", false
		if float64(digitsOf(b.Count))*digit*0.8+4*k <= x1-x0 {
			label = strconv.Itoa(b.Count)
			fits = face.Measure(label)+4*k <= x1-x0
		}
		if b.Lane == 0 {
			f.drawMeetingBar(pt, b, x0, x1, label, fits, p, face, plot)
			continue
		}
		y0, y1 := b.Y0+2*k, b.Y1-2*k
		if lane.Collapsed {
			y0, y1 = b.Y0+k, b.Y1-k
		}
		c := mix(lane.Color, p.Background, Intensity(b.Count, d.MaxSpans))
		pt.rect(x0, y0, x1, y1, c, plot)
		if fits && !lane.Collapsed && face.Size <= y1-y0+2*k {
			w := face.Measure(label)
			pt.text(face, label, (x0+x1)/2-w/2, (y0+y1)/2-face.Size*0.62, onColour(c), plot)
		}
	}
}

// barArea is the band of the meetings lane its bars stand in.
func (f *Frame) barArea(b Bin) (top, bottom float64) {
	k := f.Style.TextSize / 12
	return b.Y0 + 4*k, b.Y1 - 6*k
}

func (f *Frame) drawMeetingBar(pt painter, b Bin, x0, x1 float64, label string, fits bool, p Palette, face *Face, plot image.Rectangle) {
	k := f.Style.TextSize / 12
	top, bottom := f.barArea(b)
	h := math.Max(2*k, (bottom-top)*float64(b.Count)/float64(max(f.Density.MaxMeetings, 1)))
	withText := h * float64(b.Count-b.Hollow) / float64(max(b.Count, 1))
	pt.rect(x0, bottom-withText, x1, bottom, p.Foreground, plot)
	if hollow := h - withText; hollow > 0 {
		// Outlined, as a meeting without text is a ring among dots.
		y := bottom - h
		pt.rect(x0, y, x1, bottom-withText, p.Foreground, plot)
		if x1-x0 > 2*k && hollow > 2*k {
			pt.rect(x0+k, y+k, x1-k, bottom-withText, p.Background, plot)
		}
	}
	if b.Marked > 0 { // search hits: a bar under the bin
		pt.rect(x0, bottom+1.5*k, x1, bottom+4*k, p.Foreground, plot)
	}
	if !fits {
		return
	}
	w := face.Measure(label)
	x := (x0+x1)/2 - w/2
	if y := bottom - h - face.Size*1.25; y >= b.Y0 {
		pt.text(face, label, x, y, p.Foreground, plot)
	} else if b.Hollow == 0 {
		pt.text(face, label, x, bottom-h+k, onColour(p.Foreground), plot)
	}
}

// drawLegend explains the bins in the gutter beside the axis: the period
// of a bin and the scale of the topic cells, from one span to the top.
func (f *Frame) drawLegend(pt painter, p Palette, txt *Text) {
	st := f.Style
	k := st.TextSize / 12
	d := f.Density
	gutter := image.Rect(0, 0, int(st.Gutter), int(f.Height))
	face := txt.Regular
	pt.text(face, face.Fit("Spans a "+unitNoun(d.Unit), st.Gutter-2*st.Pad), st.Pad, f.AxisY+3*k, p.Muted, gutter)
	y := f.AxisY + st.Axis/2 + 2*k
	lo, hi := "1", fmt.Sprint(d.MaxSpans)
	x := st.Pad
	pt.text(face, lo, x, y, p.Muted, gutter)
	x += face.Measure(lo) + 4*k
	end := st.Gutter - st.Pad - face.Measure(hi) - 4*k
	const steps = 12
	if w := (end - x) / steps; w >= k {
		for i := range steps {
			t := Intensity(1, d.MaxSpans)
			t += (1 - t) * float64(i) / (steps - 1)
			pt.rect(x+float64(i)*w, y+2*k, x+float64(i+1)*w, y+face.Size, mix(p.Foreground, p.Background, t), gutter)
		}
		pt.text(face, hi, end+4*k, y, p.Muted, gutter)
	}
}

// drawMeetingKey is the meetings lane's key when it is drawn as bars.
func (f *Frame) drawMeetingKey(pt painter, lb LaneBox, p Palette, txt *Text, gutter image.Rectangle) {
	st := f.Style
	k := st.TextSize / 12
	face := txt.Regular
	y := lb.Y + 6*k + face.Size*1.5
	s := 8 * k
	x := st.Pad
	pt.rect(x, y+2*k, x+s, y+2*k+s, p.Foreground, gutter)
	pt.text(face, "text", x+s+4*k, y, p.Muted, gutter)
	x += s + 8*k + face.Measure("text")
	pt.rect(x, y+2*k, x+s, y+2*k+s, p.Foreground, gutter)
	pt.rect(x+1.4*k, y+3.4*k, x+s-1.4*k, y+2*k+s-1.4*k, p.Background, gutter)
	pt.text(face, "no source text", x+s+4*k, y, p.Muted, gutter)
	full := fmt.Sprintf("full bar: %s", safetext.Plural(f.Density.MaxMeetings, "meeting"))
	pt.text(face, face.Fit(full, st.Gutter-2*st.Pad), st.Pad, y+face.Size*1.4, p.Muted, gutter)
}

func digitsOf(n int) int {
	d := 1
	for n >= 10 {
		n /= 10
		d++
	}
	return d
}
