package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// List is the name of the span list among what can be exported: the
// window's listing of spans or search matches, as CSV.
const List = "list"

// Listing is what the span list shows: annotations, or search matches.
type Listing struct {
	Title       string
	Annotations []*data.Annotation
	Matches     []textmatch.Match
}

// listContext is how much context, in code points, a row of the CSV has.
const listContext = 120

// ListCSV writes a listing as CSV, one line per span or match: where it is
// (topic, meeting and date, source, the field a match is in, code point
// offsets), its text with the context on each side, the annotation's note,
// and the citation an analyst pastes. Every cell is inert in spreadsheets.
func ListCSV(l Listing) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	rows := [][]string{{"row", "kind", "topic", "meeting", "meeting_date", "source", "field", "start", "end", "before", "text", "after", "note", "citation"}}
	for _, a := range l.Annotations {
		c := textmatch.ContextOf(a.Source, a.Anchor.ByteStart, a.Anchor.ByteEnd, listContext)
		m := firstMeeting(a.Source.Meetings)
		rows = append(rows, []string{"", "span", a.Topic.ID, meetingID(m), meetingDate(m), a.Source.ID, string(textmatch.InText),
			strconv.Itoa(a.Anchor.Start), strconv.Itoa(a.Anchor.End), c.Before, a.Text(), c.After, a.Details().Note, Citation(a.Text(), a.Source, m)})
	}
	for _, mt := range l.Matches {
		c := mt.Context(listContext)
		m := firstMeeting(mt.Meetings())
		source, cite := "", ""
		if mt.Source != nil {
			source = mt.Source.ID
			cite = Citation(mt.Text()[mt.ByteStart:mt.ByteEnd], mt.Source, m)
		}
		rows = append(rows, []string{"", "match", "", meetingID(m), meetingDate(m), source, string(mt.Field),
			strconv.Itoa(mt.Start), strconv.Itoa(mt.End), c.Before, mt.Text()[mt.ByteStart:mt.ByteEnd], c.After, "", cite})
	}
	for i, r := range rows {
		if i > 0 {
			r[0] = strconv.Itoa(i)
		}
		if err := w.Write(safetext.CSVRow(r)); err != nil {
			return nil, fmt.Errorf("write CSV: %w", err)
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func firstMeeting(ms []*data.Meeting) *data.Meeting {
	if len(ms) == 0 {
		return nil
	}
	return ms[0]
}

func meetingID(m *data.Meeting) string {
	if m == nil {
		return ""
	}
	return m.ID
}

func meetingDate(m *data.Meeting) string {
	if m == nil {
		return ""
	}
	return m.Date.String()
}

// Citation is a quote with where it comes from, on one line, the form an
// analyst pastes into a paper: “quote” — Publisher, “Title”, published
// as printed, at the meeting, its date; URL.
func Citation(quote string, s *data.Source, m *data.Meeting) string {
	var b strings.Builder
	b.WriteString("“" + strings.Join(strings.Fields(quote), " ") + "”")
	var parts []string
	d := s.Details()
	if d.Publisher != "" {
		parts = append(parts, d.Publisher)
	}
	if d.Author != "" {
		parts = append(parts, d.Author)
	}
	if s.Title != "" {
		parts = append(parts, "“"+strings.Join(strings.Fields(s.Title), " ")+"”")
	}
	if d.Published != "" {
		parts = append(parts, "published "+d.Published)
	}
	if m != nil {
		parts = append(parts, "at the "+strings.Join(strings.Fields(m.Title), " ")+", "+m.Date.Human())
	}
	if len(parts) > 0 {
		b.WriteString(" — " + strings.Join(parts, ", "))
	}
	if d.URL != "" {
		b.WriteString(". " + d.URL)
	}
	return b.String()
}
