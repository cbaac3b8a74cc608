package data

import "strconv"

// Stats summarises a corpus; its JSON form is the output of
// "alliance-timeline stats --format json".
type Stats struct {
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
	// PerTopic counts the counted spans of each topic.
	PerTopic map[string]int `json:"per_topic"`
	// PerYear counts the counted spans of each year from the first meeting
	// to the last, zero included; a year without source text is nil (null
	// in JSON): nothing is known of it, which is not a count of zero.
	// PerYearTopic is the same per topic: a year without text maps to nil.
	PerYear          map[string]*int           `json:"per_year"`
	PerYearTopic     map[string]map[string]int `json:"per_year_topic"`
	YearsWithoutText []int                     `json:"years_without_text"`
	MeetingsWithText int                       `json:"meetings_with_text"`
}

// Stats counts the corpus.
func (c *Corpus) Stats() Stats {
	s := Stats{
		Title: c.Title, Meetings: len(c.Meetings), Sources: len(c.Sources), Topics: len(c.Topics),
		Annotations: len(c.Annotations), Eras: len(c.Eras),
		Anchors: map[string]int{}, PerTopic: map[string]int{},
		PerYear: map[string]*int{}, PerYearTopic: map[string]map[string]int{},
		YearsWithoutText: []int{},
	}
	if first, last, ok := c.DateRange(); ok {
		s.FirstDate, s.LastDate = first.String(), last.String()
	}
	for _, st := range AnchorStatuses {
		s.Anchors[st.String()] = 0
	}
	for _, a := range c.Annotations {
		s.Anchors[a.Anchor.Status.String()]++
	}
	for _, src := range c.Sources {
		s.Words += src.Words
	}
	for _, m := range c.Meetings {
		if m.HasText() {
			s.MeetingsWithText++
		}
	}
	for _, t := range c.Topics {
		s.PerTopic[t.ID] = 0
	}
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
	// A source that reports meetings in two years counts in both years, but
	// once in a topic's total: the totals are counted over the whole range,
	// as the topic-totals chart counts them.
	totals, err := c.Count(Query{Unit: UnitSpans, By: ByRange})
	if err != nil {
		return s
	}
	for ti, t := range totals.Topics {
		for bi := range totals.Buckets {
			s.PerTopic[t.ID] += totals.Cells[bi][ti].Count
		}
	}
	return s
}
