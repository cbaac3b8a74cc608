package data

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Unit is what a count counts.
type Unit int

const (
	// UnitSpans counts annotated spans.
	UnitSpans Unit = iota
	// UnitSources counts sources with at least one span of the topic.
	UnitSources
	// UnitMeetings counts meetings whose sources have at least one span of the topic.
	UnitMeetings
)

// Units lists every unit.
var Units = []Unit{UnitSpans, UnitSources, UnitMeetings}

func (u Unit) String() string {
	return [...]string{"spans", "sources", "meetings"}[u]
}

// ParseUnit reads a unit name as String writes it.
func ParseUnit(s string) (Unit, error) {
	for _, u := range Units {
		if u.String() == s {
			return u, nil
		}
	}
	return 0, fmt.Errorf("unknown unit %q (use spans, sources or meetings)", s)
}

// Grouping is how a count buckets time.
type Grouping int

const (
	// ByYear makes one bucket per calendar year, empty years included.
	ByYear Grouping = iota
	// ByMeeting makes one bucket per meeting, in date order.
	ByMeeting
	// ByRange makes one bucket of every meeting in the year range, so each
	// source and meeting counts once however many years it spans.
	ByRange
)

// Query selects what to count.
type Query struct {
	Unit             Unit
	By               Grouping
	PerThousandWords bool     // divide by the words of source text in the bucket
	FromYear, ToYear int      // 0: the corpus' first or last meeting year
	Topics           []string // topic ids; nil: every topic, empty: none
	Kinds            []string // meeting kinds; nil: every kind, empty: none
	Coders           Coders   // whose annotations; nil: everyone's
}

// includes reports whether the query counts a meeting of this kind.
func (q Query) includes(m *Meeting) bool {
	return q.Kinds == nil || slices.Contains(q.Kinds, m.Kind)
}

// Kinds lists the meeting kinds of the corpus in the order they first
// appear.
func (c *Corpus) Kinds() []string {
	var out []string
	for _, m := range c.Meetings {
		if !slices.Contains(out, m.Kind) {
			out = append(out, m.Kind)
		}
	}
	return out
}

// Bucket is one column of a count: a year or a meeting.
type Bucket struct {
	Year     int
	Meeting  *Meeting // set when counting by meeting
	Label    string
	Meetings []*Meeting // the meetings in the bucket, with or without text
	Sources  []*Source  // the sources reporting them
	Words    int        // words of those sources outside excluded ranges
}

// HasText tells a bucket with source text (where zero means silence) from
// one without any (where zero means nothing is known).
func (b *Bucket) HasText() bool { return len(b.Sources) > 0 }

// Measured reports whether bucket bi has something to count against:
// source text, and, for counts per 1,000 words, words in it (a caption of
// dashes has none). A bucket that is not measured has unknown values, not
// zeros.
func (cs *Counts) Measured(bi int) bool {
	b := &cs.Buckets[bi]
	if cs.Query.PerThousandWords {
		return b.Words > 0
	}
	return b.HasText()
}

// Cell is the count of one topic in one bucket; Counts.Spans lists the
// annotations behind it.
type Cell struct {
	Count int
	// Value is Count, or Count per 1,000 words when the query asks; NaN when
	// the bucket has no text to divide by.
	Value float64
}

// Counts is a table of cells: one row per bucket, one column per topic.
type Counts struct {
	Query   Query
	Buckets []Bucket
	Topics  []*Topic
	Cells   [][]Cell // [bucket][topic]
}

// Count counts annotations as the query asks. It fails only for a topic id
// that is not in the corpus or an inverted year range.
func (c *Corpus) Count(q Query) (*Counts, error) {
	topics, err := c.selectTopics(q.Topics)
	if err != nil {
		return nil, err
	}
	first, last, ok := c.DateRange()
	if q.FromYear == 0 {
		q.FromYear = first.Year
	}
	if q.ToYear == 0 {
		q.ToYear = last.Year
	}
	if ok && q.ToYear < q.FromYear {
		return nil, fmt.Errorf("the year range %d–%d is inverted", q.FromYear, q.ToYear)
	}
	out := &Counts{Query: q, Topics: topics}
	if ok {
		out.Buckets = c.buckets(q)
	}
	// column[topic.Index] is the topic's column, -1 when it is not counted.
	column := make([]int, len(c.Topics))
	for i := range column {
		column[i] = -1
	}
	for i, t := range topics {
		column[t.Index] = i
	}
	out.Cells = make([][]Cell, len(out.Buckets))
	// Every cell comes from one allocation: counting by meeting makes
	// thousands of buckets.
	cells := make([]Cell, len(out.Buckets)*len(topics))
	var scratch countScratch
	scratch.init(len(topics))
	for bi := range out.Buckets {
		row := bi * len(topics)
		out.Cells[bi] = cells[row : row+len(topics) : row+len(topics)]
		scratch.countBucket(&out.Buckets[bi], q, column, out.Cells[bi])
	}
	return out, nil
}

