package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/charts"
	"github.com/alliance-timeline/alliance-timeline/data"
	"github.com/alliance-timeline/alliance-timeline/data/safetext"
	"github.com/alliance-timeline/alliance-timeline/data/textmatch"
	"github.com/alliance-timeline/alliance-timeline/export"
)

func runExport(env Env, args []string) int {
	names := strings.Join(export.Names(), ", ")
	fs := flagSet(env, "export", "--chart NAME --out FILE.png|FILE.svg|FILE.csv [--corpus CORPUS.yaml] [options]\n       alliance-timeline export --format qdpx|w3c|segments --out FILE.qdpx|FILE.jsonld|FILE.csv [--corpus CORPUS.yaml]",
		"Draw the timeline or a chart into a file, without a display. The format follows the extension:\n.png, .svg, or .csv (a chart's numbers; the timeline's marks). With --format, write the corpus for other tools:\na REFI-QDA project (MAXQDA, ATLAS.ti, NVivo, QualCoder), W3C Web Annotations, or coded segments")
	chart := fs.String("chart", "", "what to draw: "+names)
	format := fs.String("format", "", "instead of drawing, write the corpus as: qdpx (a REFI-QDA project, .qdpx), w3c (W3C Web Annotations, .jsonld) or segments (one row per annotation, .csv or .xlsx)")
	out := fs.String("out", "", "the `file` to write (.png, .svg or .csv)")
	corpus := fs.String("corpus", "", "the corpus `file` (default: the built-in corpus)")
	width := fs.Int("width", 0, "width in `points` (default: 1600 for the timeline, 1200 for charts)")
	height := fs.Int("height", 0, "height in `points` (default: what the timeline's lanes need, 675 for charts)")
	scale := fs.Float64("scale", 1, "pixels per point, 2 for print")
	from := fs.Int("from", 0, "first `year` (default: the corpus' first)")
	to := fs.Int("to", 0, "last `year` (default: the corpus' last)")
	topics := fs.String("topics", "", "comma-separated topic `ids` (default: all)")
	coders := fs.String("coders", "", "count only these `coders`' annotations, comma-separated, as the annotations name them (default: everyone's)")
	unit := fs.String("unit", "spans", "what to count: spans, sources or meetings")
	per1k := fs.Bool("per-1k-words", false, "divide by the words of source text")
	share := fs.Bool("share", false, "topic-trends: each topic's share of its year")
	avg := fs.Int("moving-average", 0, "topic-trends: average over this many `years` (0: off)")
	themeName := fs.String("theme", "light", "colours: light or dark")
	replace := fs.Bool("replace", false, "replace the --out file if it exists (never a file of the corpus)")
	phrases := fs.String("phrases", "", "phrase-trends: the `phrases`, comma-separated, matched as topic terms are (whole words, a trailing * for any ending)")
	by := fs.String("by", "year", "phrase-trends: count per year or per meeting")
	partA := fs.String("a", "", "keyness: part A: a `year` (2012), years (2020-2023), meeting:ID or topic:ID")
	partB := fs.String("b", "", "keyness: part B, as --a, or rest (the default: every source not in A)")
	minFreq := fs.Int("min-freq", 5, "keyness: the least `count` in A and B together a term needs")
	pos, code := parse(env, fs, args, 1)
	if code >= 0 {
		return code
	}
	if len(pos) == 1 && *corpus == "" {
		*corpus = pos[0]
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(env.Stderr, "alliance-timeline export: "+format+"\n", a...)
		return ExitUsage
	}
	u, err := data.ParseUnit(*unit)
	ext := strings.ToLower(filepath.Ext(*out))
	formats := map[string][]string{export.Project: {".qdpx"}, export.W3C: {".jsonld", ".json"}, export.Segments: {".csv", ".xlsx"}}
	if *format != "" {
		exts, ok := formats[*format]
		switch {
		case !ok:
			return usageErr("--format must be qdpx, w3c or segments, not %q", *format)
		case *chart != "":
			return usageErr("give --chart or --format, not both")
		case !slices.Contains(exts, ext):
			return usageErr("--format %s: --out must end in %s, not %q", *format, strings.Join(exts, " or "), *out)
		}
		*chart = *format
	}
	switch {
	case *chart == "":
		return usageErr("--chart is required (%s)", names)
	case *format != "":
	case !slices.Contains(export.Names(), *chart):
		return usageErr("--chart %q is not one of %s", *chart, names)
	case *out == "":
		return usageErr("--out is required")
	case ext != ".png" && ext != ".svg" && ext != ".csv" && *format == "":
		return usageErr("--out %q: the extension must be .png, .svg or .csv", *out)
	case err != nil:
		return usageErr("--unit: %v", err)
	case *themeName != "light" && *themeName != "dark":
		return usageErr("--theme must be light or dark, not %q", *themeName)
	case *from != 0 && *to != 0 && *to < *from:
		return usageErr("--from %d is after --to %d", *from, *to)
	case *from < 0 || *to < 0 || *from > 9999 || *to > 9999:
		return usageErr("--from and --to must be years")
	case *width < 0 || *height < 0:
		return usageErr("--width and --height must be positive")
	case !(*scale >= 0.5 && *scale <= 8):
		return usageErr("--scale %v: give a number from 0.5 to 8", *scale)
	case *avg < 0 || *avg > 25:
		return usageErr("--moving-average %d: a moving average is of 0 (off) to 25 years", *avg)
	case *chart == string(charts.PhraseTrends) && len(textmatch.ParseTerms(*phrases)) == 0:
		return usageErr("--chart phrase-trends needs --phrases, say --phrases \"extended deterrence,nuclear umbrella\"")
	case *by != "year" && *by != "meeting":
		return usageErr("--by must be year or meeting, not %q", *by)
	case *chart == export.Keyness && *partA == "":
		return usageErr("--chart keyness needs --a (and --b, or the rest of the corpus is B), say --a 2012 --b 2020-2023")
	case *chart == export.Keyness && ext != ".csv":
		return usageErr("--chart keyness writes a table: give --out a .csv name")
	case *minFreq < 1:
		return usageErr("--min-freq must be 1 or more")
	}
	c, _, code := loadReporting(env, "export", []string{*corpus})
	if code >= 0 {
		return code
	}
	req := export.Request{
		Chart: *chart, Width: *width, Height: *height, Scale: *scale, Dark: *themeName == "dark",
		Share: *share, MovingAverage: *avg, Phrases: *phrases, ByMeeting: *by == "meeting",
		Keyness: export.KeynessRequest{A: *partA, B: *partB, MinFreq: *minFreq},
		Query:   data.Query{Unit: u, PerThousandWords: *per1k, FromYear: *from, ToYear: *to},
	}
	for _, id := range commaList(*topics) {
		if c.Topic(id) == nil {
			return usageErr("--topics: there is no topic %q", id)
		}
		req.Query.Topics = append(req.Query.Topics, id)
	}
	if *coders != "" {
		known := c.Coders()
		for _, name := range commaList(*coders) {
			if !slices.Contains(known, name) {
				return usageErr("--coders: no annotation is by %s", safetext.Quote(name, 40))
			}
			req.Query.Coders = append(req.Query.Coders, name)
		}
	}
	res, err := export.File(c, req, *out, *replace)
	if errors.Is(err, export.ErrExists) {
		return usageErr("--out %q exists; add --replace to replace it", *out)
	}
	if err != nil {
		return usageErr("%v", err)
	}
	if res.Warning != "" {
		say(env.Stderr, "alliance-timeline export: warning: %s", res.Warning)
	}
	say(env.Stderr, "wrote %s (%d bytes)", *out, len(res.Bytes))
	return ExitOK
}
