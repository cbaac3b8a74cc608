package agreement

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/suggest"
)

// Unit is what coders are compared on.
type Unit int

// The units of comparison.
const (
	Sentence Unit = iota
	Paragraph
	Source
)

// String names the unit as the command line writes it.
func (u Unit) String() string {
	return [...]string{"sentence", "paragraph", "source"}[u]
}

// ParseUnit reads a unit's name.
func ParseUnit(s string) (Unit, error) {
	for u := Sentence; u <= Source; u++ {
		if s == u.String() {
			return u, nil
		}
	}
	return 0, fmt.Errorf("unit %q: use sentence, paragraph or source", s)
}

// Options choose a comparison.
type Options struct {
	Coders    []string // two or more, as annotations name them
	Unit      Unit
	Resamples int   // of the bootstrap interval; 0: 1000
	Seed      int64 // of the bootstrap, so a report is the same each time
}

// Figures are the agreement of the coders on a set of units.
type Figures struct {
	// Units are the pairable units: coded by two coders or more. Overall,
	// a unit counts once for each topic.
	Units   int
	Coded   int     // the units one coder or more coded with the topic
	Percent float64 // the share of pairs of coders that agree
	// Kappa is Cohen's kappa, for two coders only (NaN otherwise).
	Kappa float64
	// Alpha is Krippendorff's alpha (nominal), with a bootstrap 95%
	// interval over the units.
	Alpha, AlphaLow, AlphaHigh float64
}

// TopicFigures are the agreement on one topic.
type TopicFigures struct {
	Topic *data.Topic
	Figures
}

// YearFigures are the agreement, over every topic, on the sources of the
// meetings of one year (0: sources that report no meeting).
type YearFigures struct {
	Year int
	Figures
}

// Disagreement is a unit that some of its coders coded with a topic and
// others did not.
type Disagreement struct {
	Source             *data.Source
	Topic              *data.Topic
	Start, End         int // the unit, in code points of the text
	ByteStart, ByteEnd int
	Coded, NotCoded    []string // the coders, in the order asked for
}

// Report is a comparison of coders.
type Report struct {
	Coders []string
	Unit   Unit
	// Sources are the sources compared: those two of the coders or more
	// annotated. A coder who annotated nothing in a source is taken not to
	// have coded it (their values there are missing), since the corpus
	// does not say who read what.
	Sources       int
	Overall       Figures
	Topics        []TopicFigures // in the corpus' topic order
	Years         []YearFigures  // in year order
	Disagreements []Disagreement // in source and text order, then topic order
}

// ErrNoCoders is wrapped by Compare's error when no annotation is by any
// of the coders asked for.
var ErrNoCoders = errors.New("no annotation is by")

// MaxCoders bounds the coders compared at once.
const MaxCoders = 64