// Spans lists the annotations behind cell [bucket][topic], ordered by
// source and position: every span the cell counts, each once. They are
// listed when asked (a click on a cell), not with every count: a count
// follows every edit.
func (cs *Counts) Spans(bucket, topic int) []*Annotation {
	if bucket < 0 || bucket >= len(cs.Buckets) || topic < 0 || topic >= len(cs.Topics) {
		return nil
	}
	t := cs.Topics[topic]
	var out []*Annotation
	for _, s := range cs.Buckets[bucket].Sources {
		for _, a := range s.Annotations {
			if a.Topic == t && a.Counted() && cs.Query.Coders.Has(a) {
				out = append(out, a)
			}
		}
	}
	return out
}

func (c *Corpus) selectTopics(ids []string) ([]*Topic, error) {
	if ids == nil {
		return c.Topics, nil
	}
	out := []*Topic{}
	seen := map[*Topic]bool{}
	for _, id := range ids {
		t := c.Topic(id)
		if t == nil {
			return nil, fmt.Errorf("there is no topic %q", id)
		}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Index < out[j].Index })
	return out, nil
}

// MeetingsByDate returns the meetings ordered by date, ties in file order.
// The slice is made once and shared: do not modify it.
func (c *Corpus) MeetingsByDate() []*Meeting {
	if c.byDate == nil { // a corpus not made by the loader
		return sortByDate(c.Meetings)
	}
	return c.byDate
}

// sortByDate orders meetings by their first day, ties in their order in
// the list.
func sortByDate(meetings []*Meeting) []*Meeting {
	days := make([]int, len(meetings))
	first, last := 0, 0
	for i, m := range meetings {
		d := m.Date.FirstDay()
		days[i] = d
		if i == 0 || d < first {
			first = d
		}
		if i == 0 || d > last {
			last = d
		}
	}
	out := make([]*Meeting, len(meetings))
	if span := last - first; len(meetings) > 0 && span <= 4*len(meetings)+4096 {
		// Days spanning not many more days than there are meetings (nearly
		// any corpus): a counting sort, which keeps ties in their order, in
		// linear time (the comparison sort took 18 ms of a 100,000-meeting
		// cache reopen).
		next := make([]int, span+2) // where each day's meetings go next
		for _, d := range days {
			next[d-first+1]++
		}
		for i := 1; i < len(next); i++ {
			next[i] += next[i-1]
		}
		for i, m := range meetings {
			k := days[i] - first
			out[next[k]] = m
			next[k]++
		}
		return out
	}
	// slices' generic sort, not sort.SliceStable (its swaps through
	// reflection took 150 ms of a 100,000-meeting cache reopen), and not
	// stable: ties go by their place in the list, which makes it the stable
	// order at the cost of an unstable sort.
	order := make([]int, len(meetings))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Or(days[a]-days[b], a-b) })
	for i, k := range order {
		out[i] = meetings[k]
	}
	return out
}

