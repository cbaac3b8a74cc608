package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/alliance-timeline/alliance-timeline/gen"
)

func runGen(env Env, args []string) int {
	fs := flagSet(env, "gen", "--out DIR [--meetings N --sources N --annotations N --seed S]\n       alliance-timeline gen --out DIR --points N [--lanes L --from YEAR --to YEAR --burst LANE:YEAR --gap LANE:YEAR --seed S]",
		"Write a synthetic corpus for trying the app at scale: valid, deterministic for a seed,\nwith English and some Korean text, dates over fifty years and exact annotations.\nWith --points: point items, one meeting each, on L lanes (the shape timeline tools are compared on)")
	out := fs.String("out", "", "the `folder` to write corpus.yaml and sources/ into: new or empty")
	meetings := fs.Int("meetings", 10000, "how many meetings")
	sources := fs.Int("sources", 30000, "how many sources")
	annotations := fs.Int("annotations", 100000, "how many annotations")
	seed := fs.Int64("seed", 1, "the random seed")
	points := fs.Int("points", 0, "write `N` point items instead: one meeting, source and annotation each")
	lanes := fs.Int("lanes", 20, "with --points: how many topic lanes")
	from := fs.Int("from", 2012, "with --points: the first `year`")
	to := fs.Int("to", 2023, "with --points: the last `year`")
	burst := fs.String("burst", "", "with --points: ten times a lane's items in one year, as `LANE:YEAR`")
	gap := fs.String("gap", "", "with --points: no item of a lane in one year, as `LANE:YEAR`")
	if _, code := parse(env, fs, args, 0); code >= 0 {
		return code
	}
	if *out == "" {
		say(env.Stderr, "alliance-timeline gen: --out is required")
		return ExitUsage
	}
	var write func() (string, error)
	if *points > 0 {
		o := gen.Points{Items: *points, Lanes: *lanes, From: *from, To: *to, Seed: *seed}
		var err error
		if o.Burst, err = laneYear("--burst", *burst); err == nil {
			o.Gap, err = laneYear("--gap", *gap)
		}
		if err == nil {
			err = o.Check()
		}
		if err != nil {
			say(env.Stderr, "alliance-timeline gen: %v", err)
			return ExitUsage
		}
		write = func() (string, error) { return gen.WritePoints(*out, o) }
	} else {
		opts := gen.Options{Meetings: *meetings, Sources: *sources, Annotations: *annotations, Seed: *seed}
		if err := opts.Check(); err != nil {
			say(env.Stderr, "alliance-timeline gen: %v", err)
			return ExitUsage
		}
		write = func() (string, error) { return gen.Write(*out, opts) }
	}
	path, err := write()
	if err != nil {
		say(env.Stderr, "alliance-timeline gen: %v", err)
		return ExitUsage
	}
	say(env.Stderr, "wrote %s", path)
	return ExitOK
}

// laneYear reads LANE:YEAR; "" is none.
func laneYear(flag, s string) (gen.LaneYear, error) {
	if s == "" {
		return gen.LaneYear{}, nil
	}
	lane, year, ok := strings.Cut(s, ":")
	l, err1 := strconv.Atoi(lane)
	y, err2 := strconv.Atoi(year)
	if !ok || err1 != nil || err2 != nil {
		return gen.LaneYear{}, fmt.Errorf("%s %q: give a lane and a year, as 3:2016", flag, s)
	}
	return gen.LaneYear{Lane: l, Year: y}, nil
}