// Compare measures how far the coders agree, on every source two of them
// or more annotated. It runs on all cores and stops with ctx's error.
func Compare(ctx context.Context, c *data.Corpus, o Options) (*Report, error) {
	if len(o.Coders) < 2 || len(o.Coders) > MaxCoders {
		return nil, fmt.Errorf("compare 2 to %d coders, not %d", MaxCoders, len(o.Coders))
	}
	index := map[string]int{}
	for i, name := range o.Coders {
		if _, dup := index[name]; dup || name == "" {
			return nil, fmt.Errorf("coder %q is named twice or is empty", name)
		}
		index[name] = i
	}
	resamples := o.Resamples
	if resamples == 0 {
		resamples = 1000
	}
	known := map[string]bool{}
	for _, s := range c.Sources {
		for _, a := range s.Annotations {
			known[a.Coder] = true
		}
	}
	var unknown []string
	for _, name := range o.Coders {
		if !known[name] {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == len(o.Coders) {
		return nil, fmt.Errorf("%w %s", ErrNoCoders, strings.Join(o.Coders, ", "))
	}

	topics := len(c.Topics)
	results := make([]sourceResult, len(c.Sources))
	err := data.EachSource(ctx, c.Sources, func(i int, s *data.Source) {
		results[i] = compareSource(s, c.Topics, o.Coders, index, o.Unit) // each source its own slot
	})
	if err != nil {
		return nil, err
	}

	rep := &Report{Coders: o.Coders, Unit: o.Unit}
	var overall tally
	byTopic := make([]tally, topics)
	var overallPairs pairTally
	topicPairs := make([]pairTally, topics)
	byYear := map[int]*tally{}
	yearPairs := map[int]*pairTally{}
	for i, r := range results {
		if !r.compared {
			continue
		}
		rep.Sources++
		year := sourceYear(c.Sources[i])
		if byYear[year] == nil {
			byYear[year], yearPairs[year] = &tally{}, &pairTally{}
		}
		for t := range topics {
			byTopic[t].merge(r.tallies[t])
			overall.merge(r.tallies[t])
			byYear[year].merge(r.tallies[t])
			topicPairs[t].merge(r.pairs[t])
			overallPairs.merge(r.pairs[t])
			yearPairs[year].merge(r.pairs[t])
		}
		rep.Disagreements = append(rep.Disagreements, r.disagreements...)
	}
	two := len(o.Coders) == 2
	figures := func(t tally, p pairTally, seed int64) Figures {
		f := Figures{Units: t.units(), Coded: t.coded(), Percent: t.percent(), Alpha: t.alpha(), Kappa: math.NaN()}
		f.AlphaLow, f.AlphaHigh = t.interval(resamples, seed)
		if two {
			f.Kappa = p.kappa()
		}
		return f
	}
	rep.Overall = figures(overall, overallPairs, o.Seed)
	for t, topic := range c.Topics {
		rep.Topics = append(rep.Topics, TopicFigures{Topic: topic, Figures: figures(byTopic[t], topicPairs[t], o.Seed+int64(t)+1)})
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		rep.Years = append(rep.Years, YearFigures{Year: y, Figures: figures(*byYear[y], *yearPairs[y], o.Seed+int64(y))})
	}
	return rep, nil
}

// sourceYear is the year of the earliest meeting a source reports, 0 for
// none.
func sourceYear(s *data.Source) int {
	year := 0
	for _, m := range s.Meetings {
		if year == 0 || m.Date.Year < year {
			year = m.Date.Year
		}
	}
	return year
}

// sourceResult is one source's part of a comparison.
type sourceResult struct {
	compared      bool
	tallies       []tally     // per topic
	pairs         []pairTally // per topic, two coders only
	disagreements []Disagreement
}

// compareSource compares the coders on one source's units: each coder who
// annotated anything in it says, for each unit and topic, whether one of
// their annotations of the topic meets the unit.
func compareSource(s *data.Source, topics []*data.Topic, names []string, index map[string]int, unit Unit) sourceResult {
	coders := len(names)
	read := make([]bool, coders)
	spans := make([][][][2]int, coders) // coder → topic → byte ranges
	for _, a := range s.Annotations {
		c, ok := index[a.Coder]
		if !ok {
			continue
		}
		if spans[c] == nil {
			spans[c] = make([][][2]int, len(topics))
		}
		read[c] = true
		spans[c][a.Topic.Index] = append(spans[c][a.Topic.Index], [2]int{a.Anchor.ByteStart, a.Anchor.ByteEnd})
	}
	readers := 0
	for _, r := range read {
		if r {
			readers++
		}
	}
	if readers < 2 {
		return sourceResult{}
	}
	var units [][2]int
	switch unit {
	case Sentence:
		units = suggest.Sentences(s, suggest.Sentence)
	case Paragraph:
		units = suggest.Paragraphs(s)
	default:
		units = [][2]int{{0, len(s.Text)}}
	}
	r := sourceResult{compared: true, tallies: make([]tally, len(topics)), pairs: make([]pairTally, len(topics))}
	// The units in code points, counted once in one pass.
	runes := make([][2]int, len(units))
	at, cp := 0, 0
	for i, u := range units {
		cp += utf8.RuneCountInString(s.Text[at:u[0]])
		runes[i][0] = cp
		cp += utf8.RuneCountInString(s.Text[u[0]:u[1]])
		runes[i][1] = cp
		at = u[1]
	}
	yes := make([]bool, coders)
	for t, topic := range topics {
		for ui, u := range units {
			k := 0
			for c := range coders {
				yes[c] = read[c] && overlaps(spans[c][t], u)
				if yes[c] {
					k++
				}
			}
			r.tallies[t].add(readers, k)
			if coders == 2 {
				r.pairs[t].add(yes[0], yes[1])
			}
			if k > 0 && k < readers {
				d := Disagreement{Source: s, Topic: topic, ByteStart: u[0], ByteEnd: u[1], Start: runes[ui][0], End: runes[ui][1]}
				for c := range coders {
					switch {
					case !read[c]:
					case yes[c]:
						d.Coded = append(d.Coded, names[c])
					default:
						d.NotCoded = append(d.NotCoded, names[c])
					}
				}
				r.disagreements = append(r.disagreements, d)
			}
		}
	}
	// In text order, then topic order (the loop above went topic first).
	sort.SliceStable(r.disagreements, func(i, j int) bool { return r.disagreements[i].ByteStart < r.disagreements[j].ByteStart })
	return r
}

// overlaps reports whether any span meets the unit.
func overlaps(spans [][2]int, u [2]int) bool {
	for _, s := range spans {
		if s[0] < u[1] && s[1] > u[0] {
			return true
		}
	}
	return false
}