func (c *Corpus) buckets(q Query) []Bucket {
	var out []Bucket
	switch q.By {
	case ByRange:
		label := fmt.Sprint(q.FromYear)
		if q.ToYear != q.FromYear {
			label += "–" + fmt.Sprint(q.ToYear)
		}
		b := Bucket{Year: q.FromYear, Label: label}
		for _, m := range c.MeetingsByDate() {
			if m.Date.Year >= q.FromYear && m.Date.Year <= q.ToYear && q.includes(m) {
				b.Meetings = append(b.Meetings, m)
			}
		}
		out = append(out, b)
	case ByMeeting:
		byDate := c.MeetingsByDate()
		out = make([]Bucket, 0, len(byDate))
		for i, m := range byDate {
			if m.Date.Year >= q.FromYear && m.Date.Year <= q.ToYear && q.includes(m) {
				out = append(out, Bucket{Year: m.Date.Year, Meeting: m, Label: m.Short, Meetings: byDate[i : i+1 : i+1]})
			}
		}
	default:
		for y := q.FromYear; y <= q.ToYear; y++ {
			out = append(out, Bucket{Year: y, Label: fmt.Sprint(y)})
		}
		for _, m := range c.MeetingsByDate() {
			if i := m.Date.Year - q.FromYear; i >= 0 && i < len(out) && q.includes(m) {
				out[i].Meetings = append(out[i].Meetings, m)
			}
		}
	}
	// seen[source.Index] is the last bucket (plus one) that took the source:
	// one slice for all buckets instead of a set per bucket.
	// Every bucket's sources lie in one slice, bucket after bucket.
	seen := make([]int, len(c.Sources))
	var all []*Source
	for i := range out {
		b := &out[i]
		start := len(all)
		for _, m := range b.Meetings {
			for _, s := range m.Sources {
				if seen[s.Index] != i+1 {
					seen[s.Index] = i + 1
					all = append(all, s)
					b.Words += s.Words
				}
			}
		}
		if len(all) > start {
			b.Sources = all[start:len(all):len(all)]
		}
	}
	return out
}

// countScratch is what counting a bucket needs, made once per count.
type countScratch struct {
	lastSource  []*Source
	lastMeeting []*Meeting
}

func (s *countScratch) init(columns int) {
	s.lastSource = make([]*Source, columns)
	s.lastMeeting = make([]*Meeting, columns)
}

// countBucket fills one bucket's counts and values. An annotation
// counts once per bucket even when its source reports two meetings of the
// same year. A bucket visits each of its sources, and each of its
// meetings, once, so distinct sources and meetings are counted by
// remembering the last one seen per column: no sets.
func (sc *countScratch) countBucket(b *Bucket, q Query, column []int, cells []Cell) {
	clear(sc.lastSource)
	clear(sc.lastMeeting)
	for _, s := range b.Sources {
		for _, a := range s.Annotations {
			col := column[a.Topic.Index]
			if col < 0 || !a.Counted() || !q.Coders.Has(a) {
				continue
			}
			cell := &cells[col]
			switch {
			case q.Unit == UnitSpans:
				cell.Count++
			case q.Unit == UnitSources && sc.lastSource[col] != s:
				sc.lastSource[col] = s
				cell.Count++
			}
		}
	}
	if q.Unit == UnitMeetings {
		for _, m := range b.Meetings {
			for _, s := range m.Sources {
				for _, a := range s.Annotations {
					if col := column[a.Topic.Index]; col >= 0 && a.Counted() && q.Coders.Has(a) && sc.lastMeeting[col] != m {
						sc.lastMeeting[col] = m
						cells[col].Count++
					}
				}
			}
		}
	}
	for col := range cells {
		cell := &cells[col]
		cell.Value = float64(cell.Count)
		if q.PerThousandWords {
			cell.Value = math.NaN()
			if b.Words > 0 {
				cell.Value = float64(cell.Count) * 1000 / float64(b.Words)
			}
		}
	}
}

// Total is the sum of a topic's counts over all buckets.
func (cs *Counts) Total(topic int) int {
	n := 0
	for _, row := range cs.Cells {
		n += row[topic].Count
	}
	return n
}

// CSV writes the table with a header, one row per bucket: the bucket, its
// meetings, sources and words, whether it has text, then one column per
// topic. Cells of buckets without text are empty, not zero. Every cell is
// made inert for spreadsheets (safetext.CSVCell): a meeting's label can be
// anything.
func (cs *Counts) CSV() [][]string {
	header := []string{"bucket", "meetings", "sources", "words", "has_text"}
	for _, t := range cs.Topics {
		header = append(header, t.ID)
	}
	rows := [][]string{header}
	for bi, b := range cs.Buckets {
		row := []string{b.Label, fmt.Sprint(len(b.Meetings)), fmt.Sprint(len(b.Sources)), fmt.Sprint(b.Words), fmt.Sprint(b.HasText())}
		for _, cell := range cs.Cells[bi] {
			switch {
			case !cs.Measured(bi):
				row = append(row, "")
			case cs.Query.PerThousandWords:
				row = append(row, strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.4f", cell.Value), "0"), "."))
			default:
				row = append(row, fmt.Sprint(cell.Count))
			}
		}
		rows = append(rows, safetext.CSVRow(row))
	}
	safetext.CSVRow(header)
	return rows
}
