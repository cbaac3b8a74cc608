package charts

import (
	"fmt"
	"image/color"
	"math"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/wording"
)

// Column is one bucket of a chart: a year or a meeting.
type Column struct {
	Label    string
	HasText  bool // without text, a value means nothing is known, not zero
	Sources  int
	Meetings int
}

// Row is one topic.
type Row struct {
	ID, Label string
	Color     color.NRGBA
}

// Table is what a chart shows: Values[column][row].
type Table struct {
	Unit    string // what the values count, for the value axis
	Columns []Column
	Rows    []Row
	Values  [][]float64
	// Overlapping is set when a column's values do not add up: a source
	// or a meeting counts under every topic it mentions. Such values are
	// drawn side by side, never stacked into a total.
	Overlapping bool
	// Counts, when the table comes from the corpus, holds the annotations
	// behind every cell.
	Counts *data.Counts
	// Trend, for phrase trends, holds the matches behind every cell.
	Trend *wording.Trend
}

// unitNames name the units on value axes.
var unitNames = map[data.Unit]string{
	data.UnitSpans:    "Annotated spans",
	data.UnitSources:  "Sources mentioning the topic",
	data.UnitMeetings: "Meetings mentioning the topic",
}

// TableOf turns counts into a table.
func TableOf(cs *data.Counts) *Table {
	t := &Table{Unit: unitNames[cs.Query.Unit], Counts: cs, Overlapping: cs.Query.Unit != data.UnitSpans}
	if cs.Query.PerThousandWords {
		t.Unit += " per 1,000 words"
	}
	for bi, b := range cs.Buckets {
		t.Columns = append(t.Columns, Column{Label: b.Label, HasText: cs.Measured(bi), Sources: len(b.Sources), Meetings: len(b.Meetings)})
	}
	for _, topic := range cs.Topics {
		t.Rows = append(t.Rows, Row{ID: topic.ID, Label: topic.Label, Color: topic.Color})
	}
	t.Values = make([][]float64, len(cs.Buckets))
	for bi := range cs.Buckets {
		t.Values[bi] = make([]float64, len(cs.Topics))
		for ti := range cs.Topics {
			t.Values[bi][ti] = cs.Cells[bi][ti].Value
		}
	}
	return t
}

// Validate checks the table's shape and values: one row of values per
// column, one value per row, and every value of a column with text finite
// and not negative.
func (t *Table) Validate() error {
	if len(t.Values) != len(t.Columns) {
		return fmt.Errorf("the table has %d columns but %d rows of values", len(t.Columns), len(t.Values))
	}
	for ci, vals := range t.Values {
		if len(vals) != len(t.Rows) {
			return fmt.Errorf("column %q has %d values for %d topics", safetext.Clip(t.Columns[ci].Label, 40), len(vals), len(t.Rows))
		}
		if !t.Columns[ci].HasText {
			continue
		}
		for ri, v := range vals {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				return fmt.Errorf("column %q, topic %q: the value %v is not a count", safetext.Clip(t.Columns[ci].Label, 40), safetext.Clip(t.Rows[ri].Label, 40), v)
			}
		}
	}
	return nil
}

// Empty reports whether there is nothing to draw: no columns, no rows, or
// no column with text.
func (t *Table) Empty() bool {
	if len(t.Columns) == 0 || len(t.Rows) == 0 {
		return true
	}
	for _, c := range t.Columns {
		if c.HasText {
			return false
		}
	}
	return true
}

// Annotations lists the annotations behind a cell (none for a table not
// made from the corpus).
func (t *Table) Annotations(column, row int) []*data.Annotation {
	if t.Counts == nil || column < 0 || column >= len(t.Counts.Cells) || row < 0 || row >= len(t.Counts.Cells[column]) {
		return nil
	}
	return t.Counts.Spans(column, row)
}

// maxLabel bounds every label drawn: go-chart can loop on very long labels
// (CVE-2024-40060), and no chart has room for more.
const maxLabel = 60

// wholeCounts reports whether every value is a whole number (counts, not
// rates), so a value axis needs no fractions.
func (t *Table) wholeCounts() bool {
	for _, vals := range t.Values {
		for _, v := range vals {
			if !math.IsNaN(v) && v != math.Trunc(v) {
				return false
			}
		}
	}
	return true
}
