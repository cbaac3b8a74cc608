package timeline

import (
	"cmp"
	"image/color"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Item is one mark on a lane: a meeting, or a meeting's mentions of a topic.
type Item struct {
	Start, End float64 // the days [Start, End) the date may mean
	Count      int     // spans behind a topic mark; 1 for a meeting
	Meeting    int     // index in Model.Meetings, -1 when there is none
	Hollow     bool    // a meeting without source text
	Marked     bool    // a meeting that matches the current search
	Hidden     bool    // filtered out (its meeting's kind is not shown)
}

// Point reports whether the item is one day, drawn as a point rather than
// a span (a month- or year-precision date is never drawn as a day).
func (it Item) Point() bool { return it.End-it.Start <= 1 }

// Lane is a row of items sorted by start.
type Lane struct {
	Topic       *data.Topic // nil for the meetings lane
	Label       string
	Color       color.NRGBA
	Collapsed   bool // drawn thin, without counts
	Hidden      bool // not drawn at all
	Highlighted bool // the topic under the pointer elsewhere in the app
	Items       []Item
	maxLength   float64  // the longest item, to find the items in view
	sums        laneSums // running totals of the items, for bins
	crowdedAt   float64  // the zoom below which the lane crowds (crowdedBelow)
}

// EraBand is a background band such as a term of office.
type EraBand struct {
	Group      int // index in Model.Groups
	Label      string
	Start, End float64
}

// Model is what the timeline shows: lane 0 holds the meetings, the other
// lanes one topic each.
type Model struct {
	Corpus      bool            // made from a corpus (NewModel), not a placeholder
	Meetings    []*data.Meeting // in date order
	Lanes       []*Lane
	Groups      []string
	Eras        []EraBand
	First, Last float64     // the days the data covers
	denseBelow  float64     // the zoom below which the view is binned (Dense)
	coders      data.Coders // whose annotations the topic marks count (Show)
}

// MaxLabel bounds, in code points, every label the timeline measures or
// draws (lanes, era bands and groups, meetings, tooltips): no gutter, band
// or tooltip has room for more, and a hostile label of a megabyte then
// costs what a short one does, in the window and in every export.
const MaxLabel = 200

// NewModel builds the lanes of a corpus. A topic mark stands where a
// meeting's sources mention the topic, with the number of spans.
func NewModel(c *data.Corpus) *Model {
	m := &Model{Corpus: true, Meetings: c.MeetingsByDate()}
	meetings := &Lane{Label: "Meetings"}
	topicLanes := make([]*Lane, len(c.Topics))
	for i, t := range c.Topics {
		topicLanes[i] = &Lane{Topic: t, Label: safetext.Clip(t.Label, MaxLabel), Color: t.Color}
	}
	m.Lanes = append([]*Lane{meetings}, topicLanes...)
	m.countLanes(true)
	for gi, g := range c.EraGroups() {
		m.Groups = append(m.Groups, safetext.Clip(g, MaxLabel))
		for _, e := range c.Eras {
			if e.Group == g {
				m.Eras = append(m.Eras, EraBand{Group: gi, Label: safetext.Clip(e.Label, MaxLabel), Start: float64(e.Start.FirstDay()), End: float64(e.End.LastDay() + 1)})
			}
		}
	}
	m.index()
	return m
}

// countTopics makes the topic lanes' marks: one where a meeting's sources
// hold annotations of the topic by the chosen coders, with their number.
// The lanes come in date order, as the meetings lane does.
func (m *Model) countTopics() { m.countLanes(false) }

// countLanes makes the topic lanes' marks and, with meetingsToo, the
// meetings lane's (a mark per meeting, hollow without text) and the
// model's First and Last.
//
// The counting walks the meetings in the corpus' order, which is the order
// their records (and their sources' and annotations') lie in memory: in
// date order each meeting's annotations were a miss of the processor's
// cache, 40 of NewModel's 52 ms at 100,000 meetings. Counts are kept as
// (topic, count) pairs per meeting, counted in runs on several goroutines
// (countInChunks), then laid out in date order.
func (m *Model) countLanes(meetingsToo bool) {
	m.countLanesInRuns(meetingsToo, min(runtime.GOMAXPROCS(0), len(m.Meetings)/minChunk+1))
}

// countLanesInRuns is countLanes with the counting cut into runs, at
// most as many as there are meetings.
func (m *Model) countLanesInRuns(meetingsToo bool, runs int) {
	topicLanes := m.Lanes[1:]
	for _, l := range topicLanes {
		l.Items = nil
	}
	var meetingMarks []Item // to fill, by date position
	if meetingsToo {
		meetingMarks = make([]Item, len(m.Meetings))
		m.Lanes[0].Items = meetingMarks
		defer m.spanMeetings()
	}
	// inCorpus[i] is the corpus position (Index) of the meeting at date
	// position i, and byIndex the other way round.
	inCorpus := make([]int32, len(m.Meetings))
	byIndex := make([]int32, len(m.Meetings))
	for k := range byIndex {
		byIndex[k] = -1
	}
	for i, mt := range m.Meetings {
		if mt.Index < 0 || mt.Index >= len(byIndex) || byIndex[mt.Index] >= 0 {
			m.countLanesInDateOrder(meetingMarks) // indexes not derived: no such order
			return
		}
		inCorpus[i], byIndex[mt.Index] = int32(mt.Index), int32(i)
	}
	chunks, size := countInChunks(m, byIndex, meetingMarks, len(topicLanes), max(min(runs, len(byIndex)), 1))
	marks := make([]int, len(topicLanes)) // per lane, to size each lane once
	for _, c := range chunks {
		for ti, n := range c.marks {
			marks[ti] += n
		}
	}
	for ti, l := range topicLanes {
		if marks[ti] > 0 {
			l.Items = make([]Item, 0, marks[ti])
		}
	}
	for i, k := range inCorpus {
		it := m.Lanes[0].Items[i]
		c := &chunks[int(k)/size]
		at := k - c.from
		for _, p := range c.pairs[c.starts[at]:c.starts[at+1]] {
			topicLanes[p.topic].Items = append(topicLanes[p.topic].Items, Item{Start: it.Start, End: it.End, Count: int(p.n), Meeting: i})
		}
	}
}

// countChunk is the counts of the meetings at corpus positions from
// from on: the (topic, count) pairs of the meeting at from+j are
// pairs[starts[j]:starts[j+1]]; marks counts the pairs of each topic.
type countChunk struct {
	from   int32
	pairs  []topicCount
	starts []int32
	marks  []int
}

type topicCount struct{ topic, n int32 }

// minChunk is the fewest meetings counted on a goroutine of their own.
const minChunk = 20000

// countInChunks counts the meetings of m (byIndex: their date positions
// by corpus position) in n runs of corpus positions, each on a goroutine
// when there are several: at 100,000 meetings the counting was most of
// NewModel, which the window waits for. The runs are of equal size, the
// last shorter or empty, and size is every run's but the last: the run of
// position k is k/size. Each meeting's own mark is put in meetingMarks,
// at its date position, unless that is nil.
func countInChunks(m *Model, byIndex []int32, meetingMarks []Item, topics, n int) (chunks []countChunk, size int) {
	size = (len(byIndex) + n - 1) / n
	chunks = make([]countChunk, n)
	var wg sync.WaitGroup
	for ci := range chunks {
		from, to := min(ci*size, len(byIndex)), min((ci+1)*size, len(byIndex))
		c := &chunks[ci]
		c.from, c.starts, c.marks = int32(from), make([]int32, to-from+1), make([]int, topics)
		count := func() {
			counts := make([]int, topics)
			for k := from; k < to; k++ {
				i := int(byIndex[k])
				mt := m.Meetings[i]
				if meetingMarks != nil {
					meetingMarks[i] = meetingMark(i, mt)
				}
				clear(counts)
				m.count(mt, counts)
				c.starts[k-from] = int32(len(c.pairs))
				for ti, n := range counts {
					if n > 0 {
						c.pairs = append(c.pairs, topicCount{int32(ti), int32(n)})
						c.marks[ti]++
					}
				}
			}
			c.starts[to-from] = int32(len(c.pairs))
		}
		if n == 1 {
			count()
			break
		}
		wg.Go(count)
	}
	wg.Wait()
	return chunks, size
}

// meetingMark is the meetings lane's mark of the meeting at date position
// i: hollow when it has no text.
func meetingMark(i int, mt *data.Meeting) Item {
	return Item{Start: float64(mt.Date.FirstDay()), End: float64(mt.LastDay() + 1), Count: 1, Meeting: i, Hollow: !mt.HasText()}
}

// spanMeetings sets First and Last from the meetings lane: the first day
// of the first meeting, the day after the last one ends.
func (m *Model) spanMeetings() {
	m.First, m.Last = 0, 0
	for i, it := range m.Lanes[0].Items {
		if i == 0 || it.Start < m.First {
			m.First = it.Start
		}
		m.Last = max(m.Last, it.End)
	}
}

// countLanesInDateOrder is countLanes for meetings whose Index does not
// place them in their corpus (a model made by hand, in tests): the
// meetings' own marks go in meetingMarks unless it is nil.
func (m *Model) countLanesInDateOrder(meetingMarks []Item) {
	for i, mt := range m.Meetings {
		if meetingMarks != nil {
			meetingMarks[i] = meetingMark(i, mt)
		}
	}
	m.countTopicsInDateOrder()
}

// countTopicsInDateOrder is countTopics for meetings whose Index does not
// place them in their corpus (a model made by hand, in tests).
func (m *Model) countTopicsInDateOrder() {
	topicLanes := m.Lanes[1:]
	for _, l := range topicLanes {
		l.Items = nil
	}
	counts := make([]int, len(topicLanes))
	for i, mt := range m.Meetings {
		clear(counts)
		m.count(mt, counts)
		it := m.Lanes[0].Items[i]
		for ti, n := range counts {
			if n > 0 {
				topicLanes[ti].Items = append(topicLanes[ti].Items, Item{Start: it.Start, End: it.End, Count: n, Meeting: i})
			}
		}
	}
}

// count adds a meeting's annotations by the chosen coders to counts, by
// topic index.
func (m *Model) count(mt *data.Meeting, counts []int) {
	for _, s := range mt.Sources {
		for _, a := range s.Annotations {
			if m.coders.Has(a) {
				counts[a.Topic.Index]++
			}
		}
	}
}

// Follow is the model of c, where c was made from the corpus m shows by
// edits of the annotations of the sources changed alone (as
// data.Corpus.AnnotationsChangedSince reports them): m's lanes copied and
// the marks of those sources' meetings counted again, which is NewModel(c)
// at a fraction of the cost. m is read, not changed: call it where m is
// not being changed (the UI goroutine, for the window's model).
func (m *Model) Follow(c *data.Corpus, changed []*data.Source) *Model {
	if len(m.Lanes) != len(c.Topics)+1 || len(m.Meetings) != len(c.Meetings) {
		return NewModel(c) // not an edit of annotations alone
	}
	n := &Model{Corpus: true, Meetings: c.MeetingsByDate(), Groups: m.Groups, Eras: m.Eras, First: m.First, Last: m.Last, coders: m.coders}
	n.Lanes = make([]*Lane, len(m.Lanes))
	for i, l := range m.Lanes {
		n.Lanes[i] = &Lane{Topic: l.Topic, Label: l.Label, Color: l.Color, Items: slices.Clone(l.Items), crowdedAt: l.crowdedAt}
		for j := range n.Lanes[i].Items {
			it := &n.Lanes[i].Items[j]
			it.Marked, it.Hidden = false, false
		}
	}
	// Each meeting's place in date order, to find its marks.
	at := make([]int, len(c.Meetings))
	for i, mt := range n.Meetings {
		at[mt.Index] = i
	}
	counts := make([]int, len(c.Topics))
	done := map[int]bool{}
	moved := map[int]bool{} // lanes that gained or lost a mark
	for _, s := range changed {
		for _, mt := range s.Meetings {
			i := at[mt.Index]
			if done[i] {
				continue
			}
			done[i] = true
			clear(counts)
			n.count(mt, counts)
			start, end := float64(mt.Date.FirstDay()), float64(mt.LastDay()+1)
			for ti, count := range counts {
				if n.Lanes[1+ti].setCount(i, count, start, end) {
					moved[1+ti] = true
				}
			}
		}
	}
	for i, l := range n.Lanes {
		l.maxLength = 0
		for _, it := range l.Items {
			l.maxLength = max(l.maxLength, it.End-it.Start)
		}
		l.sum()
		if moved[i] {
			l.crowdedAt = l.crowdedBelow()
		}
	}
	n.crowd()
	return n
}

// setCount makes the lane's mark of meeting i (its place in date order)
// count n spans: changed, made or taken away (then it reports true). A
// topic lane's marks are in the meetings' date order, as NewModel makes
// them.
func (l *Lane) setCount(i, n int, start, end float64) bool {
	j, found := slices.BinarySearchFunc(l.Items, i, func(it Item, i int) int { return it.Meeting - i })
	switch {
	case found && n > 0:
		l.Items[j].Count = n
	case found:
		if l.Items = slices.Delete(l.Items, j, j+1); len(l.Items) == 0 {
			l.Items = nil // as NewModel leaves a lane without marks
		}
		return true
	case n > 0:
		l.Items = slices.Insert(l.Items, j, Item{Start: start, End: end, Count: n, Meeting: i})
		return true
	}
	return false
}

// Show hides what a query leaves out, as the charts count it: the lanes of
// topics it does not select (nil Topics: every topic; empty: none) and the
// marks of meetings of kinds it does not select (nil Kinds: every kind) or
// outside its years (0: open). The window and the headless export show
// the timeline of a query through it alike. The topic marks count the
// annotations of the query's coders.
func (m *Model) Show(q data.Query) {
	if !q.Coders.Same(m.coders) {
		m.coders = q.Coders.Clone()
		m.countTopics()
		m.index()
	}
	for _, l := range m.Lanes[1:] {
		l.Hidden = q.Topics != nil && !slices.Contains(q.Topics, l.Topic.ID)
	}
	hidden := func(mt *data.Meeting) bool {
		y := mt.Date.Year
		return q.Kinds != nil && !slices.Contains(q.Kinds, mt.Kind) ||
			q.FromYear != 0 && y < q.FromYear || q.ToYear != 0 && y > q.ToYear
	}
	for _, l := range m.Lanes {
		for i := range l.Items {
			l.Items[i].Hidden = l.Items[i].Meeting >= 0 && hidden(m.Meetings[l.Items[i].Meeting])
		}
		l.sum()
	}
}

// Empty reports whether the model has nothing to draw.
func (m *Model) Empty() bool {
	for _, l := range m.Lanes {
		if len(l.Items) > 0 {
			return false
		}
	}
	return true
}

// index sorts each lane and notes its longest item, its running totals
// and the zoom at which it crowds.
func (m *Model) index() {
	for _, l := range m.Lanes {
		// NewModel's lanes come in date order already: sorting them anyway
		// (through sort's reflection) took 40 ms at 100,000 meetings.
		byStart := func(a, b Item) int { return cmp.Compare(a.Start, b.Start) }
		if !slices.IsSortedFunc(l.Items, byStart) {
			slices.SortStableFunc(l.Items, byStart)
		}
		l.maxLength = 0
		for _, it := range l.Items {
			l.maxLength = max(l.maxLength, it.End-it.Start)
		}
		l.sum()
		l.crowdedAt = l.crowdedBelow()
	}
	m.crowd()
}

// MeetingAnnotations lists the counted annotations of a meeting's sources
// by the model's coders, of one topic or (topic nil) of all, in source and
// text order.
func (md *Model) MeetingAnnotations(m *data.Meeting, topic *data.Topic) []*data.Annotation {
	var out []*data.Annotation
	for _, s := range m.Sources {
		for _, a := range s.Annotations {
			if a.Counted() && (topic == nil || a.Topic == topic) && md.coders.Has(a) {
				out = append(out, a)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Source != out[j].Source {
			return out[i].Source.Index < out[j].Source.Index
		}
		return out[i].Anchor.Start < out[j].Anchor.Start
	})
	return out
}
