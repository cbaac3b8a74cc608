package data

import "strconv"

// Stats summarises a corpus; its JSON form is the output of
// "alliance-timeline stats --format json".
type Stats struct {
	Totals
	// PerYear counts the counted spans of each year from the first meeting
	// to the last, zero included; a year without source text is nil (null
	// in JSON): nothing is known of it, which is not a count of zero.
	// PerYearTopic is the same per topic: a year without text maps to nil.
	PerYear          map[string]*int           `json:"per_year"`
	PerYearTopic     map[string]map[string]int `json:"per_year_topic"`
	YearsWithoutText []int                     `json:"years_without_text"`
}

// Totals are the corpus' sizes and totals: what the window's sidebar
// shows after every edit, without the per-year tables of Stats.
type Totals struct {
	Title       string         `json:"title"`
	Meetings    int            `json:"meetings"`
	Sources     int            `json:"sources"`
	Topics      int            `json:"topics"`
	Annotations int            `json:"annotations"`
	Eras        int            `json:"eras"`
	Words       int            `json:"words"`
	FirstDate   string         `json:"first_date"`
	LastDate    string         `json:"last_date"`
	Anchors     map[string]int `json:"anchors"`
	// PerTopic counts the counted spans of each topic over the whole
	// range, as the topic-totals chart counts them: a span whose source
	// reports meetings in two years counts once.
	PerTopic         map[string]int `json:"per_topic"`
	TopicSpans       []int          `json:"-"` // the same by topic index, as Corpus.TopicSpans(nil)
	MeetingsWithText int            `json:"meetings_with_text"`

	// What the window's filters list, found here with the totals, off the
	// window's UI goroutine (there each was a pass over 100,000 records).
	Kinds      []string       `json:"-"` // as Corpus.Kinds
	Coders     []string       `json:"-"` // as Corpus.Coders
	CoderSpans map[string]int `json:"-"` // listed spans by coder
	First      Date           `json:"-"` // as Corpus.DateRange; zero with no meetings
	Last       Date           `json:"-"`
	TextYears  []int          `json:"-"` // the years of meetings with text, ascending
}

// Stats counts the corpus.
func (c *Corpus) Stats() Stats {
	s := Stats{Totals: c.Totals(), PerYear: map[string]*int{}, PerYearTopic: map[string]map[string]int{}, YearsWithoutText: []int{}}
	counts, err := c.Count(Query{Unit: UnitSpans, By: ByYear})
	if err != nil {
		return s
	}
	for bi, b := range counts.Buckets {
		year := strconv.Itoa(b.Year)
		if !b.HasText() {
			s.PerYear[year], s.PerYearTopic[year] = nil, nil
			s.YearsWithoutText = append(s.YearsWithoutText, b.Year)
			continue
		}
		perTopic, total := map[string]int{}, 0
		for ti, t := range counts.Topics {
			n := counts.Cells[bi][ti].Count
			perTopic[t.ID] = n
			total += n
		}
		s.PerYear[year], s.PerYearTopic[year] = &total, perTopic
	}
	return s
}

// Totals counts the corpus' records and each topic's spans.
func (c *Corpus) Totals() Totals {
	s := Totals{
		Title: c.Title, Meetings: len(c.Meetings), Sources: len(c.Sources), Topics: len(c.Topics),
		Annotations: len(c.Annotations), Eras: len(c.Eras),
		Anchors: map[string]int{}, PerTopic: map[string]int{},
	}
	if first, last, ok := c.DateRange(); ok {
		s.FirstDate, s.LastDate = first.String(), last.String()
		s.First, s.Last = first, last
	}
	s.Kinds, s.Coders, s.CoderSpans = c.Kinds(), c.Coders(), map[string]int{}
	for _, a := range c.Annotations {
		if a.Listed() {
			s.CoderSpans[a.Coder]++
		}
	}
	// Counted by position, then named: this runs after every edit.
	anchors := make([]int, len(AnchorStatuses))
	for _, a := range c.Annotations {
		if a.Anchor.Status >= 0 && int(a.Anchor.Status) < len(anchors) {
			anchors[a.Anchor.Status]++
		}
	}
	for _, st := range AnchorStatuses {
		s.Anchors[st.String()] = anchors[st]
	}
	s.TopicSpans = c.TopicSpans(nil)
	for i, n := range s.TopicSpans {
		s.PerTopic[c.Topics[i].ID] += n
	}
	for _, src := range c.Sources {
		s.Words += src.Words
	}
	var withText []bool // by year from the first, where every meeting's year lies
	if len(c.Meetings) > 0 {
		withText = make([]bool, s.Last.Year-s.First.Year+1)
	}
	for _, m := range c.Meetings {
		if m.HasText() {
			s.MeetingsWithText++
			if y := m.Date.Year - s.First.Year; y >= 0 && y < len(withText) {
				withText[y] = true
			}
		}
	}
	for i, ok := range withText {
		if ok {
			s.TextYears = append(s.TextYears, s.First.Year+i)
		}
	}
	return s
}

// TopicSpans counts each topic's counted spans by the chosen coders, by
// topic index: a count over the whole range, where every meeting is in the
// one bucket and a counted span counts once, without a table.
func (c *Corpus) TopicSpans(coders Coders) []int {
	perTopic := make([]int, len(c.Topics))
	for _, a := range c.Annotations {
		if a.Listed() && a.Counted() && a.Topic.Index < len(perTopic) && coders.Has(a) {
			perTopic[a.Topic.Index]++
		}
	}
	return perTopic
}
