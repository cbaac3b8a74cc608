package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/suggest"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
)

// suggestionRow is one suggestion as suggest prints it.
type suggestionRow struct {
	Source string `json:"source"`
	Topic  string `json:"topic"`
	Term   string `json:"term"`  // the terms found, joined by "; "
	Start  int    `json:"start"` // code points of the stored text
	End    int    `json:"end"`   // exclusive
	Quote  string `json:"quote"`
}

func runSuggest(env Env, args []string) int {
	fs := flagSet(env, "suggest", "[CORPUS.yaml] [--topic ID] [--unit sentence|clause] [--format csv|json]",
		"List the passages that a topic's terms point at and no annotation of that topic codes (nor a rejection holds),\n"+
			"one row per passage: source, topic, term (the terms found, joined by \"; \"), start and end (code points of the\n"+
			"stored text, end exclusive) and quote (the text at those offsets). It writes nothing.")
	var topics multiFlag
	fs.Var(&topics, "topic", "only the topic `ID` (repeat the flag, or separate ids with commas)")
	unit := fs.String("unit", "sentence", "snap each match to its `unit`: sentence or clause")
	format := fs.String("format", "csv", "output `format`: csv or json")
	pos, code := parse(env, fs, args, 1)
	if code >= 0 {
		return code
	}
	if *format != "csv" && *format != "json" {
		say(env.Stderr, "alliance-timeline suggest: --format must be csv or json, not %q", safetext.Clip(*format, 40))
		return ExitUsage
	}
	opts := suggest.Options{Unit: suggest.Sentence}
	switch *unit {
	case "sentence":
	case "clause":
		opts.Unit = suggest.Clause
	default:
		say(env.Stderr, "alliance-timeline suggest: --unit must be sentence or clause, not %q", safetext.Clip(*unit, 40))
		return ExitUsage
	}
	c, _, code := loadReporting(env, "suggest", pos)
	if code >= 0 {
		return code
	}
	var ids []string
	for _, list := range topics {
		for _, id := range strings.Split(list, ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
	}
	for _, id := range ids {
		t := c.Topic(id)
		if t == nil {
			known := make([]string, len(c.Topics))
			for i, t := range c.Topics {
				known[i] = t.ID
			}
			msg := "alliance-timeline suggest: --topic: there is no topic " + strconv.Quote(safetext.Clip(id, 60))
			if s := textmatch.Suggest(id, known); s != "" {
				msg += "; did you mean " + strconv.Quote(s) + "?"
			}
			say(env.Stderr, "%s", msg)
			return ExitUsage
		}
		opts.Topics = append(opts.Topics, t)
	}
	found, err := suggest.Find(context.Background(), c, opts)
	if err == nil {
		err = writeSuggestions(env, *format, rowsOf(found))
	}
	if err != nil {
		say(env.Stderr, "alliance-timeline suggest: %v", err)
		return ExitUsage
	}
	return ExitOK
}

// toTerminal reports whether w is a terminal.
func toTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func rowsOf(found []suggest.Suggestion) []suggestionRow {
	rows := make([]suggestionRow, len(found))
	for i, s := range found {
		rows[i] = suggestionRow{Source: s.Source.ID, Topic: s.Topic.ID, Term: strings.Join(s.Terms, "; "), Start: s.Start, End: s.End, Quote: s.Quote()}
	}
	return rows
}

func writeSuggestions(env Env, format string, rows []suggestionRow) error {
	if format == "json" {
		if rows == nil {
			rows = []suggestionRow{}
		}
		b, err := json.MarshalIndent(rows, "", "  ")
		if err == nil {
			_, err = env.Stdout.Write(append(safetext.JSON(b), '\n'))
		}
		return err
	}
	// On a terminal the text is read, not parsed: control and bidi
	// characters are made visible there; a pipe or a file gets the exact
	// text (inert for spreadsheets either way).
	shown := func(s string) string { return s }
	if toTerminal(env.Stdout) {
		shown = safetext.Visible
	}
	w := csv.NewWriter(env.Stdout)
	w.Write([]string{"source", "topic", "term", "start", "end", "quote"})
	for _, r := range rows {
		w.Write([]string{safetext.CSVCell(r.Source), safetext.CSVCell(r.Topic), safetext.CSVCell(shown(r.Term)),
			strconv.Itoa(r.Start), strconv.Itoa(r.End), safetext.CSVCell(shown(r.Quote))})
	}
	w.Flush()
	return w.Error()
}
