package gen

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/alliance-timeline/alliance-timeline/data"
)

// Points sizes a corpus of point items, the shape timeline tools are
// compared on (vis-timeline's benchmark): Items meetings of one day each,
// spread evenly over the years From to To, each reported by a source of
// its own whose one annotation puts it on one of Lanes topic lanes. A
// lane may have a burst (ten times its rate in one year) and a lane a gap
// (no item in one year), so that a picture can be checked for both.
type Points struct {
	Items, Lanes int
	From, To     int // the first and last years
	Burst, Gap   LaneYear
	Seed         int64
}

// LaneYear is a lane (1 for the first) and a year; the zero value is none.
type LaneYear struct{ Lane, Year int }

// MaxLanes bounds Points.Lanes: the timeline has room for about that many.
const MaxLanes = 100

// Check reports the first option out of range.
func (o Points) Check() error {
	switch {
	case o.Items < 1 || o.Items > MaxMeetings:
		return fmt.Errorf("--points %d: between 1 and %d", o.Items, MaxMeetings)
	case o.Lanes < 1 || o.Lanes > MaxLanes:
		return fmt.Errorf("--lanes %d: between 1 and %d", o.Lanes, MaxLanes)
	case o.From < 1 || o.To > 9999 || o.To < o.From:
		return fmt.Errorf("--from %d --to %d: the years must run forward, within 1–9999", o.From, o.To)
	}
	for _, ly := range []struct {
		flag string
		LaneYear
	}{{"--burst", o.Burst}, {"--gap", o.Gap}} {
		if ly.LaneYear == (LaneYear{}) {
			continue
		}
		if ly.Lane < 1 || ly.Lane > o.Lanes || ly.Year < o.From || ly.Year > o.To {
			return fmt.Errorf("%s %d:%d: the lane must be 1–%d and the year %d–%d", ly.flag, ly.Lane, ly.Year, o.Lanes, o.From, o.To)
		}
	}
	return nil
}

// WritePoints writes a corpus of point items into dir, as Write does (new
// or empty folder, no link followed, corpus.yaml last); the sources' texts
// are inline, so it is one file.
func WritePoints(dir string, o Points) (string, error) {
	if err := o.Check(); err != nil {
		return "", err
	}
	root, rng, err := start(dir, o.Seed)
	if err != nil {
		return "", err
	}
	defer root.Close()
	fc := fileCorpus{Corpus: header{Title: fmt.Sprintf("Point items (%d in %d lanes, %d–%d, seed %d)", o.Items, o.Lanes, o.From, o.To, o.Seed),
		Description: "Synthetic point items for comparing timelines at scale; not real documents.", Format: data.FormatVersion}}
	for i := range o.Lanes {
		c := data.DefaultTopicColor(i)
		fc.Topics = append(fc.Topics, fileTopic{ID: fmt.Sprintf("lane-%02d", i+1), Label: fmt.Sprintf("Lane %d", i+1), Color: fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B)})
	}
	first, end := data.DayNumber(o.From, 1, 1), data.DayNumber(o.To+1, 1, 1)
	years := float64(o.To - o.From + 1)
	// A burst adds nine years' worth of its lane's items to its year; the
	// even spread gives up as many, so the total stays Items.
	extra := 0
	if o.Burst != (LaneYear{}) {
		extra = int(math.Round(float64(o.Items) * 9 / (float64(o.Lanes)*years + 9)))
	}
	// The lists are written by hand, in the layout yaml would give them:
	// yaml's encoder takes a quadratic time over long lists (15 s for
	// 100,000 items), and these values are all plain ASCII.
	var meetings, sources, annotations strings.Builder
	add := func(i, lane, day int) {
		y, m, d := data.DayDate(day)
		id := fmt.Sprintf("p%07d", i+1)
		text := fmt.Sprintf("Item %d on lane %d.", i+1, lane+1)
		fmt.Fprintf(&meetings, "    - id: %s\n      title: Item %d\n      short: I%d\n      kind: item\n      date: \"%04d-%02d-%02d\"\n      sources: [s%s]\n", id, i+1, i+1, y, m, d, id)
		fmt.Fprintf(&sources, "    - id: s%s\n      title: %s\n      language: en\n      text: %s\n", id, text, text)
		fmt.Fprintf(&annotations, "    - source: s%s\n      topic: %s\n      quote: %s\n", id, fc.Topics[lane].ID, text)
	}
	for i := 0; i < o.Items-extra; i++ {
		lane, day := rng.Intn(o.Lanes), first+rng.Intn(end-first)
		for o.Gap != (LaneYear{}) && lane == o.Gap.Lane-1 && dayYear(day) == o.Gap.Year {
			lane, day = rng.Intn(o.Lanes), first+rng.Intn(end-first)
		}
		add(i, lane, day)
	}
	if extra > 0 {
		b0, b1 := data.DayNumber(o.Burst.Year, 1, 1), data.DayNumber(o.Burst.Year+1, 1, 1)
		for i := o.Items - extra; i < o.Items; i++ {
			add(i, o.Burst.Lane-1, b0+rng.Intn(b1-b0))
		}
	}
	head, err := yaml.Marshal(struct {
		Corpus header      `yaml:"corpus"`
		Topics []fileTopic `yaml:"topics"`
	}{fc.Corpus, fc.Topics})
	if err != nil {
		return "", fmt.Errorf("encode the corpus: %w", err)
	}
	return writeFile(root, dir, slices.Concat(head, []byte("meetings:\n"), []byte(meetings.String()),
		[]byte("sources:\n"), []byte(sources.String()), []byte("annotations:\n"), []byte(annotations.String())))
}

func dayYear(day int) int {
	y, _, _ := data.DayDate(day)
	return y
}
