package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alliance-timeline/alliance-timeline/data/agreement"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/export"
)

func runAgreement(env Env, args []string) int {
	fs := flagSet(env, "agreement", "[CORPUS.yaml] --coders a,b[,c...] [--unit sentence|paragraph|source] [--format table|csv|json]",
		"Measure how far coders agree, per topic, overall and per year, on the sources two of them or more annotated:\n"+
			"percent agreement, Cohen's kappa (two coders) and Krippendorff's alpha (nominal) with a bootstrap 95% interval.\n"+
			"A coder who annotated nothing in a source is taken not to have coded it. The table lists the first\n"+
			"disagreements; json lists them all. It writes nothing.")
	coders := fs.String("coders", "", "the `coders` to compare, as the annotations name them, separated by commas")
	unitName := fs.String("unit", "sentence", "compare on each `unit`: sentence, paragraph or source")
	format := fs.String("format", "table", "output `format`: table, csv or json")
	pos, code := parse(env, fs, args, 1)
	if code >= 0 {
		return code
	}
	fail := func(format string, a ...any) int {
		say(env.Stderr, "alliance-timeline agreement: "+format, a...)
		return ExitUsage
	}
	if *format != "table" && *format != "csv" && *format != "json" {
		return fail("--format must be table, csv or json, not %q", safetext.Clip(*format, 40))
	}
	unit, err := agreement.ParseUnit(*unitName)
	if err != nil {
		return fail("--%v", err)
	}
	names := commaList(*coders)
	if len(names) < 2 {
		return fail("--coders needs two coders or more, as a,b")
	}
	c, _, code := loadReporting(env, "agreement", pos)
	if code >= 0 {
		return code
	}
	rep, err := agreement.Compare(context.Background(), c, agreement.Options{Coders: names, Unit: unit})
	if err != nil {
		return fail("%v", err)
	}
	switch *format {
	case "json":
		var places []agreement.Difference
		if places, err = agreement.Differences(context.Background(), c, names); err == nil {
			err = writeAgreementJSON(env, rep, places)
		}
	case "csv":
		err = writeAgreementCSV(env, rep)
	default:
		err = writeAgreementTable(env, rep)
	}
	if err != nil {
		return fail("%v", err)
	}
	return ExitOK
}

// disagreementRow is a disagreement as json lists it.
type disagreementRow struct {
	Source   string   `json:"source"`
	Topic    string   `json:"topic"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Coded    []string `json:"coded"`
	NotCoded []string `json:"not_coded"`
	Quote    string   `json:"quote"`
}

// placeRow is a place coded differently as json lists it, with each
// coder's annotations there (offsets in code points).
type placeRow struct {
	Source      string      `json:"source"`
	Coders      []string    `json:"coders"`
	SameTopics  bool        `json:"same_topics"`
	Annotations []placeSpan `json:"annotations"`
}

type placeSpan struct {
	Coder string `json:"coder"`
	Topic string `json:"topic"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	File  string `json:"file,omitempty"`
	Quote string `json:"quote"`
}

func writeAgreementJSON(env Env, rep *agreement.Report, places []agreement.Difference) error {
	out := struct {
		Coders        []string           `json:"coders"`
		Unit          string             `json:"unit"`
		Sources       int                `json:"sources"`
		Figures       []export.FigureRow `json:"figures"`
		Disagreements []disagreementRow  `json:"disagreements"`
		Places        []placeRow         `json:"places"` // coded differently by two coders or more: the merge view
	}{rep.Coders, rep.Unit.String(), rep.Sources, export.AgreementRows(rep), []disagreementRow{}, []placeRow{}}
	for _, d := range rep.Disagreements {
		out.Disagreements = append(out.Disagreements, disagreementRow{d.Source.ID, d.Topic.ID, d.Start, d.End, d.Coded, d.NotCoded,
			d.Source.Text[d.ByteStart:d.ByteEnd]})
	}
	for _, p := range places {
		row := placeRow{Source: p.Source.ID, Coders: p.Coders, SameTopics: p.SameTopics}
		for _, a := range p.Annotations {
			row.Annotations = append(row.Annotations, placeSpan{a.Coder, a.Topic.ID, a.Anchor.Start, a.Anchor.End, a.File, a.Text()})
		}
		out.Places = append(out.Places, row)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err == nil {
		_, err = env.Stdout.Write(append(safetext.JSON(b), '\n'))
	}
	return err
}

func writeAgreementCSV(env Env, rep *agreement.Report) error {
	var shown func(string) string
	if toTerminal(env.Stdout) {
		shown = safetext.Visible
	}
	b, err := export.AgreementCSV(rep, shown)
	if err == nil {
		_, err = env.Stdout.Write(b)
	}
	return err
}

// shownDisagreements bounds the disagreements the table lists.
const shownDisagreements = 10

func writeAgreementTable(env Env, rep *agreement.Report) error {
	fmt.Fprintf(env.Stdout, "Agreement of %s on the %ss of %s (coded by two of them or more)\n\n",
		safetext.Visible(strings.Join(rep.Coders, ", ")), rep.Unit, safetext.Plural(rep.Sources, "source"))
	if rep.Sources == 0 {
		fmt.Fprintln(env.Stdout, "No source was coded by two of these coders: there is nothing to compare.")
		return nil
	}
	num := func(x *float64) string {
		if x == nil {
			return "n/a"
		}
		return export.Figure(x)
	}
	rows := export.AgreementRows(rep)
	width := len("By year")
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(safetext.Visible(safetext.Clip(r.Label, 40))))
	}
	line := func(label string, cells ...string) {
		fmt.Fprintf(env.Stdout, "%s%s", label, strings.Repeat(" ", width-utf8.RuneCountInString(label)))
		for i, c := range cells {
			fmt.Fprintf(env.Stdout, "  %*s", []int{6, 7, 6, 6, 17}[i], c)
		}
		fmt.Fprintln(env.Stdout)
	}
	line("", "units", "percent", "kappa", "alpha", "alpha 95% interval")
	for i, r := range rows {
		if r.Scope == "year" && rows[i-1].Scope != "year" {
			line("By year")
		}
		interval := "n/a"
		if r.AlphaLow != nil {
			interval = num(r.AlphaLow) + " to " + num(r.AlphaHigh)
		}
		line(safetext.Visible(safetext.Clip(r.Label, 40)), strconv.Itoa(r.Units), num(r.Percent), num(r.Kappa), num(r.Alpha), interval)
	}
	fmt.Fprintf(env.Stdout, "\n%s", safetext.Plural(len(rep.Disagreements), "disagreement"))
	if len(rep.Disagreements) > shownDisagreements {
		fmt.Fprintf(env.Stdout, " (the first %d; --format json lists them all)", shownDisagreements)
	}
	fmt.Fprintln(env.Stdout)
	for i, d := range rep.Disagreements {
		if i == shownDisagreements {
			break
		}
		fmt.Fprintf(env.Stdout, "  %s %d–%d %s: coded by %s, not by %s: %s\n", safetext.Visible(d.Source.ID), d.Start, d.End,
			safetext.Visible(d.Topic.ID), safetext.Visible(strings.Join(d.Coded, ", ")), safetext.Visible(strings.Join(d.NotCoded, ", ")),
			safetext.Quote(d.Source.Text[d.ByteStart:d.ByteEnd], 80))
	}
	return nil
}

// commaList splits a flag's comma-separated list, each item trimmed, the
// empty ones left out.
func commaList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
