package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"strconv"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/agreement"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

// Agreement is the name of the agreement table among what the window
// exports (the command line has alliance-timeline agreement).
const Agreement = "agreement"

// AgreementRequest chooses the comparison of an agreement export.
type AgreementRequest struct {
	Coders []string
	Unit   agreement.Unit
}

// AgreementReportCSV compares the coders and writes the figures, as
// AgreementCSV.
func AgreementReportCSV(c *data.Corpus, r AgreementRequest) ([]byte, error) {
	rep, err := agreement.Compare(context.Background(), c, agreement.Options{Coders: r.Coders, Unit: r.Unit})
	if err != nil {
		return nil, err
	}
	return AgreementCSV(rep, nil)
}

// FigureRow is one line of an agreement report's figures: overall, a topic
// or a year, rounded to three decimals; nil where a figure is undefined
// (kappa of more than two coders, alpha where nobody disagrees to tell).
type FigureRow struct {
	Scope     string   `json:"scope"` // overall, topic or year
	ID        string   `json:"id"`    // the topic's id or the year; empty overall
	Label     string   `json:"label"`
	Units     int      `json:"units"`
	Coded     int      `json:"coded"` // units some coder coded: none, and agreement is on silence alone
	Percent   *float64 `json:"percent"`
	Kappa     *float64 `json:"kappa"`
	Alpha     *float64 `json:"alpha"`
	AlphaLow  *float64 `json:"alpha_low"`
	AlphaHigh *float64 `json:"alpha_high"`
}

// AgreementRows lists a report's figures: overall, each topic, each year.
func AgreementRows(rep *agreement.Report) []FigureRow {
	row := func(scope, id, label string, f agreement.Figures) FigureRow {
		num := func(x float64) *float64 {
			if math.IsNaN(x) {
				return nil
			}
			x = math.Round(x*1000) / 1000
			return &x
		}
		return FigureRow{scope, id, label, f.Units, f.Coded, num(f.Percent), num(f.Kappa), num(f.Alpha), num(f.AlphaLow), num(f.AlphaHigh)}
	}
	rows := []FigureRow{row("overall", "", "Overall", rep.Overall)}
	for _, t := range rep.Topics {
		rows = append(rows, row("topic", t.Topic.ID, safetext.Clip(t.Topic.Label, 80), t.Figures))
	}
	for _, y := range rep.Years {
		rows = append(rows, row("year", strconv.Itoa(y.Year), YearLabel(y.Year), y.Figures))
	}
	return rows
}

// YearLabel names a year of an agreement report; 0 is the sources that
// report no meeting.
func YearLabel(year int) string {
	if year == 0 {
		return "no meeting"
	}
	return strconv.Itoa(year)
}

// Figure writes a rounded figure with three decimals, "" for none.
func Figure(x *float64) string {
	if x == nil {
		return ""
	}
	return strconv.FormatFloat(*x, 'f', 3, 64)
}

// AgreementCSV writes a report's figures as a table: scope, id, label,
// units, percent, kappa, alpha and its interval. shown transforms the
// labels (safetext.Visible for a terminal; nil keeps them exact), and every
// cell is inert in spreadsheets.
func AgreementCSV(rep *agreement.Report, shown func(string) string) ([]byte, error) {
	if shown == nil {
		shown = func(s string) string { return s }
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"scope", "id", "label", "units", "percent", "kappa", "alpha", "alpha_low", "alpha_high"})
	for _, r := range AgreementRows(rep) {
		w.Write([]string{r.Scope, safetext.CSVCell(r.ID), safetext.CSVCell(shown(r.Label)), strconv.Itoa(r.Units),
			Figure(r.Percent), Figure(r.Kappa), Figure(r.Alpha), Figure(r.AlphaLow), Figure(r.AlphaHigh)})
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
