package timeline

import (
	"fmt"
	"math"
	"sort"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Style holds the sizes of the timeline's parts, in pixels.
type Style struct {
	Gutter       float64 // the column of lane labels
	EraRow       float64
	Axis         float64 // two rows of tick labels
	MeetingLane  float64
	TopicLane    float64 // the tallest a topic lane gets
	MinTopicLane float64
	Collapsed    float64
	MeetingR     float64 // radius of a meeting mark
	TextSize     float64
	Pad          float64
}

// DefaultStyle returns the sizes at a scale of k device pixels per point.
func DefaultStyle(k float64) Style {
	return Style{
		Gutter: 200 * k, EraRow: 20 * k, Axis: 38 * k, MeetingLane: 58 * k,
		TopicLane: 24 * k, MinTopicLane: 12 * k, Collapsed: 8 * k,
		MeetingR: 6 * k, TextSize: 12 * k, Pad: 6 * k,
	}
}

// GutterFor widens the style's gutter to the longest lane or era-group
// label, within limits, so labels are cut only when they are very long.
func (st Style) GutterFor(m *Model, measure Measure) Style {
	k := st.TextSize / 12
	widest := 0.0
	for _, l := range m.Lanes {
		widest = math.Max(widest, measure(l.Label))
	}
	for _, g := range m.Groups {
		widest = math.Max(widest, measure(g)-14*k)
	}
	st.Gutter = math.Min(math.Max(widest+14*k+2*st.Pad, 140*k), 300*k)
	return st
}

// Rect is an axis-aligned rectangle.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether (x, y) lies inside.
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// LaneBox is where a lane is drawn.
type LaneBox struct {
	Lane int
	Y, H float64
}

// EraBar is an era drawn in its group's row.
type EraBar struct {
	Era    int // index in Model.Eras
	X0, X1 float64
}

// Mark is what is drawn for one item or for a cluster of items that would
// overlap at this zoom. Its items are Lanes[Lane].Items[First:Last].
type Mark struct {
	Lane        int
	First, Last int
	X0, X1      float64 // the centre line runs from X0 to X1 (equal for a point)
	Y, R        float64
	Count       int  // the items' counts added up
	Hollow      bool // every item is hollow
	Marked      bool // some item matches the search
}

// Cluster reports whether the mark stands for more than one item.
func (m Mark) Cluster() bool { return m.Last-m.First > 1 }

// Label is a meeting's label under its mark.
type Label struct {
	Mark int // index in Frame.Marks
	X, Y float64
	Text string
}

// Frame is the geometry of one picture of the timeline, in pixels: what is
// drawn, and what a pointer can hit.
type Frame struct {
	Width, Height float64
	Style         Style
	Scale         Scale // maps days to x within the plot
	Plot          Rect  // right of the gutter, below the axis
	AxisY         float64
	Axis          Axis
	EraRows       []Rect // one per group
	Eras          []EraBar
	Lanes         []LaneBox
	Marks         []Mark
	Labels        []Label
	Density       Density // drawn as bins where marks would crowd
	Bins          []Bin
}

// NewFrame lays out the model at the scale. The scale's width must be the
// plot's width (width less the gutter).
func (m *Model) NewFrame(s Scale, width, height float64, st Style, measure Measure) *Frame {
	f := &Frame{Width: width, Height: height, Style: st, Scale: s}
	y := 0.0
	for range m.Groups {
		f.EraRows = append(f.EraRows, Rect{X: st.Gutter, Y: y, W: width - st.Gutter, H: st.EraRow})
		y += st.EraRow
	}
	f.AxisY = y
	y += st.Axis
	f.Plot = Rect{X: st.Gutter, Y: y, W: width - st.Gutter, H: height - y}
	f.Axis = Ticks(s, measure)
	for i, e := range m.Eras {
		x0, x1 := s.X(e.Start), s.X(e.End)
		if x1 < 0 || x0 > s.Width {
			continue
		}
		f.Eras = append(f.Eras, EraBar{Era: i, X0: x0, X1: x1})
	}
	f.layoutLanes(m, y)
	if m.Dense(s.PerDay / (st.TextSize / 12)) {
		f.binLanes(m)
		return f
	}
	for _, lb := range f.Lanes {
		f.cluster(m, lb)
	}
	f.placeLabels(m, measure)
	return f
}

// layoutLanes gives the meetings lane its height and shares the rest among
// the topic lanes, between their least and greatest heights.
func (f *Frame) layoutLanes(m *Model, y float64) {
	st := f.Style
	open, collapsed := 0, 0
	for _, l := range m.Lanes[1:] {
		switch {
		case l.Hidden:
		case l.Collapsed:
			collapsed++
		default:
			open++
		}
	}
	h := st.TopicLane
	if open > 0 {
		room := f.Height - y - st.MeetingLane - float64(collapsed)*st.Collapsed - st.Pad
		h = math.Max(st.MinTopicLane, math.Min(st.TopicLane, room/float64(open)))
	}
	for i, l := range m.Lanes {
		if l.Hidden {
			continue
		}
		lh := h
		switch {
		case i == 0:
			lh = st.MeetingLane
		case l.Collapsed:
			lh = st.Collapsed
		}
		f.Lanes = append(f.Lanes, LaneBox{Lane: i, Y: y, H: lh})
		y += lh
	}
}

// dotRadius makes a topic mark's area grow with its count.
func dotRadius(count int, laneH float64, k float64) float64 {
	return math.Min(laneH/2-1, 2*k+1.7*k*math.Sqrt(float64(count)))
}

// cluster makes the marks of one lane: items in view, merged while they
// would touch. Only the items in view are visited, found by binary search.
func (f *Frame) cluster(m *Model, lb LaneBox) {
	lane := m.Lanes[lb.Lane]
	s := f.Scale
	k := f.Style.TextSize / 12
	gap := 2 * k
	pad := 40 * k
	lo := s.Day(-pad) - lane.maxLength
	hi := s.Day(s.Width + pad)
	first := sort.Search(len(lane.Items), func(i int) bool { return lane.Items[i].Start >= lo })
	cy := lb.Y + lb.H/2
	if lb.Lane == 0 {
		cy = lb.Y + f.Style.MeetingR + 8*k
	}
	var cur *Mark
	start := len(f.Marks)
	for i := first; i < len(lane.Items) && lane.Items[i].Start <= hi; i++ {
		it := lane.Items[i]
		if it.Hidden {
			continue
		}
		x0, x1 := s.X(it.Start), s.X(it.End)
		if it.Point() {
			x0 = s.X(it.Start + 0.5)
			x1 = x0
		}
		if x1 < -pad || x0 > s.Width+pad {
			continue
		}
		r := f.Style.MeetingR
		if lb.Lane != 0 {
			r = dotRadius(it.Count, lb.H, k)
		}
		if lane.Collapsed {
			r = math.Min(r, lb.H/2-1)
		}
		if cur != nil && x0-r <= cur.X1+cur.R+gap {
			cur.Last = i + 1
			cur.X1 = math.Max(cur.X1, x1)
			cur.Count += it.Count
			cur.Hollow = cur.Hollow && it.Hollow
			cur.Marked = cur.Marked || it.Marked
			cur.R = math.Max(cur.R, r)
			continue
		}
		f.Marks = append(f.Marks, Mark{Lane: lb.Lane, First: i, Last: i + 1, X0: x0, X1: x1, Y: cy, R: r, Count: it.Count, Hollow: it.Hollow, Marked: it.Marked})
		cur = &f.Marks[len(f.Marks)-1]
	}
	for i := start; i < len(f.Marks); i++ {
		mk := &f.Marks[i]
		if mk.Cluster() && lb.Lane != 0 {
			mk.R = math.Max(mk.R, math.Min(lb.H/2-2, 7*k)) // room for the count
		}
	}
}

// labelItem is the item a meeting mark is named for: its meeting, or for a
// cluster the first of its meetings with source text (-1 when none has
// any, or the mark is not a meeting's).
func labelItem(m *Model, mk Mark) int {
	items := m.Lanes[0].Items
	if !mk.Cluster() {
		if items[mk.First].Meeting < 0 {
			return -1
		}
		return mk.First
	}
	for i := mk.First; i < mk.Last; i++ {
		if it := items[i]; it.Meeting >= 0 && !it.Hollow && !it.Hidden {
			return i
		}
	}
	return -1
}

// placeLabels puts meeting labels under their marks, on the first of two
// rows where they do not overlap another label; a label that fits nowhere
// is left out (the tooltip still names the meeting).
func (f *Frame) placeLabels(m *Model, measure Measure) {
	k := f.Style.TextSize / 12
	var rowEnd [2]float64
	rowEnd[0], rowEnd[1] = math.Inf(-1), math.Inf(-1)
	for i, mk := range f.Marks {
		centre := (mk.X0 + mk.X1) / 2
		if mk.Lane != 0 || centre < 0 || centre > f.Plot.W {
			continue
		}
		first := labelItem(m, mk)
		if first < 0 {
			continue
		}
		text := safetext.Clip(m.Meetings[m.Lanes[0].Items[first].Meeting].Short, MaxLabel)
		if mk.Cluster() {
			// A cluster is named for its first meeting with text, so the
			// meetings the corpus has text for keep their names when
			// others crowd them: "44th SCM +1".
			text = safetext.Clip(text, MaxLabel/2) + fmt.Sprintf(" +%d", mk.Count-1)
		}
		w := measure(text)
		x := (mk.X0+mk.X1)/2 - w/2
		x = math.Max(0, math.Min(x, f.Plot.W-w))
		for row := 0; row < 2; row++ {
			if x > rowEnd[row]+LabelGap {
				f.Labels = append(f.Labels, Label{Mark: i, X: x, Y: mk.Y + mk.R + 4*k + float64(row)*f.Style.TextSize*1.3, Text: text})
				rowEnd[row] = x + w
				break
			}
		}
	}
}

// Hit is what a point of the frame touches.
type Hit struct {
	Mark      int // index in Frame.Marks, -1 for none
	Bin       int // index in Frame.Bins, -1 for none
	LaneLabel int // lane whose label was hit, -1 for none
}

// HitTest finds the mark under (x, y), given in frame pixels, allowing a
// few pixels of slack; over the gutter it finds the lane label instead.
func (f *Frame) HitTest(x, y float64) Hit {
	h := Hit{Mark: -1, Bin: -1, LaneLabel: -1}
	if x < f.Plot.X {
		for _, lb := range f.Lanes {
			if y >= lb.Y && y < lb.Y+lb.H {
				h.LaneLabel = lb.Lane
			}
		}
		return h
	}
	px := x - f.Plot.X
	// Bins tile their lanes in time order: the one under the pointer is
	// found by binary search.
	at := sort.Search(len(f.Bins), func(i int) bool {
		b := f.Bins[i]
		return b.Y0 > y || b.Y0 <= y && y < b.Y1 && b.X1 > px
	})
	if at < len(f.Bins) && f.Bins[at].Contains(px, y) {
		h.Bin = at
		return h
	}
	slack := 3 * f.Style.TextSize / 12
	best := math.Inf(1)
	for i, mk := range f.Marks {
		dx := 0.0
		if px < mk.X0 {
			dx = mk.X0 - px
		} else if px > mk.X1 {
			dx = px - mk.X1
		}
		d := math.Hypot(dx, y-mk.Y)
		if d <= mk.R+slack && d < best {
			best, h.Mark = d, i
		}
	}
	return h
}

// MarkOf finds the mark that holds an item, or -1.
func (f *Frame) MarkOf(lane, item int) int {
	for i, mk := range f.Marks {
		if mk.Lane == lane && item >= mk.First && item < mk.Last {
			return i
		}
	}
	return -1
}
