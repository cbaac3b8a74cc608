// Package wording measures how the corpus' language moves: phrase trends
// (the matches of phrases per year or per meeting, matched as topic terms
// are) and keyness (the words and two-word phrases distinctive of one part
// of the corpus against another). It reads source texts only, never the
// annotations' topics, except to take a topic's spans as a part.
package wording

import (
	"context"
	"fmt"
	"math"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// Unit is what a phrase trend counts.
type Unit int

// The units of a phrase trend.
const (
	Matches  Unit = iota // every match
	Sources              // sources with a match
	Meetings             // meetings whose sources have a match
)

// Units lists every unit.
var Units = []Unit{Matches, Sources, Meetings}

// String names the unit as the command line writes it.
func (u Unit) String() string { return [...]string{"matches", "sources", "meetings"}[u] }

// ParseUnit reads a unit name as String writes it.
func ParseUnit(s string) (Unit, error) {
	for _, u := range Units {
		if u.String() == s {
			return u, nil
		}
	}
	return 0, fmt.Errorf("unknown unit %q (use matches, sources or meetings)", s)
}

// TrendQuery asks for a phrase trend.
type TrendQuery struct {
	Phrases          []textmatch.Term
	Unit             Unit
	By               data.Grouping // data.ByYear or data.ByMeeting
	PerThousandWords bool
	FromYear, ToYear int      // 0: the corpus' first or last year
	Kinds            []string // meeting kinds; nil: every kind
}

// Trend is the count of each phrase in each bucket.
type Trend struct {
	Query   TrendQuery
	Buckets []data.Bucket
	// Cells[bucket][phrase]: Count, and Value (Count, or per 1,000 words;
	// NaN where the bucket has no text to count in).
	Cells [][]data.Cell
	// found[source index][phrase] are the matches in each source.
	found [][][]textmatch.Match
}

// Trends counts the phrases in every bucket. It matches each source once
// for all phrases, on all cores, and stops with ctx's error when ctx is
// done.
func Trends(ctx context.Context, c *data.Corpus, q TrendQuery) (*Trend, error) {
	if q.By != data.ByMeeting {
		q.By = data.ByYear
	}
	counts, err := c.Count(data.Query{By: q.By, FromYear: q.FromYear, ToYear: q.ToYear, Kinds: q.Kinds, Topics: []string{}})
	if err != nil {
		return nil, err
	}
	q.FromYear, q.ToYear = counts.Query.FromYear, counts.Query.ToYear
	tr := &Trend{Query: q, Buckets: counts.Buckets, found: make([][][]textmatch.Match, len(c.Sources))}
	terms := textmatch.NewTerms(q.Phrases)
	if err := data.EachSource(ctx, c.Sources, func(i int, s *data.Source) {
		var per [][]textmatch.Match
		terms.Each(s, func(p int, m textmatch.Match) {
			if per == nil {
				per = make([][]textmatch.Match, len(q.Phrases))
			}
			per[p] = append(per[p], m)
		})
		tr.found[i] = per
	}); err != nil {
		return nil, err
	}
	tr.Cells = make([][]data.Cell, len(tr.Buckets))
	for bi := range tr.Buckets {
		b := &tr.Buckets[bi]
		row := make([]data.Cell, len(q.Phrases))
		for p := range q.Phrases {
			row[p].Count = tr.count(b, p)
			switch {
			case !b.HasText() || q.PerThousandWords && b.Words == 0:
				row[p].Value = math.NaN()
			case q.PerThousandWords:
				row[p].Value = float64(row[p].Count) * 1000 / float64(b.Words)
			default:
				row[p].Value = float64(row[p].Count)
			}
		}
		tr.Cells[bi] = row
	}
	return tr, nil
}

// count is phrase p's count in bucket b in the query's unit.
func (tr *Trend) count(b *data.Bucket, p int) int {
	n := 0
	switch tr.Query.Unit {
	case Meetings:
		for _, m := range b.Meetings {
			for _, s := range m.Sources {
				if len(tr.in(s, p)) > 0 {
					n++
					break
				}
			}
		}
	case Sources:
		for _, s := range b.Sources {
			if len(tr.in(s, p)) > 0 {
				n++
			}
		}
	default:
		for _, s := range b.Sources {
			n += len(tr.in(s, p))
		}
	}
	return n
}

func (tr *Trend) in(s *data.Source, p int) []textmatch.Match {
	if per := tr.found[s.Index]; per != nil {
		return per[p]
	}
	return nil
}

// Measured reports whether bucket bi has text to count in (and words, for
// counts per 1,000 words): where it has none, its values are unknown, not
// zero.
func (tr *Trend) Measured(bi int) bool {
	b := &tr.Buckets[bi]
	return b.HasText() && (!tr.Query.PerThousandWords || b.Words > 0)
}

// MatchesIn lists the matches behind cell [bucket][phrase], by source and
// position: every match in the bucket's sources, whatever the unit counts.
func (tr *Trend) MatchesIn(bucket, phrase int) []textmatch.Match {
	if bucket < 0 || bucket >= len(tr.Buckets) || phrase < 0 || phrase >= len(tr.Query.Phrases) {
		return nil
	}
	var out []textmatch.Match
	for _, s := range tr.Buckets[bucket].Sources {
		out = append(out, tr.in(s, phrase)...)
	}
	return out
}
