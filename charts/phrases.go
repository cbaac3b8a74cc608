package charts

import (
	"context"
	"errors"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/data/wording"
)

// ErrNoPhrases is TableFor's error for phrase trends, which count phrases
// the user types, not the corpus' topics: PhraseTableFor makes their table.
var ErrNoPhrases = errors.New("phrase trends need phrases: type one or more, separated by commas")

// phraseUnits name the units of phrase trends on value axes.
var phraseUnits = map[wording.Unit]string{
	wording.Matches:  "Matches",
	wording.Sources:  "Sources with a match",
	wording.Meetings: "Meetings with a match",
}

// PhraseUnit is the phrase trends' unit for the window's and the command
// line's unit (spans, sources, meetings): spans count matches.
func PhraseUnit(u data.Unit) wording.Unit {
	switch u {
	case data.UnitSources:
		return wording.Sources
	case data.UnitMeetings:
		return wording.Meetings
	}
	return wording.Matches
}

// PhraseTableFor counts phrases (matched as topic terms are) per year, or
// per meeting, as the query asks: its unit, per 1,000 words, years and
// meeting kinds.
func PhraseTableFor(ctx context.Context, c *data.Corpus, phrases []textmatch.Term, q data.Query, byMeeting bool) (*Table, error) {
	if len(phrases) == 0 {
		return nil, ErrNoPhrases
	}
	by := data.ByYear
	if byMeeting {
		by = data.ByMeeting
	}
	tr, err := wording.Trends(ctx, c, wording.TrendQuery{Phrases: phrases, Unit: PhraseUnit(q.Unit), By: by,
		PerThousandWords: q.PerThousandWords, FromYear: q.FromYear, ToYear: q.ToYear, Kinds: q.Kinds})
	if err != nil {
		return nil, err
	}
	return TableOfTrend(tr), nil
}

// TableOfTrend turns a phrase trend into a table: a row per phrase, in
// the default palette's colours.
func TableOfTrend(tr *wording.Trend) *Table {
	t := &Table{Unit: phraseUnits[tr.Query.Unit], Trend: tr, Overlapping: true}
	if tr.Query.PerThousandWords {
		t.Unit += " per 1,000 words"
	}
	for bi, b := range tr.Buckets {
		t.Columns = append(t.Columns, Column{Label: b.Label, HasText: tr.Measured(bi), Sources: len(b.Sources), Meetings: len(b.Meetings)})
	}
	for i, p := range tr.Query.Phrases {
		t.Rows = append(t.Rows, Row{ID: p.Text, Label: p.Text, Color: data.DefaultTopicColor(i)})
	}
	t.Values = make([][]float64, len(tr.Buckets))
	for bi := range tr.Buckets {
		t.Values[bi] = make([]float64, len(t.Rows))
		for p := range t.Rows {
			t.Values[bi][p] = tr.Cells[bi][p].Value
		}
	}
	return t
}

// Matches lists the phrase matches behind a cell of a phrase trend (none
// for other tables).
func (t *Table) Matches(column, row int) []textmatch.Match {
	if t.Trend == nil {
		return nil
	}
	return t.Trend.MatchesIn(column, row)
}
