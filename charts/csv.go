package charts

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"strconv"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// CSV writes the numbers behind a chart, as drawn: one line per column
// (year or meeting) with its label, whether it has source text, its sources
// and meetings, then one value per topic. Values of columns without text
// are empty, never zero. Topic trends export their shares or averages when
// the chart shows those. Every cell is made inert for spreadsheets
// (safetext.CSVCell), since labels come from the corpus.
func CSV(t *Table, o Options) ([]byte, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	if o.Kind == PhraseTrends {
		return phraseCSV(t)
	}
	values := t.Values
	if o.Kind == TopicTrends {
		values = (&frame{o: o, t: t}).trendValues()
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	header := []string{"column", "has_text", "sources", "meetings"}
	for _, r := range t.Rows {
		header = append(header, r.ID)
	}
	if err := w.Write(safetext.CSVRow(header)); err != nil {
		return nil, fmt.Errorf("write CSV: %w", err)
	}
	for ci, col := range t.Columns {
		row := []string{col.Label, strconv.FormatBool(col.HasText), strconv.Itoa(col.Sources), strconv.Itoa(col.Meetings)}
		for ri := range t.Rows {
			v := values[ci][ri]
			if !col.HasText || math.IsNaN(v) {
				row = append(row, "")
				continue
			}
			row = append(row, strconv.FormatFloat(v, 'f', -1, 64))
		}
		if err := w.Write(safetext.CSVRow(row)); err != nil {
			return nil, fmt.Errorf("write CSV: %w", err)
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// phraseCSV writes a phrase trend as its acceptance asks: a year (or
// meeting) column, then one column per phrase as typed; the cells of
// columns without text are empty.
func phraseCSV(t *Table) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	first := "year"
	if t.Trend != nil && t.Trend.Query.By == data.ByMeeting {
		first = "meeting"
	}
	header := []string{first}
	for _, r := range t.Rows {
		header = append(header, r.Label)
	}
	w.Write(safetext.CSVRow(header))
	for ci, col := range t.Columns {
		row := []string{col.Label}
		if t.Trend != nil && first == "meeting" {
			row[0] = t.Trend.Buckets[ci].Meeting.ID
		}
		for ri := range t.Rows {
			if v := t.Values[ci][ri]; col.HasText && !math.IsNaN(v) {
				row = append(row, strconv.FormatFloat(v, 'f', -1, 64))
			} else {
				row = append(row, "")
			}
		}
		w.Write(safetext.CSVRow(row))
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
