package cli

import (
	"github.com/alliance-timeline/alliance-timeline/gen"
)

func runGen(env Env, args []string) int {
	fs := flagSet(env, "gen", "--out DIR [--meetings N --sources N --annotations N --seed S]",
		"Write a synthetic corpus for trying the app at scale: valid, deterministic for a seed,\nwith English and some Korean text, dates over fifty years and exact annotations")
	out := fs.String("out", "", "the `folder` to write corpus.yaml and sources/ into: new or empty")
	meetings := fs.Int("meetings", 10000, "how many meetings")
	sources := fs.Int("sources", 30000, "how many sources")
	annotations := fs.Int("annotations", 100000, "how many annotations")
	seed := fs.Int64("seed", 1, "the random seed")
	if _, code := parse(env, fs, args, 0); code >= 0 {
		return code
	}
	if *out == "" {
		say(env.Stderr, "alliance-timeline gen: --out is required")
		return ExitUsage
	}
	opts := gen.Options{Meetings: *meetings, Sources: *sources, Annotations: *annotations, Seed: *seed}
	if err := opts.Check(); err != nil {
		say(env.Stderr, "alliance-timeline gen: %v", err)
		return ExitUsage
	}
	path, err := gen.Write(*out, opts)
	if err != nil {
		say(env.Stderr, "alliance-timeline gen: %v", err)
		return ExitUsage
	}
	say(env.Stderr, "wrote %s", path)
	return ExitOK
}
