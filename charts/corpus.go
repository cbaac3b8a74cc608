package charts

import (
	"github.com/alliance-timeline/alliance-timeline/data"
)

// TableFor counts the corpus as a chart needs it: by year, by meeting for
// the matrix, over the whole range for the totals.
func TableFor(c *data.Corpus, k Kind, q data.Query) (*Table, error) {
	switch k {
	case MeetingMatrix:
		q.By = data.ByMeeting
	case TopicTotals:
		q.By = data.ByRange
	case PhraseTrends:
		return nil, ErrNoPhrases
	default:
		q.By = data.ByYear
	}
	cs, err := c.Count(q)
	if err != nil {
		return nil, err
	}
	return TableOf(cs), nil
}
