package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// Segments is the name of the coded segments among what can be exported:
// every annotation of the corpus, one row each, for spreadsheets.
const Segments = "segments"

// SegmentsCSV writes one row per annotation, in file order: the meeting
// its source reports (the first its record lists), the meeting's date and
// the date's precision, the source, the topic, the coder, the quote as it
// stands in the text, the context before and after it, the note and the
// anchoring status. Every cell is inert in spreadsheets.
func SegmentsCSV(c *data.Corpus) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	for _, r := range segmentRows(c) {
		if err := w.Write(safetext.CSVRow(r)); err != nil {
			return nil, fmt.Errorf("write CSV: %w", err)
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// SegmentsXLSX writes the same rows as a workbook, every text an inline
// string, which a spreadsheet never runs as a formula: the text stays as
// it is, with no apostrophe.
func SegmentsXLSX(c *data.Corpus) ([]byte, error) {
	return XLSX("Coded segments", segmentRows(c))
}

// segmentRows are the coded segments' rows, the header first.
func segmentRows(c *data.Corpus) [][]string {
	rows := [][]string{{"meeting", "meeting_title", "date", "date_precision", "source", "topic", "topic_label", "coder", "created",
		"quote", "before", "after", "note", "start", "end", "anchor"}}
	for _, a := range c.Annotations {
		if a.Source == nil || a.Topic == nil {
			continue
		}
		m := firstMeeting(a.Source.Meetings)
		var title, precision string
		if m != nil {
			title, precision = m.Title, m.Date.Precision.String()
		}
		quote, before, after := a.Quote, "", ""
		if a.Anchor.Status != data.Orphaned {
			ctx := textmatch.ContextOf(a.Source, a.Anchor.ByteStart, a.Anchor.ByteEnd, listContext)
			quote, before, after = a.Text(), ctx.Before, ctx.After
		}
		d := a.Details()
		rows = append(rows, []string{meetingID(m), title, meetingDate(m), precision, a.Source.ID, a.Topic.ID, a.Topic.Label, a.Coder, d.Created,
			quote, before, after, d.Note, strconv.Itoa(a.Anchor.Start), strconv.Itoa(a.Anchor.End), a.Anchor.Status.String()})
	}
	return rows
}
