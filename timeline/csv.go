package timeline

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// CSV writes the timeline's marks as shown: one line per item of every
// lane that is shown (the meetings lane first, then each topic in order),
// items filtered out left out, in date order within a lane. A topic line
// counts the spans behind its mark. Every cell is made inert for
// spreadsheets, since labels come from the corpus.
func (m *Model) CSV() ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	rows := [][]string{{"lane", "topic", "meeting", "date", "end", "kind", "title", "has_text", "spans", "search_match"}}
	for _, l := range m.Lanes {
		if l.Hidden {
			continue
		}
		topic := ""
		if l.Topic != nil {
			topic = l.Topic.ID
		}
		for _, it := range l.Items {
			if it.Hidden || it.Meeting < 0 {
				continue
			}
			mt := m.Meetings[it.Meeting]
			end := ""
			if !mt.End.IsZero() {
				end = mt.End.String()
			}
			spans := ""
			if l.Topic != nil {
				spans = strconv.Itoa(it.Count)
			}
			rows = append(rows, []string{l.Label, topic, mt.ID, mt.Date.String(), end, mt.Kind, safetext.Clip(mt.Title, MaxLabel),
				strconv.FormatBool(mt.HasText()), spans, strconv.FormatBool(it.Marked)})
		}
	}
	for _, r := range rows {
		if err := w.Write(safetext.CSVRow(r)); err != nil {
			return nil, fmt.Errorf("write CSV: %w", err)
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
