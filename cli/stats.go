package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
)

func runStats(env Env, args []string) int {
	fs := flagSet(env, "stats", "[CORPUS.yaml] [--format table|csv|json]",
		"Print counts of a corpus. table: a summary for people; csv: annotated spans per year and topic\n(cells of years without source text are empty); json: an object for scripts")
	format := fs.String("format", "table", "output `format`: table, csv or json")
	pos, code := parse(env, fs, args, 1)
	if code >= 0 {
		return code
	}
	if *format != "table" && *format != "csv" && *format != "json" {
		say(env.Stderr, "alliance-timeline stats: --format must be table, csv or json, not %q", *format)
		return ExitUsage
	}
	c, _, code := loadReporting(env, "stats", pos)
	if code >= 0 {
		return code
	}
	var err error
	switch *format {
	case "json":
		var b []byte
		if b, err = json.MarshalIndent(c.Stats(), "", "  "); err == nil {
			_, err = env.Stdout.Write(append(safetext.JSON(b), '\n'))
		}
	case "csv":
		var counts *data.Counts
		counts, err = c.Count(data.Query{Unit: data.UnitSpans, By: data.ByYear})
		if err == nil {
			w := csv.NewWriter(env.Stdout)
			err = w.WriteAll(counts.CSV())
		}
	default:
		err = writeStatsTable(env.Stdout, c)
	}
	if err != nil {
		say(env.Stderr, "alliance-timeline stats: %v", err)
		return ExitUsage
	}
	return ExitOK
}

func writeStatsTable(out io.Writer, c *data.Corpus) error {
	s := c.Stats()
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "%s\n\n", shown(s.Title))
	fmt.Fprintf(w, "meetings\t%d\t(%d with source text)\n", s.Meetings, s.MeetingsWithText)
	fmt.Fprintf(w, "sources\t%d\t(%d words)\n", s.Sources, s.Words)
	fmt.Fprintf(w, "topics\t%d\n", s.Topics)
	fmt.Fprintf(w, "annotations\t%d\n", s.Annotations)
	fmt.Fprintf(w, "eras\t%d\n", s.Eras)
	fmt.Fprintf(w, "dates\t%s to %s\n", s.FirstDate, s.LastDate)
	fmt.Fprint(w, "anchors\t")
	for i, st := range data.AnchorStatuses {
		if i > 0 {
			fmt.Fprint(w, ", ")
		}
		fmt.Fprintf(w, "%d %s", s.Anchors[st.String()], st)
	}
	fmt.Fprint(w, "\n\nspans per topic\n")
	for _, t := range c.Topics {
		fmt.Fprintf(w, "  %s\t%d\n", shown(t.Label), s.PerTopic[t.ID])
	}
	fmt.Fprint(w, "\nspans per year\n")
	years := make([]string, 0, len(s.PerYear))
	for y := range s.PerYear {
		years = append(years, y)
	}
	sort.Strings(years)
	for _, y := range years {
		if n := s.PerYear[y]; n == nil {
			fmt.Fprintf(w, "  %s\t–\t(no source text)\n", y)
		} else {
			fmt.Fprintf(w, "  %s\t%d\n", y, *n)
		}
	}
	return w.Flush()
}

// shown is a corpus text as the table prints it: on one line, clipped,
// every control and bidi character made visible.
func shown(s string) string { return safetext.Visible(safetext.Clip(s, 200)) }
