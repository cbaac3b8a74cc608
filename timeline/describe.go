package timeline

import (
	"fmt"
	"sort"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// maxListed bounds the lines a description lists.
const maxListed = 8

// Describe says what a mark holds, first line the title: for a meeting,
// its date with precision, place, sources and topics; for a topic mark, the
// spans behind it; for a cluster, what it gathers. Every line is clipped to
// MaxLabel code points.
func (m *Model) Describe(mk Mark) []string {
	lines := m.describe(mk)
	for i, l := range lines {
		lines[i] = safetext.Clip(l, MaxLabel)
	}
	return lines
}

func (m *Model) describe(mk Mark) []string {
	lane := m.Lanes[mk.Lane]
	items := lane.Items[mk.First:mk.Last]
	if len(items) > 1 {
		return m.describeCluster(lane, items)
	}
	it := items[0]
	if it.Meeting < 0 {
		return []string{lane.Label, fmt.Sprintf("%d spans", it.Count)}
	}
	mt := m.Meetings[it.Meeting]
	lines := []string{mt.Title, dateLine(mt)}
	if mt.Place != "" {
		lines = append(lines, mt.Place)
	}
	if lane.Topic != nil {
		lines[0] = lane.Label + " — " + mt.Short
		sources := map[*data.Source]bool{}
		for _, a := range m.MeetingAnnotations(mt, lane.Topic) {
			sources[a.Source] = true
		}
		lines = append(lines, fmt.Sprintf("%s in %s", safetext.Plural(it.Count, "span"), safetext.Plural(len(sources), "source")), "Click to select, Enter to read the spans")
		return lines
	}
	if !mt.HasText() {
		lines = append(lines, "No source text in the corpus")
		return lines
	}
	lines = append(lines, safetext.Plural(len(mt.Sources), "source"))
	counts := map[*data.Topic]int{}
	for _, a := range m.MeetingAnnotations(mt, nil) {
		counts[a.Topic]++
	}
	topics := make([]*data.Topic, 0, len(counts))
	for t := range counts {
		topics = append(topics, t)
	}
	sort.Slice(topics, func(i, j int) bool {
		if counts[topics[i]] != counts[topics[j]] {
			return counts[topics[i]] > counts[topics[j]]
		}
		return topics[i].Index < topics[j].Index
	})
	for i, t := range topics {
		if i == maxListed {
			lines = append(lines, fmt.Sprintf("and %d more topics", len(topics)-maxListed))
			break
		}
		lines = append(lines, fmt.Sprintf("  %s: %d", t.Label, counts[t]))
	}
	return lines
}

func (m *Model) describeCluster(lane *Lane, items []Item) []string {
	first, last := items[0], items[len(items)-1]
	title := safetext.Plural(len(items), "meeting")
	if lane.Topic != nil {
		spans := 0
		for _, it := range items {
			spans += it.Count
		}
		title = fmt.Sprintf("%s — %s in %s", lane.Label, safetext.Plural(spans, "span"), safetext.Plural(len(items), "meeting"))
	}
	lines := []string{title}
	if first.Meeting >= 0 && last.Meeting >= 0 {
		lines = append(lines, m.Meetings[first.Meeting].Date.Human()+" to "+m.Meetings[last.Meeting].Date.Human())
	}
	for i, it := range items {
		if i == maxListed {
			lines = append(lines, fmt.Sprintf("and %d more", len(items)-maxListed))
			break
		}
		if it.Meeting >= 0 {
			mt := m.Meetings[it.Meeting]
			line := "  " + mt.Date.String() + "  " + mt.Short
			if lane.Topic != nil {
				line += fmt.Sprintf(" (%d)", it.Count)
			}
			lines = append(lines, line)
		}
	}
	return append(lines, "Click to open")
}

func dateLine(mt *data.Meeting) string {
	s := mt.Date.Human()
	if !mt.End.IsZero() {
		s += " to " + mt.End.Human()
	}
	switch mt.Date.Precision {
	case data.PrecisionMonth:
		s += " (only the month is known)"
	case data.PrecisionYear:
		s += " (only the year is known)"
	}
	return s
}

// DescribeBin says what a bin holds, first line the title: its period and
// lane, its count, and its first meetings; every line clipped to MaxLabel
// code points.
func (m *Model) DescribeBin(b Bin) []string {
	lane := m.Lanes[b.Lane]
	lines := []string{Period(b.Unit, b.Start) + " — " + lane.Label}
	if lane.Topic != nil {
		lines = append(lines, fmt.Sprintf("%s in %s", safetext.Plural(b.Count, "span"), safetext.Plural(b.Items, "meeting")))
	} else {
		line := safetext.Plural(b.Items, "meeting")
		if b.Hollow > 0 {
			line += fmt.Sprintf(", %d without source text", b.Hollow)
		}
		lines = append(lines, line)
	}
	if b.Marked > 0 {
		lines = append(lines, fmt.Sprintf("%d match the search", b.Marked))
	}
	listed := 0
	for _, it := range lane.Items[b.First:b.Last] {
		if it.Hidden || it.Meeting < 0 {
			continue
		}
		if listed == maxListed {
			lines = append(lines, fmt.Sprintf("and %d more", b.Items-maxListed))
			break
		}
		listed++
		mt := m.Meetings[it.Meeting]
		line := "  " + mt.Date.String() + "  " + mt.Short
		if lane.Topic != nil {
			line += fmt.Sprintf(" (%d)", it.Count)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "Click to list them, double-click to zoom in")
	for i, l := range lines {
		lines[i] = safetext.Clip(l, MaxLabel)
	}
	return lines
}
