package cli

import (
	"fmt"

	"github.com/alliance-timeline/alliance-timeline/gen"
)

func runGen(env Env, args []string) int {
	fs := flagSet(env, "gen", "--out DIR [--meetings N --sources N --annotations N --seed S]",
		"Write a synthetic corpus for trying the app at scale: valid, deterministic for a seed,\nwith English and some Korean text, dates over fifty years and exact annotations")
	out := fs.String("out", "", "the `folder` to write corpus.yaml and sources/ into")
	meetings := fs.Int("meetings", 10000, "how many meetings")
	sources := fs.Int("sources", 30000, "how many sources")
	annotations := fs.Int("annotations", 100000, "how many annotations")
	seed := fs.Int64("seed", 1, "the random seed")
	if _, code := parse(env, fs, args, 0); code >= 0 {
		return code
	}
	if *out == "" {
		fmt.Fprintln(env.Stderr, "alliance-timeline gen: --out is required")
		return ExitUsage
	}
	path, err := gen.Write(*out, gen.Options{Meetings: *meetings, Sources: *sources, Annotations: *annotations, Seed: *seed})
	if err != nil {
		fmt.Fprintf(env.Stderr, "alliance-timeline gen: %v\n", err)
		return ExitUsage
	}
	fmt.Fprintf(env.Stderr, "wrote %s\n", path)
	return ExitOK
}
